package org.loadcast.dbadvisor;

import java.sql.SQLException;
import java.util.List;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Reads the statements that took the most time from the {@code pg_stat_statements} view of the
 * connected database (PostgreSQL documentation, F.32 "pg_stat_statements").
 *
 * <p>The view needs the extension created in the database ({@code CREATE EXTENSION
 * pg_stat_statements}; the read-only advisor does not create it) and the library preloaded by the
 * server ({@code shared_preload_libraries = 'pg_stat_statements'} and a restart). A role without
 * {@code pg_read_all_stats} sees only its own statements' text. Columns as of PostgreSQL 13 ({@code
 * total_exec_time}, {@code mean_exec_time}). The advisor's own statements, which start with {@link
 * AdvisorSession#STATEMENT_TAG}, are left out.
 */
public final class TopStatements {
  private static final String QUERY = """
      SELECT query, calls, total_exec_time, mean_exec_time, rows
      FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query IS NOT NULL AND query <> '<insufficient privilege>'
        AND query NOT LIKE ?
      ORDER BY total_exec_time DESC, calls DESC, query
      LIMIT ?""";

  private TopStatements() {}

  /**
   * Returns the statements of the current database with the largest total execution time.
   *
   * @param session the session to read in
   * @param limit how many, >= 1
   * @return at most {@code limit} statements by total execution time, largest first (ties by calls,
   *     then text); empty when none was recorded
   * @throws IllegalArgumentException if limit < 1
   * @throws InputException with one line when the extension is not created in the database, its
   *     library is not preloaded, or the server is older than PostgreSQL 13
   */
  public static List<StatementStatistics> top(AdvisorSession session, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, but was " + limit);
    }
    if (session.serverVersionNumber() < 130000) {
      throw problem("pg_stat_statements needs PostgreSQL 13 or later for total_exec_time; the server is version "
          + session.serverVersionNumber());
    }
    if (session.rows("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'", r -> 1).isEmpty()) {
      throw problem("pg_stat_statements is not installed in database " + session.target().databaseName()
          + ": run CREATE EXTENSION pg_stat_statements there (the advisor is read-only and does not create it)");
    }
    try {
      return session.rowsOrThrow(QUERY, r -> new StatementStatistics(r.getString(1), r.getLong(2), r.getDouble(3),
          r.getDouble(4), r.getLong(5)), AdvisorSession.STATEMENT_TAG + "%", limit);
    } catch (SQLException e) {
      if ("55000".equals(e.getSQLState())) {
        throw problem("pg_stat_statements is installed but not loaded: add it to shared_preload_libraries in "
            + "postgresql.conf and restart the server");
      }
      throw session.failure("reading pg_stat_statements failed", e);
    }
  }

  private static InputException problem(String message) {
    return new InputException(new InputProblem(Password.COMMAND, 0, 0, message));
  }
}
