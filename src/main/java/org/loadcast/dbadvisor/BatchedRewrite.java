package org.loadcast.dbadvisor;

/**
 * How to replace an N+1 run by one round trip.
 *
 * @param kind which rewrite
 * @param text the rewritten statement, or for a join the join to add to the source statement
 */
public record BatchedRewrite(Kind kind, String text) {

  /** The rewrites the detector suggests. */
  public enum Kind {
    /** {@code WHERE col = ?} becomes {@code WHERE col = ANY(?)}, with all N values as one array parameter. */
    ANY_ARRAY,
    /**
     * The repeated parameter comes from the source statement's rows (the repeated statement filters
     * on {@code <source table>_id}): join the repeated table into the source statement.
     */
    JOIN,
    /** No mechanical rewrite: the repeated statement does not filter on exactly one {@code col = ?}. */
    NONE
  }

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if kind or text is missing
   */
  public BatchedRewrite {
    if (kind == null || text == null || text.isBlank()) {
      throw new IllegalArgumentException("kind and text are required");
    }
  }
}
