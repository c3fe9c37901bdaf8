package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/**
 * The advisor writes nothing that stays: each server of {@link ShopServer#all()} logs every statement
 * ({@code log_statement = all}), and after a full advisor run the log holds no INSERT, UPDATE,
 * DELETE, ALTER, DROP, TRUNCATE or COMMIT from the advisor's role, and every CREATE (a what-if
 * index built where there is no HypoPG) sits between a BEGIN and a ROLLBACK. The fixture's own statements run as the superuser.
 */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class ReadOnlySessionIT {
  /**
   * A logged statement in Debian's line format ({@link ShopServer#LOG_LINE_PREFIX}): "2026-11-29
   * 20:00:00.123 UTC [1234] loadcast_advisor@loadcast_shop LOG:  execute &lt;unnamed&gt;: SELECT ..."
   * or "... LOG:  statement: SET ...".
   */
  private static final Pattern LOGGED = Pattern.compile("^\\S+ \\S+(?: \\S+)? \\[\\d+\\] (\\S*@\\S*) LOG:  "
      + "(?:statement|execute [^:]+): (.*)$");
  private static final String ADVISOR_IN_SHOP = ShopServer.ADVISOR + "@" + ShopServer.SHOP;
  private static final Pattern WRITE = Pattern.compile("^(INSERT|UPDATE|DELETE|ALTER|DROP|TRUNCATE|COMMIT|END|GRANT|REVOKE"
      + "|VACUUM|ANALYZE|COPY|REINDEX|CLUSTER)\\b");

  private final ShopServer shop;

  ReadOnlySessionIT(ShopServer shop) {
    this.shop = shop;
  }

  @Test
  void advisorRun_logsNoCommittedWrite() throws SQLException, InterruptedException {
    String start = mark();
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      TopStatements.top(session, 10);
      PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = 42 ORDER BY created_at", PlanChecks.DEFAULTS);
      PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = ?", PlanChecks.DEFAULTS);
      WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = 42", "CREATE INDEX ON orders (customer_id)", "orders");
      WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = $1", "CREATE INDEX ON orders (customer_id, status)",
          "orders");
      ExistingIndexes.of(session, "orders");
    }
    String end = mark();

    List<String> statements = advisorStatements(start, end);

    assertThat(statements).as("each tagged").isNotEmpty().allMatch(s -> s.startsWith(AdvisorSession.STATEMENT_TAG));
    statements = statements.stream().map(s -> s.substring(AdvisorSession.STATEMENT_TAG.length()).strip()).toList();
    assertThat(statements).as("the advisor's statements were logged").anyMatch(s -> s.startsWith("EXPLAIN"));
    assertThat(statements).filteredOn(s -> WRITE.matcher(s.toUpperCase(Locale.ROOT)).find()).isEmpty();
    // two what-ifs: HypoPG's hypothetical indexes where the shop has it, built and rolled back otherwise
    assertThat(statements).filteredOn(s -> s.toUpperCase(Locale.ROOT).startsWith("CREATE")).hasSize(shop.hypopg() ? 0 : 2);
    assertThat(statements).filteredOn(s -> s.contains("hypopg_create_index(")).hasSize(shop.hypopg() ? 2 : 0);
    assertEveryCreateIsRolledBack(statements);
  }

  @Test
  void session_refusesAWriteItself() {
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      assertThatThrownBy(() -> session.rows("INSERT INTO customers VALUES (999999, 'x', 'north') RETURNING id",
          r -> r.getInt(1)))
          .isInstanceOf(InputException.class)
          .hasMessageContaining("read-only transaction")
          .hasMessageContaining("SQLState 25006");
    }
  }

  private static void assertEveryCreateIsRolledBack(List<String> statements) {
    boolean inTransaction = false;
    for (String statement : statements) {
      String upper = statement.toUpperCase(Locale.ROOT);
      if (upper.startsWith("BEGIN")) {
        assertThat(inTransaction).as("nested BEGIN").isFalse();
        inTransaction = true;
      } else if (upper.startsWith("ROLLBACK")) {
        inTransaction = false;
      } else if (upper.startsWith("CREATE")) {
        assertThat(inTransaction).as("%s outside BEGIN ... ROLLBACK", statement).isTrue();
      }
    }
    assertThat(inTransaction).as("a transaction left open").isFalse();
  }

  /** Logs a unique marker through the fixture's own connection and waits until the log holds it. */
  private String mark() throws SQLException, InterruptedException {
    String marker = "lc-mark-" + UUID.randomUUID();
    try (Connection admin = shop.admin(); Statement statement = admin.createStatement()) {
      statement.execute("SELECT '" + marker + "'");
    }
    for (int attempt = 0; attempt < 100; attempt++) {
      if (shop.serverLog().contains(marker)) {
        return marker;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server log of " + shop + " never showed " + marker);
  }

  /** Returns the statements the advisor's role logged in the shop between two markers, in order. */
  private List<String> advisorStatements(String start, String end) throws SQLException {
    List<String> lines = shop.serverLog().lines().toList();
    List<String> statements = new ArrayList<>();
    boolean between = false;
    for (String line : lines) {
      if (line.contains(start)) {
        between = true;
      } else if (line.contains(end)) {
        break;
      }
      Matcher logged = LOGGED.matcher(line);
      if (between && logged.matches() && logged.group(1).equals(ADVISOR_IN_SHOP)) {
        statements.add(logged.group(2).strip());
      }
    }
    return statements;
  }
}
