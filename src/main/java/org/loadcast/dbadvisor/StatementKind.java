package org.loadcast.dbadvisor;

/** What a statement does to its tables. */
public enum StatementKind {
  /** A query (SELECT, UNION, VALUES). */
  SELECT,
  /** An INSERT, possibly from a SELECT. */
  INSERT,
  /** An UPDATE. */
  UPDATE,
  /** A DELETE. */
  DELETE,
  /** Anything else: DDL, transaction control, SET and so on. */
  OTHER;

  /** Returns whether the statement writes rows. */
  public boolean writes() {
    return this == INSERT || this == UPDATE || this == DELETE;
  }
}
