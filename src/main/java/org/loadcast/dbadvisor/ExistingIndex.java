package org.loadcast.dbadvisor;

import java.util.List;

/**
 * An index the database already has: its table and its key columns in order (expression keys left
 * out by whoever reads the catalogue).
 *
 * @param table the table, as in {@link IndexCandidate#table()}
 * @param columns the key columns, leading column first; at least one
 */
public record ExistingIndex(String table, List<String> columns) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if the table is blank or the columns are empty
   */
  public ExistingIndex {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("table must not be blank");
    }
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("columns must not be empty");
    }
    columns = List.copyOf(columns);
  }

  /**
   * Returns whether this index already serves the candidate: same table, and the candidate's columns
   * are a leading prefix of this index's columns (a b-tree on (a, b) serves lookups on a).
   */
  public boolean covers(IndexCandidate candidate) {
    return table.equals(candidate.table()) && columns.size() >= candidate.columns().size()
        && columns.subList(0, candidate.columns().size()).equals(candidate.columns());
  }
}
