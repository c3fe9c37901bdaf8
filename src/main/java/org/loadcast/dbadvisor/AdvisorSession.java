package org.loadcast.dbadvisor;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One read-only connection of the advisor to a PostgreSQL database.
 *
 * <p>Right after login the session runs {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ
 * ONLY} (the same as {@code default_transaction_read_only = on}), so every statement it sends runs
 * in a read-only transaction and the server itself refuses any write. Two exceptions, both explicit:
 *
 * <ul>
 *   <li>{@link #inWhatIfTransaction(SqlWork)} opens a {@code BEGIN READ WRITE} transaction that always
 *       ends in {@code ROLLBACK}, for the what-if checks of {@link WhatIfCheck};
 *   <li>{@link #applyIndexes(List)} runs {@code CREATE INDEX CONCURRENTLY}, only when called (the
 *       command line's {@code --apply}).
 * </ul>
 *
 * <p>Failures to log in become one clear line each ({@link InputException} for the command {@code
 * loadcast dbadvise}), chosen by SQLState (PostgreSQL documentation, Appendix A, "PostgreSQL Error
 * Codes"), and never hold the password.
 *
 * <p>Not thread-safe: one thread uses one session. Close it to close the connection.
 */
public final class AdvisorSession implements AutoCloseable {
  /** The {@code application_name} of every advisor connection, as the server's log and {@code pg_stat_activity} show it. */
  public static final String APPLICATION_NAME = "loadcast dbadvise";
  /**
   * The comment every statement the advisor sends starts with, so that {@code pg_stat_statements}
   * and server logs show it (they keep a statement's leading comment) and the advisor's own
   * statements are left out of the workload it reads ({@link TopStatements}, {@link PostgresLogReader}).
   */
  public static final String STATEMENT_TAG = "/* loadcast dbadvise */";
  private static final Pattern CREATE_INDEX = Pattern.compile("^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern CONCURRENTLY = Pattern.compile("^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY\\b",
      Pattern.CASE_INSENSITIVE);

  private final DatabaseTarget target;
  private final Connection connection;
  private int preparedStatements;

  private AdvisorSession(DatabaseTarget target, Connection connection) {
    this.target = target;
    this.connection = connection;
  }

  /**
   * Logs in and makes the session read-only.
   *
   * @param target the database, user and password
   * @return the open session
   * @throws InputException with one line when the server cannot be reached ("cannot connect to
   *     127.0.0.1:5999: connection refused"), refuses the password ("password authentication failed
   *     for user x"), asks for a password none was given for, refuses the role, or has no such
   *     database
   */
  public static AdvisorSession open(DatabaseTarget target) {
    Properties properties = new Properties();
    properties.setProperty("user", target.user());
    target.password().ifPresent(p -> properties.setProperty("password", p.reveal()));
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    // the application name goes in the startup packet (servers 9.0+), not in an untagged SET after login
    properties.setProperty("assumeMinServerVersion", "9.0");
    properties.setProperty("connectTimeout", "10");
    try {
      Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties);
      try (Statement statement = connection.createStatement()) {
        statement.execute(tagged("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
      }
      return new AdvisorSession(target, connection);
    } catch (SQLException e) {
      throw loginFailure(e, target);
    }
  }

  /**
   * Returns the one line that says why logging in failed, chosen by the SQLState of the failure.
   *
   * @param failure what the driver threw
   * @param target the database tried, for its host, port, name and user
   * @return the exception to throw; its message holds no password
   */
  static InputException loginFailure(SQLException failure, DatabaseTarget target) {
    String state = failure.getSQLState() == null ? "" : failure.getSQLState();
    String where = target.hostAndPort();
    String message = switch (state) {
      case "28P01" -> "password authentication failed for user " + target.user();
      case "28000" -> "the server refused user " + target.user() + ": " + serverText(failure);
      case "3D000" -> "database \"" + target.databaseName() + "\" does not exist on " + where;
      case "08004" -> "the server at " + where + " asks user " + target.user() + " for a password, but none was given: set "
          + Password.ENVIRONMENT_VARIABLE + " or give a password file";
      case "53300" -> "the server at " + where + " has no connection slot left: " + serverText(failure);
      default -> "cannot connect to " + where + ": " + networkCause(failure);
    };
    return new InputException(new InputProblem(Password.COMMAND, 0, 0, scrub(message, target)));
  }

  private static String networkCause(SQLException failure) {
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return "connection refused";
      }
      if (cause instanceof UnknownHostException) {
        return "unknown host";
      }
      if (cause instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (cause instanceof SocketTimeoutException) {
        return "timed out";
      }
    }
    String state = failure.getSQLState() == null ? "no SQLState" : "SQLState " + failure.getSQLState();
    return state + ": " + serverText(failure);
  }

  private static String serverText(SQLException failure) {
    if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      return server.getMessage();
    }
    return String.valueOf(failure.getMessage());
  }

  /** Removes the password from a text the server or driver wrote, should it ever echo it. */
  private static String scrub(String text, DatabaseTarget target) {
    return target.password().map(p -> text.replace(p.reveal(), "***")).orElse(text);
  }

  /** Returns the database, user and URL of this session (never the password). */
  public DatabaseTarget target() {
    return target;
  }

  /**
   * Returns the server's version as a number, {@code server_version_num}: 150004 for 15.4.
   *
   * @throws InputException if the query fails
   */
  public int serverVersionNumber() {
    return Integer.parseInt(rows("SELECT current_setting('server_version_num')", r -> r.getString(1)).get(0));
  }

  /** Reads one row of a result set into a value. */
  @FunctionalInterface
  interface SqlRow<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Work on the session's connection inside a what-if transaction. */
  @FunctionalInterface
  public interface SqlWork<T> {
    /**
     * Does the work.
     *
     * @param session the session, inside the transaction
     * @return the work's result
     * @throws SQLException when a statement fails; the transaction is rolled back all the same
     */
    T run(AdvisorSession session) throws SQLException;
  }

  /**
   * Runs a query with positional parameters and reads every row.
   *
   * @param sql one statement, with {@code ?} parameters
   * @param reader reads one row
   * @param parameters the parameters' values, in order
   * @return the rows' values in the result's order; empty for no rows
   * @throws InputException if the statement fails, with the SQLState and the server's message
   */
  <T> List<T> rows(String sql, SqlRow<T> reader, Object... parameters) {
    try {
      return rowsOrThrow(sql, reader, parameters);
    } catch (SQLException e) {
      throw failure("query failed", e);
    }
  }

  <T> List<T> rowsOrThrow(String sql, SqlRow<T> reader, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(tagged(sql))) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<T> values = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          values.add(reader.read(result));
        }
      }
      return values;
    }
  }

  /** Runs one statement that returns no rows (SET, PREPARE, DEALLOCATE, BEGIN, ROLLBACK), sent as written and tagged. */
  void execute(String sql) throws SQLException {
    try (Statement statement = createStatement()) {
      statement.execute(tagged(sql));
    }
  }

  /** Returns a statement's text with {@link #STATEMENT_TAG} in front. */
  static String tagged(String sql) {
    return STATEMENT_TAG + " " + sql;
  }

  /**
   * Runs clean-up statements after a failure, each one even if an earlier one fails; their own
   * failures (a statement that never got prepared, an aborted transaction that the rollback ends
   * anyway) are added to the first failure as suppressed, which stays the one reported.
   *
   * @param failure the failure that stopped the work
   * @param statements the clean-up statements, in order
   */
  void cleanUp(SQLException failure, String... statements) {
    for (String sql : statements) {
      try {
        execute(sql);
      } catch (SQLException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * Returns a statement that sends SQL as written: no JDBC escape processing, {@code ?} not a marker.
   * Tag what it sends with {@link #tagged}.
   */
  Statement createStatement() throws SQLException {
    Statement statement = connection.createStatement();
    statement.setEscapeProcessing(false);
    return statement;
  }

  /** Returns the next name for a prepared statement of this session: {@code lc_1}, {@code lc_2}, ... */
  String nextPreparedName() {
    preparedStatements++;
    return "lc_" + preparedStatements;
  }

  /**
   * Runs work inside {@code BEGIN READ WRITE} ... {@code ROLLBACK}: whatever the work creates (an
   * index, an extension) is undone, whether it succeeds or fails. The transaction sets {@code
   * lock_timeout} to {@code lockTimeoutMillis}, so a what-if waits at most that long for a lock.
   *
   * @param lockTimeoutMillis the longest wait for a lock, milliseconds, >= 1
   * @param work what to run
   * @return the work's result
   * @throws SQLException when a statement of the work fails (after the rollback)
   * @throws IllegalArgumentException if lockTimeoutMillis < 1
   */
  public <T> T inWhatIfTransaction(long lockTimeoutMillis, SqlWork<T> work) throws SQLException {
    if (lockTimeoutMillis < 1) {
      throw new IllegalArgumentException("lockTimeoutMillis must be >= 1, but was " + lockTimeoutMillis);
    }
    execute("BEGIN READ WRITE");
    T result;
    try {
      execute("SET LOCAL lock_timeout = " + lockTimeoutMillis);
      result = work.run(this);
    } catch (SQLException e) {
      cleanUp(e, "ROLLBACK");
      throw e;
    } catch (RuntimeException e) {
      execute("ROLLBACK");
      throw e;
    }
    execute("ROLLBACK");
    return result;
  }

  /**
   * Runs {@code inWhatIfTransaction} with a lock timeout of 10 000 ms.
   *
   * @see #inWhatIfTransaction(long, SqlWork)
   */
  public <T> T inWhatIfTransaction(SqlWork<T> work) throws SQLException {
    return inWhatIfTransaction(10_000, work);
  }

  /**
   * Builds indexes for real, each with {@code CREATE INDEX CONCURRENTLY} outside any transaction, so
   * the table stays writable while it builds (PostgreSQL documentation, CREATE INDEX, "Building
   * Indexes Concurrently"). Only this method writes; the session is read-only again afterwards.
   *
   * @param ddl {@code CREATE [UNIQUE] INDEX ...} statements; {@code CONCURRENTLY} is added where it is
   *     missing; empty does nothing
   * @return the statements as run, in order
   * @throws IllegalArgumentException if a statement is not a single {@code CREATE INDEX}
   * @throws InputException if a build fails; the message names the statement and says that a failed
   *     concurrent build leaves an INVALID index to drop by hand. Statements before it stay built.
   */
  public List<String> applyIndexes(List<String> ddl) {
    List<String> concurrent = ddl.stream().map(AdvisorSession::concurrently).toList();
    List<String> done = new ArrayList<>();
    try {
      execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
      for (String statement : concurrent) {
        try {
          execute(statement);
        } catch (SQLException e) {
          throw failure(statement + " failed (a failed concurrent build leaves an INVALID index: drop it with DROP INDEX "
              + "CONCURRENTLY)", e);
        }
        done.add(statement);
      }
    } catch (SQLException e) {
      throw failure("cannot leave read-only mode to apply indexes", e);
    } finally {
      try {
        execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      } catch (SQLException e) {
        throw failure("cannot return to read-only mode", e);
      }
    }
    return List.copyOf(done);
  }

  /**
   * Returns a {@code CREATE INDEX} statement with {@code CONCURRENTLY}, a final semicolon removed.
   *
   * @throws IllegalArgumentException if the text is not one CREATE [UNIQUE] INDEX statement
   */
  static String concurrently(String createIndex) {
    String text = plainCreateIndex(createIndex);
    if (CONCURRENTLY.matcher(text).find()) {
      return text;
    }
    Matcher start = CREATE_INDEX.matcher(text);
    start.find();
    return text.substring(0, start.end()).stripTrailing() + " CONCURRENTLY " + text.substring(start.end());
  }

  /**
   * Returns a {@code CREATE INDEX} statement without {@code CONCURRENTLY} (which cannot run inside a
   * transaction) and without a final semicolon.
   *
   * @throws IllegalArgumentException if the text is not one CREATE [UNIQUE] INDEX statement
   */
  static String plainCreateIndex(String createIndex) {
    String text = SqlText.of(createIndex).sql();
    if (!CREATE_INDEX.matcher(text).find()) {
      throw new IllegalArgumentException("index DDL must start with CREATE INDEX, but was: " + createIndex);
    }
    Matcher concurrent = CONCURRENTLY.matcher(text);
    return concurrent.find() ? text.substring(0, concurrent.end() - "CONCURRENTLY".length()).stripTrailing() + " "
        + text.substring(concurrent.end()).stripLeading() : text;
  }

  /**
   * Returns the one-line error for a failed statement: what was done, the SQLState and the server's message.
   *
   * @param what what was being done
   * @param e the failure
   * @return the exception to throw; its message holds no password
   */
  InputException failure(String what, SQLException e) {
    String message = String.format(Locale.ROOT, "%s: %s (SQLState %s)", what, serverText(e), e.getSQLState());
    return new InputException(new InputProblem(Password.COMMAND, 0, 0, scrub(message, target)));
  }

  /** Closes the connection. */
  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("closing the connection failed", e);
    }
  }
}
