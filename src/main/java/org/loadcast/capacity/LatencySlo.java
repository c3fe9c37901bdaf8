package org.loadcast.capacity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * A latency service-level objective: a bound on the mean or on a percentile of the sojourn time
 * (queueing wait plus service) of requests.
 */
public sealed interface LatencySlo permits LatencySlo.Mean, LatencySlo.Percentile {

  /**
   * Returns an SLO on the mean latency.
   *
   * @param limitSeconds the largest acceptable mean latency, in seconds, finite and &gt; 0
   * @return the SLO
   * @throws IllegalArgumentException if {@code limitSeconds} is not a finite number &gt; 0
   */
  static LatencySlo meanAtMost(double limitSeconds) {
    return new Mean(limitSeconds);
  }

  /**
   * Returns an SLO on a latency percentile, such as "p99 ≤ 200 ms".
   *
   * @param quantileFraction the percentile as a fraction, in (0, 1); 0.99 is the p99
   * @param limitSeconds the largest acceptable latency at that percentile, in seconds, finite and &gt; 0
   * @return the SLO
   * @throws IllegalArgumentException if {@code quantileFraction} is not in (0, 1), or if
   *     {@code limitSeconds} is not a finite number &gt; 0
   */
  static LatencySlo percentileAtMost(double quantileFraction, double limitSeconds) {
    return new Percentile(quantileFraction, limitSeconds);
  }

  /** {@return the latency bound, in seconds, &gt; 0} */
  double limitSeconds();

  /**
   * {@return the name of the bounded statistic: {@code "mean"}, or {@code "p99"}, {@code "p99.9"}}
   */
  String statisticName();

  /**
   * Returns the bounded statistic of the sojourn time in a queue.
   *
   * @param queue the stable queue
   * @return the latency statistic, in seconds, &gt; 0
   */
  double latencySeconds(MmcQueue queue);

  /**
   * Returns the bounded statistic of the exponential service time alone, the limit of
   * {@link #latencySeconds} as the number of servers grows and queueing vanishes.
   *
   * @param meanServiceTimeSeconds the mean service time, in seconds, &gt; 0
   * @return the statistic, in seconds, &gt; 0
   */
  double serviceOnlyLatencySeconds(double meanServiceTimeSeconds);

  /**
   * Returns whether a queue meets this SLO.
   *
   * @param queue the stable queue
   * @return {@code true} if {@link #latencySeconds} is at most {@link #limitSeconds}
   */
  default boolean isMetBy(MmcQueue queue) {
    return latencySeconds(queue) <= limitSeconds();
  }

  /**
   * Returns why no number of servers can meet this SLO, if so: the statistic of the service time
   * alone is already at or above the limit ({@code REFERENCE.md} §5.1 and §6, item 3).
   *
   * @param meanServiceTimeSeconds the mean of the exponential service time, in seconds, &gt; 0
   * @return a reason naming both numbers in milliseconds, e.g. "p99 of the service time alone is
   *     184.2 ms, at or above the SLO of 100 ms", or empty if more servers can meet the SLO
   */
  default Optional<String> infeasibility(double meanServiceTimeSeconds) {
    double floorSeconds = serviceOnlyLatencySeconds(meanServiceTimeSeconds);
    if (floorSeconds < limitSeconds()) {
      return Optional.empty();
    }
    return Optional.of(statisticName() + " of the service time alone is " + millis(floorSeconds)
        + ", at or above the SLO of " + millis(limitSeconds()) + ", so no instance count meets it");
  }

  /**
   * Returns the highest Poisson arrival rate an M/M/c queue carries within this SLO, found by
   * bisection on the rate: the statistic rises with the rate (Erlang C rises with the offered load),
   * so the rates that meet the SLO are an interval from 0.
   *
   * @param servers the workers c, at least 1
   * @param meanServiceTimeSeconds the mean exponential service time, in seconds, finite and &gt; 0
   * @return the rate in requests per second, within 1e-9 of the capacity {@code c/S} relative; 0
   *     when the service time alone misses the SLO ({@link #infeasibility})
   * @throws IllegalArgumentException if {@code servers < 1} or the service time is not finite and &gt; 0
   */
  default double maxArrivalRatePerSecond(int servers, double meanServiceTimeSeconds) {
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1, but was " + servers);
    }
    if (!(meanServiceTimeSeconds > 0 && Double.isFinite(meanServiceTimeSeconds))) {
      throw new IllegalArgumentException(
          "meanServiceTimeSeconds must be finite and > 0, but was " + meanServiceTimeSeconds);
    }
    if (infeasibility(meanServiceTimeSeconds).isPresent()) {
      return 0;
    }
    double capacity = servers / meanServiceTimeSeconds;
    double meeting = 0;
    double failing = capacity;
    while (failing - meeting > 1e-9 * capacity) {
      double middle = (meeting + failing) / 2;
      if (middle > 0 && isMetBy(new MmcQueue(middle, meanServiceTimeSeconds, servers))) {
        meeting = middle;
      } else {
        failing = middle;
      }
    }
    return meeting;
  }

  /** Returns a duration as milliseconds to 4 significant digits, e.g. "184.2 ms". */
  private static String millis(double seconds) {
    BigDecimal rounded = new BigDecimal(seconds * 1000).round(new MathContext(4));
    return rounded.stripTrailingZeros().toPlainString() + " ms";
  }

  private static void requireLimit(double limitSeconds) {
    if (!(limitSeconds > 0 && Double.isFinite(limitSeconds))) {
      throw new IllegalArgumentException(
          "limitSeconds must be finite and > 0, but was " + limitSeconds);
    }
  }

  /**
   * An SLO on the mean latency {@code W = Wq + S}.
   *
   * @param limitSeconds the largest acceptable mean latency, in seconds, finite and &gt; 0
   */
  record Mean(double limitSeconds) implements LatencySlo {

    /**
     * Validates the SLO.
     *
     * @throws IllegalArgumentException if {@code limitSeconds} is not a finite number &gt; 0
     */
    public Mean {
      requireLimit(limitSeconds);
    }

    @Override
    public String statisticName() {
      return "mean";
    }

    @Override
    public double latencySeconds(MmcQueue queue) {
      return queue.meanSojournSeconds();
    }

    @Override
    public double serviceOnlyLatencySeconds(double meanServiceTimeSeconds) {
      return meanServiceTimeSeconds;
    }
  }

  /**
   * An SLO on a percentile of the latency, from the M/M/c sojourn-time tail.
   *
   * @param quantileFraction the percentile as a fraction, in (0, 1); 0.99 is the p99
   * @param limitSeconds the largest acceptable latency at that percentile, in seconds, finite and &gt; 0
   */
  record Percentile(double quantileFraction, double limitSeconds) implements LatencySlo {

    /**
     * Validates the SLO.
     *
     * @throws IllegalArgumentException if {@code quantileFraction} is not in (0, 1), or if
     *     {@code limitSeconds} is not a finite number &gt; 0
     */
    public Percentile {
      if (!(quantileFraction > 0 && quantileFraction < 1)) {
        throw new IllegalArgumentException(
            "quantileFraction must be in (0, 1), but was " + quantileFraction);
      }
      requireLimit(limitSeconds);
    }

    @Override
    public String statisticName() {
      return "p" + BigDecimal.valueOf(quantileFraction).movePointRight(2).stripTrailingZeros()
          .toPlainString();
    }

    @Override
    public double latencySeconds(MmcQueue queue) {
      return queue.sojournQuantileSeconds(quantileFraction);
    }

    /** Returns the quantile {@code −ln(1−p)·S} of the exponential service time. */
    @Override
    public double serviceOnlyLatencySeconds(double meanServiceTimeSeconds) {
      return -Math.log1p(-quantileFraction) * meanServiceTimeSeconds;
    }
  }
}
