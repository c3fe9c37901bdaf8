package org.loadcast.hotspot;

/**
 * One request name's row in the endpoint ranking.
 *
 * @param name the request name, as the load test recorded it
 * @param count successful requests measured, {@code >= 1}
 * @param meanMillis mean latency, in milliseconds
 * @param p50Millis median latency, in milliseconds (HdrHistogram's {@code getValueAtPercentile})
 * @param p95Millis 95th-percentile latency, in milliseconds
 * @param p99Millis 99th-percentile latency, in milliseconds
 * @param totalSeconds time spent in these requests, count × mean, in seconds
 * @param sharePercent this row's share of the total time of all rows, in [0, 100]
 * @param cumulativeSharePercent the share of this row and every row ranked above it, in [0, 100]
 */
public record EndpointHotspot(
    String name, long count, double meanMillis, double p50Millis, double p95Millis, double p99Millis,
    double totalSeconds, double sharePercent, double cumulativeSharePercent) {

  /** Checks the name and count. */
  public EndpointHotspot {
    if (name == null) {
      throw new IllegalArgumentException("name must not be null");
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, but was " + count);
    }
  }
}
