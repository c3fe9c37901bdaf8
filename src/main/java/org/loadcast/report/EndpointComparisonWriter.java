package org.loadcast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.loadcast.results.ResultFiles;

/**
 * Writes an {@link EndpointComparison}: {@code comparison.json} (the record, NaN as null), {@code
 * comparison.csv} (one row per request name, units in the column names) and {@code index.html}, the
 * table with every text autoescaped. Each file goes to a temporary file and is moved into place.
 */
public final class EndpointComparisonWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private EndpointComparisonWriter() {}

  /**
   * Writes the comparison into a directory, creating it.
   *
   * @param comparison the comparison
   * @param directory the output directory
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(EndpointComparison comparison, Path directory) {
    try {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("comparison.json", JSON.writeValueAsString(comparison).replace("\"NaN\"", "null") + "\n");
      SeriesExport.Table table = new SeriesExport.Table("requestName", "beforeCompleted", "beforeFailed",
          "beforeP50LatencyMillis", "beforeP95LatencyMillis", "beforeP99LatencyMillis", "afterCompleted", "afterFailed",
          "afterP50LatencyMillis", "afterP95LatencyMillis", "afterP99LatencyMillis", "p95ChangePercent");
      for (EndpointComparison.Row r : comparison.rows()) {
        EndpointComparison.Figures b = r.before();
        EndpointComparison.Figures a = r.after();
        table.row(r.requestName(), b == null ? null : b.completed(), b == null ? null : b.failed(),
            b == null ? null : SeriesExport.fixed(b.p50LatencyMillis(), 3), b == null ? null : SeriesExport.fixed(b.p95LatencyMillis(), 3),
            b == null ? null : SeriesExport.fixed(b.p99LatencyMillis(), 3), a == null ? null : a.completed(),
            a == null ? null : a.failed(), a == null ? null : SeriesExport.fixed(a.p50LatencyMillis(), 3),
            a == null ? null : SeriesExport.fixed(a.p95LatencyMillis(), 3), a == null ? null : SeriesExport.fixed(a.p99LatencyMillis(), 3),
            SeriesExport.fixed(r.p95ChangePercent(), 1));
      }
      files.put("comparison.csv", table.csv());
      files.put("index.html", ReportWriter.render("endpoint-comparison.peb", Map.of("c", comparison)));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
