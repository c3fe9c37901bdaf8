package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The workload's assembly, without a database. */
class AdvisorTest {

  private static StatementExecution run(String request, long micros, String sql) {
    return new StatementExecution(request, "GET /x", 0L, micros, sql, List.of(), null, "log");
  }

  @Test
  void workload_mergesByFingerprint_andDoesNotCountPgStatStatementsTwice() {
    List<StatementStatistics> top = List.of(new StatementStatistics("SELECT * FROM orders WHERE customer_id = $1", 40, 800, 20, 40));
    List<StatementExecution> log = List.of(run("r1", 20_000, "SELECT * FROM orders WHERE customer_id = ?"),
        run("r1", 1_000, "SELECT * FROM orders WHERE id = ?"), run("r2", 3_000, "SELECT * FROM orders WHERE id = ?"));
    List<Advisor.Statement> workload = Advisor.workload(top, log, List.of("SELECT 1 FROM customers WHERE name = 'x'"));
    assertThat(workload).extracting(Advisor.Statement::executions).containsExactly(40L, 2L, 1L);
    assertThat(workload.get(0).totalMillis()).isEqualTo(800);
    assertThat(workload.get(0).sql()).isEqualTo("SELECT * FROM orders WHERE customer_id = ?");
    assertThat(workload.get(1).totalMillis()).isEqualTo(4.0);
    assertThat(workload.get(2).totalMillis()).isNaN();
  }

  @Test
  void questionMarks_turnsDollarMarkersOutsideQuotesIntoJdbcMarkers() {
    assertThat(Advisor.questionMarks("SELECT '$1', \"a$2\", $$ $3 $$ FROM t WHERE a = $1 AND b = $12 -- $4\n"))
        .isEqualTo("SELECT '$1', \"a$2\", $$ $3 $$ FROM t WHERE a = ? AND b = ? -- $4\n");
  }

  @Test
  void withoutConcurrently_removesItForTheWhatIfTransaction() {
    assertThat(Advisor.withoutConcurrently("CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id)"))
        .isEqualTo("CREATE INDEX orders_customer_id_idx ON orders (customer_id)");
  }

  @Test
  void advise_withoutADatabase_findsTheNPlusOneOnly() {
    List<StatementExecution> log = new java.util.ArrayList<>();
    log.add(run("r1", 2_000, "SELECT id FROM customers WHERE region = ?"));
    for (int i = 0; i < 5; i++) {
      // distinct parameters: a loop, not a caching candidate
      log.add(new StatementExecution("r1", "GET /x", 0L, 11_000, "SELECT * FROM orders WHERE customer_id = ?",
          List.of(Integer.toString(i)), null, "log"));
    }
    Advisor.Result result = Advisor.advise(null, Advisor.workload(List.of(), log, List.of()), log, Advisor.Settings.DEFAULTS);
    assertThat(result.whatIfMethod()).isNull();
    assertThat(result.indexDdl()).isEmpty();
    assertThat(result.advice().recommendations()).extracting(Recommendation::kind).containsExactly(RecommendationKind.N_PLUS_ONE);
    assertThat(Advisor.summary(result.advice())).isEqualTo(
        "0 index recommendation(s), 1 N+1 loop(s), 0 caching candidate(s), 0 plan warning(s)");
  }
}
