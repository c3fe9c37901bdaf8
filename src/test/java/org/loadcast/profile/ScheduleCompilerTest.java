package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.RandomStreams;

class ScheduleCompilerTest {
  private static final ArrivalMode EXACT = new ArrivalMode.Deterministic();

  private static RateCurve constant(double ratePerSecond, double seconds) {
    return RateCurve.of(new double[] {0, seconds}, new double[] {ratePerSecond, ratePerSecond}, Interpolation.LINEAR, List.of());
  }

  /** A random curve with breakpoints at fractional seconds and rates from 0 to 50 per second. */
  private static RateCurve randomCurve(SplittableRandom random, Interpolation interpolation) {
    int points = 2 + random.nextInt(30);
    double[] at = new double[points];
    double[] rate = new double[points];
    for (int i = 0; i < points; i++) {
      at[i] = i == 0 ? 0 : at[i - 1] + 0.1 + random.nextDouble() * 40;
      rate[i] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * (random.nextBoolean() ? 0.8 : 50);
    }
    return RateCurve.of(at, rate, interpolation, List.of());
  }

  @Test
  void compile_deterministicRandomCurves_eachSecondWithinOneAndNoDrift() {
    SplittableRandom random = new SplittableRandom(20_261_129);
    for (int trial = 0; trial < 300; trial++) {
      RateCurve curve = randomCurve(random, trial % 2 == 0 ? Interpolation.LINEAR : Interpolation.STEP);
      double span = curve.endSeconds() - curve.startSeconds();
      double from = random.nextDouble() * span / 3;
      double to = curve.endSeconds() - random.nextDouble() * span / 3;
      double compression = 0.25 + random.nextDouble() * 7;
      double scale = random.nextDouble() * 5;
      ReplaySettings replay = new ReplaySettings(from, to, compression, scale);
      int[] counts = ScheduleCompiler.compile(curve, replay, EXACT).counts();

      assertThat(counts).hasSize(replay.secondCount());
      long cumulative = 0;
      for (int k = 0; k < counts.length; k++) {
        double expected = scale * curve.integral(replay.profileSecondsAt(k), replay.profileSecondsAt(k + 1));
        assertThat(Math.abs(counts[k] - expected)).as("trial %d second %d", trial, k).isLessThan(1.0);
        cumulative += counts[k];
        double expectedSoFar = scale * curve.integral(from, replay.profileSecondsAt(k + 1));
        assertThat(Math.abs(cumulative - expectedSoFar)).as("drift, trial %d second %d", trial, k).isLessThanOrEqualTo(0.5 + 1e-9);
      }
      assertThat(cumulative).isEqualTo(Math.round(scale * curve.integral(from, to)));
    }
  }

  @Test
  void compile_stepBreakpointsInsideSeconds_countsEachArrivalOnce() {
    // 10/s until 2.5 s, 20/s until 5 s, 4/s until 7.25 s, then 0 until 10 s
    RateCurve curve = RateCurve.of(new double[] {0, 2.5, 5, 7.25, 10}, new double[] {10, 20, 4, 0, 0},
        Interpolation.STEP, List.of());
    int[] counts = ScheduleCompiler.compile(curve, new ReplaySettings(0, 10, 1, 1), EXACT).counts();
    assertThat(counts).containsExactly(10, 10, 15, 20, 20, 4, 4, 1, 0, 0);
    assertThat(Arrays.stream(counts).sum()).isEqualTo(84); // 10 × 2.5 + 20 × 2.5 + 4 × 2.25
  }

  @Test
  void compile_linearBreakpointsWithCompression_totalsEachSegmentExactly() {
    // a triangle 0 → 100 → 0 over 200 profile seconds, 7 profile seconds per replay second
    RateCurve curve = RateCurve.of(new double[] {0, 100, 200}, new double[] {0, 100, 0}, Interpolation.LINEAR, List.of());
    ArrivalSchedule schedule = ScheduleCompiler.compile(curve, new ReplaySettings(0, 200, 7, 1), EXACT);
    assertThat(schedule.stepCount()).isEqualTo(29); // 200 / 7 = 28.57: 28 whole seconds and a partial one
    assertThat(schedule.totalArrivals()).isEqualTo(10_000);
    // second 14 holds profile [98, 105): 98..100 rising, 100..105 falling, integral 199.8 + 487.5
    assertThat(schedule.count(14)).isBetween(686, 688);
  }

  @Test
  void compile_rateBelowOnePerSecond_spreadsSingleArrivalsEvenly() {
    int[] counts = ScheduleCompiler.compile(constant(0.3, 100), new ReplaySettings(0, 100, 1, 1), EXACT).counts();
    assertThat(counts).containsOnly(0, 1);
    assertThat(Arrays.stream(counts).sum()).isEqualTo(30);
    assertThat(Arrays.copyOf(counts, 4)).containsExactly(0, 1, 0, 0);
    List<Integer> ones = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] == 1) {
        ones.add(k);
      }
    }
    for (int i = 1; i < ones.size(); i++) {
      assertThat(ones.get(i) - ones.get(i - 1)).as("gap before arrival %d", i).isIn(3, 4);
    }
  }

  @Test
  void compile_partialLastSecond_holdsTheRestOfTheWindow() {
    ReplaySettings replay = new ReplaySettings(0, 10.5, 1, 1);
    int[] counts = ScheduleCompiler.compile(constant(10, 20), replay, EXACT).counts();
    assertThat(replay.replaySeconds()).isEqualTo(10.5);
    assertThat(counts).hasSize(11);
    assertThat(counts[10]).isEqualTo(5);
    assertThat(Arrays.stream(counts).sum()).isEqualTo(105);
  }

  @Test
  void compile_dayCompressedTo120Seconds_hasNoExtraSecondFromRounding() {
    RateCurve curve = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml")).rate();
    double from = 12 * 86_400;
    ReplaySettings replay = new ReplaySettings(from, from + 86_400, 720, 3.7);
    ArrivalSchedule schedule = ScheduleCompiler.compile(curve, replay, EXACT);
    assertThat(schedule.stepCount()).isEqualTo(120);
    assertThat(schedule.compressionFactor()).isEqualTo(720);
    assertThat(schedule.totalArrivals()).isEqualTo(Math.round(3.7 * curve.bridgedOverMissing().integral(from, from + 86_400)));
  }

  @Test
  void compile_missingRange_isBridgedFirst() {
    RateCurve gappy = RateCurve.of(new double[] {0, 60, 120}, new double[] {1, 0, 3}, Interpolation.LINEAR,
        List.of(new TimeRange(50, 70)));
    ArrivalSchedule schedule = ScheduleCompiler.compile(gappy, new ReplaySettings(0, 120, 1, 1), EXACT);
    assertThat(schedule.totalArrivals()).isEqualTo(Math.round(gappy.bridgedOverMissing().integral(0, 120)));
  }

  @Test
  void compile_zeroScale_givesNoArrivals() {
    ArrivalSchedule schedule = ScheduleCompiler.compile(constant(50, 10), new ReplaySettings(0, 10, 1, 0), EXACT);
    assertThat(schedule.counts()).containsOnly(0).hasSize(10);
  }

  @Test
  void compile_windowOutsideTheProfile_isRejected() {
    RateCurve curve = constant(1, 100);
    assertThatThrownBy(() -> ScheduleCompiler.compile(curve, new ReplaySettings(50, 150, 1, 1), EXACT))
        .hasMessage("toSeconds must lie within the profile [0.0, 100.0], but was 150.0");
    assertThatThrownBy(() -> ScheduleCompiler.compile(curve, new ReplaySettings(-5, 50, 1, 1), EXACT))
        .hasMessage("fromSeconds must lie within the profile [0.0, 100.0), but was -5.0");
  }

  @Test
  void replaySettings_badValues_areRejectedWithTheValue() {
    assertThatThrownBy(() -> new ReplaySettings(0, 10, 0, 1)).hasMessage("compressionFactor must be a finite number > 0, but was 0.0");
    assertThatThrownBy(() -> new ReplaySettings(0, 10, Double.NaN, 1)).hasMessage("compressionFactor must be a finite number > 0, but was NaN");
    assertThatThrownBy(() -> new ReplaySettings(0, 10, 1, -1)).hasMessage("rateScale must be a finite number >= 0, but was -1.0");
    assertThatThrownBy(() -> new ReplaySettings(0, 10, 1, Double.NaN)).hasMessage("rateScale must be a finite number >= 0, but was NaN");
    assertThatThrownBy(() -> new ReplaySettings(10, 10, 1, 1)).hasMessage("toSeconds must be > fromSeconds (10.0), but was 10.0");
    assertThatThrownBy(() -> new ReplaySettings(0, 1e12, 1, 1)).hasMessageStartingWith("the replay must last at most 100000000 s");
  }

  @Test
  void named_unknownMode_isRejected() {
    assertThat(ArrivalMode.named("poisson", 3)).isEqualTo(new ArrivalMode.Poisson(3));
    assertThat(ArrivalMode.named("deterministic", 3)).isEqualTo(EXACT);
    assertThatThrownBy(() -> ArrivalMode.named("uniform", 3)).hasMessage("mode must be deterministic or poisson, but was 'uniform'");
  }

  @Test
  void poisson_sameSeed_sameSchedule_otherSeed_otherSchedule() {
    RateCurve curve = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml")).rate();
    ReplaySettings replay = new ReplaySettings(86_400, 2 * 86_400, 720, 2);
    int[] first = ScheduleCompiler.compile(curve, replay, new ArrivalMode.Poisson(42)).counts();
    int[] again = ScheduleCompiler.compile(curve, replay, new ArrivalMode.Poisson(42)).counts();
    int[] other = ScheduleCompiler.compile(curve, replay, new ArrivalMode.Poisson(43)).counts();
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void poisson_streamSeed_isTheSimulatorsStreamNamedSchedule() {
    long seed = 1995;
    SplittableRandom ours = new SplittableRandom(new ArrivalMode.Poisson(seed).streamSeed());
    SplittableRandom sims = new RandomStreams(seed).stream("schedule");
    assertThat(ours.nextLong()).isEqualTo(sims.nextLong());
  }

  /**
   * On a constant rate, the counts of 20 000 seconds must look Poisson: the index of dispersion
   * {@code D = Σ(x − x̄)² / x̄} follows χ²(n − 1) (Fisher 1950; Cox and Lewis, "The Statistical
   * Analysis of Series of Events", 1966, §6.3), and a two-sided test at significance 0.001 must not
   * reject it. The mean must be within 4 standard errors of the rate.
   */
  @Test
  void poisson_constantRate_meanMatchesAndDispersionIsOne() {
    for (double rate : new double[] {0.7, 20, 5_000}) {
      int n = 20_000;
      int[] counts = ScheduleCompiler.compile(constant(rate, n), new ReplaySettings(0, n, 1, 1), new ArrivalMode.Poisson(7)).counts();
      assertDispersionIsPoisson(counts, rate);
    }
  }

  @Test
  void poisson_scale_actsOnTheIntensityNotOnTheCounts() {
    // rate 0.5 scaled by 200: Poisson(100) per second, variance 100; scaling raw counts would give 200² × 0.5
    int n = 20_000;
    int[] counts = ScheduleCompiler.compile(constant(0.5, n), new ReplaySettings(0, n, 1, 200), new ArrivalMode.Poisson(11)).counts();
    assertDispersionIsPoisson(counts, 100);
  }

  @Test
  void poisson_compression_drawsAtTheCompressedRate() {
    int n = 10_000;
    int[] counts = ScheduleCompiler.compile(constant(2, 60 * n), new ReplaySettings(0, 60 * n, 60, 1), new ArrivalMode.Poisson(5)).counts();
    assertThat(counts).hasSize(n);
    assertDispersionIsPoisson(counts, 120);
  }

  private static void assertDispersionIsPoisson(int[] counts, double expectedMean) {
    int n = counts.length;
    double mean = Arrays.stream(counts).average().orElseThrow();
    double squares = Arrays.stream(counts).mapToDouble(c -> (c - mean) * (c - mean)).sum();
    double dispersion = squares / mean;
    double cdf = new ChiSquaredDistribution(null, n - 1).cumulativeProbability(dispersion);
    double pValue = 2 * Math.min(cdf, 1 - cdf);
    assertThat(mean).as("mean at rate %s", expectedMean).isCloseTo(expectedMean, within(4 * Math.sqrt(expectedMean / n)));
    assertThat(pValue).as("index of dispersion %.1f on %d degrees of freedom at rate %s", dispersion, n - 1, expectedMean)
        .isGreaterThan(0.001);
  }
}
