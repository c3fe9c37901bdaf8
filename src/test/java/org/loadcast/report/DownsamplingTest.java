package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplingTest {

  @Test
  void of_shortSeries_keepsEveryPoint() {
    Downsampling d = Downsampling.of(10, 5);
    assertThat(d.bucketPoints()).isEqualTo(1);
    assertThat(d.times(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(d.values(new double[] {1, Double.NaN, 3, 4, 5, 6, 7, 8, 9, 10}))
        .containsExactly(1.0, null, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
  }

  /** Hand-computed: 11 points in buckets of 3 (ceil(11 / 4)), the last bucket has 2 points. */
  @Test
  void values_keepEachBucketsMinimumAndMaximumInTimeOrder() {
    Downsampling d = Downsampling.of(11, 4);
    assertThat(d.bucketPoints()).isEqualTo(3);
    long[] time = {0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600};
    double[] v = {5, 9, 1, 4, 2, 8, Double.NaN, Double.NaN, Double.NaN, 7, 7};
    assertThat(d.keptPoints()).isEqualTo(8);
    // bucket starts and middles: [0,60,120] -> 0, 60; [180,240,300] -> 180, 240; [360..480] -> 360, 420; [540,600] -> 540, 600
    assertThat(d.times(time)).containsExactly(0, 60, 180, 240, 360, 420, 540, 600);
    // max 9 came before min 1; min 2 before max 8; all missing; a flat bucket keeps its value twice
    assertThat(d.values(v)).containsExactly(9.0, 1.0, 2.0, 8.0, null, null, 7.0, 7.0);
  }

  @Test
  void of_oneTrailingPoint_keepsItOnce() {
    Downsampling d = Downsampling.of(7, 3);
    assertThat(d.bucketPoints()).isEqualTo(3);
    assertThat(d.times(new long[] {0, 1, 2, 3, 4, 5, 6})).containsExactly(0, 1, 3, 4, 6);
    assertThat(d.values(new double[] {0, 1, 2, 3, 4, 5, 6})).containsExactly(0.0, 2.0, 3.0, 5.0, 6.0);
  }

  /** Properties on random series: no peak or trough is lost, times increase, at most 2 × buckets points. */
  @Test
  void values_randomSeries_keepTheExtremesAndTheBudget() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(50_000);
      int buckets = 1 + random.nextInt(2000);
      double[] v = random.doubles(n, 0, 1000).toArray();
      long[] t = new long[n];
      for (int i = 0; i < n; i++) {
        t[i] = 1_700_000_000L + 60L * i;
      }
      Downsampling d = Downsampling.of(n, buckets);
      long[] times = d.times(t);
      Double[] kept = d.values(v);
      assertThat(kept).hasSameSizeAs(times);
      assertThat(kept.length).isLessThanOrEqualTo(Math.max(n <= 2 * buckets ? n : 0, 2 * buckets));
      for (int i = 1; i < times.length; i++) {
        assertThat(times[i]).isGreaterThan(times[i - 1]);
      }
      double max = Arrays.stream(v).max().orElseThrow();
      double min = Arrays.stream(v).min().orElseThrow();
      assertThat(Arrays.stream(kept).mapToDouble(Double::doubleValue).max().orElseThrow()).isEqualTo(ChartData.round(max));
      assertThat(Arrays.stream(kept).mapToDouble(Double::doubleValue).min().orElseThrow()).isEqualTo(ChartData.round(min));
    }
  }

  @Test
  void values_wrongLength_isRefused() {
    assertThatThrownBy(() -> Downsampling.of(4).values(new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the series must have 4 points, but had 3");
    assertThatThrownBy(() -> Downsampling.of(4, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
