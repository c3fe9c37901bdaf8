package org.loadcast.sim;

/**
 * Decides how many replicas the simulated service should run: the one interface between the
 * simulator and a scaling policy.
 *
 * <p>An autoscaler is created for one run and may keep state between decisions; it need not be
 * thread-safe.
 */
public interface Autoscaler {

  /** Returns the time between decisions in seconds, {@code > 0}; the first is at time 0. */
  double decisionPeriodSeconds();

  /**
   * Returns how the utilization each pod reports at a decision is averaged: the policy's own
   * metrics pipeline ({@link MetricWindow}).
   *
   * @return the window; by default, periods of one decision period, read as they end
   */
  default MetricWindow metricWindow() {
    return new MetricWindow(decisionPeriodSeconds(), 0);
  }

  /**
   * Returns the desired number of replicas.
   *
   * @param view what the controller can see now
   * @return the desired replicas, {@code >= 1}
   */
  int desiredReplicas(ScalingView view);

}
