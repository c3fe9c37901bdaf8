package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.SecondResult;

class EndpointHotspotsTest {

  /** HdrHistogram with 3 significant digits: means and percentiles are within 0.1 % of the value. */
  private static final double PRECISION = 0.001;

  /** A second with {@code completed} successes and, per name, {@code {count, latencyMicros}} requests. */
  static SecondResult second(int s, Phase phase, long completed, Map<String, long[]> requests) {
    TreeMap<String, Histogram> latency = new TreeMap<>();
    requests.forEach((name, r) -> {
      Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      h.recordValueWithCount(r[1], r[0]);
      latency.put(name, h);
    });
    return new SecondResult(s, phase, completed, completed, 0, 1, new TreeMap<>(), latency);
  }

  @Test
  void rankReplay_oneEndpointWithEightyPercentOfTheTime_comesFirstWithItsShare() {
    List<SecondResult> seconds = new ArrayList<>();
    // a probe second that would change the order if it were counted
    seconds.add(second(0, Phase.PROBE, 1, Map.of("GET /c", new long[] {1000, 1_000_000})));
    for (int s = 1; s <= 10; s++) {
      // per second: /a 10 × 40 ms = 0.4 s, /b 20 × 3 ms = 0.06 s, /c 4 × 10 ms = 0.04 s; total 0.5 s
      seconds.add(second(s, Phase.REPLAY, 34, Map.of(
          "GET /a", new long[] {10, 40_000}, "GET /b", new long[] {20, 3_000}, "GET /c", new long[] {4, 10_000})));
    }
    EndpointRanking ranking = EndpointHotspots.rankReplay(seconds);
    assertThat(ranking.rows()).extracting(EndpointHotspot::name).containsExactly("GET /a", "GET /b", "GET /c");
    EndpointHotspot first = ranking.rows().get(0);
    assertThat(first.count()).isEqualTo(100);
    assertThat(first.sharePercent()).isCloseTo(80, within(80 * 2 * PRECISION));
    assertThat(first.totalSeconds()).isCloseTo(4, within(4 * PRECISION));
    assertThat(first.meanMillis()).isCloseTo(40, within(40 * PRECISION));
    assertThat(first.p50Millis()).isCloseTo(40, within(40 * PRECISION));
    assertThat(first.p99Millis()).isCloseTo(40, within(40 * PRECISION));
    assertThat(ranking.rows().get(1).sharePercent()).isCloseTo(12, within(12 * 2 * PRECISION));
    assertThat(ranking.rows().get(2).cumulativeSharePercent()).isCloseTo(100, within(1e-9));
    assertThat(ranking.totalSeconds()).isCloseTo(5, within(5 * PRECISION));
    // cumulative 80, 92, 100: two of three reach 90 %
    assertThat(ranking.pareto()).isEqualTo(new ParetoLine(2, 3, 90));
    assertThat(ranking.paretoSentence()).isEqualTo("2 of 3 endpoints account for 90 % of the time");
  }

  @Test
  void rank_percentiles_comeFromTheMergedHistogram() {
    // 90 requests at 1 ms and 10 at 100 ms, in two seconds: p50 1 ms, p95 and p99 100 ms
    List<SecondResult> seconds = List.of(
        second(0, Phase.REPLAY, 45, Map.of("GET /", new long[] {45, 1_000})),
        second(1, Phase.REPLAY, 55, Map.of("GET /", new long[] {45, 1_000})),
        second(2, Phase.REPLAY, 10, Map.of("GET /", new long[] {10, 100_000})));
    EndpointHotspot row = EndpointHotspots.rank(seconds, s -> true, 90).rows().get(0);
    assertThat(row.count()).isEqualTo(100);
    assertThat(row.p50Millis()).isCloseTo(1, within(PRECISION));
    assertThat(row.p95Millis()).isCloseTo(100, within(100 * PRECISION));
    assertThat(row.meanMillis()).isCloseTo(10.9, within(10.9 * PRECISION));
  }

  @Test
  void rankReplay_noSeconds_isAnEmptyRanking() {
    EndpointRanking ranking = EndpointHotspots.rankReplay(List.of());
    assertThat(ranking.rows()).isEmpty();
    assertThat(ranking.totalSeconds()).isZero();
    assertThat(ranking.pareto()).isEqualTo(new ParetoLine(0, 0, 90));
  }

  /**
   * A probe from second 0 in steps of 5 s at 10 and 20 requests/s (steady parts 1..4 and 6..9),
   * where "GET /a" takes 10 ms at both steps, then a 10-s replay from second 10.
   */
  private static List<SecondResult> probeThenReplay(long replayPerSecond, long replayLatencyMicros) {
    List<SecondResult> seconds = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      long rate = s < 5 ? 10 : 20;
      seconds.add(second(s, Phase.PROBE, rate, Map.of("GET /a", new long[] {rate, 10_000})));
    }
    for (int s = 10; s < 20; s++) {
      seconds.add(second(s, Phase.REPLAY, replayPerSecond, Map.of("GET /a", new long[] {replayPerSecond, replayLatencyMicros})));
    }
    return seconds;
  }

  @Test
  void regressions_p95DoubledAtTheSameLoad_isFlagged() {
    // replay at 21/s is within 10 % of step 1 (20/s); p95 20 ms against 10 ms: +100 %
    RegressionCheck check = EndpointHotspots.regressions(
        probeThenReplay(21, 20_000), 0, List.of(10.0, 20.0), 5, RegressionRule.DEFAULT);
    assertThat(check.windowsCompared()).isEqualTo(1);
    assertThat(check.windowsWithoutBaseline()).isEmpty();
    assertThat(check.regressions()).hasSize(1);
    EndpointRegression r = check.regressions().get(0);
    assertThat(r.name()).isEqualTo("GET /a");
    assertThat(r.window()).isEqualTo(new LoadWindow(10, 20, 21));
    assertThat(r.baselineStep()).isEqualTo(1);
    assertThat(r.baselineOfferedRatePerSecond()).isEqualTo(20);
    assertThat(r.baselineThroughputPerSecond()).isEqualTo(20);
    assertThat(r.baselineCount()).isEqualTo(80);
    assertThat(r.windowCount()).isEqualTo(210);
    assertThat(r.baselineP95Millis()).isCloseTo(10, within(10 * PRECISION));
    assertThat(r.windowP95Millis()).isCloseTo(20, within(20 * PRECISION));
    assertThat(r.risePercent()).isCloseTo(100, within(0.5));
  }

  @Test
  void regressions_p95RoseLessThanTheThreshold_isNotFlagged() {
    // +40 % is under the default 50 %
    RegressionCheck check = EndpointHotspots.regressions(
        probeThenReplay(20, 14_000), 0, List.of(10.0, 20.0), 5, RegressionRule.DEFAULT);
    assertThat(check.windowsCompared()).isEqualTo(1);
    assertThat(check.regressions()).isEmpty();
  }

  @Test
  void regressions_noProbeStepAtTheWindowsLoad_saysNoBaseline() {
    // 40/s is twice the busiest step: nothing is compared, however slow the replay
    RegressionCheck check = EndpointHotspots.regressions(
        probeThenReplay(40, 500_000), 0, List.of(10.0, 20.0), 5, RegressionRule.DEFAULT);
    assertThat(check.regressions()).isEmpty();
    assertThat(check.windowsCompared()).isZero();
    assertThat(check.windowsWithoutBaseline()).containsExactly(new LoadWindow(10, 20, 40));
  }

  @Test
  void regressions_tooFewBaselineSamples_areNotJudged() {
    // 80 baseline samples against a minimum of 100
    RegressionCheck check = EndpointHotspots.regressions(
        probeThenReplay(20, 50_000), 0, List.of(10.0, 20.0), 5, new RegressionRule(10, 10, 100, 50));
    assertThat(check.windowsCompared()).isEqualTo(1);
    assertThat(check.regressions()).isEmpty();
  }

  @Test
  void regressions_shortWindows_areComparedOneByOne() {
    RegressionCheck check = EndpointHotspots.regressions(
        probeThenReplay(20, 20_000), 0, List.of(10.0, 20.0), 5, new RegressionRule(4, 10, 50, 50));
    // windows 10..13, 14..17 (80 requests each) and 18..19 (40, under the minimum)
    assertThat(check.windowsCompared()).isEqualTo(3);
    assertThat(check.regressions()).extracting(EndpointRegression::window)
        .containsExactly(new LoadWindow(10, 14, 20), new LoadWindow(14, 18, 20));
  }

  @Test
  void regressions_noReplay_isEmpty() {
    RegressionCheck check = EndpointHotspots.regressions(List.of(), 0, List.of(10.0), 5, RegressionRule.DEFAULT);
    assertThat(check.regressions()).isEmpty();
    assertThat(check.windowsWithoutBaseline()).isEmpty();
    assertThat(check.windowsCompared()).isZero();
  }
}
