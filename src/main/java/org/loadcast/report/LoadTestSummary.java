package org.loadcast.report;

import java.util.List;
import org.loadcast.capacity.ServiceCalibration;

/**
 * What the Gatling load test did and measured.
 *
 * @param target the base URL driven
 * @param calibration the service model calibrated from the probe
 * @param replayCompressionFactor profile seconds per replay second
 * @param replayRateScale the factor applied to the profile's arrival rate (requests, or sessions) in
 *     the replay
 * @param replayStartSecond the load-test second at which the replay began
 * @param replay the replay's seconds: target against achieved
 * @param gatlingReport the path of Gatling's own report relative to the run's report, or empty
 * @param fidelity the replay simulated with the calibrated model against what it measured
 */
public record LoadTestSummary(
    String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
    int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity) {

  /** Copies the list. */
  public LoadTestSummary {
    replay = List.copyOf(replay);
  }

  /**
   * One second of the replay.
   *
   * @param second seconds since the replay began
   * @param targetArrivals requests the schedule asked for: its admitted arrivals, or with sessions
   *     the admitted sessions times the expected requests per session (sent over their think times)
   * @param sentRequests requests actually sent
   * @param completed responses completed in this second
   * @param failed failed completions
   * @param p95LatencyMillis 95th percentile latency of the requests sent; NaN when none
   */
  public record ReplaySecond(
      int second, long targetArrivals, long sentRequests, long completed, long failed, double p95LatencyMillis) {}
}
