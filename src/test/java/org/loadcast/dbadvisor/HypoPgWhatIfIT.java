package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;

/**
 * The HypoPG path on a PostgreSQL that has the extension available: Debian's {@code
 * postgresql-15-hypopg}, in the cluster {@code .ci/run} starts. The environment names it:
 * {@code LOADCAST_PG_HYPOPG_URL} (a JDBC URL of a database on it), {@code LOADCAST_PG_HYPOPG_USER}
 * (default {@code postgres}, a role that may create databases) and, if that role needs one, {@code
 * PGPASSWORD}. Without the URL the test is skipped, except under {@code CI=true}, where it fails.
 *
 * <p>It seeds the shop schema in a fresh database {@code loadcast_hypopg_it} and drops it at the end.
 * That cluster does not preload {@code pg_stat_statements}, so it also checks the message for an
 * extension created but not loaded.
 */
@Tag("slow")
class HypoPgWhatIfIT {
  private static final String DATABASE = "loadcast_hypopg_it";
  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
  private static String serverUrl;
  private static String user;
  private static AdvisorSession session;

  @BeforeAll
  static void seed() throws SQLException {
    serverUrl = System.getenv("LOADCAST_PG_HYPOPG_URL");
    if (serverUrl == null || serverUrl.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError("HypoPG is required in CI: set LOADCAST_PG_HYPOPG_URL to a PostgreSQL 15 with "
            + "postgresql-15-hypopg (.ci/run starts one)");
      }
      Assumptions.abort("LOADCAST_PG_HYPOPG_URL is not set: no PostgreSQL with HypoPG to test against");
    }
    user = System.getenv().getOrDefault("LOADCAST_PG_HYPOPG_USER", "postgres");
    try (Connection server = connect(serverUrl); Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
      statement.execute("CREATE DATABASE " + DATABASE);
    }
    try (Connection shop = connect(database()); Statement statement = shop.createStatement()) {
      for (String sql : EmbeddedShop.seedStatements(user)) {
        statement.execute(sql);
      }
    }
    session = AdvisorSession.open(new DatabaseTarget(database(), user, Password.fromEnvironment(System.getenv())));
  }

  @AfterAll
  static void drop() throws SQLException {
    if (session == null) {
      return;
    }
    session.close();
    try (Connection server = connect(serverUrl); Statement statement = server.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
  }

  @Test
  void availableMethod_withHypopgAvailable_isHypopg() {
    assertThat(WhatIfCheck.availableMethod(session)).isEqualTo(WhatIfMethod.HYPOPG);
  }

  @Test
  void cost_hypotheticalIndexOnTheFilterColumn_cutsMoreThanHalfAndLeavesNothingBehind() throws SQLException {
    WhatIfCost cost = WhatIfCheck.cost(session, "SELECT id, total FROM orders WHERE customer_id = 42",
        "CREATE INDEX ON orders (customer_id)", "orders");

    assertThat(cost.method()).isEqualTo(WhatIfMethod.HYPOPG);
    assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
    assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM pg_extension WHERE extname = 'hypopg'")).as("CREATE EXTENSION rolled back").isZero();
  }

  @Test
  void cost_hypotheticalIndexOnAnUnusedColumn_cutsLessThanHalf() {
    WhatIfCost cost = WhatIfCheck.cost(session, "SELECT id, total FROM orders WHERE customer_id = $1",
        "CREATE INDEX ON orders (total)", "orders");

    assertThat(cost.method()).isEqualTo(WhatIfMethod.HYPOPG);
    assertThat(cost.cutFraction()).as(cost.summary()).isLessThan(0.5);
  }

  @Test
  void top_extensionCreatedButNotPreloaded_saysToPreloadIt() throws SQLException {
    try (Connection shop = connect(database()); Statement statement = shop.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }

    assertThatThrownBy(() -> TopStatements.top(session, 10))
        .isInstanceOf(InputException.class)
        .hasMessage("loadcast dbadvise: pg_stat_statements is installed but not loaded: add it to shared_preload_libraries "
            + "in postgresql.conf and restart the server");
  }

  private static String database() {
    Matcher url = URL.matcher(serverUrl);
    if (!url.matches()) {
      throw new AssertionError("LOADCAST_PG_HYPOPG_URL must look like jdbc:postgresql://host:port/database, but was " + serverUrl);
    }
    return url.group(1) + DATABASE + url.group(3);
  }

  private static long count(String sql) throws SQLException {
    try (Connection shop = connect(database()); Statement statement = shop.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    Password.fromEnvironment(System.getenv()).ifPresent(p -> properties.setProperty("password", p.reveal()));
    return DriverManager.getConnection(url, properties);
  }
}
