package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loadcast.profile.InputException;
import org.junit.jupiter.api.Test;

/** A PostgreSQL 15 log excerpt written by the documented formats, and one bad line. */
class PostgresLogReaderTest {
  private static final Path LOG = Path.of("src/test/resources/dbadvisor/postgresql-15.log");

  private static List<StatementExecution> read(BufferedReader in, String name) throws IOException {
    List<StatementExecution> out = new ArrayList<>();
    PostgresLogReader.read(in, name, out::add);
    return out;
  }

  @Test
  void read_fixture_findsEachStatementOnce() throws IOException {
    List<StatementExecution> all;
    try (BufferedReader in = Files.newBufferedReader(LOG, StandardCharsets.UTF_8)) {
      all = read(in, "postgresql-15.log");
    }
    assertThat(all).extracting(StatementExecution::durationMicros)
        .containsExactly(12345L, 3500L, 250L, 900L, 1000L, 3651L, 986L, 2000L);
    assertThat(all.get(0).sql()).isEqualTo("SELECT * FROM orders WHERE customer_id = 42");
    assertThat(all.get(0).source()).isEqualTo("postgresql-15.log:2");
    assertThat(all.get(1).sql()).isEqualTo("SELECT o.id,\n       o.total\n  FROM orders o\n WHERE o.created_at > '2026-01-01'");
    assertThat(all.get(2).params()).containsExactly("5");
    assertThat(all.get(3).sql()).isEqualTo("UPDATE customers SET name = $1 WHERE email = $2");
    assertThat(all.get(3).params()).containsExactly("O'Brien, Pat", null);
    assertThat(all.get(4).sql()).startsWith("DELETE FROM sessions");
    assertThat(all).allSatisfy(e -> assertThat(e.requestId()).isNull());
  }

  @Test
  void read_autoExplain_textAndJson() throws IOException {
    List<StatementExecution> all;
    try (BufferedReader in = Files.newBufferedReader(LOG, StandardCharsets.UTF_8)) {
      all = read(in, "postgresql-15.log");
    }
    StatementExecution text = all.get(5);
    assertThat(text.sql()).isEqualTo("SELECT count(*)\n              FROM orders\n              WHERE status = 'new'");
    assertThat(text.plan()).contains("Seq Scan on orders");
    assertThat(NormalizedSql.of(text.sql()).text()).isEqualTo("SELECT count(*) FROM orders WHERE status = ?");
    StatementExecution json = all.get(6);
    assertThat(json.sql()).isEqualTo("SELECT * FROM products WHERE id = 7");
    assertThat(json.plan()).startsWith("{").contains("\"Index Scan\"");
  }

  @Test
  void read_lineWithoutPrefix_isLocated() {
    String log = String.join("\n", Arrays.asList(
        "2026-11-29 20:00:00.500 UTC [201] LOG:  duration: 1.000 ms  statement: SELECT 1",
        "    SELECT 2 -- continuation without its tab",
        "2026-11-29 20:00:00.600 UTC [201] LOG:  duration: 1.000 ms  statement: SELECT 3"));
    List<StatementExecution> seen = new ArrayList<>();
    assertThatThrownBy(() -> PostgresLogReader.read(new BufferedReader(new StringReader(log)), "pg.log", seen::add))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("pg.log:2:1: not a log entry: a line must start with the log_line_prefix '%m [%p] '");
    assertThat(seen).hasSize(2);
  }

  /** Found by the bad-inputs corpus: a cut JSON plan gave two problems, the second wrongly "holds no query text". */
  @Test
  void read_truncatedAutoExplainJson_isOneProblemWhereTheJsonStops() {
    String log = String.join("\n", Arrays.asList(
        "2026-11-29 20:00:00.500 UTC [201] LOG:  duration: 3.651 ms  plan:",
        "\t{",
        "\t  \"Query Text\": \"SELECT * FROM orders WHERE customer_id = 7\",",
        "\t  \"Plan\": {"));
    assertThatThrownBy(() -> PostgresLogReader.read(new BufferedReader(new StringReader(log)), "pg.log", e -> { }))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).problems()).hasSize(1))
        .hasMessageStartingWith("pg.log:4:")
        .hasMessageContaining(": the auto_explain JSON plan of the entry at line 1 is not valid JSON (is the log cut short?): "
            + "Unexpected end-of-input");
  }

  @Test
  void read_logStatementAll_pairsEachStatementWithItsLaterDuration() throws IOException {
    String log = String.join("\n", Arrays.asList(
        "2026-11-29 20:00:00.100 UTC [301] LOG:  statement: SELECT * FROM products WHERE id = 3",
        "2026-11-29 20:00:00.100 UTC [302] LOG:  execute <unnamed>: SELECT * FROM carts WHERE id = $1",
        "2026-11-29 20:00:00.100 UTC [302] DETAIL:  parameters: $1 = '9'",
        "2026-11-29 20:00:00.104 UTC [301] LOG:  duration: 4.000 ms",
        "2026-11-29 20:00:00.106 UTC [302] LOG:  duration: 5.500 ms",
        "2026-11-29 20:00:00.200 UTC [303] LOG:  statement: SELECT 42",
        "2026-11-29 20:00:00.300 UTC [304] LOG:  duration: 1.000 ms"));
    List<StatementExecution> all = read(new BufferedReader(new StringReader(log)), "pg.log");
    assertThat(all).extracting(StatementExecution::sql)
        .containsExactly("SELECT * FROM products WHERE id = 3", "SELECT * FROM carts WHERE id = $1");
    assertThat(all).extracting(StatementExecution::durationMicros).containsExactly(4000L, 5500L);
    assertThat(all.get(1).params()).containsExactly("9");
    assertThat(all.get(1).source()).isEqualTo("pg.log:2");
  }

  @Test
  void read_debianPrefixWithADatabase_keepsThatDatabasesStatementsAndCountsTheOthers() throws IOException {
    String log = String.join("\n", Arrays.asList(
        "2026-11-29 20:00:00.100 UTC [401] shop@shopdb LOG:  duration: 2.000 ms  statement: SELECT * FROM orders WHERE id = 1",
        "2026-11-29 20:00:00.110 UTC [402] app@billing LOG:  duration: 3.000 ms  statement: SELECT * FROM invoices WHERE id = 2",
        "2026-11-29 20:00:00.120 UTC [403] shop@shopdb LOG:  statement: SELECT * FROM carts WHERE id = 3",
        "2026-11-29 20:00:00.121 UTC [403] shop@shopdb LOG:  duration: 0.500 ms",
        "2026-11-29 20:00:00.130 UTC [404] app@billing LOG:  execute <unnamed>: SELECT * FROM invoices WHERE customer = $1",
        "2026-11-29 20:00:00.130 UTC [404] app@billing DETAIL:  parameters: $1 = '7'",
        "2026-11-29 20:00:00.131 UTC [404] app@billing LOG:  duration: 0.700 ms",
        "2026-11-29 20:00:00.140 UTC [405] LOG:  checkpoint starting: time"));
    List<StatementExecution> kept = new ArrayList<>();

    long others = PostgresLogReader.read(new BufferedReader(new StringReader(log)), "pg.log", "shopdb", kept::add);

    assertThat(kept).extracting(StatementExecution::sql)
        .containsExactly("SELECT * FROM orders WHERE id = 1", "SELECT * FROM carts WHERE id = 3");
    assertThat(kept).extracting(StatementExecution::durationMicros).containsExactly(2000L, 500L);
    assertThat(others).isEqualTo(2);
    assertThat(read(new BufferedReader(new StringReader(log)), "pg.log")).as("no database given: all kept").hasSize(4);
  }

  @Test
  void read_theAdvisorsOwnTaggedStatements_areLeftOut() throws IOException {
    String log = String.join("\n", Arrays.asList(
        "2026-11-29 20:00:00.100 UTC [501] LOG:  duration: 0.300 ms  statement: " + AdvisorSession.STATEMENT_TAG
            + " EXPLAIN (FORMAT JSON) SELECT * FROM orders WHERE id = 1",
        "2026-11-29 20:00:00.110 UTC [501] LOG:  execute <unnamed>: " + AdvisorSession.STATEMENT_TAG
            + " SELECT reltuples FROM pg_class WHERE oid = to_regclass($1)",
        "2026-11-29 20:00:00.110 UTC [501] DETAIL:  parameters: $1 = 'orders'",
        "2026-11-29 20:00:00.111 UTC [501] LOG:  duration: 0.100 ms",
        "2026-11-29 20:00:00.120 UTC [502] LOG:  duration: 2.000 ms  statement: SELECT * FROM orders WHERE id = 1"));

    assertThat(read(new BufferedReader(new StringReader(log)), "pg.log")).extracting(StatementExecution::sql)
        .containsExactly("SELECT * FROM orders WHERE id = 1");
  }

  @Test
  void parameters_unquotesAndKeepsNull() {
    assertThat(PostgresLogReader.parameters("$1 = '5', $2 = NULL, $3 = 'it''s'")).containsExactly("5", null, "it's");
  }
}
