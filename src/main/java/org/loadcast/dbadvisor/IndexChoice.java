package org.loadcast.dbadvisor;

import java.util.List;

/**
 * An index the greedy selection chose, with what it buys.
 *
 * @param candidate the index
 * @param benefit the workload cost it removes when chosen: the sum over statements of executions times
 *     the cost it saves beyond the indexes chosen before it, in planner cost units
 * @param writePenalty the maintenance charge: the table's writes times the cost per write, in the same
 *     units
 * @param served the what-if costs of the statements it improved when chosen (cost before = the best
 *     cost before it), in statement fingerprint order
 */
public record IndexChoice(IndexCandidate candidate, double benefit, double writePenalty, List<CandidateCost> served) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if candidate or served is missing
   */
  public IndexChoice {
    if (candidate == null || served == null) {
      throw new IllegalArgumentException("candidate and served are required");
    }
    served = List.copyOf(served);
  }

  /** Returns {@code benefit - writePenalty}; positive for every chosen index. */
  public double netBenefit() {
    return benefit - writePenalty;
  }
}
