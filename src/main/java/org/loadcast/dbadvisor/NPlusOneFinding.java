package org.loadcast.dbadvisor;

/**
 * One N+1 run inside one request: a statement repeated {@code count} times in a row right after a
 * source statement.
 *
 * @param requestId the request
 * @param requestName the request's name; null when the log has none
 * @param sourceStatement the normalised statement just before the run
 * @param repeatedStatement the normalised statement repeated
 * @param repeatedFingerprint the repeated statement's fingerprint
 * @param count how many times it ran in a row; >= the detector's minimum
 * @param totalMillis the run's total execution time, in milliseconds
 * @param distinctParameterSets how many distinct parameter lists the run used
 * @param rewrite the suggested batched rewrite
 */
public record NPlusOneFinding(String requestId, String requestName, String sourceStatement,
    String repeatedStatement, String repeatedFingerprint, int count, double totalMillis, int distinctParameterSets,
    BatchedRewrite rewrite) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a statement or the rewrite is missing, count is below 2, or
   *     totalMillis is negative or not finite
   */
  public NPlusOneFinding {
    if (requestId == null || sourceStatement == null || repeatedStatement == null || repeatedFingerprint == null
        || rewrite == null) {
      throw new IllegalArgumentException("requestId, the statements, the fingerprint and the rewrite are required");
    }
    if (count < 2) {
      throw new IllegalArgumentException("count must be >= 2, but was " + count);
    }
    if (!(totalMillis >= 0) || Double.isInfinite(totalMillis)) {
      throw new IllegalArgumentException("totalMillis must be finite and >= 0, but was " + totalMillis);
    }
  }
}
