package org.loadcast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.results.ResultFiles;

/**
 * Writes the files of {@code loadcast capacity}: {@code capacity.json} (the {@link CapacityReport}),
 * {@code plan.csv} (one row per month), {@code daily-peaks.csv} (one row per day of the history and
 * the projection) and {@code index.html}, a self-contained page (uPlot inlined, Pebble with
 * auto-escaping) with the runway chart, the USL chart, the sizing and plan tables. Each file is
 * written to a temporary file and moved into place. Stateless and thread-safe.
 */
public final class CapacityReportWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private CapacityReportWriter() {}

  /**
   * Writes the capacity report into a directory, creating it.
   *
   * @param report the report
   * @param probeSteps the load test's probe steps drawn under the USL curve; empty without one
   * @param metadata the run's metadata, shown in the page only
   * @param directory the report directory
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(CapacityReport report, List<ProbeStepCheck> probeSteps, RunMetadata metadata,
      Path directory) {
    try {
      // every file is rendered before the first is written, so a rendering failure leaves nothing behind
      Map<String, String> files = new LinkedHashMap<>();
      files.put("capacity.json", json(report));
      files.put("plan.csv", planCsv(report));
      files.put("daily-peaks.csv", dailyPeaksCsv(report));
      files.put("index.html", html(report, probeSteps, metadata));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code capacity.json}: the report as indented JSON, fields in record order, nulls kept.
   *
   * @param report the report
   * @return the text, ending with a newline
   * @throws IOException if Jackson fails
   */
  public static String json(CapacityReport report) throws IOException {
    return JSON.writeValueAsString(report) + "\n";
  }

  static String planCsv(CapacityReport report) {
    StringBuilder csv = new StringBuilder("from,to,peakDate,peakPointPerSecond,peakLowerPerSecond,peakUpperPerSecond,"
        + "instancesPooled,instancesSplit,plannedInstances,cost\n");
    for (CapacityReport.PlanRow r : report.plan()) {
      csv.append(String.format(Locale.ROOT, "%s,%s,%s,%.4f,%.4f,%.4f,%s,%s,%s,%s%n", r.from(), r.to(), r.peakDate(),
          r.peakPointPerSecond(), r.peakLowerPerSecond(), r.peakUpperPerSecond(), text(r.instancesPooled()),
          text(r.instancesSplit()), text(r.plannedInstances()),
          r.cost() == null ? "" : String.format(Locale.ROOT, "%.2f", r.cost())));
    }
    return csv.toString();
  }

  /** One row per day and kind, by date; a day partly in the history and first projected has two rows. */
  static String dailyPeaksCsv(CapacityReport report) {
    Map<String, String> rows = new TreeMap<>();
    for (CapacityReport.PeakDay p : report.dailyPeaks()) {
      rows.put(p.date() + "|1", String.format(Locale.ROOT, "%s,history,%.4f,,,%s,%d,", p.date(), p.peakRatePerSecond(),
          p.windowStart(), p.missingSlots()));
    }
    for (CapacityReport.SkippedDay d : report.skippedDays()) {
      rows.put(d.date() + "|2", String.format(Locale.ROOT, "%s,skipped,,,,,%d,\"%s\"", d.date(), d.missingSlots(),
          d.reason().replace("\"", "\"\"")));
    }
    for (CapacityReport.ProjectedDay d : report.projection()) {
      rows.put(d.date() + "|3", String.format(Locale.ROOT, "%s,projected,%.4f,%.4f,%.4f,,,", d.date(), d.pointPerSecond(),
          d.lowerPerSecond(), d.upperPerSecond()));
    }
    return "date,kind,peakRatePerSecond,lowerPerSecond,upperPerSecond,windowStart,missingSlots,skippedReason\n"
        + String.join("\n", rows.values()) + "\n";
  }

  private static String text(Integer value) {
    return value == null ? "" : value.toString();
  }

  private static String html(CapacityReport report, List<ProbeStepCheck> probeSteps, RunMetadata metadata)
      throws IOException {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("report", report);
    context.put("metadata", metadata);
    context.put("probeSteps", probeSteps);
    return ReportWriter.renderChartPage("capacity.peb", context, Chart.of(report, probeSteps));
  }

  /**
   * The series of the capacity page's charts.
   *
   * @param runway the runway chart's daily series
   * @param usl the probe's points and the USL curve; null without probe steps
   */
  record Chart(RunwaySeries runway, ChartData.UslSeries usl) {

    static Chart of(CapacityReport report, List<ProbeStepCheck> probeSteps) {
      return new Chart(RunwaySeries.of(report), probeSteps.isEmpty() ? null : ChartData.UslSeries.of(probeSteps, usl(report)));
    }

    private static CalibrationSummary.Usl usl(CapacityReport r) {
      return new CalibrationSummary.Usl(r.uslSigma() != null, r.uslNotFittedReason(), r.uslPoints() == null ? 0
          : r.uslPoints(), r.uslSigma(), r.uslKappa(), r.uslLambda(), r.uslKappaFixedAtZero(), null, null, null);
    }
  }
}
