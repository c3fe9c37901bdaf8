package org.loadcast.dbadvisor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.loadcast.profile.InputException;

/**
 * Reads query plans from the server with {@code EXPLAIN (FORMAT JSON)}, which plans a statement
 * without running it (PostgreSQL documentation, EXPLAIN: without ANALYZE the statement is not
 * executed, so the session's read-only mode allows it for any statement).
 *
 * <p>A parameterised statement has no plan of its own until its parameters are known. PostgreSQL 15
 * has no {@code EXPLAIN (GENERIC_PLAN)} (that is 16+), so the generic plan comes from a prepared
 * statement under a forced generic plan:
 *
 * <pre>
 * SET plan_cache_mode = force_generic_plan;
 * PREPARE lc_n AS &lt;statement&gt;;
 * EXPLAIN (FORMAT JSON) EXECUTE lc_n(NULL, ...);
 * DEALLOCATE lc_n; RESET plan_cache_mode;
 * </pre>
 *
 * The generic plan does not look at the NULLs: it estimates each {@code column = $n} from the
 * column's statistics (PostgreSQL documentation, PREPARE, "Notes"), which is what an application
 * that prepares the statement gets.
 */
public final class PlanReader {
  private PlanReader() {}

  /**
   * Explains one statement, with its generic plan when it is parameterised.
   *
   * @param session the session to plan in
   * @param statement the statement
   * @return the plan's root
   * @throws SQLException when the server cannot plan it (syntax error, unknown table, a parameter
   *     whose type cannot be inferred)
   */
  public static PlanNode explain(AdvisorSession session, SqlText statement) throws SQLException {
    if (!statement.parameterised()) {
      return PlanNode.parseExplain(single(session, "EXPLAIN (FORMAT JSON) " + statement.sql()));
    }
    String name = session.nextPreparedName();
    String nulls = String.join(", ", Collections.nCopies(statement.parameterCount(), "NULL"));
    try {
      session.execute("SET plan_cache_mode = force_generic_plan");
      session.execute("PREPARE " + name + " AS " + statement.sql());
      String plan = single(session, "EXPLAIN (FORMAT JSON) EXECUTE " + name + "(" + nulls + ")");
      session.execute("DEALLOCATE " + name);
      session.execute("RESET plan_cache_mode");
      return PlanNode.parseExplain(plan);
    } catch (SQLException e) {
      session.cleanUp(e, "DEALLOCATE " + name, "RESET plan_cache_mode");
      throw e;
    }
  }

  /**
   * Explains a statement and checks its plan.
   *
   * @param session the session to plan in
   * @param statement one statement, with {@code ?}, {@code $n} or no parameters
   * @param checks the thresholds of the checks
   * @return the plan and its findings
   * @throws IllegalArgumentException if the text is not one statement (see {@link SqlText#of})
   * @throws InputException when the server cannot plan it; the message names the statement, the
   *     SQLState and the server's reason
   */
  public static StatementPlan analyse(AdvisorSession session, String statement, PlanChecks checks) {
    SqlText text = SqlText.of(statement);
    try {
      PlanNode root = explain(session, text);
      return new StatementPlan(text, root, text.parameterised(), checks.findings(root, tableRows(session, root)));
    } catch (SQLException e) {
      throw session.failure("cannot explain " + text.sql(), e);
    }
  }

  /**
   * Returns the estimated rows of every table the plan scans, {@code pg_class.reltuples}: -1 for a
   * table never vacuumed or analysed (PostgreSQL 14+), as the catalog says.
   *
   * @param session the session to read the catalog in
   * @param root the plan
   * @return rows by {@code Relation Name}, in plan order; empty for a plan without scans
   */
  public static Map<String, Double> tableRows(AdvisorSession session, PlanNode root) {
    Set<String> tables = new LinkedHashSet<>();
    root.forEachNode(node -> node.relationName().ifPresent(tables::add));
    Map<String, Double> rows = new LinkedHashMap<>();
    for (String table : tables) {
      List<Double> found = session.rows("SELECT reltuples::float8 FROM pg_class WHERE oid = to_regclass(quote_ident(?))",
          r -> r.getDouble(1), table);
      found.stream().findFirst().ifPresent(n -> rows.put(table, n));
    }
    return rows;
  }

  /** Runs a statement given as text (no JDBC escapes, no {@code ?} markers) and returns its one value. */
  static String single(AdvisorSession session, String sql) throws SQLException {
    try (Statement statement = session.createStatement(); ResultSet result = statement.executeQuery(AdvisorSession.tagged(sql))) {
      if (!result.next()) {
        throw new SQLException("expected one row from: " + sql);
      }
      return result.getString(1);
    }
  }
}
