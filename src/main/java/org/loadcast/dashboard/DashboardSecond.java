package org.loadcast.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.loadcast.results.SecondResult;

/**
 * What the dashboard shows of one closed second of a load test: one server-sent event.
 *
 * @param second seconds since the load test began, {@code >= 0}
 * @param phase the phase: {@code warmup}, {@code probe}, {@code drain} or {@code replay}
 * @param targetRatePerSecond the requests per second the plan asks for in this second, {@code >= 0}
 * @param startedPerSecond requests sent in this second: the achieved arrival rate
 * @param completedPerSecond responses and failures that ended in this second: the throughput
 * @param failedPerSecond completions that failed
 * @param meanConcurrency time-average of requests in flight over the second
 * @param inFlight requests in flight when the event was built
 * @param statusCounts completions per HTTP status, 0 for no response, in status order
 * @param errorsByStatus the failed statuses of {@code statusCounts}: 0 and 400 or more
 * @param latency per request name, in name order, the percentiles of the successful requests started
 *     in this second that had completed when the event was built
 * @param systemUnderTest the embedded system under test's state when the event was built; null (and
 *     left out of the JSON) for an external target
 */
public record DashboardSecond(
    int second, String phase, double targetRatePerSecond, long startedPerSecond, long completedPerSecond,
    long failedPerSecond, double meanConcurrency, int inFlight, SortedMap<Integer, Long> statusCounts,
    SortedMap<Integer, Long> errorsByStatus, SortedMap<String, LatencyPercentiles> latency,
    @JsonInclude(JsonInclude.Include.NON_NULL) SystemUnderTestSample systemUnderTest) {

  /** Copies the maps. */
  public DashboardSecond {
    statusCounts = new TreeMap<>(statusCounts);
    errorsByStatus = new TreeMap<>(errorsByStatus);
    latency = new TreeMap<>(latency);
  }

  /**
   * Computes a second's figures from the recorder's entry for it.
   *
   * @param result the recorder's entry for the second
   * @param phase the second's phase, e.g. from the load test's plan
   * @param targetRatePerSecond the plan's target for the second, requests per second, {@code >= 0}
   * @param inFlight requests in flight now, {@code >= 0}
   * @param systemUnderTest the embedded system under test's state now, or null for an external target
   * @return the second's figures
   */
  public static DashboardSecond of(SecondResult result, String phase, double targetRatePerSecond, int inFlight,
      SystemUnderTestSample systemUnderTest) {
    SortedMap<Integer, Long> errors = new TreeMap<>();
    result.statusCounts().forEach((status, count) -> {
      if (status == 0 || status >= 400) {
        errors.put(status, count);
      }
    });
    SortedMap<String, LatencyPercentiles> latency = new TreeMap<>();
    for (Map.Entry<String, Histogram> e : result.latencyMicros().entrySet()) {
      latency.put(e.getKey(), LatencyPercentiles.of(e.getValue()));
    }
    return new DashboardSecond(result.second(), phase, targetRatePerSecond, result.started(),
        result.completed(), result.failed(), result.meanConcurrency(), inFlight, result.statusCounts(), errors,
        latency, systemUnderTest);
  }

  /**
   * Latency percentiles of one request name in one second, as HdrHistogram's {@code
   * getValueAtPercentile} gives them (the highest value equivalent to the percentile's recorded
   * value), converted from microseconds.
   *
   * @param count successful requests measured
   * @param p50LatencyMillis the median, milliseconds; 0 when {@code count} is 0
   * @param p95LatencyMillis the 95th percentile, milliseconds
   * @param p99LatencyMillis the 99th percentile, milliseconds
   */
  public record LatencyPercentiles(long count, double p50LatencyMillis, double p95LatencyMillis, double p99LatencyMillis) {
    /**
     * Reads the percentiles of a histogram of microseconds.
     *
     * @param micros latencies in microseconds
     * @return its count and percentiles in milliseconds
     */
    public static LatencyPercentiles of(Histogram micros) {
      return new LatencyPercentiles(micros.getTotalCount(), micros.getValueAtPercentile(50) / 1000.0,
          micros.getValueAtPercentile(95) / 1000.0, micros.getValueAtPercentile(99) / 1000.0);
    }
  }
}
