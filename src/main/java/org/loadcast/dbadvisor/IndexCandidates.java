package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes the b-tree indexes worth a what-if check, following Dexter (Andrew Kane, "Automatic
 * indexing for Postgres", github.com/ankane/dexter): every column a statement filters, joins or sorts
 * on gets a single-column candidate, and each pair of columns of one table gets a two-column
 * candidate with an equality (or join) column first and a range or ORDER BY column second, because
 * a b-tree serves a range or an order only on the column after the equality prefix (PostgreSQL 15
 * documentation, 11.3 "Multicolumn Indexes"). Two equality columns give both orders; the what-if
 * costs decide between them.
 *
 * <p>Candidates that an existing index covers as a prefix are dropped. Whether a candidate helps is
 * for the plan costs to say ({@link IndexSelection}).
 */
public final class IndexCandidates {
  private IndexCandidates() {}

  /**
   * Returns the candidates for one statement.
   *
   * @param usage the statement's column usage
   * @param existing the indexes the database has; may be empty
   * @return the candidates, ordered by table, then single-column before two-column, then the order
   *     the statement names the columns; empty when the statement filters, joins and sorts on no
   *     column of a known table
   */
  public static List<IndexCandidate> forStatement(ColumnUsage usage, Collection<ExistingIndex> existing) {
    return propose(List.of(usage), existing);
  }

  /**
   * Returns the candidates for a workload, without repeats.
   *
   * @param usages the column usage of each statement
   * @param existing the indexes the database has; may be empty
   * @return the distinct candidates of all statements, ordered as in {@link #forStatement}; empty for
   *     no statements
   */
  public static List<IndexCandidate> propose(Collection<ColumnUsage> usages, Collection<ExistingIndex> existing) {
    Set<IndexCandidate> all = new LinkedHashSet<>();
    for (ColumnUsage usage : usages) {
      for (Map.Entry<String, Columns> table : byTable(usage).entrySet()) {
        all.addAll(table.getValue().candidates(table.getKey()));
      }
    }
    List<IndexCandidate> kept = new ArrayList<>();
    for (IndexCandidate candidate : all) {
      if (existing.stream().noneMatch(index -> index.covers(candidate))) {
        kept.add(candidate);
      }
    }
    List<IndexCandidate> ordered = new ArrayList<>(kept);
    ordered.sort(Comparator.comparing(IndexCandidate::table).thenComparing(c -> c.columns().size()));
    return List.copyOf(ordered);
  }

  private static Map<String, Columns> byTable(ColumnUsage usage) {
    Map<String, Columns> tables = new LinkedHashMap<>();
    usage.equalityColumns().forEach(c -> columns(tables, c).equality.add(c.column()));
    usage.joinColumns().forEach(c -> columns(tables, c).equality.add(c.column()));
    usage.rangeColumns().forEach(c -> columns(tables, c).after.add(c.column()));
    usage.orderByColumns().forEach(o -> columns(tables, o.column()).after.add(o.column().column()));
    return tables;
  }

  private static Columns columns(Map<String, Columns> tables, ColumnRef column) {
    return tables.computeIfAbsent(column.table(), t -> new Columns());
  }

  /** The columns of one table in one statement: equality-like ones, and those that must come after. */
  private static final class Columns {
    final Set<String> equality = new LinkedHashSet<>();
    final Set<String> after = new LinkedHashSet<>();

    List<IndexCandidate> candidates(String table) {
      List<IndexCandidate> out = new ArrayList<>();
      Set<String> singles = new LinkedHashSet<>(equality);
      singles.addAll(after);
      singles.forEach(c -> out.add(new IndexCandidate(table, List.of(c))));
      for (String first : equality) {
        for (String second : equality) {
          if (!first.equals(second)) {
            out.add(new IndexCandidate(table, List.of(first, second)));
          }
        }
        for (String second : after) {
          if (!equality.contains(second)) {
            out.add(new IndexCandidate(table, List.of(first, second)));
          }
        }
      }
      return out;
    }
  }
}
