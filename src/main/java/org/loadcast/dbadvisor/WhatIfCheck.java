package org.loadcast.dbadvisor;

import java.sql.SQLException;
import java.util.List;
import org.loadcast.profile.InputException;

/**
 * Measures what a candidate index would do to a statement's plan cost, without keeping the index.
 *
 * <p>The approach of Dexter (ankane/dexter) and of the HypoPG extension's documentation: plan the
 * statement, add the index, plan it again, compare the root's total cost.
 *
 * <ul>
 *   <li>When the server has the {@code hypopg} extension ({@code pg_available_extensions}), a
 *       hypothetical index: inside a what-if transaction, {@code CREATE EXTENSION hypopg} if it is not
 *       installed, {@code SELECT * FROM hypopg_create_index('CREATE INDEX ...')}, EXPLAIN, {@code
 *       hypopg_reset()}, ROLLBACK. Nothing is built and no table is locked.
 *   <li>Otherwise a real one: {@code BEGIN; CREATE INDEX ...; EXPLAIN ...; ROLLBACK;}. PostgreSQL DDL
 *       is transactional, so nothing remains; but this builds the index, which costs a full build
 *       (a table scan and a sort), and holds a SHARE lock on the table for the build's duration,
 *       blocking its writers until the rollback. The lock wait is bounded by {@code lock_timeout}
 *       (10 s, see {@link AdvisorSession#inWhatIfTransaction(AdvisorSession.SqlWork)}). It also needs
 *       the right to create the index: the table's owner.
 * </ul>
 *
 * <p>Either way the session's transaction ends in ROLLBACK.
 */
public final class WhatIfCheck {
  private static final String HYPOPG_USABLE = """
      SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'hypopg')
          OR EXISTS (SELECT 1 FROM pg_available_extension_versions v JOIN pg_roles r ON r.rolname = current_user
                     WHERE v.name = 'hypopg'
                       AND (r.rolsuper OR (v.trusted AND has_database_privilege(current_database(), 'CREATE'))))""";
  private WhatIfCheck() {}

  /**
   * Returns the method the server allows: HypoPG when the extension is created in the database, or
   * when the server has it available ({@code pg_available_extension_versions}) and the role may create
   * it (a superuser, or a trusted version and CREATE on the database; it is created inside the
   * what-if transaction and rolled back); the transactional build otherwise. HypoPG is not a trusted
   * extension, so an advisor role that is not a superuser uses it where an administrator ran {@code
   * CREATE EXTENSION hypopg} once.
   *
   * @param session the session to ask
   * @return the method {@link #cost(AdvisorSession, String, String, String)} will use
   * @throws InputException if the catalog query fails
   */
  public static WhatIfMethod availableMethod(AdvisorSession session) {
    List<Boolean> usable = session.rows(HYPOPG_USABLE, r -> r.getBoolean(1));
    return usable.get(0) ? WhatIfMethod.HYPOPG : WhatIfMethod.TRANSACTIONAL_BUILD;
  }

  /**
   * Measures a candidate with the method the server allows.
   *
   * @param session the session to plan in
   * @param statement one statement, with {@code ?}, {@code $n} or no parameters (a parameterised one
   *     gets its generic plan, see {@link PlanReader})
   * @param createIndex the candidate, one {@code CREATE INDEX} statement
   * @param tableName the candidate's table
   * @return the costs before and after, and the method used
   * @throws IllegalArgumentException if a text is not one statement or the DDL is not a CREATE INDEX
   * @throws InputException if the server cannot plan the statement or create the index (a syntax
   *     error, a missing column, no right to create it, a lock not granted within the timeout)
   */
  public static WhatIfCost cost(AdvisorSession session, String statement, String createIndex, String tableName) {
    return cost(session, statement, createIndex, tableName, availableMethod(session));
  }

  /**
   * Measures a candidate with a given method.
   *
   * @param method HYPOPG (the server must have the extension available) or TRANSACTIONAL_BUILD
   * @see #cost(AdvisorSession, String, String, String)
   */
  public static WhatIfCost cost(AdvisorSession session, String statement, String createIndex, String tableName,
      WhatIfMethod method) {
    SqlText text = SqlText.of(statement);
    String ddl = AdvisorSession.plainCreateIndex(createIndex);
    try {
      double[] costs = session.inWhatIfTransaction(s -> method == WhatIfMethod.HYPOPG ? hypothetical(s, text, ddl)
          : built(s, text, ddl));
      return new WhatIfCost(text.sql(), ddl, tableName, costs[0], costs[1], method);
    } catch (SQLException e) {
      throw session.failure("what-if (" + method + ") of " + ddl + " for " + text.sql() + " failed", e);
    }
  }

  private static double[] hypothetical(AdvisorSession session, SqlText statement, String ddl) throws SQLException {
    boolean installed = !session.rowsOrThrow("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'", r -> 1).isEmpty();
    if (!installed) {
      session.execute("CREATE EXTENSION hypopg");
    }
    double before = PlanReader.explain(session, statement).totalCost();
    session.rowsOrThrow("SELECT indexrelid FROM hypopg_create_index(?)", r -> r.getLong(1), ddl);
    double after = PlanReader.explain(session, statement).totalCost();
    session.rowsOrThrow("SELECT hypopg_reset()", r -> 1);
    return new double[] {before, after};
  }

  private static double[] built(AdvisorSession session, SqlText statement, String ddl) throws SQLException {
    double before = PlanReader.explain(session, statement).totalCost();
    session.execute(ddl);
    double after = PlanReader.explain(session, statement).totalCost();
    return new double[] {before, after};
  }
}
