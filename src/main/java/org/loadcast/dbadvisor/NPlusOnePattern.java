package org.loadcast.dbadvisor;

/**
 * One N+1 pattern summed over all requests of one name.
 *
 * @param requestName the requests' name; null when the log has none
 * @param sourceStatement the normalised source statement
 * @param repeatedStatement the normalised repeated statement
 * @param requestsWithPattern how many requests of this name had the run; >= 1
 * @param requestsOfName how many requests of this name the log holds; >= requestsWithPattern
 * @param medianRunLength the median of the runs' lengths (the mean of the middle two for an even
 *     number of runs)
 * @param totalMillis the runs' summed execution time, in milliseconds
 * @param avoidableMillis the time one round trip per run would have saved: for each run, its total
 *     minus its mean execution, summed, in milliseconds (an estimate: the batched statement is
 *     assumed to cost one of the repeated executions)
 * @param rewrite the suggested rewrite
 */
public record NPlusOnePattern(String requestName, String sourceStatement, String repeatedStatement,
    int requestsWithPattern, int requestsOfName, double medianRunLength, double totalMillis, double avoidableMillis,
    BatchedRewrite rewrite) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if a statement or the rewrite is missing, or the counts are out of
   *     order
   */
  public NPlusOnePattern {
    if (sourceStatement == null || repeatedStatement == null || rewrite == null) {
      throw new IllegalArgumentException("the statements and the rewrite are required");
    }
    if (requestsWithPattern < 1 || requestsOfName < requestsWithPattern) {
      throw new IllegalArgumentException("need 1 <= requestsWithPattern <= requestsOfName, but were "
          + requestsWithPattern + " and " + requestsOfName);
    }
  }
}
