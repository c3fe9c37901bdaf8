package org.loadcast.dbadvisor;

/**
 * One normalised statement's totals from {@code pg_stat_statements} (PostgreSQL documentation,
 * F.32 "pg_stat_statements", columns of PostgreSQL 13 and later).
 *
 * @param query the statement's text with constants replaced by {@code $n}
 * @param calls how many times it ran, >= 0
 * @param totalExecMillis the time spent running it, milliseconds, >= 0 ({@code total_exec_time})
 * @param meanExecMillis the mean time per call, milliseconds, >= 0 ({@code mean_exec_time})
 * @param rows the rows it returned or affected in total, >= 0
 */
public record StatementStatistics(String query, long calls, double totalExecMillis, double meanExecMillis, long rows) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the query is blank or a number is negative or NaN
   */
  public StatementStatistics {
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("query must not be blank");
    }
    if (calls < 0 || rows < 0 || !(totalExecMillis >= 0) || !(meanExecMillis >= 0)) {
      throw new IllegalArgumentException("calls, rows and times must be >= 0, but were " + calls + ", " + rows + ", "
          + totalExecMillis + ", " + meanExecMillis);
    }
  }
}
