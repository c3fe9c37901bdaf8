package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The N+1 rule at its edges (4 vs 5 repeats, 49 vs 50 ms), the rewrites, and the per-name summary. */
class NPlusOneDetectorTest {
  private static final String SOURCE = "SELECT * FROM orders WHERE customer_id = ?";
  private static final String ITEM = "SELECT * FROM order_items WHERE order_id = ?";

  private static List<StatementExecution> request(String id, String first, String repeated, int count, long microsEach) {
    List<StatementExecution> out = new ArrayList<>();
    out.add(new StatementExecution(id, "GET /x", null, 1000, first, List.of("1"), null, "t"));
    for (int i = 0; i < count; i++) {
      out.add(new StatementExecution(id, "GET /x", null, microsEach, repeated, List.of(String.valueOf(i)), null, "t"));
    }
    return out;
  }

  private static List<NPlusOneFinding> detect(List<StatementExecution> executions) {
    return new NPlusOneDetector(NPlusOneDetector.Thresholds.DEFAULT).detect(executions);
  }

  @Test
  void detect_fiveRepeatsOfTenMillis_isAFinding() {
    List<NPlusOneFinding> findings = detect(request("r", SOURCE, ITEM, 5, 10_000));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.count()).isEqualTo(5);
      assertThat(f.totalMillis()).isCloseTo(50.0, within(1e-9));
      assertThat(f.sourceStatement()).isEqualTo(SOURCE);
      assertThat(f.repeatedStatement()).isEqualTo(ITEM);
      assertThat(f.distinctParameterSets()).isEqualTo(5);
    });
  }

  @Test
  void detect_fourRepeats_isNothing() {
    assertThat(detect(request("r", SOURCE, ITEM, 4, 100_000))).isEmpty();
  }

  @Test
  void detect_49Millis_isNothing() {
    assertThat(detect(request("r", SOURCE, ITEM, 5, 9_800))).isEmpty();
  }

  @Test
  void detect_distinctStatements_isNothing() {
    List<StatementExecution> clean = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      clean.add(new StatementExecution("r", "GET /x", null, 50_000, "SELECT * FROM t" + i + " WHERE id = ?", List.of(), null, "t"));
    }
    assertThat(detect(clean)).isEmpty();
  }

  @Test
  void detect_runAtTheStartOfARequest_hasNoSource_andIsNotReported() {
    List<StatementExecution> run = request("r", ITEM, ITEM, 6, 20_000);
    assertThat(detect(run)).isEmpty();
  }

  @Test
  void detect_literalVariants_countAsOneStatement() {
    List<StatementExecution> executions = new ArrayList<>();
    executions.add(new StatementExecution("r", "n", null, 1, SOURCE, List.of("3"), null, "t"));
    for (int i = 0; i < 5; i++) {
      executions.add(new StatementExecution("r", "n", null, 10_000, "select * from ORDER_ITEMS where order_id = " + i,
          List.of(), null, "t"));
    }
    assertThat(detect(executions)).hasSize(1);
  }

  @Test
  void detect_requestsAreSeparated_andStartTimesOrderThem() {
    List<StatementExecution> mixed = new ArrayList<>();
    mixed.add(new StatementExecution("a", "n", 0L, 1, SOURCE, List.of(), null, "t"));
    for (int i = 1; i <= 5; i++) {
      mixed.add(new StatementExecution("b", "n", (long) i, 10_000, ITEM, List.of(), null, "t"));
      mixed.add(new StatementExecution("a", "n", 10L - i, 10_000, ITEM, List.of(), null, "t"));
    }
    List<NPlusOneFinding> findings = detect(mixed);
    assertThat(findings).extracting(NPlusOneFinding::requestId).containsExactly("a");
  }

  @Test
  void detect_configurableThresholds() {
    NPlusOneDetector strict = new NPlusOneDetector(new NPlusOneDetector.Thresholds(3, 10));
    assertThat(strict.detect(request("r", SOURCE, ITEM, 3, 4_000))).hasSize(1);
    assertThatThrownBy(() -> new NPlusOneDetector.Thresholds(1, 50)).hasMessageContaining("minRepeats must be >= 2");
  }

  @Test
  void rewrite_parameterFromTheSourceTable_isAJoin() {
    NPlusOneFinding f = detect(request("r", SOURCE, ITEM, 5, 10_000)).get(0);
    assertThat(f.rewrite().kind()).isEqualTo(BatchedRewrite.Kind.JOIN);
    assertThat(f.rewrite().text()).startsWith("JOIN order_items ON order_items.order_id = orders.id, added to: " + SOURCE)
        .contains("SELECT * FROM order_items WHERE order_id = ANY(?)");
  }

  @Test
  void rewrite_otherParameter_isAnyArray() {
    NPlusOneFinding f = detect(request("r", SOURCE, "SELECT name FROM products p WHERE p.sku = ?", 5, 10_000)).get(0);
    assertThat(f.rewrite().kind()).isEqualTo(BatchedRewrite.Kind.ANY_ARRAY);
    assertThat(f.rewrite().text()).isEqualTo("SELECT name FROM products p WHERE p.sku = ANY(?)");
  }

  @Test
  void rewrite_twoParameters_isNone() {
    NPlusOneFinding f = detect(request("r", SOURCE, "SELECT * FROM prices WHERE sku = ? AND region = ?", 5, 10_000)).get(0);
    assertThat(f.rewrite().kind()).isEqualTo(BatchedRewrite.Kind.NONE);
  }

  @Test
  void summarize_fixture_cleanEndpointHasNothing_andTheNPlusOneEndpointIsSummed() throws IOException {
    List<StatementExecution> log = JdbcStatementLogReaderTest.read(JdbcStatementLogReaderTest.LOADCAST_LOG,
        JdbcStatementLogReader.Options.loadcast());
    NPlusOneDetector detector = new NPlusOneDetector(NPlusOneDetector.Thresholds.DEFAULT);
    assertThat(detector.detect(log)).extracting(NPlusOneFinding::requestId).containsExactly("r-2", "r-3");
    List<NPlusOnePattern> patterns = detector.summarize(log);
    assertThat(patterns).singleElement().satisfies(p -> {
      assertThat(p.requestName()).isEqualTo("GET /customers/{id}/orders");
      assertThat(p.sourceStatement()).isEqualTo(SOURCE);
      assertThat(p.repeatedStatement()).isEqualTo(ITEM);
      assertThat(p.requestsWithPattern()).isEqualTo(2);
      assertThat(p.requestsOfName()).isEqualTo(4);
      assertThat(p.medianRunLength()).isEqualTo(5.5);
      assertThat(p.totalMillis()).isCloseTo(110.0, within(1e-9));
      // 60 - 60/6 + 50 - 50/5 = 50 + 40
      assertThat(p.avoidableMillis()).isCloseTo(90.0, within(1e-9));
    });
  }
}
