package org.loadcast.sim;

/**
 * Hears every request a simulation completes, for figures the per-minute statistics do not hold,
 * such as latency per 10-second window. The simulation calls it from its own thread, in completion
 * order; it cannot change the result.
 */
@FunctionalInterface
public interface CompletionListener {
  /** A listener that ignores completions. */
  CompletionListener NONE = (arrivedAtSeconds, latencySeconds) -> { };

  /**
   * Notes one completed request. Requests that were dropped or timed out are not completions.
   *
   * @param arrivedAtSeconds when it arrived, in simulated seconds since the run began, {@code >= 0}
   * @param latencySeconds arrival to completion, in seconds, {@code >= 0}
   */
  void completed(double arrivedAtSeconds, double latencySeconds);
}
