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
import org.loadcast.cli.Main;

/**
 * {@code loadcast dbadvise} end to end on the embedded shop: a SQL file and a JDBC statement log as
 * the workload, the advice in dbadvice.json and index.html, read-only by default, and {@code
 * --apply} building the index in a database of its own.
 */
@Tag("slow")
class DbAdviseCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path dir;
  private static Path passwordFile;
  private static Path sqlFile;
  private static Path jdbcLog;

  private record Outcome(int code, String out, String err) {}

  @BeforeAll
  static void workload() throws Exception {
    EmbeddedShop.shared();
    passwordFile = Files.writeString(dir.resolve("password"), EmbeddedShop.ADVISOR_PASSWORD + "\n");
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

  private static boolean indexOnCustomerId(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(EmbeddedShop.shared().url(database), "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders' AND indexdef LIKE '%(customer_id%'")) {
      rs.next();
      return rs.getInt(1) > 0;
    }
  }

  @Test
  void readOnly_recommendsTheMissingIndexAndTheNPlusOne_andBuildsNothing() throws Exception {
    Path out = dir.resolve("advice");
    Outcome o = run("dbadvise", "--jdbc-url", EmbeddedShop.shared().url("shop"), "--user", EmbeddedShop.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sqlFile.toString(),
        "--jdbc-log", jdbcLog.toString(), "--out", out.toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out() + o.err()).doesNotContain(EmbeddedShop.ADVISOR_PASSWORD);
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
    assertThat(indexOnCustomerId("shop")).as("read-only: nothing was built").isFalse();
  }

  @Test
  void apply_buildsTheRecommendedIndex() throws Exception {
    try (Connection c = DriverManager.getConnection(EmbeddedShop.shared().url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE apply_cli");
    }
    try (Connection c = DriverManager.getConnection(EmbeddedShop.shared().url("apply_cli"), "postgres", "");
        Statement s = c.createStatement()) {
      for (String sql : EmbeddedShop.seedStatements(EmbeddedShop.ADVISOR)) {
        s.execute(sql);
      }
    }
    Outcome o = run("dbadvise", "--jdbc-url", EmbeddedShop.shared().url("apply_cli"), "--user", EmbeddedShop.ADVISOR,
        "--password-file", passwordFile.toString(), "--no-pg-stat-statements", "--sql", sqlFile.toString(), "--apply",
        "--out", dir.resolve("applied").toString());
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("applying:\n  CREATE INDEX CONCURRENTLY").contains("built: CREATE INDEX CONCURRENTLY");
    assertThat(indexOnCustomerId("apply_cli")).isTrue();
  }

  @Test
  void badInvocations_areOneLineAndExitCode2() throws Exception {
    Path out = dir.resolve("bad");
    assertThat(run("dbadvise", "--apply", "--sql", sqlFile.toString(), "--out", out.toString()))
        .isEqualTo(new Outcome(2, "", "loadcast dbadvise: --apply needs --jdbc-url: there is no database to build the indexes in\n"));
    assertThat(run("dbadvise", "--out", out.toString()).err())
        .isEqualTo("loadcast dbadvise: nothing to advise on: give --jdbc-url, or a --pg-log, --sql or --jdbc-log file\n");
    Outcome refused = run("dbadvise", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/shop", "--password-file",
        passwordFile.toString(), "--out", out.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("loadcast dbadvise: cannot connect to 127.0.0.1:1").hasLineCount(1);
    Outcome wrong = run("dbadvise", "--jdbc-url", EmbeddedShop.shared().url("shop"), "--user", EmbeddedShop.ADVISOR,
        "--password-file", Files.writeString(dir.resolve("wrong"), "not-the-password").toString(), "--out", out.toString());
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("password authentication failed for user advisor").hasLineCount(1)
        .doesNotContain("not-the-password");
    Path badSql = Files.writeString(dir.resolve("bad.sql"), "SELECT id FROM orders WHERE;\n");
    Outcome malformed = run("dbadvise", "--sql", badSql.toString(), "--out", out.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).startsWith(badSql + ":1:1: ").hasLineCount(1);
    assertThat(out).doesNotExist();
  }
}
