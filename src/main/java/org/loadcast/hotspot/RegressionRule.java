package org.loadcast.hotspot;

/**
 * When an endpoint's p95 counts as a regression against the probe baseline.
 *
 * <p>The replay is cut into windows of {@code windowSeconds} consecutive replay seconds. A window's
 * load is its throughput, successful completions per second. Its baseline is the probe step whose
 * throughput over its steady part is nearest to the window's, if that is within
 * ±{@code loadTolerancePercent} % of the window's throughput ("the same load"); otherwise the window
 * has no baseline, and nothing is guessed. For each request name with at least {@code minSamples}
 * requests both in the window and in the baseline step, the p95 latencies are compared; a rise of
 * more than {@code riseThresholdPercent} % is a regression.
 *
 * @param windowSeconds the length of a replay window, in seconds, {@code >= 1}
 * @param loadTolerancePercent how far a probe step's throughput may be from the window's, as a
 *     percentage of the window's, {@code >= 0}
 * @param minSamples the fewest requests of a name on each side for a comparison, {@code >= 1}
 * @param riseThresholdPercent the p95 rise, in percent of the baseline p95, beyond which a name is
 *     flagged, {@code >= 0}
 */
public record RegressionRule(int windowSeconds, double loadTolerancePercent, long minSamples, double riseThresholdPercent) {

  /** Windows of 10 s, ±10 % load, 50 samples a side, a rise of more than 50 %. */
  public static final RegressionRule DEFAULT = new RegressionRule(10, 10, 50, 50);

  /** Checks the ranges. */
  public RegressionRule {
    if (windowSeconds < 1) {
      throw new IllegalArgumentException("windowSeconds must be >= 1, but was " + windowSeconds);
    }
    if (!(loadTolerancePercent >= 0) || Double.isInfinite(loadTolerancePercent)) {
      throw new IllegalArgumentException("loadTolerancePercent must be finite and >= 0, but was " + loadTolerancePercent);
    }
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be >= 1, but was " + minSamples);
    }
    if (!(riseThresholdPercent >= 0) || Double.isInfinite(riseThresholdPercent)) {
      throw new IllegalArgumentException("riseThresholdPercent must be finite and >= 0, but was " + riseThresholdPercent);
    }
  }
}
