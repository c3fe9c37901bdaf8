package org.loadcast.report;

import java.util.List;
import java.util.Map;

/**
 * Two load tests of the same request mix, before and after a change, compared request name by
 * request name: what the database demo's report shows.
 *
 * @param title the page's heading
 * @param description what changed between the two, in words
 * @param rows one row per request name, in the mix's order
 * @param facts other figures of the run, by label, shown as given (the rate, the size, the advice)
 */
public record EndpointComparison(String title, String description, List<Row> rows, Map<String, String> facts) {

  /** Copies the collections. */
  public EndpointComparison {
    rows = List.copyOf(rows);
    facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
  }

  /**
   * One request name's latency in each load test.
   *
   * @param completed requests that ended, failed or not, >= 0
   * @param failed failed requests, >= 0
   * @param p50LatencyMillis median of the successful ones, ms; NaN without any
   * @param p95LatencyMillis 95th percentile, ms; NaN without any
   * @param p99LatencyMillis 99th percentile, ms; NaN without any
   */
  public record Figures(long completed, long failed, double p50LatencyMillis, double p95LatencyMillis,
      double p99LatencyMillis) {}

  /**
   * One request name.
   *
   * @param requestName the request name
   * @param before its figures in the first load test, or null when it did not run there
   * @param after its figures in the second, or null
   */
  public record Row(String requestName, Figures before, Figures after) {

    /** Returns the p95's change from before to after, percent of before; NaN when either is missing. */
    public double p95ChangePercent() {
      if (before == null || after == null || !(before.p95LatencyMillis() > 0)) {
        return Double.NaN;
      }
      return 100 * (after.p95LatencyMillis() - before.p95LatencyMillis()) / before.p95LatencyMillis();
    }
  }
}
