package org.loadcast.sim;

/**
 * A latency service-level objective: {@code percentile} of latencies within {@code latencyMillis}.
 *
 * @param percentile the percentile, in (0, 100), such as 95 for p95
 * @param latencyMillis the latency bound in milliseconds, {@code > 0}
 */
public record LatencySlo(double percentile, double latencyMillis) {

  /**
   * Validates the objective.
   *
   * @throws IllegalArgumentException if a field is out of its range
   */
  public LatencySlo {
    if (!(percentile > 0 && percentile < 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100), but was " + percentile);
    }
    if (!(latencyMillis > 0) || !Double.isFinite(latencyMillis)) {
      throw new IllegalArgumentException("latencyMillis must be a finite number > 0, but was " + latencyMillis);
    }
  }

  /** Returns the bound in seconds. */
  public double latencySeconds() {
    return latencyMillis / 1000;
  }
}
