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
 * @param phases the requests of each phase of the load test (warm-up, probe, replay) with their
 *     outcomes by status, in that order; empty when not recorded
 * @param hotspots the replay's request names ranked by their share of the time, their p95 against
 *     the probe at the same load, and the system under test's hot methods; null when not analysed
 * @param dashboard every second of the load test as the live dashboard shows it, for the report's
 *     static copy of it; empty when not kept
 * @param interruption how far an interrupted load test got, which makes the report partial; null
 *     when it ran to its end
 */
public record LoadTestSummary(
    String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
    int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity, List<PhaseCounts> phases,
    org.loadcast.hotspot.HotspotReport hotspots, List<org.loadcast.dashboard.DashboardSecond> dashboard,
    LoadTestInterruption interruption) {

  /** Copies the lists. */
  public LoadTestSummary {
    replay = List.copyOf(replay);
    phases = List.copyOf(phases);
    dashboard = List.copyOf(dashboard);
  }

  /** Returns the summary of a load test that ran to its end. */
  public LoadTestSummary(
      String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
      int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity, List<PhaseCounts> phases,
      org.loadcast.hotspot.HotspotReport hotspots, List<org.loadcast.dashboard.DashboardSecond> dashboard) {
    this(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay, gatlingReport, fidelity,
        phases, hotspots, dashboard, null);
  }

  /**
   * Returns this summary marked partial: the load test was interrupted.
   *
   * @param how how far it got
   * @return the summary with {@link #interruption()} set
   */
  public LoadTestSummary withInterruption(LoadTestInterruption how) {
    return new LoadTestSummary(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay,
        gatlingReport, fidelity, phases, hotspots, dashboard, how);
  }

  /** Returns a summary without the dashboard's seconds. */
  public LoadTestSummary(
      String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
      int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity, List<PhaseCounts> phases,
      org.loadcast.hotspot.HotspotReport hotspots) {
    this(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay, gatlingReport, fidelity,
        phases, hotspots, List.of());
  }

  /**
   * Returns this summary with the hot methods of the system under test and the dashboard's seconds.
   *
   * @param code what profiling found
   * @param seconds every second of the load test as the dashboard shows it
   * @return the summary with both; the hot methods only when it has hotspots
   */
  public LoadTestSummary withCodeAndDashboard(org.loadcast.hotspot.CodeProfiler.Result code,
      List<org.loadcast.dashboard.DashboardSecond> seconds) {
    return new LoadTestSummary(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay,
        gatlingReport, fidelity, phases, hotspots == null ? null : hotspots.withCode(code.code(), code.note()), seconds,
        interruption);
  }

  /** Returns a summary without hotspots. */
  public LoadTestSummary(
      String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
      int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity, List<PhaseCounts> phases) {
    this(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay, gatlingReport, fidelity,
        phases, null, List.of());
  }

  /** Returns a summary without the phases' counts. */
  public LoadTestSummary(
      String target, ServiceCalibration calibration, double replayCompressionFactor, double replayRateScale,
      int replayStartSecond, List<ReplaySecond> replay, String gatlingReport, Fidelity fidelity) {
    this(target, calibration, replayCompressionFactor, replayRateScale, replayStartSecond, replay, gatlingReport, fidelity,
        List.of(), null, List.of());
  }

  /**
   * The requests of one phase of the load test.
   *
   * @param phase the phase's name: warmup, probe or replay
   * @param seconds its length in seconds
   * @param sentRequests requests sent
   * @param completed responses received, failed or not
   * @param failed failed completions: an error status or no response
   * @param byStatus completions by outcome, such as "HTTP 200" or "no response", in status order
   */
  public record PhaseCounts(String phase, int seconds, long sentRequests, long completed, long failed,
      java.util.Map<String, Long> byStatus) {

    /** Copies the map, keeping its order. */
    public PhaseCounts {
      byStatus = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStatus));
    }

    /**
     * Returns the failed share of the completions.
     *
     * @return 0 to 1; 0 without completions
     */
    public double failedFraction() {
      return completed == 0 ? 0 : (double) failed / completed;
    }
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
