package org.loadcast.capacity;

import java.util.List;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * What one instance was measured to carry within a latency SLO: the highest throughput of a probe
 * step whose latency at the SLO's percentile met the bound.
 *
 * <p>Only usable steps count ({@link ProbeStepCheck#usable()}); a step flagged for Little's law
 * still counts, since its throughput and latencies were measured all the same. When no step missed
 * the SLO, the probe never reached the load where the SLO breaks, so the figure is a lower bound.
 *
 * @param capacityPerSecond the highest throughput of a step that met the SLO, in requests per
 *     second; 0 when none did
 * @param offeredRatePerSecond the offered rate of that step; 0 when none did
 * @param someStepMissed whether a usable step's latency at the percentile exceeded the bound
 */
public record MeasuredSloCapacity(double capacityPerSecond, double offeredRatePerSecond, boolean someStepMissed) {

  /**
   * Measures the capacity at an SLO.
   *
   * @param steps the probe's measured steps, in step order
   * @param checks their checks, one per step, in the same order
   * @param quantileFraction the SLO's percentile as a fraction, in (0, 1)
   * @param latencyMillis the SLO's bound, in milliseconds, &gt; 0
   * @return the capacity; 0 with {@code someStepMissed} when every usable step missed
   * @throws IllegalArgumentException if the lists differ in length or the SLO is out of range
   */
  public static MeasuredSloCapacity of(List<ProbeStepMeasurement> steps, List<ProbeStepCheck> checks,
      double quantileFraction, double latencyMillis) {
    LatencySlo.percentileAtMost(quantileFraction, latencyMillis / 1000);
    if (steps.size() != checks.size()) {
      throw new IllegalArgumentException("steps (" + steps.size() + ") and checks (" + checks.size()
          + ") must have the same length");
    }
    double best = 0;
    double offered = 0;
    boolean missed = false;
    for (int i = 0; i < steps.size(); i++) {
      ProbeStepMeasurement step = steps.get(i);
      if (!checks.get(i).usable() || step.latencyMicros().getTotalCount() == 0) {
        continue;
      }
      if (step.latencyMillisAt(100 * quantileFraction) > latencyMillis) {
        missed = true;
      } else if (step.throughputPerSecond() > best) {
        best = step.throughputPerSecond();
        offered = step.offeredRatePerSecond();
      }
    }
    return new MeasuredSloCapacity(best, offered, missed);
  }
}
