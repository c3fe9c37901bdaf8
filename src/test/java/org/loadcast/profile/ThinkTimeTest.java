package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Think-time distributions: sample means against the analytic means, and validation. */
class ThinkTimeTest {
  private static final int DRAWS = 200_000;

  private static double sampleMean(ThinkTime t) {
    SplittableRandom random = new SplittableRandom(42);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      double x = t.sampleSeconds(random);
      assertThat(x).isGreaterThanOrEqualTo(0);
      sum += x;
    }
    return sum / DRAWS;
  }

  @Test
  void sampleSeconds_meanMatchesAnalyticMean_withinOnePercent() {
    for (ThinkTime t : List.of(new ThinkTime.Exponential(5), new ThinkTime.LogNormal(4, 0.8),
        new ThinkTime.Constant(2), new ThinkTime.Empirical(List.of(0.5, 1.0, 3.0, 20.0)))) {
      assertThat(sampleMean(t)).as(t.toString()).isCloseTo(t.meanSeconds(), within(0.01 * t.meanSeconds()));
    }
  }

  @Test
  void meanSeconds_logNormal_isMedianTimesExpHalfSigmaSquared() {
    assertThat(new ThinkTime.LogNormal(4, 0.8).meanSeconds()).isCloseTo(4 * Math.exp(0.32), within(1e-12));
  }

  @Test
  void meanSeconds_empirical_isMeanOfSegmentMidpoints() {
    assertThat(new ThinkTime.Empirical(List.of(0.0, 2.0, 10.0)).meanSeconds()).isCloseTo(3.5, within(1e-12));
  }

  @Test
  void empirical_decreasing_isRejected() {
    assertThatThrownBy(() -> new ThinkTime.Empirical(List.of(1.0, 0.5)))
        .hasMessage("quantileSeconds[1] must be >= the value before it (1.0), but was 0.5");
  }

  @Test
  void empirical_oneValue_isRejected() {
    assertThatThrownBy(() -> new ThinkTime.Empirical(List.of(1.0)))
        .hasMessage("quantileSeconds must list at least 2 values, but was [1.0]");
  }

  @Test
  void exponential_zeroMean_isRejected() {
    assertThatThrownBy(() -> new ThinkTime.Exponential(0)).hasMessage("meanSeconds must be a finite number > 0, but was 0.0");
  }

  @Test
  void logNormal_negativeSigma_isRejected() {
    assertThatThrownBy(() -> new ThinkTime.LogNormal(1, -1)).hasMessage("sigma must be a finite number >= 0, but was -1.0");
  }

  @Test
  void constant_negative_isRejected() {
    assertThatThrownBy(() -> new ThinkTime.Constant(-1)).hasMessage("seconds must be a finite number >= 0, but was -1.0");
  }
}
