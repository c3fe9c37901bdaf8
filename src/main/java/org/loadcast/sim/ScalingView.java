package org.loadcast.sim;

import java.util.List;

/**
 * What a running simulation shows its autoscaler at a decision. It shows nothing of the future:
 * asking for arrivals past {@link #nowSeconds()} throws.
 */
public interface ScalingView {

  /** Returns the simulation time of the decision, in seconds since the run began. */
  double nowSeconds();

  /** Returns the replicas the autoscaler last asked for: booting, warming and ready instances. */
  int currentReplicas();

  /**
   * Returns the metrics of each booting, warming and ready instance, oldest first, sampled once at
   * this decision from the newest whole period of the autoscaler's {@link Autoscaler#metricWindow()}.
   */
  List<PodMetrics> pods();

  /**
   * Returns the requests that arrived in {@code [fromSeconds, toSeconds)}.
   *
   * @param fromSeconds start, {@code >= 0}
   * @param toSeconds end, {@code <= nowSeconds()}
   * @return the count; 0 for an empty range
   * @throws IllegalArgumentException if the range reaches into the future or starts before 0
   */
  long arrivalsBetween(double fromSeconds, double toSeconds);
}
