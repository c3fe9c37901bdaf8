package org.loadcast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loadcast.results.ResultFiles;

/**
 * Writes the files of {@code loadcast report compare}: {@code compare.json} (the {@link
 * RunComparison}), {@code compare.csv} (one row per policy and figure) and {@code index.html}, a
 * self-contained page (Pebble with auto-escaping, uPlot inlined from its webjar, so it opens offline
 * from {@code file://}). Every file is rendered before the first is written, and each is written to
 * a temporary file and moved into place. Stateless and thread-safe.
 */
public final class ComparisonWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  /** The header of {@code compare.csv}. */
  public static final String CSV_HEADER = "policy,metric,unit,direction,a,b,delta,deltaPercent,better";

  private ComparisonWriter() {}

  /**
   * Writes the comparison into a directory, creating it.
   *
   * @param comparison the comparison
   * @param directory the output directory
   * @throws UncheckedIOException if a file cannot be rendered or written
   */
  public static void write(RunComparison comparison, Path directory) {
    try {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("compare.json", json(comparison));
      files.put("compare.csv", csv(comparison));
      files.put("index.html", html(comparison));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code compare.json}: the comparison as indented JSON, fields in record order, nulls
   * kept. It holds no time and no path, so the same two runs give the same bytes.
   *
   * @param comparison the comparison
   * @return the text, ending with a newline
   * @throws IOException if Jackson fails
   */
  public static String json(RunComparison comparison) throws IOException {
    return JSON.writeValueAsString(comparison) + "\n";
  }

  /**
   * Returns {@code compare.csv}: {@value #CSV_HEADER}, then one row per policy in both runs and
   * figure, in the order of {@code compare.json}. A missing value is an empty cell; numbers are
   * written as in {@code summary.json} (Java's shortest round-trip form, {@link Locale#ROOT}).
   *
   * @param comparison the comparison
   * @return the text; only the header when no policy is in both runs
   */
  public static String csv(RunComparison comparison) {
    StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
    for (RunComparison.PolicyComparison p : comparison.policies()) {
      for (MetricDelta m : p.metrics()) {
        csv.append(String.join(",", quoted(p.name()), m.metric(), quoted(m.unit()), m.direction(), cell(m.a()),
            cell(m.b()), cell(m.delta()), cell(m.deltaPercent()), m.better() == null ? "" : m.better())).append('\n');
      }
    }
    return csv.toString();
  }

  private static String cell(Number n) {
    return n == null ? "" : n.toString();
  }

  /** Quotes a field that holds a comma, a quote or a line break (RFC 4180). */
  private static String quoted(String text) {
    return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private static String html(RunComparison comparison) throws IOException {
    return ReportWriter.renderChartPage("compare.peb", Map.of("c", comparison), Chart.of(comparison));
  }

  /**
   * The series of the page's grouped bar charts, one group per policy in both runs; a missing value
   * is null.
   *
   * @param runA run A's name, the first bar's label
   * @param runB run B's
   * @param policies the policies, in order
   * @param sloViolationMinutesA run A's SLO-violation minutes per policy
   * @param sloViolationMinutesB run B's
   * @param costA run A's cost per policy
   * @param costB run B's
   */
  record Chart(String runA, String runB, List<String> policies, List<Number> sloViolationMinutesA,
      List<Number> sloViolationMinutesB, List<Number> costA, List<Number> costB) {
    static Chart of(RunComparison c) {
      List<String> names = new ArrayList<>();
      List<Number> minutesA = new ArrayList<>();
      List<Number> minutesB = new ArrayList<>();
      List<Number> costA = new ArrayList<>();
      List<Number> costB = new ArrayList<>();
      for (RunComparison.PolicyComparison p : c.policies()) {
        names.add(p.name());
        minutesA.add(p.metric("sloViolationMinutes").a());
        minutesB.add(p.metric("sloViolationMinutes").b());
        costA.add(p.metric("cost").a());
        costB.add(p.metric("cost").b());
      }
      return new Chart(c.runA(), c.runB(), names, minutesA, minutesB, costA, costB);
    }
  }
}
