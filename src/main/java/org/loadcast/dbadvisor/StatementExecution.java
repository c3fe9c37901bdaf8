package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One execution of a statement, as a log recorded it.
 *
 * @param requestId the request (or transaction) the execution belongs to; null when the source has
 *     none (PostgreSQL logs)
 * @param requestName the request's name, such as {@code GET /orders/{id}}, for grouping requests;
 *     null when unknown
 * @param startedAtMicros when the execution started, in microseconds since the source's origin (the
 *     run's start or the epoch); null when the source does not say
 * @param durationMicros how long it took, in microseconds; >= 0
 * @param sql the statement text as executed (with parameter markers, or with literals)
 * @param params the bound parameter values as text, in order, null for SQL NULL; empty when none
 * @param plan the plan logged with it (auto_explain: text or JSON), or null
 * @param source where it was read, {@code file:line}, for messages
 */
public record StatementExecution(String requestId, String requestName, Long startedAtMicros, long durationMicros,
    String sql, List<String> params, String plan, String source) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if durationMicros is negative, sql is blank, or params is null
   */
  public StatementExecution {
    if (durationMicros < 0) {
      throw new IllegalArgumentException("durationMicros must be >= 0, but was " + durationMicros);
    }
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    if (params == null) {
      throw new IllegalArgumentException("params is required (empty when there are none)");
    }
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /** Returns the duration in milliseconds. */
  public double durationMillis() {
    return durationMicros / 1000.0;
  }
}
