package org.loadcast.dbadvisor;

/**
 * A statement's planner cost without and with one candidate index, as a what-if check measured it
 * (HypoPG, or a rolled-back CREATE INDEX + EXPLAIN).
 *
 * @param fingerprint the statement's fingerprint
 * @param candidate the candidate index
 * @param costBefore the plan's total cost without the index, in PostgreSQL's planner cost units; > 0
 * @param costAfter the plan's total cost with it, in the same units; >= 0
 */
public record CandidateCost(String fingerprint, IndexCandidate candidate, double costBefore, double costAfter) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if fingerprint or candidate is missing, costBefore is not > 0 or
   *     costAfter is not >= 0 (both finite)
   */
  public CandidateCost {
    if (fingerprint == null || fingerprint.isBlank() || candidate == null) {
      throw new IllegalArgumentException("fingerprint and candidate are required");
    }
    if (!(costBefore > 0) || Double.isInfinite(costBefore)) {
      throw new IllegalArgumentException("costBefore must be finite and > 0, but was " + costBefore);
    }
    if (!(costAfter >= 0) || Double.isInfinite(costAfter)) {
      throw new IllegalArgumentException("costAfter must be finite and >= 0, but was " + costAfter);
    }
  }

  /** Returns the share of the cost the index removes, {@code 1 - costAfter / costBefore}; negative when it adds cost. */
  public double cutFraction() {
    return 1 - costAfter / costBefore;
  }
}
