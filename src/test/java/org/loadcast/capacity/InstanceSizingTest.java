package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the sizing search against the worked example of {@code REFERENCE.md} §5.1, Q19 and Q20. */
class InstanceSizingTest {

  /** §5.1: λ = 3000 rps, S = 40 ms, k = 8 workers per instance. */
  private static SizingPlan workedExample(LatencySlo slo) {
    return new InstanceSizing(3000, 0.040, 8, slo).plan();
  }

  private static LatencySlo slo(double quantileFraction, double limitMillis) {
    double limitSeconds = limitMillis / 1000;
    return quantileFraction == 0
        ? LatencySlo.meanAtMost(limitSeconds)
        : LatencySlo.percentileAtMost(quantileFraction, limitSeconds);
  }

  @Test
  void plan_meanSlo() {
    // Q19: mean ≤ 50 ms gives pooled N = 16, split N = 20 (exact).
    SizingPlan.Sized plan = (SizingPlan.Sized) workedExample(LatencySlo.meanAtMost(0.050));
    assertThat(plan.pooled().instances()).isEqualTo(16);
    assertThat(plan.randomSplit().instances()).isEqualTo(20);
  }

  @ParameterizedTest(name = "q={0} limit={1} ms")
  @CsvSource({
      // quantile (0 = mean), limit ms, pooled N, ms, rho, split N, ms, rho (§5.1 table, every row)
      "0, 50, 16, 41.825, 0.9375, 20, 47.140, 0.75",
      "0.99, 200, 16, 186.240, 0.9375, 20, 196.340, 0.75",
      "0.99, 250, 16, 186.240, 0.9375, 18, 218.190, 0.8333",
      "0.999, 300, 16, 278.343, 0.9375, 19, 295.905, 0.7895",
      "0.999, 400, 16, 278.343, 0.9375, 17, 363.594, 0.8824"})
  void plan_workedExampleTable(double quantileFraction, double limitMillis, int pooledInstances,
      double pooledMillis, double pooledUtilization, int splitInstances, double splitMillis,
      double splitUtilization) {
    SizingPlan.Sized plan = (SizingPlan.Sized) workedExample(slo(quantileFraction, limitMillis));
    assertBound(plan.pooled(), pooledInstances, pooledMillis, pooledUtilization);
    assertBound(plan.randomSplit(), splitInstances, splitMillis, splitUtilization);
  }

  private static void assertBound(FleetBound bound, int instances, double millis,
      double utilizationFraction) {
    assertThat(bound.instances()).isEqualTo(instances);
    assertThat(bound.latencySeconds() * 1000).isCloseTo(millis, within(5e-4));
    assertThat(bound.utilizationFraction()).isCloseTo(utilizationFraction, within(5e-5));
  }

  @Test
  void plan_percentileBelowServiceTimePercentile() {
    // Q20: p99 ≤ 100 ms is infeasible, the service p99 alone is 184.2 ms.
    SizingPlan plan = workedExample(LatencySlo.percentileAtMost(0.99, 0.100));
    assertThat(plan.isFeasible()).isFalse();
    assertThat(((SizingPlan.Infeasible) plan).reason())
        .contains("p99 of the service time alone is 184.2 ms")
        .contains("SLO of 100 ms");
  }

  @Test
  void plan_tailPercentileBelowServiceTimePercentile() {
    SizingPlan plan = workedExample(LatencySlo.percentileAtMost(0.999, 0.250));
    assertThat(((SizingPlan.Infeasible) plan).reason())
        .contains("p99.9 of the service time alone is 276.3 ms");
  }

  @Test
  void plan_meanSloAtServiceTime() {
    SizingPlan plan = workedExample(LatencySlo.meanAtMost(0.040));
    assertThat(((SizingPlan.Infeasible) plan).reason())
        .contains("mean of the service time alone is 40 ms, at or above the SLO of 40 ms");
  }

  @Test
  void plan_sloBarelyAboveServiceTimeStopsAtSearchLimit() {
    SizingPlan plan = new InstanceSizing(3000, 0.040, 1, LatencySlo.meanAtMost(0.040000001)).plan();
    assertThat(((SizingPlan.Infeasible) plan).reason())
        .contains("needs more than 10000000 instances")
        .contains("random split");
  }

  @Test
  void plan_percentileJustAboveServiceTimePercentile() {
    // p99 ≤ 185 ms is feasible, just above the 184.2 ms floor: the search must find it quickly.
    SizingPlan.Sized plan = (SizingPlan.Sized) workedExample(LatencySlo.percentileAtMost(0.99, 0.185));
    assertThat(plan.pooled().latencySeconds()).isLessThanOrEqualTo(0.185);
    assertThat(plan.randomSplit().latencySeconds()).isLessThanOrEqualTo(0.185);
    assertThat(plan.randomSplit().instances()).isGreaterThan(plan.pooled().instances());
  }

  @Test
  void plan_resultIsSmallest() {
    SizingPlan.Sized plan = (SizingPlan.Sized) workedExample(LatencySlo.meanAtMost(0.050));
    int splitInstances = plan.randomSplit().instances();
    MmcQueue oneFewer = LoadBalancing.RANDOM_SPLIT.queueFor(3000, 0.040, 8, splitInstances - 1);
    assertThat(oneFewer.meanSojournSeconds()).isGreaterThan(0.050);
    assertThat(LoadBalancing.POOLED.isStable(3000, 0.040, 8, plan.pooled().instances() - 1)).isFalse();
  }

  @Test
  void constructor_arrivalRateNotPositive() {
    assertThatThrownBy(() -> new InstanceSizing(0, 0.04, 8, LatencySlo.meanAtMost(0.05)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrivalRatePerSecond must be finite and > 0, but was 0.0");
  }

  @Test
  void constructor_serviceTimeNotPositive() {
    assertThatThrownBy(() -> new InstanceSizing(3000, -0.04, 8, LatencySlo.meanAtMost(0.05)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanServiceTimeSeconds must be finite and > 0, but was -0.04");
  }

  @Test
  void constructor_workersBelowOne() {
    assertThatThrownBy(() -> new InstanceSizing(3000, 0.04, 0, LatencySlo.meanAtMost(0.05)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workersPerInstance must be >= 1, but was 0");
  }

  @Test
  void constructor_sloMissing() {
    assertThatThrownBy(() -> new InstanceSizing(3000, 0.04, 8, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("slo");
  }

  @Test
  void meanAtMost_limitNotPositive() {
    assertThatThrownBy(() -> LatencySlo.meanAtMost(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limitSeconds must be finite and > 0, but was 0.0");
  }

  @Test
  void percentileAtMost_quantileAsPercent() {
    assertThatThrownBy(() -> LatencySlo.percentileAtMost(99, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quantileFraction must be in (0, 1), but was 99.0");
  }

  @Test
  void percentileAtMost_limitNotFinite() {
    assertThatThrownBy(() -> LatencySlo.percentileAtMost(0.99, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limitSeconds must be finite and > 0, but was Infinity");
  }

  @Test
  void statisticName_percentiles() {
    assertThat(LatencySlo.percentileAtMost(0.99, 1).statisticName()).isEqualTo("p99");
    assertThat(LatencySlo.percentileAtMost(0.999, 1).statisticName()).isEqualTo("p99.9");
    assertThat(LatencySlo.percentileAtMost(0.5, 1).statisticName()).isEqualTo("p50");
  }

  @Test
  void fleetBound_instancesBelowOne() {
    assertThatThrownBy(() -> new FleetBound(0, 0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("instances must be >= 1, but was 0");
  }

  @Test
  void fleetBound_latencyNotPositive() {
    assertThatThrownBy(() -> new FleetBound(2, -0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latencySeconds must be finite and > 0, but was -0.1");
  }

  @Test
  void fleetBound_utilizationOutsideUnitInterval() {
    assertThatThrownBy(() -> new FleetBound(2, 0.1, 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("utilizationFraction must be in (0, 1), but was 1.0");
  }

  @Test
  void infeasible_blankReason() {
    assertThatThrownBy(() -> new SizingPlan.Infeasible(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason must not be blank");
  }
}
