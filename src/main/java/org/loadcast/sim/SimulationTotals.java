package org.loadcast.sim;

/**
 * Whole-run figures of a simulation.
 *
 * @param arrivals requests that arrived
 * @param completed requests that completed within their timeout before the end of the run
 * @param dropped requests dropped
 * @param overSlo completed requests whose latency exceeded the SLO bound
 * @param meanLatencyMillis mean latency of completions, exact (summed in double precision, not read
 *     from the percentile histogram); NaN when none
 * @param p50LatencyMillis median latency; NaN when none
 * @param p95LatencyMillis 95th percentile; NaN when none
 * @param p99LatencyMillis 99th percentile; NaN when none
 * @param startedService requests that started service (those that waited included)
 * @param meanWaitSeconds mean time in queue of the {@code startedService} requests; NaN when none
 * @param waitedFraction share of requests that started service after waiting, in [0, 1]
 * @param meanInSystem time-average over the horizon of requests in service or queued, from the
 *     integral of the count over time (L of Little's law)
 * @param sloViolationMinutes minutes that violate the SLO, dropped requests counting as too slow
 *     ({@link MinuteStats#violates})
 * @param minutesWithTraffic minutes with at least one completion or drop
 * @param instanceSeconds provisioned instance-seconds, exact: the integral of the provisioned count
 * @param cost billed instance-hours times the price per hour
 * @param scaleOuts scaling actions that added instances
 * @param scaleIns scaling actions that removed instances
 * @param timedOut requests whose client gave up at the request timeout before the end of the run; 0
 *     without a timeout
 * @param billedInstanceSeconds the instance-seconds billed: each instance's lifetime rounded by
 *     the {@link Billing} rules, instances alive at the end billed up to the end; equal to {@code
 *     instanceSeconds} with {@link Billing#EXACT}
 */
public record SimulationTotals(
    long arrivals, long completed, long dropped, long overSlo,
    double meanLatencyMillis, double p50LatencyMillis, double p95LatencyMillis, double p99LatencyMillis,
    long startedService, double meanWaitSeconds, double waitedFraction, double meanInSystem,
    long sloViolationMinutes, long minutesWithTraffic,
    double instanceSeconds, double cost, int scaleOuts, int scaleIns, long timedOut, double billedInstanceSeconds) {

  /** Returns the share of minutes with traffic that violate the SLO, in percent; 0 without traffic. */
  public double sloViolationMinutesPercent() {
    return minutesWithTraffic == 0 ? 0 : 100.0 * sloViolationMinutes / minutesWithTraffic;
  }

  /**
   * Returns the share of arrivals that missed the SLO, in percent: completions over the bound plus
   * drops plus timeouts, over arrivals. Requests still in flight at the end count as neither.
   */
  public double sloViolationRequestsPercent() {
    return arrivals == 0 ? 0 : 100.0 * (overSlo + dropped + timedOut) / arrivals;
  }

  /** Returns the provisioned instance-hours. */
  public double instanceHours() {
    return instanceSeconds / 3600;
  }

  /** Returns the billed instance-hours. */
  public double billedInstanceHours() {
    return billedInstanceSeconds / 3600;
  }
}
