package org.loadcast.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.loadcast.profile.TrafficProfiles;

/**
 * Writes a load test's results: {@code per-second.csv} and {@code latency.hlog}, an HdrHistogram
 * interval log with one interval per second and request name, tagged with the URL-encoded name.
 * Files are written to a temporary file and moved into place.
 */
public final class ResultFiles {
  /** The header of {@code per-second.csv}. */
  public static final String PER_SECOND_HEADER =
      "second,phase,started,completed,failed,meanConcurrency,p50LatencyMillis,p95LatencyMillis,p99LatencyMillis";

  private ResultFiles() {}

  /**
   * Writes both files into a directory.
   *
   * @param directory the results directory; created if absent
   * @param seconds the load test's seconds, from 0
   * @param startEpochMillis wall-clock time of second 0, for the log's timestamps
   * @throws IOException if writing fails
   */
  public static void write(Path directory, List<SecondResult> seconds, long startEpochMillis) throws IOException {
    Files.createDirectories(directory);
    writeAtomically(directory.resolve("per-second.csv"), perSecondCsv(seconds));
    writeAtomically(directory.resolve("latency.hlog"), histogramLog(seconds, startEpochMillis));
  }

  /** Returns the per-second CSV text. */
  public static String perSecondCsv(List<SecondResult> seconds) {
    StringBuilder csv = new StringBuilder(PER_SECOND_HEADER).append('\n');
    for (SecondResult s : seconds) {
      Histogram all = s.allLatencyMicros();
      boolean any = all.getTotalCount() > 0;
      csv.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%.4f,%s,%s,%s%n", s.second(), s.phase().fileName(),
          s.started(), s.completed(), s.failed(), s.meanConcurrency(), millis(any, all, 50), millis(any, all, 95),
          millis(any, all, 99)));
    }
    return csv.toString();
  }

  private static String millis(boolean any, Histogram h, double percentile) {
    return any ? String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(percentile) / 1000.0) : "";
  }

  /**
   * Returns the HdrHistogram interval log: for each second and request name, the latencies in
   * microseconds of the requests started in that second.
   */
  public static String histogramLog(List<SecondResult> seconds, long startEpochMillis) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputComment("Loadcast load-test latencies in microseconds, per second and request name (tag, URL-encoded)");
      writer.outputLogFormatVersion();
      writer.outputStartTime(startEpochMillis);
      writer.setBaseTime(startEpochMillis);
      writer.outputLegend();
      for (SecondResult s : seconds) {
        for (Map.Entry<String, Histogram> e : s.latencyMicros().entrySet()) {
          Histogram h = e.getValue().copy();
          h.setStartTimeStamp(startEpochMillis + 1000L * s.second());
          h.setEndTimeStamp(startEpochMillis + 1000L * (s.second() + 1));
          h.setTag(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8));
          writer.outputIntervalHistogram(h);
        }
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes text through a temporary file in the same directory and an atomic move, as {@link
   * TrafficProfiles#writeAtomically} does.
   *
   * @throws IOException if writing or moving fails
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    TrafficProfiles.writeAtomically(file, text);
  }
}
