package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;

/** Two hand-written summaries whose deltas are worked out by hand in the comments. */
class RunComparisonTest {
  static final Path BEFORE = Path.of("src/test/resources/compare/before");
  static final Path AFTER = Path.of("src/test/resources/compare/after");

  private static RunComparison.PolicyComparison hpa() {
    RunComparison c = RunComparison.of(SummaryFile.read(BEFORE), SummaryFile.read(AFTER));
    assertThat(c.policies()).extracting(RunComparison.PolicyComparison::name).containsExactly("reactive-hpa");
    return c.policies().get(0);
  }

  @Test
  void of_violationMinutes_deltaIsBMinusAAndLowerIsBetter() {
    MetricDelta m = hpa().metric("sloViolationMinutes");
    // 80 - 95 = -15; -15 / 95 = -15.789 %
    assertThat(m.a()).isEqualTo(95);
    assertThat(m.b()).isEqualTo(80);
    assertThat(m.delta()).isEqualTo(-15L);
    assertThat(m.deltaPercent()).isCloseTo(-15.789473684, within(1e-6));
    assertThat(m.better()).isEqualTo("B");
    assertThat(m.direction()).isEqualTo("lower");
  }

  @Test
  void of_cost_higherCostMakesABetter() {
    MetricDelta m = hpa().metric("cost");
    // 12.35 - 12.10 = 0.25; 0.25 / 12.10 = 2.066 %
    assertThat(m.delta().doubleValue()).isCloseTo(0.25, within(1e-9));
    assertThat(m.deltaPercent()).isCloseTo(2.0661157, within(1e-6));
    assertThat(m.better()).isEqualTo("A");
  }

  @Test
  void of_aIsZero_deltaPercentIsNull() {
    MetricDelta m = hpa().metric("droppedRequests");
    assertThat(m.delta()).isEqualTo(3L);
    assertThat(m.deltaPercent()).isNull();
    assertThat(m.better()).isEqualTo("A");
  }

  @Test
  void of_valueNullInA_hasNoDeltaAndNoVerdict() {
    MetricDelta m = hpa().metric("p99LatencyMillis");
    assertThat(m.a()).isNull();
    assertThat(m.b()).isEqualTo(300.0);
    assertThat(m.delta()).isNull();
    assertThat(m.deltaPercent()).isNull();
    assertThat(m.better()).isNull();
  }

  @Test
  void of_directions_higherCloserToZeroNoneAndSame() {
    RunComparison.PolicyComparison p = hpa();
    // elastic speedup 1.0 -> 1.2: higher is better, +20 %
    assertThat(p.metric("elasticSpeedup").better()).isEqualTo("B");
    assertThat(p.metric("elasticSpeedup").deltaPercent()).isCloseTo(20.0, within(1e-9));
    // jitter -0.5 -> 0.25: |0.25| < |-0.5|; delta 0.75 is 150 % of |-0.5|
    assertThat(p.metric("jitter").better()).isEqualTo("B");
    assertThat(p.metric("jitter").deltaPercent()).isCloseTo(150.0, within(1e-9));
    // arrivals are neither good nor bad
    assertThat(p.metric("arrivals").better()).isNull();
    assertThat(p.metric("arrivals").delta()).isEqualTo(0L);
    assertThat(p.metric("thetaU").better()).isEqualTo("same");
    assertThat(p.metric("scalingActions").better()).isEqualTo("A");
    // only present when the experiment sets a timeout or billing rules
    assertThat(p.metric("timedOutRequests")).isNull();
    assertThat(p.metrics()).hasSize(21);
  }

  @Test
  void of_headline_givesBothChangesAndTheWinnerOfEach() {
    assertThat(hpa().headline()).isEqualTo("reactive-hpa: SLO-violation minutes 95 → 80 (−15, −15.8 %), "
        + "cost 12.10 → 12.35 (+0.25, +2.1 %): B better on SLO, worse on cost");
  }

  @Test
  void of_policiesInOneRunOnly_areListedNotCompared() {
    RunComparison c = RunComparison.of(SummaryFile.read(BEFORE), SummaryFile.read(AFTER));
    assertThat(c.onlyInA()).containsExactly("only-before");
    assertThat(c.onlyInB()).containsExactly("only-after");
    assertThat(c.runA()).isEqualTo("before");
    assertThat(c.runB()).isEqualTo("after");
    assertThat(c.likeForLike()).isTrue();
    assertThat(c.differences()).isEmpty();
    assertThat(c.frontier()).isNull();
    assertThat(c.forecast()).isNull();
    assertThat(c.calibration()).isNull();
  }

  @Test
  void of_otherSeedSloAndArrivals_isNotLikeForLike() {
    SummaryFile before = SummaryFile.read(BEFORE);
    ObjectNode other = before.tree().deepCopy();
    other.put("seed", 8);
    ((ObjectNode) other.get("slo")).put("latencyMillis", 500.0);
    ((ObjectNode) other.get("policies").get(0)).put("arrivals", 500100);
    RunComparison c = RunComparison.of(before, new SummaryFile("other", other));
    assertThat(c.likeForLike()).isFalse();
    assertThat(c.differences()).containsExactly(
        "The seeds differ: 7 in A, 8 in B, so the arrivals and service times are other draws.",
        "The SLOs differ: p95 ≤ 250 ms in A, p95 ≤ 500 ms in B, so violation minutes count different things.",
        "The arrivals differ (reactive-hpa: 500000 in A, 500100 in B): the runs served different demand.");
  }

  @Test
  void of_sameRunTwice_everyDirectedFigureIsTheSame() {
    RunComparison c = RunComparison.of(SummaryFile.read(BEFORE), SummaryFile.read(BEFORE));
    assertThat(c.likeForLike()).isTrue();
    assertThat(c.onlyInA()).isEmpty();
    assertThat(c.policies()).hasSize(2);
    assertThat(c.policies().get(0).metrics()).allSatisfy(m -> assertThat(m.better()).isIn("same", null));
  }

  @Test
  void parse_notJson_givesLineAndColumn() {
    assertThatThrownBy(() -> SummaryFile.parse("{\n  \"experiment\" : \"x\",\n  \"seed\" : 7,,\n}", "run/summary.json"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("run/summary.json:3:14: not valid JSON: Unexpected character (',' (code 44))");
  }

  @Test
  void parse_breaksTheSchema_namesTheFieldAtItsLine() throws Exception {
    String text = java.nio.file.Files.readString(BEFORE.resolve("summary.json")).replace("\"cost\" : 12.1", "\"cost\" : -1");
    assertThatThrownBy(() -> SummaryFile.parse(text, "run/summary.json"))
        .isInstanceOf(InputException.class)
        .hasMessage("run/summary.json:22:14: policies[0].cost does not meet summary.schema.json: must have a minimum "
            + "value of 0, but was -1");
  }
}
