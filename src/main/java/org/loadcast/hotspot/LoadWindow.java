package org.loadcast.hotspot;

/**
 * A span of load-test seconds and the throughput measured over it.
 *
 * @param fromSecond the first second, since the load test began, {@code >= 0}
 * @param toSecond the second after the last, {@code > fromSecond}
 * @param throughputPerSecond successful completions per second over the span, {@code >= 0}
 */
public record LoadWindow(int fromSecond, int toSecond, double throughputPerSecond) {

  /** Checks the span. */
  public LoadWindow {
    if (fromSecond < 0 || toSecond <= fromSecond) {
      throw new IllegalArgumentException(
          "window [" + fromSecond + ", " + toSecond + ") must have 0 <= fromSecond < toSecond");
    }
  }
}
