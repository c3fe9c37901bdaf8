package org.loadcast.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

class EvenlySpacedArrivalsTest {

  /** A step curve of {@code perSecond[i]} arrivals in second i, then nothing until {@code horizon}. */
  private static RateCurve steps(int[] perSecond, double horizon) {
    double[] at = new double[perSecond.length + 2];
    double[] rate = new double[perSecond.length + 2];
    for (int i = 0; i <= perSecond.length; i++) {
      at[i] = i;
      rate[i] = i < perSecond.length ? perSecond[i] : 0;
    }
    at[perSecond.length + 1] = horizon;
    return RateCurve.of(at, rate, Interpolation.STEP, List.of());
  }

  @Test
  void arrivalsFallAtTheMiddlesOfEqualSharesOfEachSecond() {
    int[] perSecond = {4, 0, 1, 10, 3};
    ClusterConfig cluster = new ClusterConfig(1, 1000, new ServiceTime.Deterministic(0.01), 0, 0, 0,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(steps(perSecond, 60), 0, 60, cluster, new LatencySlo(95, 1000), 7,
        ArrivalProcess.EVENLY_SPACED);
    List<double[]> seen = new ArrayList<>();
    SimulationResult result = ClusterSimulation.run(spec, new FixedReplicas(1), SimulationProgress.NONE,
        (arrivedAt, latency) -> seen.add(new double[] {arrivedAt, latency}));
    List<Double> expected = new ArrayList<>();
    for (int s = 0; s < perSecond.length; s++) {
      for (int j = 0; j < perSecond[s]; j++) {
        expected.add(s + (j + 0.5) / perSecond[s]);
      }
    }
    assertEquals(expected.size(), seen.size());
    assertEquals(expected.size(), result.totals().completed());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), seen.get(i)[0], 1e-9, "arrival " + i);
      // 10 per second with 10 ms each never queue on one worker: latency is the service time
      assertEquals(0.01, seen.get(i)[1], 1e-9, "latency " + i);
    }
  }

  @Test
  void aRateOfOneEveryFourSecondsGivesOneArrivalPerFourSeconds() {
    ClusterConfig cluster = new ClusterConfig(1, 10, new ServiceTime.Deterministic(0.5), 0, 0, 0,
        LoadBalancing.ROUND_ROBIN, 1);
    RateCurve quarter = RateCurve.of(new double[] {0, 120}, new double[] {0.25, 0.25}, Interpolation.STEP, List.of());
    SimulationSpec spec = new SimulationSpec(quarter, 0, 120, cluster, new LatencySlo(95, 1000), 7,
        ArrivalProcess.EVENLY_SPACED);
    List<Double> arrivals = new ArrayList<>();
    ClusterSimulation.run(spec, new FixedReplicas(1), SimulationProgress.NONE, (at, latency) -> arrivals.add(at));
    assertEquals(30, arrivals.size());
    for (int k = 0; k < 30; k++) {
      assertEquals(2 + 4 * k, arrivals.get(k), 1e-9);
    }
  }

  @Test
  void theArrivalProcessDoesNotMoveTheServiceTimes() {
    ClusterConfig cluster = new ClusterConfig(2, 1000, new ServiceTime.Exponential(0.05), 0, 0, 0,
        LoadBalancing.ROUND_ROBIN, 1);
    RateCurve flat = RateCurve.of(new double[] {0, 60}, new double[] {10, 10}, Interpolation.STEP, List.of());
    SimulationSpec poisson = new SimulationSpec(flat, 0, 60, cluster, new LatencySlo(95, 1000), 11);
    SimulationSpec even = new SimulationSpec(flat, 0, 60, cluster, new LatencySlo(95, 1000), 11,
        ArrivalProcess.EVENLY_SPACED);
    assertEquals(ArrivalProcess.POISSON, poisson.arrivalProcess());
    SimulationResult a = ClusterSimulation.run(even, new FixedReplicas(1));
    SimulationResult b = ClusterSimulation.run(even, new FixedReplicas(1));
    assertEquals(a, b);
    assertEquals(600, a.totals().arrivals());
  }
}
