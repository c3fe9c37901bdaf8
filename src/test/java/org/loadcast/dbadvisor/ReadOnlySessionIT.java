package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.loadcast.profile.InputException;

/**
 * The advisor writes nothing that stays: the embedded server logs every statement ({@code
 * log_statement = all}), and after a full advisor run the log holds no INSERT, UPDATE, DELETE,
 * ALTER, DROP, TRUNCATE or COMMIT from the advisor's connection, and every CREATE sits between a
 * BEGIN and a ROLLBACK.
 */
@Tag("slow")
class ReadOnlySessionIT {
  /** A logged statement: "loadcast dbadvise@1234:LOG:  execute <unnamed>: SELECT ..." or "...LOG:  statement: SET ...". */
  private static final Pattern LOGGED = Pattern.compile("^(.*)@(\\d+):LOG:  (?:statement|execute [^:]+): (.*)$");
  private static final Pattern WRITE = Pattern.compile("^(INSERT|UPDATE|DELETE|ALTER|DROP|TRUNCATE|COMMIT|END|GRANT|REVOKE"
      + "|VACUUM|ANALYZE|COPY|REINDEX|CLUSTER)\\b");

  @Test
  void advisorRun_logsNoCommittedWrite() throws IOException, SQLException, InterruptedException {
    EmbeddedShop shop = EmbeddedShop.shared();
    String start = mark(shop);
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      TopStatements.top(session, 10);
      PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = 42 ORDER BY created_at", PlanChecks.DEFAULTS);
      PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = ?", PlanChecks.DEFAULTS);
      WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = 42", "CREATE INDEX ON orders (customer_id)", "orders");
      WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = $1", "CREATE INDEX ON orders (customer_id, status)",
          "orders");
      ExistingIndexes.of(session, "orders");
    }
    String end = mark(shop);

    List<String> statements = advisorStatements(shop, start, end);

    assertThat(statements).as("the advisor's statements were logged").anyMatch(s -> s.startsWith("EXPLAIN"));
    assertThat(statements).filteredOn(s -> WRITE.matcher(s.toUpperCase(Locale.ROOT)).find()).isEmpty();
    assertThat(statements).filteredOn(s -> s.toUpperCase(Locale.ROOT).startsWith("CREATE")).hasSize(2);
    assertEveryCreateIsRolledBack(statements);
  }

  @Test
  void session_refusesAWriteItself() {
    try (AdvisorSession session = AdvisorSession.open(EmbeddedShop.shared().target())) {
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
  private static String mark(EmbeddedShop shop) throws SQLException, IOException, InterruptedException {
    String marker = "lc-mark-" + UUID.randomUUID();
    try (Connection admin = shop.admin(); Statement statement = admin.createStatement()) {
      statement.execute("SELECT '" + marker + "'");
    }
    for (int attempt = 0; attempt < 100; attempt++) {
      if (Files.exists(shop.logFile()) && Files.readString(shop.logFile(), StandardCharsets.UTF_8).contains(marker)) {
        return marker;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server log " + shop.logFile() + " never showed " + marker);
  }

  /** Returns the statements the advisor's connections logged between two markers, in order. */
  private static List<String> advisorStatements(EmbeddedShop shop, String start, String end) throws IOException {
    List<String> lines = Files.readAllLines(shop.logFile(), StandardCharsets.UTF_8);
    List<String> statements = new ArrayList<>();
    boolean between = false;
    for (String line : lines) {
      if (line.contains(start)) {
        between = true;
      } else if (line.contains(end)) {
        break;
      }
      Matcher logged = LOGGED.matcher(line);
      if (between && logged.matches() && logged.group(1).equals(AdvisorSession.APPLICATION_NAME)) {
        statements.add(logged.group(3).strip());
      }
    }
    return statements;
  }
}
