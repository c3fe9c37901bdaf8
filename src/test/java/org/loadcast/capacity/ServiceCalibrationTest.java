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

class ServiceCalibrationTest {

  private static Histogram logNormalMicros(double medianMillis, double sigma, int n, long seed) {
    Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.round(1000 * medianMillis * Math.exp(sigma * random.nextGaussian())));
    }
    return h;
  }

  private static ProbeStepMeasurement step(double offered, double throughput, double latencyMeanSeconds, Histogram latency) {
    return new ProbeStepMeasurement(offered, offered, throughput, 0, throughput * latencyMeanSeconds, latency, 4);
  }

  /**
   * 4 workers of 40 ms median and σ 0.5 (mean 45.3 ms) at a capacity of 88.3 per second, measured
   * through 6 ms of client and network time per request: capacity × mean latency is 4.53, which
   * rounds to 5 workers; the rule takes the largest whole number under the upper bound, 4, and
   * shrinks the histogram instead of stretching it. (20,000 requests, so the bound is tight; with a
   * probe's hundred or so, it is about 0.4 worker above the product.)
   */
  @Test
  void fromProbe_clientTimeOutsideTheWorkers_doesNotAddAWorker() {
    Histogram low = logNormalMicros(40, 0.5, 20_000, 3);
    Histogram shifted = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    low.recordedValues().forEach(v -> shifted.recordValueWithCount(v.getValueIteratedTo() + 6000, v.getCountAtValueIteratedTo()));
    Histogram high = logNormalMicros(900, 0.2, 10_000, 2);
    ServiceCalibration c = ServiceCalibration.fromProbe(List.of(
        step(20, 20, shifted.getMean() / 1e6, shifted), step(120, 88.3, high.getMean() / 1e6, high)));
    double bound = 88.3 * (shifted.getMean() + 2 * shifted.getStdDeviation() / Math.sqrt(20_000)) / 1e6;
    assertThat(88.3 * shifted.getMean() / 1e6).isGreaterThan(4.5);
    assertThat(bound).isLessThan(5);
    assertThat(c.workers()).isEqualTo(4);
    assertThat(c.workers() / c.meanServiceSeconds()).isCloseTo(88.3, within(1e-9));
  }

  @Test
  void fromProbe_fitsTheLowStepAndTakesTheHighestThroughput() {
    Histogram low = logNormalMicros(40, 0.5, 200_000, 1);
    double lowMean = low.getMean() / 1e6;
    Histogram high = logNormalMicros(900, 0.2, 10_000, 2);
    ServiceCalibration c = ServiceCalibration.fromProbe(List.of(
        step(20, 20, lowMean, low), step(120, 88.6, high.getMean() / 1e6, high)));
    assertThat(c.fittedMedianSeconds()).isCloseTo(0.040, within(0.0005));
    assertThat(c.serviceTimeSigma()).isCloseTo(0.5, within(0.005));
    assertThat(c.capacityPerSecond()).isEqualTo(88.6);
    assertThat(c.saturated()).isTrue();
    // k = floor(88.6 × (0.0453 + 2 SE)) = 4, and the scaled model gives back the measured capacity
    assertThat(c.workers()).isEqualTo(4);
    assertThat(c.workers() / c.meanServiceSeconds()).isCloseTo(88.6, within(1e-9));
    assertThat(c.steps().get(0).measurementProblem()).isFalse();
    // only the 20-per-second step is low-load (20 <= 0.3 x 88.6), and two steps are too few for the USL
    assertThat(c.serviceTime().stepOfferedRatesPerSecond()).containsExactly(20.0);
    assertThat(c.usl()).isInstanceOf(UslCalibration.NotFitted.class);
  }

  @Test
  void fromProbe_stepThatBreaksLittlesLaw_isFlaggedAndNotFitted() {
    Histogram odd = logNormalMicros(10, 0.1, 10_000, 3);
    Histogram good = logNormalMicros(40, 0.5, 10_000, 4);
    ProbeStepMeasurement broken = new ProbeStepMeasurement(20, 20, 20, 0, 5.0, odd, 4);
    ServiceCalibration c = ServiceCalibration.fromProbe(List.of(broken, step(40, 40, good.getMean() / 1e6, good)));
    assertThat(c.steps().get(0).measurementProblem()).isTrue();
    assertThat(c.fittedMedianSeconds()).isCloseTo(0.040, within(0.002));
  }

  @Test
  void fromProbe_failingStep_isLeftOut() {
    Histogram good = logNormalMicros(40, 0.5, 20_000, 5);
    Histogram fast = logNormalMicros(1, 0.1, 20_000, 6);
    // the second step answers quickly, but with 30 % errors: it must not raise the capacity
    ProbeStepMeasurement failing = new ProbeStepMeasurement(200, 200, 140, 60, 140 * 0.001, fast, 4);
    ServiceCalibration c = ServiceCalibration.fromProbe(List.of(step(40, 40, good.getMean() / 1e6, good), failing));
    assertThat(c.steps().get(1).failing()).isTrue();
    assertThat(c.steps().get(1).failedFraction()).isCloseTo(0.3, within(1e-12));
    assertThat(c.capacityPerSecond()).isEqualTo(40);
  }

  @Test
  void fromProbe_everyStepFailing_isAnErrorThatGivesTheShare() {
    Histogram empty = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, 3);
    assertThatThrownBy(() -> ServiceCalibration.fromProbe(List.of(new ProbeStepMeasurement(10, 10, 0, 10, 0, empty, 4))))
        .hasMessageContaining("(100.0 % of its completions failed)");
  }

  @Test
  void fromProbe_nothingCompleted_isAnError() {
    Histogram empty = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, 3);
    assertThatThrownBy(() -> ServiceCalibration.fromProbe(List.of(new ProbeStepMeasurement(10, 10, 0, 0, 0, empty, 4))))
        .hasMessageContaining("completed no request");
  }
}
