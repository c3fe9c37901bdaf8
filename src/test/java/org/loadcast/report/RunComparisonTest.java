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
  void parse_emptyFile_saysSo() {
    assertThatThrownBy(() -> SummaryFile.parse("", "run/summary.json"))
        .isInstanceOf(InputException.class).hasMessage("run/summary.json: the file is empty");
  }

  @Test
  void parse_breaksTheSchema_namesTheFieldAtItsLine() throws Exception {
    String text = java.nio.file.Files.readString(BEFORE.resolve("summary.json")).replace("\"cost\" : 12.1", "\"cost\" : -1");
    assertThatThrownBy(() -> SummaryFile.parse(text, "run/summary.json"))
        .isInstanceOf(InputException.class)
        .hasMessage("run/summary.json:22:14: policies[0].cost does not meet summary.schema.json: must have a minimum "
            + "value of 0, but was -1");
  }

  /** The golden summary with a load test, and a copy with other calibration, fidelity, forecast and frontier figures. */
  @Test
  void of_calibrationFidelityForecastAndFrontier_areComparedWhenBothHaveThem() throws Exception {
    SummaryFile golden = calibrated();
    ObjectNode changed = golden.tree().deepCopy();
    ((ObjectNode) changed.get("calibration")).put("perInstanceCapacityPerSecond", 88.43);
    ((ObjectNode) changed.get("fidelity")).put("p95RelativeErrorPercent", 12.2222222222222223);
    ((ObjectNode) changed.get("forecast").get("methods").get(0)).put("mase", 0.3);
    ObjectNode frontier = (ObjectNode) changed.get("frontier").get("policies").get(0);
    frontier.put("operatingValue", 60.0);
    RunComparison c = RunComparison.of(golden, new SummaryFile("changed", changed));
    // 88.43 - 78.43 = 10 requests per second, neither better nor worse
    assertThat(c.calibration()).extracting(MetricDelta::metric)
        .containsExactly("perInstanceCapacityPerSecond", "workersPerInstance");
    assertThat(c.calibration().get(0).delta().doubleValue()).isCloseTo(10.0, within(1e-9));
    assertThat(c.calibration().get(0).better()).isNull();
    assertThat(c.calibration().get(1).delta()).isEqualTo(0L);
    // p95 error 2.22 % -> 12.22 %: +10 points, A better
    MetricDelta p95 = c.fidelity().stream().filter(m -> m.metric().equals("p95RelativeErrorPercent")).findFirst().orElseThrow();
    assertThat(p95.delta().doubleValue()).isCloseTo(10.0, within(1e-9));
    assertThat(p95.better()).isEqualTo("A");
    // Holt-Winters MASE 0.4 -> 0.3: -25 %, B better; the baselines are compared too
    assertThat(c.forecast()).extracting(RunComparison.NamedComparison::name)
        .containsExactly("Holt-Winters", "naive (last value)", "seasonal naive");
    MetricDelta mase = c.forecast().get(0).metrics().get(0);
    assertThat(mase.metric()).isEqualTo("mase");
    assertThat(mase.deltaPercent()).isCloseTo(-25.0, within(1e-9));
    assertThat(mase.better()).isEqualTo("B");
    assertThat(c.forecast().get(2).metrics().get(0).a()).isNull();
    // the reference has no verdict: the knob is compared, the verdict figures are not
    assertThat(c.frontier()).hasSize(1);
    RunComparison.FrontierComparison f = c.frontier().get(0);
    assertThat(f.knob()).isEqualTo("targetUtilizationPercent");
    assertThat(f.operatingValue().delta().doubleValue()).isEqualTo(-10.0);
    assertThat(f.sentenceA()).isNull();
    assertThat(f.metrics()).isEmpty();
  }

  @Test
  void of_verdictsInBoth_compareCostSavedAndSentences() throws Exception {
    SummaryFile golden = calibrated();
    ObjectNode a = golden.tree().deepCopy();
    ObjectNode b = golden.tree().deepCopy();
    verdict(a, 1.5, "saves 1.50 at equal SLO");
    verdict(b, 2.0, "saves 2.00 at equal SLO");
    RunComparison.FrontierComparison f = RunComparison.of(new SummaryFile("a", a), new SummaryFile("b", b)).frontier().get(0);
    assertThat(f.sentenceA()).isEqualTo("saves 1.50 at equal SLO");
    assertThat(f.sentenceB()).isEqualTo("saves 2.00 at equal SLO");
    MetricDelta saved = f.metrics().stream().filter(m -> m.metric().equals("costSaved")).findFirst().orElseThrow();
    // 2.0 - 1.5 = 0.5, +33.3 %, more saved is better
    assertThat(saved.delta()).isEqualTo(0.5);
    assertThat(saved.deltaPercent()).isCloseTo(33.333333, within(1e-5));
    assertThat(saved.better()).isEqualTo("B");
  }

  /** The golden summary of ReportWriterTest with a load test: calibration, fidelity, frontier, forecast. */
  private static SummaryFile calibrated() throws java.io.IOException {
    Path file = Path.of("src/test/resources/golden/summary-calibration.json");
    return new SummaryFile("calibrated", SummaryFile.parse(java.nio.file.Files.readString(file), file.toString()));
  }

  private static void verdict(ObjectNode summary, double costSaved, String sentence) {
    ObjectNode verdict = ((ObjectNode) summary.get("frontier").get("policies").get(0)).putObject("verdict");
    verdict.put("reference", "other").put("equalSloOverlap", true).put("atSloViolationMinutes", 3.0)
        .put("referenceCost", 10.0).put("policyCost", 10.0 - costSaved).put("costSaved", costSaved)
        .put("equalCostOverlap", false).putNull("atCost").putNull("referenceSloViolationMinutes")
        .putNull("policySloViolationMinutes").putNull("sloViolationMinutesAvoided");
    verdict.putObject("atOwnOperatingPoint");
    verdict.put("sentence", sentence);
  }
}
