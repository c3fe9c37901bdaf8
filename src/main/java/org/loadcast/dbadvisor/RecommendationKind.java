package org.loadcast.dbadvisor;

/** What a {@link Recommendation} asks for. */
public enum RecommendationKind {
  /** Build an index ({@code ddl} holds the CREATE INDEX). */
  INDEX,
  /** Replace an N+1 loop by one round trip ({@code rewrite} holds the batched statement or join). */
  N_PLUS_ONE,
  /** Cache a repeated read ({@code rewrite} says what to cache). */
  CACHE,
  /** Look at a plan: a selective sequential scan, a sort an index could serve, a nested loop over a scan. */
  PLAN_WARNING
}
