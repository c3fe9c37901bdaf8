package org.loadcast.dashboard;

/**
 * The state of the embedded system under test at one instant, sampled once per second.
 *
 * @param queueLength requests waiting for a worker, {@code >= 0}
 * @param busyWorkers workers serving a request, {@code >= 0}
 */
public record SystemUnderTestSample(int queueLength, int busyWorkers) {
  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public SystemUnderTestSample {
    if (queueLength < 0) {
      throw new IllegalArgumentException("queueLength must be >= 0, but was " + queueLength);
    }
    if (busyWorkers < 0) {
      throw new IllegalArgumentException("busyWorkers must be >= 0, but was " + busyWorkers);
    }
  }
}
