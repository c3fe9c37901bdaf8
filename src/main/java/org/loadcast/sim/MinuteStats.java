package org.loadcast.sim;

/**
 * One minute of a simulation run. Arrivals and drops count in the minute they happen, completions
 * and latencies in the minute the request completes.
 *
 * @param minute the minute index from the start of the run
 * @param arrivals requests that arrived
 * @param completed requests that completed
 * @param dropped requests dropped: the queue was full or no instance served
 * @param overSlo completed requests whose latency exceeded the SLO bound
 * @param p50LatencyMillis median latency of the completions, or NaN when none completed
 * @param p95LatencyMillis 95th percentile, or NaN when none completed
 * @param p99LatencyMillis 99th percentile, or NaN when none completed
 * @param sloPercentileLatencyMillis latency at the SLO's percentile, or NaN when none completed
 * @param meanServingInstances time-average of warming and ready instances
 * @param meanReadyInstances time-average of ready instances only: the supply of the SPEC RG
 *     elasticity metrics ({@link ElasticityMetrics}), at most {@code meanServingInstances}
 * @param meanProvisionedInstances time-average of instances that cost money (all but terminated)
 * @param desiredReplicas the replicas asked for at the end of the minute
 * @param readyInstancesAtEnd the ready instances at the end of the minute: the supply sampled at
 *     the step instants, from which the elasticity metrics count supply changes, so that a scaling
 *     step inside a minute counts once ({@link ElasticityMetrics})
 */
public record MinuteStats(
    int minute, long arrivals, long completed, long dropped, long overSlo,
    double p50LatencyMillis, double p95LatencyMillis, double p99LatencyMillis, double sloPercentileLatencyMillis,
    double meanServingInstances, double meanReadyInstances, double meanProvisionedInstances,
    int desiredReplicas, int readyInstancesAtEnd) {

  /** Returns whether any request completed or was dropped in this minute. */
  public boolean hasTraffic() {
    return completed + dropped > 0;
  }

  /**
   * Returns whether this minute violates the SLO: its latency at the SLO's percentile, with dropped
   * requests counted as infinitely slow, exceeds the bound. Equivalently, more than {@code 100 −
   * percentile} percent of the requests completed or dropped in the minute were over the bound or
   * dropped. Counted exactly, not from the histogram.
   *
   * @param slo the objective
   * @return false for a minute without traffic
   */
  public boolean violates(LatencySlo slo) {
    long requests = completed + dropped;
    return requests > 0 && (overSlo + dropped) > (1 - slo.percentile() / 100) * requests;
  }
}
