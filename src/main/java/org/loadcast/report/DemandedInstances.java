package org.loadcast.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loadcast.capacity.FleetBound;
import org.loadcast.capacity.InstanceSizing;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.SimulationSpec;

/**
 * The demanded instances {@code d_t} of the SPEC RG elasticity metrics, one per simulated minute:
 * the fewest instances that meet the SLO at that minute's expected arrival rate
 * ({@code AUTOSCALING.md} §4.1), or why they are unknown.
 *
 * @param perMinute one count per minute of the horizon, in time order, each &gt;= 0 (0 for a minute
 *     with no demand); empty when unknown
 * @param basis the capacity model behind the counts, or why there are none, for people; never
 *     blank
 */
public record DemandedInstances(List<Integer> perMinute, String basis) {

  /**
   * Copies the list and validates the record.
   *
   * @throws IllegalArgumentException if a count is negative or {@code basis} is null or blank
   * @throws NullPointerException if {@code perMinute} or one of its counts is null
   */
  public DemandedInstances {
    perMinute = List.copyOf(perMinute);
    for (int i = 0; i < perMinute.size(); i++) {
      if (perMinute.get(i) < 0) {
        throw new IllegalArgumentException("perMinute[" + i + "] must be >= 0, but was " + perMinute.get(i));
      }
    }
    if (basis == null || basis.isBlank()) {
      throw new IllegalArgumentException("basis must not be blank, but was " + basis);
    }
  }

  /**
   * Returns unknown demand.
   *
   * @param reason why, for people, never blank
   * @return a record with no counts
   */
  public static DemandedInstances unknown(String reason) {
    return new DemandedInstances(List.of(), reason);
  }

  /** Returns whether the counts are known. */
  public boolean isKnown() {
    return !perMinute.isEmpty();
  }

  /**
   * Sizes every minute of a simulation's horizon with {@link InstanceSizing}: Poisson arrivals at
   * the minute's mean rate of the demand curve (its integral over the minute divided by the
   * minute's length), exponential service with the service time's mean, and the SLO's percentile
   * of the sojourn time (Erlang C; {@code REFERENCE.md} §5.1). Least-outstanding balancing is sized
   * as one pooled M/M/(k·N) queue; round-robin and random as N independent M/M/k queues, the
   * bound that needs at least as many instances.
   *
   * @param spec the simulation: demand curve, horizon, workers and service time, balancing, SLO
   * @return one count per minute, the last minute possibly shorter than 60 s; unknown, with the
   *     capacity model's reason, if no instance count meets the SLO
   */
  public static DemandedInstances of(SimulationSpec spec) {
    int minutes = (int) Math.ceil(spec.durationSeconds() / 60);
    double meanServiceSeconds = spec.cluster().serviceTime().meanSeconds();
    int workers = spec.cluster().workersPerInstance();
    LatencySlo slo = LatencySlo.percentileAtMost(spec.slo().percentile() / 100, spec.slo().latencySeconds());
    boolean pooled = spec.cluster().loadBalancing() == LoadBalancing.LEAST_OUTSTANDING;
    List<Integer> counts = new ArrayList<>(minutes);
    for (int m = 0; m < minutes; m++) {
      double from = spec.fromSeconds() + 60.0 * m;
      double to = Math.min(from + 60, spec.fromSeconds() + spec.durationSeconds());
      double rate = spec.demand().integral(from, to) / (to - from);
      if (!(rate > 0)) {
        counts.add(0);
        continue;
      }
      SizingPlan plan = new InstanceSizing(rate, meanServiceSeconds, workers, slo).plan();
      if (plan instanceof SizingPlan.Infeasible infeasible) {
        return unknown("no instance count meets the SLO: " + infeasible.reason());
      }
      SizingPlan.Sized sized = (SizingPlan.Sized) plan;
      FleetBound bound = pooled ? sized.pooled() : sized.randomSplit();
      counts.add(bound.instances());
    }
    return new DemandedInstances(counts, String.format(Locale.ROOT,
        "fewest instances meeting p%s ≤ %s ms at each minute's mean arrival rate, by Erlang C: %s, exponential "
            + "service with mean %.1f ms, %d workers per instance",
        plain(spec.slo().percentile()), plain(spec.slo().latencyMillis()),
        pooled ? "one pooled M/M/(k·N) queue" : "N independent M/M/k queues (random split)",
        meanServiceSeconds * 1000, workers));
  }

  /** Returns a number without trailing zeros, such as "95" or "99.9". */
  private static String plain(double value) {
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
