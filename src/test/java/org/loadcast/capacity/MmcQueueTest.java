package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks M/M/c metrics against {@code REFERENCE.md} §1.2, §1.4, §1.5, §1.8 and rows Q7–Q10, Q13–Q15.
 */
class MmcQueueTest {

  private static final Percentage REL_1E_12 = withinPercentage(1e-10);
  private static final double[] UTILIZATIONS = {0.5, 0.7, 0.8, 0.9, 0.95};

  /** Returns the M/M/c queue with μ = 1 at per-server utilisation ρ. */
  private static MmcQueue unitService(int servers, double utilizationFraction) {
    return new MmcQueue(servers * utilizationFraction, 1, servers);
  }

  @Test
  void metrics_callCentreWorkedExample() {
    // Q7 and §1.8: λ = 0.2/s, S = 240 s, 55 agents.
    MmcQueue queue = new MmcQueue(0.2, 240, 55);
    assertThat(queue.waitProbability()).isCloseTo(0.238700936378009, REL_1E_12);
    assertThat(queue.meanWaitSeconds()).isCloseTo(8.184032104388889, REL_1E_12);
    assertThat(1 - queue.waitExceedanceProbability(15)).isCloseTo(0.845883, within(1e-6));
    assertThat(queue.waitDecayRatePerSecond()).isCloseTo(0.0291667, within(1e-7));
  }

  @Test
  void metrics_pdqBankModel() {
    // Q8 and §1.8: 4 tellers, λ = 0.35/min, S = 10 min (times in minutes here).
    MmcQueue queue = new MmcQueue(0.35, 10, 4);
    assertThat(queue.waitProbability()).isCloseTo(0.7378610940381068, REL_1E_12);
    assertThat(queue.meanWaitSeconds()).isCloseTo(14.757221880762124, REL_1E_12);
    assertThat(queue.meanQueueLength()).isCloseTo(5.165027658266743, REL_1E_12);
    assertThat(queue.meanNumberInSystem()).isCloseTo(8.665027658266743, REL_1E_12);
    assertThat(queue.meanSojournSeconds()).isCloseTo(24.757221880762124, REL_1E_12);
    assertThat(queue.utilizationFraction()).isCloseTo(0.875, within(1e-15));
  }

  @Test
  void metrics_wolframTwoLinks() {
    // §1.8: 150 packets/s over 2 lines of 100 packets/s each.
    MmcQueue queue = new MmcQueue(150, 0.01, 2);
    assertThat(queue.waitProbability()).isCloseTo(9.0 / 14, REL_1E_12);
    assertThat(queue.meanWaitSeconds()).isCloseTo(0.012857, within(1e-6));
    assertThat(queue.meanSojournSeconds()).isCloseTo(0.022857, within(1e-6));
    assertThat(queue.meanNumberInSystem()).isCloseTo(3.4286, within(1e-4));
  }

  @Test
  void metrics_fourServersAtEightyPercent() {
    // Q9.
    MmcQueue queue = unitService(4, 0.8);
    assertThat(queue.waitProbability()).isCloseTo(0.5964324717874046, REL_1E_12);
    assertThat(queue.meanWaitSeconds()).isCloseTo(0.7455405897342559, REL_1E_12);
    assertThat(queue.meanQueueLength()).isCloseTo(2.3857298871496186, REL_1E_12);
  }

  @Test
  void metrics_fourServersAtNinetyPercent() {
    // Q10.
    MmcQueue queue = unitService(4, 0.9);
    assertThat(queue.waitProbability()).isCloseTo(0.7877532642953626, REL_1E_12);
    assertThat(queue.meanWaitSeconds()).isCloseTo(1.969383160738407, REL_1E_12);
  }

  @ParameterizedTest
  @CsvSource({
      "1, 1.000000, 2.333333, 4.000000, 9.000000, 19.000000",
      "2, 0.333333, 0.960784, 1.777778, 4.263158, 9.256410",
      "3, 0.157895, 0.547049, 1.078652, 2.723537, 6.046723",
      "4, 0.086957, 0.357212, 0.745541, 1.969383, 4.457095",
      "5, 0.052149, 0.251892, 0.554113, 1.524986, 3.511196",
      "6, 0.033048, 0.186654, 0.431477, 1.233543, 2.885296",
      "7, 0.021771, 0.143209, 0.347098, 1.028510, 2.441292",
      "8, 0.014761, 0.112751, 0.286028, 0.876916, 2.110422",
      "9, 0.010233, 0.090563, 0.240123, 0.760595, 1.854631",
      "10, 0.007221, 0.073910, 0.204590, 0.668732, 1.651171"})
  void meanWaitSeconds_table14(int servers, double w50, double w70, double w80, double w90,
      double w95) {
    // Q13: every cell of §1.4, abs 1e-6.
    double[] expected = {w50, w70, w80, w90, w95};
    for (int i = 0; i < UTILIZATIONS.length; i++) {
      assertThat(unitService(servers, UTILIZATIONS[i]).meanWaitSeconds())
          .as("c=%d rho=%s", servers, UTILIZATIONS[i]).isCloseTo(expected[i], within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "4, 0.173913, 1.000193, 2.385730, 7.089779, 16.936961",
      "10, 0.036105, 0.517373, 1.636721, 6.018584, 15.686126"})
  void meanQueueLength_table14Extras(int servers, double l50, double l70, double l80, double l90,
      double l95) {
    double[] expected = {l50, l70, l80, l90, l95};
    for (int i = 0; i < UTILIZATIONS.length; i++) {
      assertThat(unitService(servers, UTILIZATIONS[i]).meanQueueLength())
          .as("c=%d rho=%s", servers, UTILIZATIONS[i]).isCloseTo(expected[i], within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "0.1, 0.111111, 0.011111, 1.111111, 0.111111, 0.770164, 3.328591, 5.116856, 2.558428",
      "0.3, 0.428571, 0.128571, 1.428571, 0.428571, 0.990210, 4.279618, 6.578815, 4.858853",
      "0.5, 1, 0.5, 2, 1, 1.386294, 5.991465, 9.210340, 7.824046",
      "0.7, 2.333333, 1.633333, 3.333333, 2.333333, 2.310491, 9.985774, 15.350567, 14.161651",
      "0.8, 4, 3.2, 5, 4, 3.465736, 14.978661, 23.025851, 21.910133",
      "0.9, 9, 8.1, 10, 9, 6.931472, 29.957323, 46.051702, 44.998097",
      "0.95, 19, 18.05, 20, 19, 13.862944, 59.914645, 92.103404, 91.077538",
      "0.99, 99, 98.01, 100, 99, 69.314718, 299.573227, 460.517019, 459.511985"})
  void singleServer_table12(double rho, double l, double lq, double w, double wq, double p50,
      double p95, double p99, double waitP99) {
    // §1.2, abs 1e-6 (sojourn percentiles abs 1e-5 as in §1.5).
    MmcQueue queue = MmcQueue.singleServer(rho, 1);
    assertThat(queue.meanNumberInSystem()).isCloseTo(l, within(1e-6));
    assertThat(queue.meanQueueLength()).isCloseTo(lq, within(1e-6));
    assertThat(queue.meanSojournSeconds()).isCloseTo(w, within(1e-6));
    assertThat(queue.meanWaitSeconds()).isCloseTo(wq, within(1e-6));
    assertThat(queue.sojournQuantileSeconds(0.5)).isCloseTo(p50, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.95)).isCloseTo(p95, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.99)).isCloseTo(p99, within(1e-5));
    assertThat(queue.waitQuantileSeconds(0.99)).isCloseTo(waitP99, within(1e-5));
  }

  @Test
  void sojournQuantileSeconds_singleServerClosedForm() {
    // Q14: M/M/1 ρ = 0.8, p99 = ln(100)/0.2, rel 1e-9.
    assertThat(MmcQueue.singleServer(0.8, 1).sojournQuantileSeconds(0.99))
        .isCloseTo(Math.log(100) / 0.2, withinPercentage(1e-7))
        .isCloseTo(23.025851, within(1e-6));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 0.8, 3.465736, 11.512925, 14.978661, 23.025851, 34.538776, 21.910133",
      "2, 0.8, 2.040031, 6.171562, 7.910684, 11.937370, 17.694126, 10.660609",
      "4, 0.5, 0.783410, 2.450062, 3.149704, 4.764248, 7.067972, 1.427985",
      "4, 0.8, 1.346199, 3.775960, 4.738019, 6.893204, 9.879667, 5.110476",
      "4, 0.9, 2.254504, 6.424448, 8.165525, 12.193167, 17.950014, 10.916500",
      "8, 0.8, 0.986334, 2.784556, 3.508443, 5.152182, 7.469719, 2.389693",
      "8, 0.9, 1.489355, 3.957521, 4.925147, 7.087347, 10.078262, 5.313354",
      "16, 0.8, 0.801856, 2.431792, 3.125392, 4.734952, 7.037540, 1.067921",
      "16, 0.9, 1.078010, 2.897177, 3.623543, 5.269835, 7.588420, 2.549882"})
  void sojournQuantileSeconds_table15(int servers, double rho, double p50, double p90, double p95,
      double p99, double p999, double waitP99) {
    // Q15 (c = 4, ρ = 0.8) and every other row of §1.5, abs 1e-5.
    MmcQueue queue = unitService(servers, rho);
    assertThat(queue.sojournQuantileSeconds(0.5)).isCloseTo(p50, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.9)).isCloseTo(p90, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.95)).isCloseTo(p95, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.99)).isCloseTo(p99, within(1e-5));
    assertThat(queue.sojournQuantileSeconds(0.999)).isCloseTo(p999, within(1e-5));
    assertThat(queue.waitQuantileSeconds(0.99)).isCloseTo(waitP99, within(1e-5));
  }

  @Test
  void sojournExceedanceProbability_thetaEqualsMu() {
    // c = 2, λ = 1, μ = 1 gives θ = cμ − λ = μ: the tail is (1−C)e^{−t} + C·e^{−t}(1+t).
    MmcQueue queue = new MmcQueue(1, 1, 2);
    double waitProbability = queue.waitProbability();
    double t = 2.5;
    double expected = Math.exp(-t) * (1 + waitProbability * t);
    assertThat(queue.sojournExceedanceProbability(t)).isCloseTo(expected, withinPercentage(1e-12));
  }

  @Test
  void sojournExceedanceProbability_continuousAcrossThetaEqualsMu() {
    double atTheta = new MmcQueue(1, 1, 2).sojournExceedanceProbability(3);
    double nearTheta = new MmcQueue(1 + 1e-9, 1, 2).sojournExceedanceProbability(3);
    assertThat(nearTheta).isCloseTo(atTheta, within(1e-8));
  }

  @Test
  void sojournQuantileSeconds_invertsTheTail() {
    MmcQueue queue = unitService(8, 0.95);
    double p999 = queue.sojournQuantileSeconds(0.999);
    assertThat(queue.sojournExceedanceProbability(p999)).isCloseTo(0.001, withinPercentage(1e-9));
  }

  @Test
  void sojournQuantileSeconds_atThousandServers() {
    MmcQueue queue = new MmcQueue(1000, 1, 1032);
    assertThat(queue.sojournExceedanceProbability(queue.sojournQuantileSeconds(0.99)))
        .isCloseTo(0.01, withinPercentage(1e-9));
  }

  @Test
  void waitQuantileSeconds_zeroWhenMostArrivalsDoNotWait() {
    assertThat(unitService(10, 0.5).waitQuantileSeconds(0.9)).isZero();
  }

  @Test
  void constructor_arrivalRateNotPositive() {
    assertThatThrownBy(() -> new MmcQueue(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrivalRatePerSecond must be finite and > 0, but was 0.0");
  }

  @Test
  void constructor_serviceTimeNotFinite() {
    assertThatThrownBy(() -> new MmcQueue(1, Double.NaN, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanServiceTimeSeconds must be finite and > 0, but was NaN");
  }

  @Test
  void constructor_serversBelowOne() {
    assertThatThrownBy(() -> new MmcQueue(1, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("servers must be >= 1, but was 0");
  }

  @Test
  void constructor_unstable() {
    assertThatThrownBy(() -> new MmcQueue(0.42, 10, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offered load 4.2 Erlangs")
        .hasMessageContaining("must be < servers (4) for a stable queue");
  }

  @Test
  void waitExceedanceProbability_negativeTime() {
    assertThatThrownBy(() -> unitService(2, 0.5).waitExceedanceProbability(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("seconds must be finite and >= 0, but was -1.0");
  }

  @Test
  void sojournQuantileSeconds_quantileOutsideUnitInterval() {
    assertThatThrownBy(() -> unitService(2, 0.5).sojournQuantileSeconds(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantileFraction must be in (0, 1), but was 99.0");
  }

  /**
   * λ at the saturation rate c/S in floating point, λ·S one ulp below c (the main job met it: a
   * fleet's share at exactly the measured capacity). θ must stay > 0 and the quantiles finite, huge,
   * so that a sizing search moves on to a larger fleet instead of crashing.
   */
  @Test
  void sojournQuantile_oneUlpFromSaturation_isFiniteAndHuge() {
    MmcQueue queue = new MmcQueue(36.012040092104634, 0.05553698137858301, 2);
    assertThat(queue.offeredLoadErlangs()).isLessThan(2);
    assertThat(2 * queue.serviceRatePerSecond() - 36.012040092104634).isZero();
    assertThat(queue.waitDecayRatePerSecond()).isPositive();
    double p95 = queue.sojournQuantileSeconds(0.95);
    assertThat(p95).isFinite().isGreaterThan(1e9);
    assertThat(new InstanceSizing(6 * 36.012040092104634, 0.05553698137858301, 2,
        LatencySlo.percentileAtMost(0.95, 0.25)).plan()).isInstanceOf(SizingPlan.Sized.class);
  }
}
