package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The load-test plan of a profile with sessions: its rate counts sessions, the probe and gate
 * count requests, and think times are compressed like the arrivals.
 */
class LoadTestPlanTest {
  private static final Path SESSIONS = Path.of("src/test/resources/replay/sessions.yaml");

  @Test
  void upperRateScale_sessions_dividesByRequestsPerSession() {
    // 0.8 × 100 requests/s at a peak of 2.5 sessions per profile second, 2 requests each, 240× compressed
    assertThat(LoadTestPlan.upperRateScale(0.8, 100, 2.5, 2, 240)).isCloseTo(80 / (2.5 * 2 * 240), within(1e-15));
    assertThat(LoadTestPlan.upperRateScale(0.8, 100, 2.5, 1, 240)).isCloseTo(80 / (2.5 * 240), within(1e-15));
  }

  @Test
  void of_sessionProfile_putsThePeakRequestRateAtTheFractionOfTheTopProbeRate() {
    Experiment experiment = Experiments.read(SESSIONS);
    LoadTestPlan plan = LoadTestPlan.of(experiment);
    double requestsPerSession = experiment.profile().mix().sessions().expectedRequestsPerSession();
    assertThat(plan.mix().requestsPerArrival()).isEqualTo(requestsPerSession);
    // the replayed hour 12:00-13:00 peaks at 2.5 sessions per second at 13:00
    assertThat(plan.upperRateScale() * 2.5 * requestsPerSession * plan.compressionFactor()).isCloseTo(0.8 * 100, within(1e-9));
    // the schedule counts sessions: its expected total is the scaled integral of the session rate
    double sessionsInTheHour = (2 + 2.5) / 2 * 3600;
    assertThat(plan.upperSchedule().expectedArrivals()).isCloseTo(plan.upperRateScale() * sessionsInTheHour, within(1e-6));
  }

  @Test
  void phaseAt_eachSecond_namesThePlansPhase() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));
    int probeEnd = plan.probeStartSecond() + plan.probeSeconds();
    int replayEnd = plan.replayStartSecond() + plan.upperSchedule().stepCount();
    for (int second = 0; second < replayEnd + 5; second++) {
      String expected = second < plan.warmupSeconds() ? "warmup" : second < probeEnd ? "probe"
          : second >= plan.replayStartSecond() && second < replayEnd ? "replay" : "drain";
      assertThat(plan.phaseAt(second)).as("second %d", second).isEqualTo(expected);
    }
    // the plan has a pause between the probe and the replay, so "drain" occurs before the replay too
    assertThat(plan.replayStartSecond()).isGreaterThan(probeEnd);
    assertThat(plan.phaseAt(probeEnd)).isEqualTo("drain");
    assertThat(plan.phaseAt(replayEnd)).isEqualTo("drain");
    assertThatThrownBy(() -> plan.phaseAt(-1)).hasMessage("second must be >= 0, but was -1");
  }

  @Test
  void compressionFactor_anHourInFifteenSeconds_is240() {
    assertThat(LoadTestPlan.of(Experiments.read(SESSIONS)).compressionFactor()).isEqualTo(240.0);
  }

  @Test
  void replayThinkMillis_compression240_dividesTheThinkTimeAndRoundsToTheMillisecond() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));
    assertThat(plan.replayThinkMillis(30)).isEqualTo(125);
    assertThat(plan.replayThinkMillis(0)).isZero();
    assertThat(plan.replayThinkMillis(0.1)).isZero(); // 0.417 ms
    assertThat(plan.replayThinkMillis(0.12)).isEqualTo(1); // 0.5 ms rounds up
    assertThat(plan.replayThinkMillis(3600)).isEqualTo(15_000);
  }

  @Test
  void replayThinkMillis_negative_isRefused() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));
    assertThatThrownBy(() -> plan.replayThinkMillis(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profileThinkSeconds must be a finite number >= 0, but was -1.0");
  }

  @Test
  void targetRequestsPerSecond_sessions_areArrivalsTimesRequestsPerSession() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));
    ReplayGate gate = new ReplayGate(plan, plan::topProbeRatePerSecond);
    long[] sessions = gate.targetPerSecond();
    long[] requests = LoadTestPipeline.targetRequestsPerSecond(plan, gate);
    double r = plan.mix().requestsPerArrival();
    assertThat(requests).hasSameSizeAs(sessions);
    double expected = 0;
    long total = 0;
    for (int i = 0; i < sessions.length; i++) {
      expected += sessions[i] * r;
      total += requests[i];
      assertThat((double) total).as("running total at second %d", i).isCloseTo(expected, within(0.5 + 1e-9));
    }
    // at the fraction: about 0.8 × 100 requests per second at the peak
    assertThat(Arrays.stream(requests).max().orElseThrow()).isBetween(70L, 90L);
  }

  @Test
  void constantRateCounts_wholeAndFractionalRates() {
    assertThat(LoadTestPlan.constantRateCounts(10, 3)).containsExactly(10, 10, 10);
    // 2.5 per second: 2, 5, 7, 10, 12 after 1..5 s
    assertThat(LoadTestPlan.constantRateCounts(2.5, 5)).containsExactly(2, 3, 2, 3, 2);
    assertThat(LoadTestPlan.constantRateCounts(0.4, 5)).containsExactly(0, 0, 1, 0, 1);
    assertThat(LoadTestPlan.constantRateCounts(7, 0)).isEmpty();
  }

  @Test
  void warmupAndProbeCounts_followThePlansRatesSecondBySecond() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));
    int[] probe = plan.probeCounts();

    assertThat(plan.warmupCounts()).hasSize(plan.warmupSeconds())
        .containsOnly((int) Math.floor(plan.probeRatesPerSecond().get(0)));
    assertThat(probe).hasSize(plan.probeSeconds());
    for (int step = 0; step < plan.probeRatesPerSecond().size(); step++) {
      int sum = 0;
      for (int s = 0; s < plan.probeStepSeconds(); s++) {
        sum += probe[step * plan.probeStepSeconds() + s];
      }
      assertThat(sum).isEqualTo((int) Math.floor(plan.probeRatesPerSecond().get(step) * plan.probeStepSeconds()));
    }
  }

  @Test
  void scheduleSha256_isThePhasesDigest_andChangesWithTheSchedule() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(SESSIONS));

    assertThat(plan.scheduleSha256()).isEqualTo(InjectorShard.scheduleSha256(plan.warmupCounts(), plan.probeCounts(),
        plan.upperSchedule().counts()));
    assertThat(plan.scheduleSha256()).isNotEqualTo(LoadTestPlan.of(Experiments.read(Path.of("simulations/smoke.yaml")))
        .scheduleSha256());
  }
}
