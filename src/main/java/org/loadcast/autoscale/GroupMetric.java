package org.loadcast.autoscale;

import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/**
 * The group's CPU-like metric as an EC2 Auto Scaling group aggregates it: the average utilization of
 * the instances that are no longer warming up (AUTOSCALING.md §2.1, "Instance warm-up": an instance
 * still warming up is not counted in the aggregated metric).
 *
 * <p>An instance is warming while it is not ready (booting, or serving before its readiness delay
 * ends: "measured boot + ready", §8) and, when {@code instanceWarmupSeconds} is given, until that
 * many seconds after it was requested.
 *
 * @param instanceWarmupSeconds the group's {@code DefaultInstanceWarmup}, counted from the launch
 *     request, 0 to 3600; null means until the instance is ready
 */
record GroupMetric(Double instanceWarmupSeconds) {

  /**
   * Validates the warm-up.
   *
   * @throws IllegalArgumentException if it is outside 0..3600
   */
  GroupMetric {
    if (instanceWarmupSeconds != null && !(instanceWarmupSeconds >= 0 && instanceWarmupSeconds <= 3600)) {
      throw new IllegalArgumentException("instanceWarmupSeconds must be in 0..3600, but was " + instanceWarmupSeconds);
    }
  }

  /** Returns whether the instance is still warming up at {@code nowSeconds}. */
  boolean warming(PodMetrics pod, double nowSeconds) {
    return !pod.ready() || (instanceWarmupSeconds != null && nowSeconds < pod.startedAtSeconds() + instanceWarmupSeconds);
  }

  /** Returns the number of instances still warming up. */
  int warmingCount(ScalingView view) {
    return (int) view.pods().stream().filter(p -> warming(p, view.nowSeconds())).count();
  }

  /**
   * Returns the average utilization of the warmed-up instances that have a sample, in percent
   * (0 to 100), or NaN when there is none: a missing datapoint ("insufficient data").
   */
  double utilizationPercent(ScalingView view) {
    return view.pods().stream().filter(p -> !warming(p, view.nowSeconds()) && p.hasMetric())
        .mapToDouble(p -> 100 * p.utilizationFraction()).average().orElse(Double.NaN);
  }
}
