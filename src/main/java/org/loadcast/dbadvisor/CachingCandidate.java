package org.loadcast.dbadvisor;

import java.util.List;

/**
 * A read that repeats with identical parameters on read-mostly tables, so that a cache in front of
 * the database would answer part of it.
 *
 * @param statement the normalised SELECT
 * @param fingerprint its fingerprint
 * @param tables the tables it reads, each read-mostly
 * @param executions how many times it ran; >= 2
 * @param distinctParameterSets how many distinct (statement text, parameters) pairs those runs used;
 *     1 .. executions - 1
 * @param hitRatio the best-case hit ratio of an unbounded cache with no expiry, {@code 1 -
 *     distinctParameterSets / executions}; in (0, 1)
 * @param meanDurationMillis the mean execution time, in milliseconds
 * @param savedMillis the time the hits would have saved, {@code (executions - distinctParameterSets) *
 *     meanDurationMillis}, in milliseconds
 */
public record CachingCandidate(String statement, String fingerprint, List<String> tables, long executions,
    long distinctParameterSets, double hitRatio, double meanDurationMillis, double savedMillis) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if the statement or tables are missing, or the counts break
   *     {@code 1 <= distinctParameterSets < executions}
   */
  public CachingCandidate {
    if (statement == null || fingerprint == null || tables == null) {
      throw new IllegalArgumentException("statement, fingerprint and tables are required");
    }
    if (distinctParameterSets < 1 || distinctParameterSets >= executions) {
      throw new IllegalArgumentException("need 1 <= distinctParameterSets < executions, but were "
          + distinctParameterSets + " and " + executions);
    }
    tables = List.copyOf(tables);
  }
}
