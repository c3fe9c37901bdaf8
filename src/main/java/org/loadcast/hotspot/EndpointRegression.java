package org.loadcast.hotspot;

/**
 * An endpoint whose p95 in a replay window rose beyond the threshold over its p95 in the probe
 * step at the same load (see {@link RegressionRule}).
 *
 * @param name the request name
 * @param window the replay window
 * @param baselineStep the probe step compared with, from 0
 * @param baselineOfferedRatePerSecond the rate that probe step offered
 * @param baselineThroughputPerSecond the throughput that probe step measured
 * @param baselineP95Millis the name's p95 in the probe step, in milliseconds
 * @param baselineCount the name's requests in the probe step
 * @param windowP95Millis the name's p95 in the window, in milliseconds
 * @param windowCount the name's requests in the window
 * @param risePercent {@code (windowP95 / baselineP95 − 1) × 100}
 */
public record EndpointRegression(
    String name, LoadWindow window, int baselineStep, double baselineOfferedRatePerSecond,
    double baselineThroughputPerSecond, double baselineP95Millis, long baselineCount,
    double windowP95Millis, long windowCount, double risePercent) {}
