package org.loadcast.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/**
 * Runs one long simulation of a steady M/M/c service in its own JVM, for {@link SimulatorMemoryIT}:
 * {@code RATE SECONDS} arrivals per second for that many seconds, on one instance of 40 workers
 * whose service time is exponential with mean 0.01 s (utilization {@code RATE / 4000}). Prints
 * {@code arrivals=N peakHeapBytes=B minutes=M}: the largest heap in use that the JVM's memory pools
 * saw. A third argument {@code keep-every-latency} adds a listener that keeps every request's latency,
 * as a simulator with per-request records would: the control that a tight heap catches that.
 */
public final class SimulationInChildJvm {
  private SimulationInChildJvm() {}

  /**
   * Runs the simulation and prints its arrivals and the peak heap.
   *
   * @param args the arrival rate per second, the duration in seconds, and optionally {@code
   *     keep-every-latency}
   */
  public static void main(String[] args) {
    double ratePerSecond = Double.parseDouble(args[0]);
    double durationSeconds = Double.parseDouble(args[1]);
    RateCurve flat = RateCurve.of(new double[] {0, durationSeconds}, new double[] {ratePerSecond, ratePerSecond},
        Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(40, Integer.MAX_VALUE, new ServiceTime.Exponential(0.01), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    double[][] kept = {new double[1024]};
    int[] count = {0};
    CompletionListener listener = args.length > 2 && args[2].equals("keep-every-latency")
        ? (arrived, latency) -> {
          if (count[0] == kept[0].length) {
            kept[0] = java.util.Arrays.copyOf(kept[0], 2 * count[0]);
          }
          kept[0][count[0]++] = latency;
        }
        : CompletionListener.NONE;
    SimulationResult result = ClusterSimulation.run(
        new SimulationSpec(flat, 0, durationSeconds, cluster, new LatencySlo(95, 10_000), 20_261_130), new FixedReplicas(1),
        SimulationProgress.NONE, listener);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "arrivals=%d peakHeapBytes=%d minutes=%d%n", result.totals().arrivals(), peak,
        result.minutes().size());
  }
}
