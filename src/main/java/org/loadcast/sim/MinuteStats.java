package org.loadcast.sim;

/**
 * One minute of a simulation run. Arrivals and drops count in the minute they happen, completions
 * and latencies in the minute the request completes, timeouts in the minute the client gives up.
 *
 * <p>The instance figures are time-averages over the minute. Every instance that costs money is in
 * exactly one of the states booting, warming, ready and draining, so {@code meanBootingInstances +
 * meanWarmingInstances + meanReadyInstances + meanDrainingInstances = meanProvisionedInstances} up to
 * rounding, and {@code meanWarmingInstances + meanReadyInstances = meanServingInstances}.
 *
 * @param minute the minute index from the start of the run
 * @param arrivals requests that arrived
 * @param completed requests that completed within their timeout
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
 * @param timedOut requests whose client gave up at the request timeout, queued or in service
 *     ({@link ClusterConfig#requestTimeoutSeconds}); 0 without a timeout
 * @param meanBootingInstances time-average of booting instances
 * @param meanWarmingInstances time-average of warming instances
 * @param meanDrainingInstances time-average of draining instances
 * @param readyInstancesAtEnd the ready instances at the end of the minute: the supply sampled at
 *     the step instants, from which the elasticity metrics count supply changes, so that a scaling
 *     step inside a minute counts once ({@link ElasticityMetrics})
 */
public record MinuteStats(
    int minute, long arrivals, long completed, long dropped, long overSlo,
    double p50LatencyMillis, double p95LatencyMillis, double p99LatencyMillis, double sloPercentileLatencyMillis,
    double meanServingInstances, double meanReadyInstances, double meanProvisionedInstances,
    int desiredReplicas, long timedOut,
    double meanBootingInstances, double meanWarmingInstances, double meanDrainingInstances,
    int readyInstancesAtEnd) {

  /** Returns whether any request completed, was dropped or timed out in this minute. */
  public boolean hasTraffic() {
    return completed + dropped + timedOut > 0;
  }

  /**
   * Returns whether this minute violates the SLO: its latency at the SLO's percentile, with dropped
   * and timed-out requests counted as infinitely slow, exceeds the bound. Equivalently, more than
   * {@code 100 − percentile} percent of the requests completed, dropped or timed out in the minute
   * were over the bound, dropped or timed out. Counted exactly, not from the histogram.
   *
   * @param slo the objective
   * @return false for a minute without traffic
   */
  public boolean violates(LatencySlo slo) {
    long failed = dropped + timedOut;
    long requests = completed + failed;
    return requests > 0 && (overSlo + failed) > (1 - slo.percentile() / 100) * requests;
  }
}
