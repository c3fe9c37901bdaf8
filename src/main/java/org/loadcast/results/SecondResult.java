package org.loadcast.results;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What happened in one second of a load test.
 *
 * <p>Requests count as started in the second they were sent, and as completed (with their status)
 * in the second their response ended. Latencies are recorded under the second the request started,
 * per request name.
 *
 * @param second seconds since the load test began
 * @param phase the phase of the requests started in this second, or of the last phase seen
 * @param started requests sent
 * @param completed responses received or failures, in this second
 * @param failed completions that failed: a status of 400 or more, or no response
 * @param meanConcurrency time-average of requests in flight over the second
 * @param statusCounts completions per HTTP status; 0 for no response
 * @param latencyMicros latencies of the successful requests started in this second, per request
 *     name; the histograms are copies
 */
public record SecondResult(
    int second, Phase phase, long started, long completed, long failed, double meanConcurrency,
    SortedMap<Integer, Long> statusCounts, SortedMap<String, Histogram> latencyMicros) {

  /** Copies the maps and histograms. */
  public SecondResult {
    statusCounts = new TreeMap<>(statusCounts);
    TreeMap<String, Histogram> copy = new TreeMap<>();
    for (Map.Entry<String, Histogram> e : latencyMicros.entrySet()) {
      copy.put(e.getKey(), e.getValue().copy());
    }
    latencyMicros = copy;
  }

  /** Returns all latencies of requests started in this second, across names. */
  public Histogram allLatencyMicros() {
    Histogram all = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    latencyMicros.values().forEach(all::add);
    return all;
  }
}
