package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointComparisonWriterTest {

  @Test
  void write_changePerEndpoint_missingFiguresAndHostileNames(@TempDir Path dir) throws IOException {
    EndpointComparison.Figures before = new EndpointComparison.Figures(100, 0, 40, 80, 120);
    EndpointComparison.Figures after = new EndpointComparison.Figures(100, 2, 2, 4, 8);
    EndpointComparison c = new EndpointComparison("t", "d", List.of(
        new EndpointComparison.Row("customer-orders", before, after),
        new EndpointComparison.Row("<script>x</script>", before, null),
        new EndpointComparison.Row("none", new EndpointComparison.Figures(3, 3, Double.NaN, Double.NaN, Double.NaN), after)),
        Map.of("seed", "8"));
    assertThat(c.rows().get(0).p95ChangePercent()).isEqualTo(-95.0);
    assertThat(c.rows().get(1).p95ChangePercent()).isNaN();
    assertThat(c.rows().get(2).p95ChangePercent()).isNaN();
    EndpointComparisonWriter.write(c, dir);
    assertThat(Files.readAllLines(dir.resolve("comparison.csv"))).containsExactly(
        "requestName,beforeCompleted,beforeFailed,beforeP50LatencyMillis,beforeP95LatencyMillis,beforeP99LatencyMillis,"
            + "afterCompleted,afterFailed,afterP50LatencyMillis,afterP95LatencyMillis,afterP99LatencyMillis,p95ChangePercent",
        "customer-orders,100,0,40.000,80.000,120.000,100,2,2.000,4.000,8.000,-95.0",
        "<script>x</script>,100,0,40.000,80.000,120.000,,,,,,",
        "none,3,3,,,,100,2,2.000,4.000,8.000,");
    assertThat(Files.readString(dir.resolve("comparison.json"))).contains("\"p50LatencyMillis\" : null").doesNotContain("NaN");
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).doesNotContain("<script>x").contains("&lt;script&gt;x&lt;/script&gt;").contains(">-95.0<")
        .contains("<td class=\"bad\">2</td>");
  }
}
