package org.loadcast.dbadvisor;

/** The line formats {@link JdbcStatementLogReader} reads. */
public enum JdbcLogFormat {
  /** Loadcast's own JSON-lines format, one execution per line. */
  LOADCAST,
  /** datasource-proxy's JSON query-log entries, with a request-id field the user names. */
  DATASOURCE_PROXY
}
