package org.loadcast.capacity;

/**
 * One measured step of a concurrency ramp: the throughput a system sustained at a concurrency.
 *
 * @param concurrency the concurrent workers or requests N of the step, finite and &gt; 0
 * @param throughputPerSecond the measured throughput X, in requests per second, finite and &gt; 0
 */
public record ScalabilityMeasurement(double concurrency, double throughputPerSecond) {

  /**
   * Validates the measurement.
   *
   * @throws IllegalArgumentException if either value is not a finite number &gt; 0
   */
  public ScalabilityMeasurement {
    if (!(concurrency > 0 && Double.isFinite(concurrency))) {
      throw new IllegalArgumentException("concurrency must be finite and > 0, but was " + concurrency);
    }
    if (!(throughputPerSecond > 0 && Double.isFinite(throughputPerSecond))) {
      throw new IllegalArgumentException(
          "throughputPerSecond must be finite and > 0, but was " + throughputPerSecond);
    }
  }
}
