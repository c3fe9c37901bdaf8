package org.loadcast.dbdemo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.loadcast.report.EndpointComparison;
import org.loadcast.results.LoadTestRecorder;

/**
 * What one round of the database demo measured, per request name: the requests sent and failed, and
 * the latency of the successful ones in an HdrHistogram of microseconds (the load test recorder's
 * range and precision). Thread-safe.
 */
final class RoundResults {
  private final SortedMap<String, Histogram> latencyMicros = new TreeMap<>();
  private final SortedMap<String, long[]> counts = new TreeMap<>();

  /** Records one completed request: its name, latency and outcome. */
  synchronized void record(String name, long latencyMicros, boolean failed) {
    long[] c = counts.computeIfAbsent(name, k -> new long[2]);
    c[0]++;
    if (failed) {
      c[1]++;
      return;
    }
    latencyMicros(name).recordValue(Math.max(1, Math.min(LoadTestRecorder.HIGHEST_LATENCY_MICROS, latencyMicros)));
  }

  private Histogram latencyMicros(String name) {
    return latencyMicros.computeIfAbsent(name,
        k -> new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS));
  }

  /** Returns each request name's figures, by name. */
  synchronized Map<String, EndpointComparison.Figures> endpoints() {
    Map<String, EndpointComparison.Figures> result = new LinkedHashMap<>();
    counts.forEach((name, c) -> {
      Histogram h = latencyMicros.get(name);
      boolean any = h != null && h.getTotalCount() > 0;
      result.put(name, new EndpointComparison.Figures(c[0], c[1], any ? h.getValueAtPercentile(50) / 1000.0 : Double.NaN,
          any ? h.getValueAtPercentile(95) / 1000.0 : Double.NaN, any ? h.getValueAtPercentile(99) / 1000.0 : Double.NaN));
    });
    return result;
  }
}
