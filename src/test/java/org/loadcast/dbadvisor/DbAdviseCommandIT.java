package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.cli.Main;

/**
 * {@code loadcast dbadvise} end to end on each server of {@link ShopServer#all()}: a SQL file, a JDBC
 * statement log and the server's own log as the workload, the advice in dbadvice.json and index.html,
 * read-only by default, and {@code --apply} building the index in a database of its own.
 */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class DbAdviseCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  private static Path passwordFile;
  private static Path sqlFile;
  private static Path jdbcLog;

  private final ShopServer shop;

  private record Outcome(int code, String out, String err) {}

  DbAdviseCommandIT(ShopServer shop) {
    this.shop = shop;
  }

  @BeforeAll
  static void workload() throws Exception {
    passwordFile = Files.writeString(dir.resolve("password"), ShopServer.ADVISOR_PASSWORD + "\n");
    sqlFile = Files.writeString(dir.resolve("queries.sql"), """
        -- the customer's latest orders: no index on orders (customer_id)
        SELECT id, status, total FROM orders WHERE customer_id = 42 ORDER BY created_at DESC LIMIT 20;
        -- served by the existing index on (status, created_at)
        SELECT count(*) FROM orders WHERE status = 'paid';
        """);
    List<String> lines = new ArrayList<>();
    lines.add(line("r1", 0, 2000, "SELECT id FROM customers WHERE region = ? LIMIT 6", "north"));
    for (int i = 0; i < 6; i++) {
      lines.add(line("r1", 3000 + i * 12_000, 11_000, "SELECT id, total FROM orders WHERE customer_id = ?", Integer.toString(4 + 4 * i)));
    }
    lines.add(line("r2", 90_000, 1500, "SELECT id, total FROM orders WHERE id = ?", "7"));
    jdbcLog = Files.write(dir.resolve("statements.jsonl"), lines);
  }

  private static String line(String request, long startedMicros, long durationMicros, String sql, String param) {
    return String.format("{\"requestId\":\"%s\",\"requestName\":\"GET /x\",\"startedAtMicros\":%d,\"durationMicros\":%d,"
        + "\"sql\":\"%s\",\"params\":[\"%s\"]}", request, startedMicros, durationMicros, sql, param);
  }

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  private boolean indexOnCustomerId(String database) throws SQLException {
    try (Connection c = shop.superuser(database);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' AND indexdef LIKE '%(customer_id%'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void readOnly_recommendsTheMissingIndexAndTheNPlusOne_andBuildsNothing(@TempDir Path outputs) throws Exception {
    Path out = outputs.resolve("advice");
    Outcome o = run("dbadvise", "--jdbc-url", shop.url(ShopServer.SHOP), "--user", ShopServer.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sqlFile.toString(),
        "--jdbc-log", jdbcLog.toString(), "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out() + o.err()).doesNotContain(ShopServer.ADVISOR_PASSWORD);
    JsonNode advice = JSON.readTree(out.resolve("dbadvice.json").toFile());
    assertThat(DbAdviceSchemaTest.schema().validate(advice)).isEmpty();
    List<JsonNode> indexes = new ArrayList<>();
    List<JsonNode> nPlusOne = new ArrayList<>();
    advice.get("recommendations").forEach(r -> {
      if (r.get("kind").asText().equals("INDEX")) {
        indexes.add(r);
      } else if (r.get("kind").asText().equals("N_PLUS_ONE")) {
        nPlusOne.add(r);
      }
    });
    // the customer's orders get an index led by customer_id, cutting its cost by at least half
    assertThat(indexes).isNotEmpty();
    assertThat(indexes).allSatisfy(r -> {
      assertThat(r.get("ddl").asText()).startsWith("CREATE INDEX CONCURRENTLY").contains("ON orders (customer_id");
      assertThat(r.get("costAfter").asDouble()).isLessThanOrEqualTo(0.5 * r.get("costBefore").asDouble());
    });
    // nothing for status: the existing (status, created_at) index serves it
    assertThat(advice.toString()).doesNotContain("ON orders (status");
    assertThat(nPlusOne).singleElement().satisfies(r ->
        assertThat(r.get("statement").asText()).isEqualTo("SELECT id, total FROM orders WHERE customer_id = ?"));
    assertThat(o.out()).contains("recommended indexes:", "report: ");
    assertThat(out.resolve("index.html")).content().contains("<h2>Indexes</h2>", "<h2>N+1 loops</h2>");
    assertThat(indexOnCustomerId(ShopServer.SHOP)).as("read-only: nothing was built").isFalse();
  }

  @Test
  void apply_buildsTheRecommendedIndex(@TempDir Path outputs) throws Exception {
    try (Connection c = shop.superuser("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + ShopServer.APPLY + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + ShopServer.APPLY);
    }
    try (Connection c = shop.superuser(ShopServer.APPLY); Statement s = c.createStatement()) {
      for (String sql : ShopServer.seedStatements(ShopServer.ADVISOR)) {
        s.execute(sql);
      }
    }
    Outcome o = run("dbadvise", "--jdbc-url", shop.url(ShopServer.APPLY), "--user", ShopServer.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sqlFile.toString(), "--apply",
        "--out", outputs.resolve("applied").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("applying:\n  CREATE INDEX CONCURRENTLY").contains("built: CREATE INDEX CONCURRENTLY");
    assertThat(indexOnCustomerId(ShopServer.APPLY)).isTrue();
  }

  /** A table and a column whose names are SQL: every statement the advisor sends or prints must quote them. */
  private static final String HOSTILE_TABLE = "Order Items; DROP TABLE orders; --";
  private static final String HOSTILE_COLUMN = "Customer \"Id\"";

  /**
   * Names that are SQL, in a database of its own: without {@code --apply} the catalog is the same
   * after the run as before; with it the index is built on the hostile table's hostile column, the
   * table {@code orders} still exists, and the DDL quotes both names as {@code quote_ident} would.
   * Neither run prints or writes the password.
   */
  @Test
  void hostileNames_areQuoted_readOnlyChangesNothing_andApplyBuildsOnTheRightTable(@TempDir Path outputs) throws Exception {
    try (Connection c = shop.superuser("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + ShopServer.APPLY + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + ShopServer.APPLY);
    }
    String table = quoted(HOSTILE_TABLE);
    String column = quoted(HOSTILE_COLUMN);
    try (Connection c = shop.superuser(ShopServer.APPLY); Statement s = c.createStatement()) {
      for (String sql : ShopServer.seedStatements(ShopServer.ADVISOR)) {
        s.execute(sql);
      }
      s.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, " + column + " int NOT NULL, \"select\" text NOT NULL)");
      s.execute("INSERT INTO " + table + " SELECT g, g % 5000, 'item ' || g FROM generate_series(1, 200000) g");
      s.execute("ALTER TABLE " + table + " OWNER TO " + ShopServer.ADVISOR);
      s.execute("VACUUM ANALYZE " + table);
    }
    Path sql = Files.writeString(outputs.resolve("hostile.sql"),
        "SELECT \"select\" FROM " + table + " WHERE " + column + " = 42;\n");
    String before = catalog();

    Path readOnly = outputs.resolve("read-only");
    Outcome advised = run("dbadvise", "--jdbc-url", shop.url(ShopServer.APPLY), "--user", ShopServer.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sql.toString(),
        "--out", readOnly.toString());
    assertThat(advised.code()).as(advised.err()).isZero();
    assertThat(catalog()).as("the catalog after a run without --apply").isEqualTo(before);
    JsonNode advice = JSON.readTree(readOnly.resolve("dbadvice.json").toFile());
    List<String> ddls = new ArrayList<>();
    advice.get("recommendations").forEach(r -> {
      if (r.get("kind").asText().equals("INDEX")) {
        ddls.add(r.get("ddl").asText());
      }
    });
    assertThat(ddls).singleElement().asString().startsWith("CREATE INDEX CONCURRENTLY ").contains(" ON " + table + " (" + column + ")");

    Path applied = outputs.resolve("applied");
    Outcome apply = run("dbadvise", "--jdbc-url", shop.url(ShopServer.APPLY), "--user", ShopServer.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sql.toString(), "--apply",
        "--out", applied.toString());
    assertThat(apply.code()).as(apply.err()).isZero();
    try (Connection c = shop.superuser(ShopServer.APPLY); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT a.attname, to_regclass('public.orders') IS NOT NULL FROM pg_index i "
            + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
            + "WHERE i.indrelid = '" + table.replace("'", "''") + "'::regclass AND NOT i.indisprimary AND i.indisvalid")) {
      assertThat(rs.next()).as("a valid index on the hostile table").isTrue();
      assertThat(rs.getString(1)).isEqualTo(HOSTILE_COLUMN);
      assertThat(rs.getBoolean(2)).as("orders still exists").isTrue();
      assertThat(rs.next()).isFalse();
    }
    for (Path file : List.of(readOnly.resolve("dbadvice.json"), readOnly.resolve("index.html"),
        applied.resolve("dbadvice.json"), applied.resolve("index.html"))) {
      assertThat(file).content().doesNotContain(ShopServer.ADVISOR_PASSWORD);
    }
    assertThat(advised.out() + advised.err() + apply.out() + apply.err()).doesNotContain(ShopServer.ADVISOR_PASSWORD);
  }

  /** The name in double quotes, inner quotes doubled, as PostgreSQL's quote_ident writes it. */
  private static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** Every relation, index, constraint and sequence of the apply database's public schema, in order. */
  private String catalog() throws SQLException {
    try (Connection c = shop.superuser(ShopServer.APPLY); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname) || '|' "
            + "|| (SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint WHERE connamespace = 'public'::regnamespace) "
            + "FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void badInvocations_areOneLineAndExitCode2(@TempDir Path outputs) throws Exception {
    Path out = outputs.resolve("bad");
    assertThat(run("dbadvise", "--apply", "--sql", sqlFile.toString(), "--out", out.toString()))
        .isEqualTo(new Outcome(2, "", "loadcast dbadvise: --apply needs --jdbc-url: there is no database to build the indexes in\n"));
    assertThat(run("dbadvise", "--out", out.toString()).err())
        .isEqualTo("loadcast dbadvise: nothing to advise on: give --jdbc-url, or a --pg-log, --sql or --jdbc-log file\n");
    Outcome refused = run("dbadvise", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop", "--password-file",
        passwordFile.toString(), "--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("loadcast dbadvise: cannot connect to 127.0.0.1:1").hasLineCount(1);
    Outcome wrong = run("dbadvise", "--jdbc-url", shop.url(ShopServer.SHOP), "--user", ShopServer.ADVISOR,
        "--password-file", Files.writeString(dir.resolve("wrong"), "not-the-password").toString(), "--out", out.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("password authentication failed for user " + ShopServer.ADVISOR).hasLineCount(1)
        .doesNotContain("not-the-password");
    Path badSql = Files.writeString(dir.resolve("bad.sql"), "SELECT id FROM orders WHERE;\n");
    Outcome malformed = run("dbadvise", "--sql", badSql.toString(), "--out", out.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).startsWith(badSql + ":1:1: ").hasLineCount(1);
    assertThat(out).doesNotExist();
  }

  /**
   * The server's own log as the workload: a service runs the customer's-orders query, unindexed, over
   * the extended protocol; the server logs each execution and its duration ({@code log_statement =
   * all} and {@code log_min_duration_statement = 0}); dbadvise reads that log, keeps the shop
   * database's statements, leaves out its own, and recommends the index from the logged executions
   * and times.
   */
  @Test
  void pgLog_theServersOwnLog_recommendsTheIndexFromTheLoggedExecutions(@TempDir Path outputs) throws Exception {
    java.util.Properties service = new java.util.Properties();
    service.setProperty("user", ShopServer.ADVISOR);
    service.setProperty("password", ShopServer.ADVISOR_PASSWORD);
    service.setProperty("ApplicationName", "shop service");
    try (Connection c = DriverManager.getConnection(shop.url(ShopServer.SHOP), service);
        java.sql.PreparedStatement byCustomer = c.prepareStatement(
            "SELECT id, status, total FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20")) {
      for (int customer = 1; customer <= 12; customer++) {
        byCustomer.setInt(1, 100 + customer);
        try (ResultSet rows = byCustomer.executeQuery()) {
          while (rows.next()) {
            assertThat(rows.getInt(1)).isPositive();
          }
        }
      }
    }
    Path log = Files.writeString(outputs.resolve("postgresql.log"), shop.serverLog());
    Path out = outputs.resolve("from-log");

    Outcome o = run("dbadvise", "--jdbc-url", shop.url(ShopServer.SHOP), "--user", ShopServer.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--pg-log", log.toString(),
        "--out", out.toString());

    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains(log + ": ").contains(" statements of other databases than " + ShopServer.SHOP + " left out");
    JsonNode advice = JSON.readTree(out.resolve("dbadvice.json").toFile());
    assertThat(DbAdviceSchemaTest.schema().validate(advice)).isEmpty();
    List<JsonNode> indexes = new ArrayList<>();
    advice.get("recommendations").forEach(r -> {
      assertThat(r.get("statement").asText()).doesNotContain(AdvisorSession.STATEMENT_TAG);
      if (r.get("kind").asText().equals("INDEX")) {
        indexes.add(r);
      }
    });
    assertThat(indexes).anySatisfy(r -> {
      assertThat(r.get("statement").asText()).contains("FROM orders WHERE customer_id = ?");
      assertThat(r.get("ddl").asText()).contains("ON orders (customer_id");
      assertThat(r.get("costAfter").asDouble()).isLessThanOrEqualTo(0.5 * r.get("costBefore").asDouble());
      // a saving needs measured time: the durations came from the log
      assertThat(r.get("estimatedSavingMillis").asDouble()).isPositive();
    });
    assertThat(out.resolve("index.html")).content().doesNotContain("loadcast dbadvise */");
  }
}
