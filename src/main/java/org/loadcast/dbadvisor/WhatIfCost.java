package org.loadcast.dbadvisor;

import java.util.Locale;

/**
 * A statement's plan cost without and with a candidate index.
 *
 * @param statement the statement, with {@code $n} markers
 * @param createIndex the candidate, a {@code CREATE INDEX} statement
 * @param tableName the candidate's table
 * @param costBefore the plan's total cost without the index, planner units, >= 0
 * @param costAfter the plan's total cost with the index, planner units, >= 0
 * @param method how the cost with the index was measured
 */
public record WhatIfCost(String statement, String createIndex, String tableName, double costBefore, double costAfter,
    WhatIfMethod method) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if a text or the method is missing, or a cost is negative or NaN
   */
  public WhatIfCost {
    if (statement == null || createIndex == null || tableName == null || method == null) {
      throw new IllegalArgumentException("a what-if cost needs a statement, an index, a table and a method");
    }
    if (!(costBefore >= 0) || !(costAfter >= 0)) {
      throw new IllegalArgumentException("costs must be >= 0, but were " + costBefore + " and " + costAfter);
    }
  }

  /**
   * Returns the cost cut, (before - after) / before: 0.5 halves the cost, negative means the index
   * made the plan dearer; 0 when costBefore is 0.
   */
  public double cutFraction() {
    return costBefore == 0 ? 0 : (costBefore - costAfter) / costBefore;
  }

  /** Returns one line for a report: "orders: 4122.00 -> 146.26 (-96.5 %) by HYPOPG: CREATE INDEX ...". */
  public String summary() {
    double changePercent = -100 * cutFraction() + 0.0; // + 0.0 turns -0.0 into 0.0
    return String.format(Locale.ROOT, "%s: %.2f -> %.2f (%+.1f %%) by %s: %s", tableName, costBefore, costAfter,
        changePercent, method, createIndex);
  }
}
