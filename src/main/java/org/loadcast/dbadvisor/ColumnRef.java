package org.loadcast.dbadvisor;

/**
 * A column of a table, by the names PostgreSQL would use: unquoted names folded to lower case,
 * quoted names as written (without the quotes).
 *
 * @param table the table, schema-qualified ({@code shop.orders}) when the statement qualified it
 * @param column the column
 */
public record ColumnRef(String table, String column) {

  /**
   * Validates the names.
   *
   * @throws IllegalArgumentException if either name is blank
   */
  public ColumnRef {
    if (table == null || table.isBlank()) {
      throw new IllegalArgumentException("table must not be blank");
    }
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("column must not be blank");
    }
  }

  /** Returns {@code table.column}. */
  @Override
  public String toString() {
    return table + "." + column;
  }
}
