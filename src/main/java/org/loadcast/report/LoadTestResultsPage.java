package org.loadcast.report;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.SecondResult;

/**
 * The partial report of a load test stopped before its probe completed: without the probe there is
 * no calibration, so no simulation, verdict or capacity plan, and the page holds the load test's own
 * results so far. {@code index.html} opens with the partial banner, then the totals, a table per
 * phase and per request name (requests, failures, p50, p95, p99 and the largest latency, from the
 * merged HdrHistograms), and two charts per second: requests started and completed, and the p95
 * latency. {@code results-summary.json} holds the same figures, latencies as numbers of ms, with {@code
 * "partial": true}; it is
 * not a {@code summary.json}, which needs the simulated policies.
 *
 * <p>Like the run report, the page comes from a Pebble template with auto-escaping on, embeds uPlot,
 * and both files are written through temporary files and moves. Stateless and thread-safe.
 */
public final class LoadTestResultsPage {
  /** The page's JSON file. */
  public static final String SUMMARY_FILE = "results-summary.json";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private LoadTestResultsPage() {}

  /**
   * Where the load test stopped, as the banner says it.
   *
   * @param state {@code interrupted} (a last checkpoint on Ctrl-C or SIGTERM) or {@code running}
   *     (killed: its last periodic checkpoint)
   * @param completedSeconds the whole seconds the results hold, {@code >= 0}
   * @param plannedSeconds the seconds the load test was planned to last, {@code >= 1}
   * @param phase the phase it was in
   * @param probeEndSecond the second at which the probe would have completed
   */
  public record Stop(String state, int completedSeconds, int plannedSeconds, String phase, int probeEndSecond) {

    /** Returns the banner's text. */
    public String banner() {
      String how = "interrupted".equals(state)
          ? String.format(Locale.ROOT, "was interrupted at second %d of %d, in phase %s", completedSeconds, plannedSeconds, phase)
          : String.format(Locale.ROOT, "was killed, and its results end at second %d of %d, in phase %s (its last "
              + "checkpoint)", completedSeconds, plannedSeconds, phase);
      return String.format(Locale.ROOT, "Partial report: the load test %s, before its probe completed at second %d. "
          + "Without the probe there is no calibration, so no simulation, verdict or capacity plan: this page holds the "
          + "load test's results so far.", how, probeEndSecond);
    }
  }

  /**
   * One row of a table; the JSON file holds its components, the page its {@code *Text} forms.
   *
   * @param name a phase, {@code all}, or a request name
   * @param requests requests started (phases) or responses recorded (request names)
   * @param failed failed requests; null for a request name, whose failures the results do not split out
   * @param p50LatencyMillis the median latency in ms, to 0.1 ms; null without responses
   * @param p95LatencyMillis the 95th percentile, likewise
   * @param p99LatencyMillis the 99th percentile, likewise
   * @param maxLatencyMillis the largest latency, likewise
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(String name, long requests, Long failed, Double p50LatencyMillis, Double p95LatencyMillis,
      Double p99LatencyMillis, Double maxLatencyMillis) {

    /** Returns the median as the page shows it, in {@link Locale#ROOT}; "–" without responses. */
    public String p50Text() {
      return text(p50LatencyMillis);
    }

    /** Returns the 95th percentile as the page shows it. */
    public String p95Text() {
      return text(p95LatencyMillis);
    }

    /** Returns the 99th percentile as the page shows it. */
    public String p99Text() {
      return text(p99LatencyMillis);
    }

    /** Returns the largest latency as the page shows it. */
    public String maxText() {
      return text(maxLatencyMillis);
    }

    private static String text(Double millis) {
      return millis == null ? "–" : String.format(Locale.ROOT, "%.1f", millis);
    }
  }

  /**
   * Writes {@code index.html} and {@value #SUMMARY_FILE}.
   *
   * @param experiment the experiment's name
   * @param description the experiment's description
   * @param stop where the load test stopped
   * @param seconds the results, from second 0; may be empty
   * @param directory the report directory; created if absent
   * @throws UncheckedIOException if a resource cannot be read or a file written
   */
  public static void write(String experiment, String description, Stop stop, List<SecondResult> seconds, Path directory) {
    try {
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("experiment", experiment);
      context.put("description", description);
      context.put("stop", stop);
      Totals totals = Totals.of(seconds);
      context.put("totals", totals);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("experiment", experiment);
      json.put("partial", true);
      Map<String, Object> interruption = new LinkedHashMap<>();
      interruption.put("state", stop.state());
      interruption.put("completedSeconds", stop.completedSeconds());
      interruption.put("plannedSeconds", stop.plannedSeconds());
      interruption.put("phase", stop.phase());
      interruption.put("probeEndSecond", stop.probeEndSecond());
      json.put("interruption", interruption);
      json.put("all", totals.all());
      json.put("byPhase", totals.byPhase());
      json.put("byRequest", totals.byRequest());
      Map<String, String> files = new LinkedHashMap<>();
      files.put("index.html", ReportWriter.renderChartPage("results-only.peb", context, chartData(seconds)));
      files.put(SUMMARY_FILE, JSON.writeValueAsString(json) + "\n");
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The totals: all requests, per phase in phase order, per request name in name order. */
  public record Totals(Row all, List<Row> byPhase, List<Row> byRequest) {
    static Totals of(List<SecondResult> seconds) {
      Map<Phase, List<SecondResult>> phases = new TreeMap<>();
      Map<String, Histogram> names = new TreeMap<>();
      for (SecondResult s : seconds) {
        phases.computeIfAbsent(s.phase(), p -> new ArrayList<>()).add(s);
        s.latencyMicros().forEach((name, h) -> names.computeIfAbsent(name, n -> histogram()).add(h));
      }
      List<Row> byPhase = new ArrayList<>();
      phases.forEach((phase, list) -> byPhase.add(row(phase.fileName(), list)));
      List<Row> byRequest = new ArrayList<>();
      names.forEach((name, h) -> byRequest.add(row(name, h.getTotalCount(), null, h)));
      return new Totals(row("all", seconds), byPhase, byRequest);
    }
  }

  private static Row row(String name, List<SecondResult> seconds) {
    Histogram all = histogram();
    long started = 0;
    long failed = 0;
    for (SecondResult s : seconds) {
      all.add(s.allLatencyMicros());
      started += s.started();
      failed += s.failed();
    }
    return row(name, started, failed, all);
  }

  private static Row row(String name, long requests, Long failed, Histogram micros) {
    boolean any = micros.getTotalCount() > 0;
    return new Row(name, requests, failed, millis(any, micros.getValueAtPercentile(50)),
        millis(any, micros.getValueAtPercentile(95)), millis(any, micros.getValueAtPercentile(99)),
        millis(any, micros.getMaxValue()));
  }

  /** Returns microseconds as ms rounded to 0.1 ms, or null when there are no responses. */
  private static Double millis(boolean any, long micros) {
    return any ? Math.round(micros / 100.0) / 10.0 : null;
  }

  private static Histogram histogram() {
    return new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
  }

  /** Per second: started, completed, and the p95 latency in ms (null for a second without responses). */
  private static Map<String, Object> chartData(List<SecondResult> seconds) {
    List<Integer> second = new ArrayList<>();
    List<Long> started = new ArrayList<>();
    List<Long> completed = new ArrayList<>();
    List<Double> p95 = new ArrayList<>();
    for (SecondResult s : seconds) {
      second.add(s.second());
      started.add(s.started());
      completed.add(s.completed());
      Histogram all = s.allLatencyMicros();
      p95.add(all.getTotalCount() > 0 ? all.getValueAtPercentile(95) / 1000.0 : null);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("second", second);
    data.put("started", started);
    data.put("completed", completed);
    data.put("p95", p95);
    return data;
  }
}
