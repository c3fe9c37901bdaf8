package org.loadcast.capacity;

/**
 * One probe step as calibration saw it.
 *
 * @param offeredRatePerSecond the rate the step injected
 * @param throughputPerSecond successful completions per second
 * @param failedFraction failed completions over all completions, in [0, 1]; 0 when none completed
 * @param meanConcurrency time-average of requests in flight
 * @param meanLatencyMillis mean latency; NaN when nothing completed
 * @param p50LatencyMillis median latency; NaN when nothing completed
 * @param p95LatencyMillis 95th percentile latency; NaN when nothing completed
 * @param p99LatencyMillis 99th percentile latency; NaN when nothing completed
 * @param littleDiscrepancyFraction {@code (L − λW) / λW}; NaN when nothing completed
 * @param saturated whether throughput fell below 95 % of the requests sent
 * @param measurementProblem whether Little's law failed by more than 5 %: the step was not in a
 *     steady state, or the client limited the load, and it is not used for fitting
 * @param failing whether more than 1 % of the step's completions failed; it is not used at all
 */
public record ProbeStepCheck(
    double offeredRatePerSecond, double throughputPerSecond, double failedFraction, double meanConcurrency,
    double meanLatencyMillis, double p50LatencyMillis, double p95LatencyMillis, double p99LatencyMillis,
    double littleDiscrepancyFraction, boolean saturated, boolean measurementProblem, boolean failing) {

  /** The share of failed completions above which a step is not used, 1 %. */
  public static final double MAX_FAILED_FRACTION = 0.01;

  /** Returns whether the step can inform the model: it completed requests and did not fail. */
  public boolean usable() {
    return throughputPerSecond > 0 && !failing;
  }
}
