package org.loadcast.sim;

/**
 * How a policy's metrics pipeline averages a per-instance metric such as CPU utilization: over
 * fixed aggregation periods, read some time after each period ends.
 *
 * <p>The periods tile the run: they end at {@code k·periodSeconds − lagSeconds} for whole {@code
 * k}, so that a decision at a multiple of the period reads the period that ended {@code lagSeconds}
 * before it. At a decision, each instance reports its mean busy fraction over the newest period that
 * has ended, if it served throughout that period; otherwise it has no sample, as a new pod has no
 * metrics-server sample until two scrapes have seen it, and an instance launched within a
 * CloudWatch period has no whole datapoint for it.
 *
 * <p>Sources: metrics-server computes each pod's CPU usage as the rate between its last two scrapes,
 * one {@code --metric-resolution} apart (15 s by default); CloudWatch alarms of EC2 Auto Scaling
 * evaluate the average over each alarm period, 60 s for detailed monitoring
 * ({@code ../shared/reference/AUTOSCALING.md} §1.5, §2.1).
 *
 * @param periodSeconds the aggregation period, finite and {@code > 0}
 * @param lagSeconds how long after a period ends a decision at a multiple of the period reads it,
 *     in [0, periodSeconds)
 */
public record MetricWindow(double periodSeconds, double lagSeconds) {

  /**
   * Validates the window.
   *
   * @throws IllegalArgumentException if the period is not a finite number above 0, or the lag is
   *     outside [0, periodSeconds)
   */
  public MetricWindow {
    if (!(periodSeconds > 0) || !Double.isFinite(periodSeconds)) {
      throw new IllegalArgumentException("periodSeconds must be a finite number > 0, but was " + periodSeconds);
    }
    if (!(lagSeconds >= 0 && lagSeconds < periodSeconds)) {
      throw new IllegalArgumentException(
          "lagSeconds must be >= 0 and less than periodSeconds (" + periodSeconds + "), but was " + lagSeconds);
    }
  }

  /**
   * Returns the first period boundary at or after the run's start: 0 without lag, else {@code
   * periodSeconds − lagSeconds}. The period that ends there began before the run, so it gives no
   * sample; it marks where the first whole period starts.
   *
   * @return seconds since the run began, in [0, periodSeconds)
   */
  public double firstEndSeconds() {
    return lagSeconds == 0 ? 0 : periodSeconds - lagSeconds;
  }

  /**
   * Returns CloudWatch's window for an alarm: each datapoint is the instances' average over one whole
   * evaluation period, read as the period ends (1-minute detailed monitoring evaluated per 60 s by
   * default).
   *
   * @param evaluationPeriodSeconds the alarm's period, finite and {@code > 0}
   * @return the window, with no lag
   * @throws IllegalArgumentException if the period is not a finite number above 0
   */
  public static MetricWindow cloudWatch(double evaluationPeriodSeconds) {
    return new MetricWindow(evaluationPeriodSeconds, 0);
  }
}
