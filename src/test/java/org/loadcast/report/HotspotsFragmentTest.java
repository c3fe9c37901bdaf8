package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loadcast.hotspot.CodeHotspots;
import org.loadcast.hotspot.EndpointHotspot;
import org.loadcast.hotspot.EndpointRanking;
import org.loadcast.hotspot.EndpointRegression;
import org.loadcast.hotspot.HotspotReport;
import org.loadcast.hotspot.JfrHotMethods;
import org.loadcast.hotspot.LoadWindow;
import org.loadcast.hotspot.ParetoLine;
import org.loadcast.hotspot.RegressionCheck;
import org.loadcast.hotspot.RegressionRule;

class HotspotsFragmentTest {

  private static final String XSS = "<img src=x onerror=alert(1)>";

  private static String render(HotspotReport report) throws IOException {
    PebbleTemplate template = ReportWriter.PEBBLE.getTemplate("hotspots-standalone.peb");
    StringWriter out = new StringWriter();
    template.evaluate(out, Map.of("hotspots", report));
    return out.toString();
  }

  private static EndpointRanking ranking() {
    return new EndpointRanking(List.of(
        new EndpointHotspot(XSS, 100, 40, 39.9, 41, 42, 4, 80, 80),
        new EndpointHotspot("GET /b", 200, 3, 3, 3, 3, 0.6, 12, 92),
        new EndpointHotspot("GET /c", 40, 10, 10, 10, 10, 0.4, 8, 100)), 5, new ParetoLine(2, 3, 90));
  }

  @Test
  void render_scriptLikeNames_areText() throws IOException {
    RegressionCheck check = new RegressionCheck(RegressionRule.DEFAULT, List.of(new EndpointRegression(
        XSS, new LoadWindow(10, 20, 21), 1, 20, 20, 10, 80, 20, 210, 100)), List.of(new LoadWindow(20, 30, 40)), 1);
    JfrHotMethods counts = JfrHotMethods.everySample();
    counts.addStack(List.of("a.B.<clinit>", XSS));
    counts.addStack(List.of("a.B.run"));
    String html = render(new HotspotReport(ranking(), check,
        CodeHotspots.of("the embedded system under test, " + XSS, counts, 10, 90), ""));

    assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
    assertThat(html).contains("<code>a.B.&lt;clinit&gt;</code>");
    assertThat(html).contains("2 of 3 endpoints account for 90 % of the time (total 5.0 s).");
    assertThat(html).contains("<td>80.0</td><td>80.0</td>", "<td>12.0</td><td>92.0</td>");
    assertThat(html).contains("<td>10–20</td>", "<td class=\"bad\">+100</td>", "2 (20/s offered)");
    assertThat(html).contains("No baseline at this load for replay seconds\n    20–30 (40.0/s)");
    assertThat(html).contains("2 of 2 methods account for 90 % of the CPU samples (2 samples).");
    assertThat(html).contains("<a href=\"flamegraph.html\">Flame graph</a>");
    assertThat(html).contains("the embedded system under test, &lt;img");
  }

  @Test
  void hotspotReport_flameGraph_onlyWithSamples() {
    RegressionCheck none = new RegressionCheck(RegressionRule.DEFAULT, List.of(), List.of(), 0);
    HotspotReport unprofiled = new HotspotReport(ranking(), none, null, "");
    assertThat(unprofiled.flameGraphFile()).isNull();
    assertThat(unprofiled.withCode(CodeHotspots.of("x", JfrHotMethods.everySample(), 5, 90), "").flameGraphFile()).isNull();
    JfrHotMethods one = JfrHotMethods.everySample();
    one.addStack(List.of("a.B.run"));
    assertThat(unprofiled.withCode(CodeHotspots.of("x", one, 5, 90), "").flameGraphFile()).isEqualTo("flamegraph.html");
    assertThatThrownBy(() -> new HotspotReport(ranking(), none, null, null))
        .hasMessage("endpoints, regressions and codeNote must not be null");
  }

  @Test
  void render_profiledWithoutSamples_saysSo() throws IOException {
    RegressionCheck none = new RegressionCheck(RegressionRule.DEFAULT, List.of(), List.of(), 0);
    String html = render(new HotspotReport(ranking(), none, CodeHotspots.of("app.jfr", JfrHotMethods.everySample(), 5, 90),
        "The recording ends before the load test."));
    assertThat(html).contains("app.jfr. The recording ends before the load test.",
        "JDK Flight Recorder took no execution sample of the selected threads.").doesNotContain("Flame graph");
  }

  @Test
  void render_nothingMeasured_saysSo() throws IOException {
    RegressionCheck none = new RegressionCheck(RegressionRule.DEFAULT, List.of(), List.of(), 0);
    String html = render(new HotspotReport(new EndpointRanking(List.of(), 0, new ParetoLine(0, 0, 90)), none, null, ""));
    assertThat(html).contains("No successful request was measured", "The system under test was not profiled.",
        "No endpoint's p95 rose more than 50 % over the probe at the same load\n    (0 windows compared).");
    assertThat(html).doesNotContain("<table", "Flame graph", "No baseline at this load");
  }
}
