package org.loadcast.dbadvisor;

/** How {@link WhatIfCheck} measured a candidate index's effect on a plan. */
public enum WhatIfMethod {
  /**
   * A hypothetical index of the HypoPG extension: the planner sees it, nothing is built, no lock is
   * taken (HypoPG documentation, {@code hypopg_create_index}).
   */
  HYPOPG,
  /**
   * A real {@code CREATE INDEX} inside a transaction that is rolled back: PostgreSQL DDL is
   * transactional, so nothing remains, but the index is built (it costs a full build) and the table
   * holds a SHARE lock, which blocks writes, until the rollback (PostgreSQL documentation, CREATE
   * INDEX and "Explicit Locking").
   */
  TRANSACTIONAL_BUILD
}
