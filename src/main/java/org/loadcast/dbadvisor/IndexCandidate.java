package org.loadcast.dbadvisor;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A b-tree index that might serve the workload: a table and its key columns in order.
 *
 * @param table the table, as PostgreSQL names it ({@code orders} or {@code shop.orders})
 * @param columns the key columns, leading column first; one or two, distinct
 */
public record IndexCandidate(String table, List<String> columns) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if the table is blank, or the columns are empty, more than two,
   *     blank or repeated
   */
  public IndexCandidate {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("table must not be blank");
    }
    if (columns == null || columns.isEmpty() || columns.size() > 2) {
      throw new IllegalArgumentException("columns must hold 1 or 2 names, but was " + columns);
    }
    if (columns.stream().anyMatch(c -> c == null || c.isBlank()) || columns.stream().distinct().count() < columns.size()) {
      throw new IllegalArgumentException("columns must be distinct, non-blank names, but was " + columns);
    }
    columns = List.copyOf(columns);
  }

  /**
   * Returns the index name PostgreSQL itself would choose: {@code table_col1_col2_idx}, without the
   * schema, cut to 63 bytes (PostgreSQL's {@code ChooseIndexName} convention).
   */
  public String indexName() {
    String bare = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
    return SqlIdentifier.truncate(bare + "_" + String.join("_", columns) + "_idx");
  }

  /**
   * Returns the DDL that builds the index without blocking writes, e.g. {@code CREATE INDEX
   * CONCURRENTLY orders_customer_id_idx ON orders (customer_id)}, with names quoted only where
   * PostgreSQL needs it. CONCURRENTLY cannot run inside a transaction block (PostgreSQL 15, CREATE
   * INDEX).
   */
  public String ddl() {
    return "CREATE INDEX CONCURRENTLY " + SqlIdentifier.quote(indexName()) + " ON " + SqlIdentifier.quoteQualified(table)
        + " (" + columns.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", ")) + ")";
  }

  /** Returns {@code table(col1, col2)}. */
  @Override
  public String toString() {
    return table + "(" + String.join(", ", columns) + ")";
  }
}
