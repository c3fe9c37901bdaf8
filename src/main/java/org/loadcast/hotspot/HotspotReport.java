package org.loadcast.hotspot;

/**
 * What the report's hotspot section shows: the endpoint ranking, the regressions, and the hot
 * methods with a link to their flame graph.
 *
 * <p>The flame graph is a separate self-contained file next to {@code index.html} ({@link
 * FlameGraphPage}), linked rather than inlined: it carries its own script and styles, and the report
 * stays readable when it is large.
 *
 * @param endpoints the request names ranked by their share of the time
 * @param regressions the p95 comparison with the probe baseline
 * @param methods the hot methods of the system under test, or {@code null} when it was not profiled
 * @param flameGraphFile the flame graph's file name relative to the report, or {@code null} when none
 */
public record HotspotReport(
    EndpointRanking endpoints, RegressionCheck regressions, MethodRanking methods, String flameGraphFile) {

  /** The file name the flame graph is written under, next to the report. */
  public static final String FLAME_GRAPH_FILE = "flamegraph.html";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the endpoint parts are missing, or a flame graph is named
   *     without methods
   */
  public HotspotReport {
    if (endpoints == null || regressions == null) {
      throw new IllegalArgumentException("endpoints and regressions must not be null");
    }
    if (flameGraphFile != null && methods == null) {
      throw new IllegalArgumentException("flameGraphFile (" + flameGraphFile + ") needs methods, but methods was null");
    }
  }
}
