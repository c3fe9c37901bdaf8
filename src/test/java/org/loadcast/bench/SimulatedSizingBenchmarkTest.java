package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.cli.SimulatedSizing;
import org.loadcast.sim.ServiceTime;

/** How long simulator-based sizing takes: REFERENCE §5.1's fleet, and one instance's capacity at an SLO. */
@Tag("benchmark")
class SimulatedSizingBenchmarkTest {

  @Test
  void size_referenceFleet_andOneInstance() {
    SimulatedSizing.Fleet fleet = new SimulatedSizing.Fleet(8, 1_000_000, new ServiceTime.Exponential(0.04), 2024);
    LatencySlo slo = LatencySlo.percentileAtMost(0.99, 0.25);
    long start = System.nanoTime();
    SimulatedSizing.Result r = SimulatedSizing.size(fleet, 3000, slo);
    double fleetSeconds = (System.nanoTime() - start) / 1e9;
    start = System.nanoTime();
    double rate = SimulatedSizing.maxRatePerInstance(fleet, slo);
    double instanceSeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "benchmark simulated-sizing: λ = 3000/s, k = 8, S = 40 ms exponential, p99 <= 250 ms%n");
    System.out.printf(Locale.ROOT, "  fleet: %d instances (Erlang pooled 16, split 18) in %.2f s%n",
        r.simulated().instances(), fleetSeconds);
    System.out.printf(Locale.ROOT, "  one instance: %.1f requests per second in %.2f s%n", rate, instanceSeconds);
    assertThat(r.isFeasible()).isTrue();
  }
}
