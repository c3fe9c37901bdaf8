package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The empirical and per-template service times. */
class ServiceTimeTest {

  /** 200 000 log-normal latencies (median 40 ms, σ 0.7) in microseconds, 3 significant digits. */
  private static Histogram measured() {
    Histogram h = new Histogram(3_600_000_000L, 3);
    SplittableRandom random = new SplittableRandom(99);
    for (int i = 0; i < 200_000; i++) {
      h.recordValue(Math.max(1, (long) (40_000 * Math.exp(0.7 * random.nextGaussian()))));
    }
    return h;
  }

  @Test
  void empirical_quantiles_fallInTheBucketOfTheHistogramsPercentiles() {
    Histogram h = measured();
    ServiceTime.Empirical e = ServiceTime.Empirical.of(h, 1e-6);
    for (double p : new double[] {0.1, 0.5, 0.9, 0.95, 0.99, 0.999}) {
      long v = h.getValueAtPercentile(p * 100);
      double bucketSeconds = (h.nextNonEquivalentValue(v) - h.lowestEquivalentValue(v)) * 1e-6;
      assertThat(e.quantileSeconds(p)).as("p = %s", p).isCloseTo(v * 1e-6, within(bucketSeconds));
    }
  }

  @Test
  void empirical_samples_reproduceThePercentilesWithinThePrecision() {
    // 1e6 draws: the sample percentiles agree with the histogram's within its 0.1 % precision plus
    // the sampling error (p99 of 1e6 draws: about 0.3 % relative for this σ), bounded by 1 %.
    Histogram h = measured();
    ServiceTime.Empirical e = ServiceTime.Empirical.of(h, 1e-6);
    Histogram drawn = new Histogram(3_600_000_000L, 3);
    SplittableRandom service = new SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      drawn.recordValue(Math.max(1, (long) (e.sampleSeconds(service) * 1e6)));
    }
    for (double p : new double[] {50, 90, 99}) {
      assertThat((double) drawn.getValueAtPercentile(p)).as("p%s", p)
          .isCloseTo(h.getValueAtPercentile(p), within(0.01 * h.getValueAtPercentile(p)));
    }
    assertThat(drawn.getMean()).isCloseTo(h.getMean(), within(0.005 * h.getMean()));
  }

  @Test
  void empirical_mean_isTheHistogramsMean() {
    // HdrHistogram's mean weighs each bucket at its median equivalent value, the bucket's midpoint
    Histogram h = measured();
    assertThat(ServiceTime.Empirical.of(h, 1e-6).meanSeconds()).isCloseTo(h.getMean() * 1e-6, within(1e-9));
  }

  @Test
  void empirical_oneBucket_isUniformOverIt() {
    // values 1000..1000 at 3 digits fall in a bucket of width 1: [1000, 1001) µs, mean 1000.5 µs
    Histogram h = new Histogram(3_600_000_000L, 3);
    h.recordValueWithCount(1000, 4);
    ServiceTime.Empirical e = ServiceTime.Empirical.of(h, 1e-6);
    assertThat(e.meanSeconds()).isCloseTo(1000.5e-6, within(1e-15));
    assertThat(e.quantileSeconds(0.25)).isCloseTo(1000.25e-6, within(1e-15));
    assertThat(e.cumulativeProbability(1000.75e-6)).isCloseTo(0.75, within(1e-9));
    assertThat(e.squaredCoefficientOfVariation()).isCloseTo(1.0 / 12 / (1000.5 * 1000.5), within(1e-12));
  }

  @Test
  void empirical_emptyHistogram_isRejected() {
    assertThatThrownBy(() -> ServiceTime.Empirical.of(new Histogram(3), 1e-6)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bins must hold at least one measurement, but the histogram was empty");
  }

  private static ServiceTime.PerTemplate mix() {
    return new ServiceTime.PerTemplate(List.of(
        new ServiceTime.PerTemplate.Template("home", 3, new ServiceTime.Exponential(0.1)),
        new ServiceTime.PerTemplate.Template("search", 1, new ServiceTime.Exponential(0.5))));
  }

  @Test
  void perTemplate_mean_isTheWeightedMean() {
    // (3 × 100 + 1 × 500) / 4 = 200 ms; E[X²] = (3 × 2 × 0.01 + 2 × 0.25) / 4 = 0.14, SCV = 0.14 / 0.04 − 1 = 2.5
    assertThat(mix().meanSeconds()).isCloseTo(0.2, within(1e-15));
    assertThat(mix().squaredCoefficientOfVariation()).isCloseTo(2.5, within(1e-12));
  }

  @Test
  void perTemplate_samples_haveTheWeightedMeanAndShares() {
    ServiceTime.PerTemplate mix = mix();
    SplittableRandom templates = new SplittableRandom(1);
    SplittableRandom service = new SplittableRandom(2);
    int n = 1_000_000;
    double sum = 0;
    int search = 0;
    for (int i = 0; i < n; i++) {
      int t = mix.templateIndex(templates.nextDouble());
      search += t;
      sum += mix.templates().get(t).serviceTime().sampleSeconds(service);
    }
    double sd = 0.2 * Math.sqrt(1 + 2.5);
    assertThat(sum / n).isCloseTo(0.2, within(4 * sd / Math.sqrt(n)));
    assertThat(search / (double) n).isCloseTo(0.25, within(4 * Math.sqrt(0.25 * 0.75 / n)));
  }

  @Test
  void perTemplate_quantile_invertsTheMixtureCdf() {
    // at x: 0.75 (1 − e^{−10x}) + 0.25 (1 − e^{−2x}); its p95 solves that = 0.95
    double q = mix().quantileSeconds(0.95);
    assertThat(0.75 * -Math.expm1(-q / 0.1) + 0.25 * -Math.expm1(-q / 0.5)).isCloseTo(0.95, within(1e-9));
  }

  @Test
  void perTemplate_repeatedName_isRejected() {
    ServiceTime t = new ServiceTime.Deterministic(0.1);
    assertThatThrownBy(() -> new ServiceTime.PerTemplate(List.of(new ServiceTime.PerTemplate.Template("a", 1, t),
        new ServiceTime.PerTemplate.Template("a", 2, t)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("templates must have unique names, but 'a' repeats");
  }
}
