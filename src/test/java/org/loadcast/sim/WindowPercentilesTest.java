package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class WindowPercentilesTest {
  private static final long HIGHEST = 24L * 3600 * 1_000_000;
  private static final double[] PERCENTILES = {0, 1e-9, 0.1, 1, 25, 33.333333333333336, 50, 66.7, 90, 95, 99, 99.9, 99.99, 100 - 1e-12, 100};

  @Test
  void valueAtPercentile_randomWindows_equalsHdrHistogram() {
    SplittableRandom random = new SplittableRandom(20_26);
    WindowPercentiles window = new WindowPercentiles(HIGHEST, 3, 5000);
    Histogram histogram = new Histogram(HIGHEST, 3);
    for (int trial = 0; trial < 3000; trial++) {
      int n = trial % 10 == 0 ? 1 + random.nextInt(5) : 1 + random.nextInt(trial % 3 == 0 ? 6000 : 400);
      int shape = random.nextInt(4);
      for (int i = 0; i < n; i++) {
        long v = switch (shape) {
          case 0 -> 1 + random.nextLong(HIGHEST);                          // whole range
          case 1 -> 1 + random.nextInt(3);                                 // heavy ties
          case 2 -> Math.round(Math.exp(random.nextGaussian() * 2 + 10));  // latency-like
          default -> 40_000 + random.nextInt(50) * 1000L;                 // ties across buckets
        };
        v = Math.min(HIGHEST, v);
        window.record(v);
        histogram.recordValue(v);
      }
      assertThat(window.count()).isEqualTo(histogram.getTotalCount());
      for (double p : PERCENTILES) {
        assertThat(window.valueAtPercentile(p)).as("trial %d, n %d, shape %d, p %s", trial, n, shape, p)
            .isEqualTo(histogram.getValueAtPercentile(p));
      }
      for (int i = PERCENTILES.length - 1; i >= 0; i--) {
        assertThat(window.valueAtPercentile(PERCENTILES[i])).isEqualTo(histogram.getValueAtPercentile(PERCENTILES[i]));
      }
      double p = random.nextDouble() * 100;
      assertThat(window.valueAtPercentile(p)).as("p %s", p).isEqualTo(histogram.getValueAtPercentile(p));
      window.reset();
      histogram.reset();
    }
  }

  @Test
  void valueAtPercentile_beyondTheBuffer_movesToTheHistogramAndBackAfterReset() {
    WindowPercentiles window = new WindowPercentiles(HIGHEST, 3, 10);
    Histogram histogram = new Histogram(HIGHEST, 3);
    for (long v = 1; v <= 25; v++) {
      window.record(v * 1001);
      histogram.recordValue(v * 1001);
    }
    assertThat(window.count()).isEqualTo(25);
    for (double p : PERCENTILES) {
      assertThat(window.valueAtPercentile(p)).isEqualTo(histogram.getValueAtPercentile(p));
    }
    window.reset();
    assertThat(window.count()).isZero();
    window.record(7);
    assertThat(window.valueAtPercentile(50)).isEqualTo(7);
  }

  @Test
  void valueAtPercentile_handComputed() {
    WindowPercentiles window = new WindowPercentiles(HIGHEST, 3, 100);
    for (long v : new long[] {5, 1, 4, 2, 3}) {
      window.record(v);
    }
    // rank ceil(p * 5 / 100): p50 -> 3rd smallest, p95 -> 5th, p20 -> 1st (20 steps down one ulp)
    assertThat(window.valueAtPercentile(50)).isEqualTo(3);
    assertThat(window.valueAtPercentile(95)).isEqualTo(5);
    assertThat(window.valueAtPercentile(20)).isEqualTo(1);
    assertThat(window.valueAtPercentile(20.000001)).isEqualTo(2);
    // above 2048 the buckets are wider than 1: 100_000 sits in a bucket of width 64
    window.reset();
    window.record(100_000);
    assertThat(window.valueAtPercentile(50)).isEqualTo(100_031);
    assertThat(window.valueAtPercentile(0)).isEqualTo(99_968);
  }

  @Test
  void valueAtPercentile_emptyWindow_isZero() {
    assertThat(new WindowPercentiles(HIGHEST, 3, 8).valueAtPercentile(99)).isZero();
  }

  @Test
  void badArguments_areRejectedWithTheirValue() {
    WindowPercentiles window = new WindowPercentiles(HIGHEST, 3, 8);
    assertThatThrownBy(() -> window.valueAtPercentile(100.5)).hasMessageContaining("percentile").hasMessageContaining("100.5");
    assertThatThrownBy(() -> window.valueAtPercentile(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> window.record(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> window.record(HIGHEST + 1)).hasMessageContaining(String.valueOf(HIGHEST + 1));
    assertThatThrownBy(() -> new WindowPercentiles(HIGHEST, 3, 0)).hasMessageContaining("bufferCapacity");
  }
}
