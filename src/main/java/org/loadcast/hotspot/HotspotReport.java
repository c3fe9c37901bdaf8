package org.loadcast.hotspot;

/**
 * What the report's hotspot section shows: the endpoint ranking, the regressions, and the hot
 * methods of the system under test with their flame graph.
 *
 * <p>The flame graph is a separate self-contained file next to {@code index.html}, {@value
 * #FLAME_GRAPH_FILE} ({@link FlameGraphPage}), linked rather than inlined: it carries its own script
 * and styles, and the report stays readable when it is large. It is written when {@code code} has
 * samples.
 *
 * @param endpoints the request names ranked by their share of the time
 * @param regressions the p95 comparison with the probe baseline
 * @param code the hot methods of the system under test, or {@code null} when it was not profiled
 * @param codeNote why the system under test was not profiled, or what went wrong profiling it, for
 *     the report; empty when nothing is to be said
 */
public record HotspotReport(EndpointRanking endpoints, RegressionCheck regressions, CodeHotspots code, String codeNote) {

  /** The file name the flame graph is written under, next to the report. */
  public static final String FLAME_GRAPH_FILE = "flamegraph.html";

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the endpoint parts or the note are missing
   */
  public HotspotReport {
    if (endpoints == null || regressions == null || codeNote == null) {
      throw new IllegalArgumentException("endpoints, regressions and codeNote must not be null");
    }
  }

  /**
   * Returns this report with the hot methods of the system under test.
   *
   * @param profiled the hot methods, or null when not profiled
   * @param note why not, or what went wrong; empty for nothing
   * @return the report with both
   */
  public HotspotReport withCode(CodeHotspots profiled, String note) {
    return new HotspotReport(endpoints, regressions, profiled, note);
  }

  /** Returns the flame graph's file name relative to the report, or null when there is none to draw. */
  public String flameGraphFile() {
    return code != null && code.methods().samples() > 0 ? FLAME_GRAPH_FILE : null;
  }
}
