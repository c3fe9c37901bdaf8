package org.loadcast.dbadvisor;

import java.util.List;

/**
 * How one statement uses columns, with aliases resolved to tables: the raw material for index
 * candidates.
 *
 * <p>Each list is in the order the columns first appear in the statement, without repeats. A column
 * whose table cannot be told (an unqualified name with several tables in scope, or a name from a
 * subquery or common table expression) is left out.
 *
 * @param kind what the statement does
 * @param equalityColumns columns compared with {@code = value}, {@code IN (...)}, {@code = ANY(...)}
 *     or {@code IS NULL}
 * @param rangeColumns columns compared with {@code <, <=, >, >=}, {@code BETWEEN} or a {@code LIKE}
 *     pattern with a fixed prefix ({@code 'abc%'})
 * @param joinColumns both sides of each {@code a.x = b.y} between two tables, in JOIN ... ON and
 *     WHERE
 * @param orderByColumns the ORDER BY columns, with their direction
 * @param tablesRead the tables the statement reads (FROM, JOIN, USING, subqueries)
 * @param tablesWritten the tables an INSERT, UPDATE or DELETE writes; empty for other statements
 */
public record ColumnUsage(StatementKind kind, List<ColumnRef> equalityColumns, List<ColumnRef> rangeColumns,
    List<ColumnRef> joinColumns, List<OrderColumn> orderByColumns, List<String> tablesRead,
    List<String> tablesWritten) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if kind or a list is null
   */
  public ColumnUsage {
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    equalityColumns = copy(equalityColumns, "equalityColumns");
    rangeColumns = copy(rangeColumns, "rangeColumns");
    joinColumns = copy(joinColumns, "joinColumns");
    orderByColumns = copy(orderByColumns, "orderByColumns");
    tablesRead = copy(tablesRead, "tablesRead");
    tablesWritten = copy(tablesWritten, "tablesWritten");
  }

  /**
   * Parses a statement and returns its column usage.
   *
   * @param sql one statement
   * @return the usage
   * @throws MalformedSqlException if JSqlParser cannot parse the statement
   */
  public static ColumnUsage of(String sql) {
    return ColumnUsageFinder.find(SqlParsing.parse(sql));
  }

  private static <T> List<T> copy(List<T> list, String name) {
    if (list == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return List.copyOf(list);
  }
}
