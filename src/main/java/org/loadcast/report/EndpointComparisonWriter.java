package org.loadcast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** Returns one load test's five CSV cells: requests, failures, p50, p95, p99; empty when it did not run. */
  private static List<Object> cells(EndpointComparison.Figures f) {
    return f == null ? Arrays.asList(null, null, null, null, null) : Arrays.asList(f.completed(), f.failed(),
        SeriesExport.fixed(f.p50LatencyMillis(), 3), SeriesExport.fixed(f.p95LatencyMillis(), 3),
        SeriesExport.fixed(f.p99LatencyMillis(), 3));
  }

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
        List<Object> row = new ArrayList<>();
        row.add(r.requestName());
        row.addAll(cells(r.before()));
        row.addAll(cells(r.after()));
        row.add(SeriesExport.fixed(r.p95ChangePercent(), 1));
        table.row(row.toArray());
      }
      files.put("comparison.csv", table.csv());
      files.put("index.html", ReportWriter.render("endpoint-comparison.peb", Map.of("c", comparison)));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
