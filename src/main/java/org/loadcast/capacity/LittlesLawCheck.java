package org.loadcast.capacity;

/**
 * A check of Little's law {@code L = λW} on one measured step of a load test: the mean number of
 * requests in flight against throughput times mean latency.
 *
 * <p>The law holds for every stable system, whatever the distributions and discipline (Little, "A
 * proof for the queuing formula L = λW", <i>Operations Research</i> 9(3), 1961, pp. 383–387;
 * {@code REFERENCE.md} §5.1). A step that breaks it by more than a few percent was not in steady state,
 * or its measurements disagree, e.g. latency measured after a client-side queue (coordinated
 * omission).
 *
 * @param meanConcurrency the time-average number of requests in flight {@code L}, finite and &gt;= 0
 * @param throughputPerSecond the completed requests per second {@code λ}, finite and &gt; 0
 * @param meanLatencySeconds the mean latency {@code W} of those requests, in seconds, finite and &gt; 0
 */
public record LittlesLawCheck(double meanConcurrency, double throughputPerSecond,
    double meanLatencySeconds) {

  /** The tolerance used to flag load-test steps, 5 %, as a fraction. */
  public static final double LOAD_TEST_TOLERANCE_FRACTION = 0.05;

  /**
   * Validates the measurement.
   *
   * @throws IllegalArgumentException if {@code meanConcurrency} is negative or not finite, or if
   *     {@code throughputPerSecond} or {@code meanLatencySeconds} is not a finite number &gt; 0
   */
  public LittlesLawCheck {
    if (!(meanConcurrency >= 0 && Double.isFinite(meanConcurrency))) {
      throw new IllegalArgumentException(
          "meanConcurrency must be finite and >= 0, but was " + meanConcurrency);
    }
    requirePositive("throughputPerSecond", throughputPerSecond);
    requirePositive("meanLatencySeconds", meanLatencySeconds);
  }

  /** {@return the concurrency Little's law predicts, {@code λ·W}, in requests, &gt; 0} */
  public double predictedConcurrency() {
    return throughputPerSecond * meanLatencySeconds;
  }

  /**
   * Returns the signed relative discrepancy {@code (L − λW)/(λW)}.
   *
   * @return a fraction &gt;= −1; positive when more requests are in flight than throughput and latency
   *     explain
   */
  public double relativeDiscrepancyFraction() {
    return (meanConcurrency - predictedConcurrency()) / predictedConcurrency();
  }

  /**
   * Returns whether the measurement agrees with Little's law within a tolerance.
   *
   * @param toleranceFraction the largest acceptable {@code |L − λW|/(λW)}, finite and &gt;= 0; use
   *     {@link #LOAD_TEST_TOLERANCE_FRACTION} for load-test steps
   * @return {@code true} if the absolute relative discrepancy is at most the tolerance
   * @throws IllegalArgumentException if {@code toleranceFraction} is negative or not finite
   */
  public boolean holdsWithin(double toleranceFraction) {
    if (!(toleranceFraction >= 0 && Double.isFinite(toleranceFraction))) {
      throw new IllegalArgumentException(
          "toleranceFraction must be finite and >= 0, but was " + toleranceFraction);
    }
    return Math.abs(relativeDiscrepancyFraction()) <= toleranceFraction;
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
    }
  }
}
