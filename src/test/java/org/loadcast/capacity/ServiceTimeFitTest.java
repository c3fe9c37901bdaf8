package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.ProbeStepMeasurement;

class ServiceTimeFitTest {

  static Histogram logNormalMicros(double medianMillis, double sigma, int n, long seed) {
    Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.round(1000 * medianMillis * Math.exp(sigma * random.nextGaussian())));
    }
    return h;
  }

  /** A step of throughput {@code throughput} whose in-flight concurrency obeys Little's law. */
  static ProbeStepMeasurement step(double offered, double throughput, Histogram latency) {
    return new ProbeStepMeasurement(offered, offered, throughput, 0, throughput * latency.getMean() / 1e6, latency, 4);
  }

  private static ProbeStepCheck check(double throughput, boolean problem, boolean failing) {
    return new ProbeStepCheck(throughput, throughput, failing ? 0.5 : 0, 1, 40, 40, 80, 100, 0, false, problem, failing);
  }

  @Test
  void of_knownLogNormalSamples_recoversMuAndSigmaWithinSamplingError() {
    // n = 50,000 log-normal(ln 40 ms, 0.5): the MLE's standard errors are σ/√n = 0.0022 for μ and
    // σ/√(2n) = 0.0016 for σ; the histogram's 3 significant digits add at most 0.05 % per value
    ServiceTimeFit fit = ServiceTimeFit.of(logNormalMicros(40, 0.5, 50_000, 11), List.of(20.0));
    assertThat(Math.log(fit.medianSeconds())).isCloseTo(Math.log(0.040), within(3 * 0.0022 + 5e-4));
    assertThat(fit.sigma()).isCloseTo(0.5, within(3 * 0.0016 + 5e-4));
    assertThat(fit.sampleCount()).isEqualTo(50_000);
    assertThat(fit.logNormalMeanSeconds()).isCloseTo(0.040 * Math.exp(0.125), within(0.0005));
  }

  @Test
  void of_handComputedHistogram_isTheMeanAndPopulationDeviationOfTheLogs() {
    Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    h.recordValue(1000);   // 1 ms and 100 ms, both exact at 3 significant digits
    h.recordValue(100_000);
    ServiceTimeFit fit = ServiceTimeFit.of(h, List.of(5.0));
    // logs ln 0.001 and ln 0.1: mean ln 0.01, population deviation ln 10
    assertThat(fit.medianSeconds()).isCloseTo(0.01, within(1e-4));
    assertThat(fit.sigma()).isCloseTo(Math.log(10), within(1e-3));
  }

  @Test
  void lowLoadSteps_takesStepsAtMostThirtyPercentUtilized() {
    // capacity 100: 10 and 30 are low-load, 31 is not, 20 is flagged and 25 failing
    List<ProbeStepCheck> checks = List.of(check(10, false, false), check(20, true, false), check(25, false, true),
        check(30, false, false), check(31, false, false), check(90, false, false));
    assertThat(ServiceTimeFit.lowLoadSteps(checks, 100)).containsExactly(0, 3);
  }

  @Test
  void lowLoadSteps_noStepThatLow_takesTheLowestUsableSteadyStep() {
    List<ProbeStepCheck> checks = List.of(check(40, true, false), check(60, false, false), check(80, false, false));
    assertThat(ServiceTimeFit.lowLoadSteps(checks, 80)).containsExactly(1);
  }

  @Test
  void fromLowLoad_mergesTheChosenStepsOnly_andLeavesTheStepsUnchanged() {
    Histogram a = logNormalMicros(40, 0.5, 3_000, 1);
    Histogram b = logNormalMicros(40, 0.5, 5_000, 2);
    Histogram c = logNormalMicros(400, 0.2, 7_000, 3);
    List<ProbeStepMeasurement> steps = List.of(step(10, 10, a), step(20, 20, b), step(90, 88, c));
    List<ProbeStepCheck> checks = List.of(check(10, false, false), check(20, false, false), check(88, false, false));
    ServiceTimeFit fit = ServiceTimeFit.fromLowLoad(steps, checks, 88);
    assertThat(fit.sampleCount()).isEqualTo(8_000);
    assertThat(fit.stepOfferedRatesPerSecond()).containsExactly(10.0, 20.0);
    assertThat(steps.get(0).latencyMicros().getTotalCount()).isEqualTo(3_000);
    assertThat(fit.medianSeconds()).isCloseTo(0.040, within(0.002));
  }

  @Test
  void fromLowLoad_noSteadyStep_isAnError() {
    Histogram a = logNormalMicros(40, 0.5, 100, 1);
    assertThatThrownBy(() -> ServiceTimeFit.fromLowLoad(List.of(step(10, 10, a)), List.of(check(10, true, false)), 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no probe step is usable and steady");
  }
}
