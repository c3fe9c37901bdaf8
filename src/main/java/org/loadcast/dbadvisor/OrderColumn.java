package org.loadcast.dbadvisor;

/**
 * A column in an ORDER BY clause.
 *
 * @param column the column
 * @param descending whether the clause sorts it descending
 */
public record OrderColumn(ColumnRef column, boolean descending) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if column is null
   */
  public OrderColumn {
    if (column == null) {
      throw new IllegalArgumentException("column is required");
    }
  }
}
