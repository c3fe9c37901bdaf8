package org.loadcast.sim;

/**
 * What an autoscaler sees of one instance at a decision, as a metrics pipeline reports it.
 *
 * @param state the lifecycle state; draining and terminated instances are not shown
 * @param startedAtSeconds when it was requested, in simulation seconds
 * @param readyAtSeconds when it became ready, or {@code NaN} if it is not ready yet
 * @param utilizationFraction busy workers over all workers, averaged over the newest whole period
 *     of the autoscaler's {@link MetricWindow}, in [0, 1]; {@code NaN} when the instance did not
 *     serve throughout that period
 * @param metricWindowStartSeconds when that period began (it lasts {@link
 *     MetricWindow#periodSeconds()}); {@code NaN} when there is no metric
 * @param outstandingRequests requests in service or queued on it now
 */
public record PodMetrics(
    InstanceState state, double startedAtSeconds, double readyAtSeconds, double utilizationFraction,
    double metricWindowStartSeconds, int outstandingRequests) {

  /** Returns whether the pod is ready. */
  public boolean ready() {
    return state == InstanceState.READY;
  }

  /** Returns whether a metric sample exists for the pod. */
  public boolean hasMetric() {
    return !Double.isNaN(utilizationFraction);
  }
}
