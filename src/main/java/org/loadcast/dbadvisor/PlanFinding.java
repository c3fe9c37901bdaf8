package org.loadcast.dbadvisor;

import java.util.List;
import java.util.Locale;

/**
 * One thing in a query plan that an index could fix, found by {@link PlanChecks}.
 *
 * @param kind what was found
 * @param relationName the table concerned
 * @param columns the columns an index would need, in order: a Sort's keys; empty for the other kinds
 *     (the filter's columns come from parsing the statement, not from the plan)
 * @param tableRows the table's estimated rows ({@code pg_class.reltuples}), >= 0
 * @param keptRows the rows the scan is estimated to return, >= 0
 * @param evidence the plan's own text: the filter, the sort key, or the inner scan's filter; may be empty
 */
public record PlanFinding(Kind kind, String relationName, List<String> columns, double tableRows, double keptRows,
    String evidence) {

  /** The kinds of finding, each with the fix it points to. */
  public enum Kind {
    /** A sequential scan of a large table whose filter keeps few rows: an index on the filter's columns. */
    SELECTIVE_SEQ_SCAN,
    /** A Sort directly above a scan of one table by its own columns: an index in that order. */
    SORT_AN_INDEX_COULD_SERVE,
    /** A nested loop whose inner side scans a table sequentially once per outer row: an index on the join column. */
    NESTED_LOOP_INNER_SEQ_SCAN
  }

  /**
   * Checks the values and copies the columns.
   *
   * @throws IllegalArgumentException if kind or relationName is missing, or a row count is negative or NaN
   */
  public PlanFinding {
    if (kind == null || relationName == null || relationName.isBlank()) {
      throw new IllegalArgumentException("a finding needs a kind and a table");
    }
    if (!(tableRows >= 0) || !(keptRows >= 0)) {
      throw new IllegalArgumentException("tableRows and keptRows must be >= 0, but were " + tableRows + " and " + keptRows);
    }
    columns = List.copyOf(columns);
    evidence = evidence == null ? "" : evidence;
  }

  /**
   * Returns the fraction of the table the scan keeps, keptRows / tableRows, 0 to 1 (more when the
   * estimates disagree); 0 for an empty table.
   */
  public double keptFraction() {
    return tableRows == 0 ? 0 : keptRows / tableRows;
  }

  /** Returns one line for a report, such as "Seq Scan on orders keeps 40 of 200000 rows (0.02 %): Filter (customer_id = 42)". */
  public String summary() {
    return switch (kind) {
      case SELECTIVE_SEQ_SCAN -> String.format(Locale.ROOT, "Seq Scan on %s keeps %.0f of %.0f rows (%.2f %%): Filter %s",
          relationName, keptRows, tableRows, 100 * keptFraction(), evidence);
      case SORT_AN_INDEX_COULD_SERVE -> String.format(Locale.ROOT, "Sort of %s by (%s) above a scan: an index in that order "
          + "could return the rows sorted", relationName, String.join(", ", columns));
      case NESTED_LOOP_INNER_SEQ_SCAN -> String.format(Locale.ROOT, "Nested Loop scans %s (%.0f rows) sequentially on its "
          + "inner side, once per outer row%s", relationName, tableRows, evidence.isEmpty() ? "" : ": Filter " + evidence);
    };
  }
}
