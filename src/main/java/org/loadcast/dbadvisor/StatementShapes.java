package org.loadcast.dbadvisor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses each distinct statement text once and remembers its normalised form and column usage: a
 * load-test log repeats the same few texts many thousand times. Not thread-safe; one per analysis.
 */
final class StatementShapes {
  private final Map<String, Shape> shapes = new HashMap<>();

  /** A statement text's normalised form, and its column usage when JSqlParser parsed it. */
  record Shape(NormalizedSql normalized, Optional<ColumnUsage> usage) {}

  /** Returns the shape of a statement text. */
  Shape of(String sql) {
    return shapes.computeIfAbsent(sql, StatementShapes::parse);
  }

  private static Shape parse(String sql) {
    try {
      var statement = SqlParsing.parse(sql);
      return new Shape(NormalizedSql.of(statement), Optional.of(ColumnUsageFinder.find(statement)));
    } catch (MalformedSqlException e) {
      return new Shape(NormalizedSql.of(sql), Optional.empty());
    }
  }
}
