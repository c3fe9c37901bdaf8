package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.InstanceSizing;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationSpec;

class DemandedInstancesTest {

  private static SimulationSpec spec(double[] rates, double latencyMillis, LoadBalancing balancing) {
    double[] times = new double[rates.length];
    for (int i = 0; i < rates.length; i++) {
      times[i] = 60.0 * i;
    }
    RateCurve curve = RateCurve.of(times, rates, Interpolation.STEP, List.of());
    ClusterConfig cluster = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 0, 0, 1, balancing, 1);
    return new SimulationSpec(curve, 0, 60.0 * (rates.length - 1), cluster, new LatencySlo(95, latencyMillis), 7);
  }

  private static SizingPlan.Sized sized(double rate) {
    return (SizingPlan.Sized) new InstanceSizing(rate, 0.1, 2,
        org.loadcast.capacity.LatencySlo.percentileAtMost(0.95, 0.5)).plan();
  }

  @Test
  void of_stepRates_sizesEachMinuteWithErlangC() {
    DemandedInstances demanded = DemandedInstances.of(spec(new double[] {5, 40, 0, 40}, 500, LoadBalancing.RANDOM));

    assertThat(demanded.perMinute()).containsExactly(
        sized(5).randomSplit().instances(), sized(40).randomSplit().instances(), 0);
    assertThat(demanded.basis()).contains("p95 ≤ 500 ms").contains("random split");
  }

  @Test
  void of_leastOutstanding_usesThePooledBound() {
    DemandedInstances demanded = DemandedInstances.of(
        spec(new double[] {40, 40}, 500, LoadBalancing.LEAST_OUTSTANDING));

    assertThat(demanded.perMinute()).containsExactly(sized(40).pooled().instances());
    assertThat(sized(40).pooled().instances()).isLessThanOrEqualTo(sized(40).randomSplit().instances());
  }

  @Test
  void of_sloBelowTheServiceTimeAlone_isUnknownWithTheReason() {
    // p95 of an exponential service time with mean 100 ms is 300 ms: no fleet meets 200 ms
    DemandedInstances demanded = DemandedInstances.of(spec(new double[] {5, 5}, 200, LoadBalancing.RANDOM));

    assertThat(demanded.isKnown()).isFalse();
    assertThat(demanded.basis()).startsWith("no instance count meets the SLO: ");
  }

  @Test
  void new_negativeCount_isRefused() {
    assertThatThrownBy(() -> new DemandedInstances(List.of(1, -1), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perMinute[1] must be >= 0, but was -1");
  }

  @Test
  void new_blankBasis_isRefused() {
    assertThatThrownBy(() -> DemandedInstances.unknown(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("basis must not be blank, but was  ");
  }
}
