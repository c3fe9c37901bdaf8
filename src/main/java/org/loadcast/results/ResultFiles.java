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
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;
import org.loadcast.profile.TrafficProfiles;

/**
 * Writes a load test's results: {@code per-second.csv} and {@code latency.hlog}, an HdrHistogram
 * interval log with one interval per second and request name, tagged with the URL-encoded name.
 * Files are written to a temporary file and moved into place. Reads the log back for the
 * simulator's empirical service times ({@link #readLatencyMicros}).
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
   * Reads an HdrHistogram interval log, such as {@code latency.hlog}, and adds up its intervals.
   *
   * @param log the log file; its values are taken to be microseconds, as {@link #histogramLog} writes
   * @param tag only intervals with this tag, given as written before URL-encoding (a request name of
   *     the load test); null for every interval
   * @return the sum of the intervals read, {@link LoadTestRecorder#SIGNIFICANT_DIGITS} significant
   *     digits, auto-resizing
   * @throws IllegalArgumentException if no interval has recorded values (or none has the tag); the
   *     message lists the tags the log has
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Histogram readLatencyMicros(Path log, String tag) {
    Histogram sum = new Histogram(LoadTestRecorder.SIGNIFICANT_DIGITS);
    java.util.SortedSet<String> tags = new java.util.TreeSet<>();
    try (HistogramLogReader reader = new HistogramLogReader(log.toFile())) {
      while (reader.hasNext()) {
        EncodableHistogram interval = reader.nextIntervalHistogram();
        if (interval == null) {
          break;
        }
        String name = interval.getTag() == null ? null : java.net.URLDecoder.decode(interval.getTag(), StandardCharsets.UTF_8);
        if (name != null) {
          tags.add(name);
        }
        if (interval instanceof Histogram h && (tag == null || tag.equals(name))) {
          sum.add(h);
        }
      }
    } catch (java.io.FileNotFoundException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (sum.getTotalCount() == 0) {
      throw new IllegalArgumentException("has no recorded latency" + (tag == null ? "" : " tagged '" + tag + "'")
          + (tags.isEmpty() ? "" : "; its tags are " + String.join(", ", tags)));
    }
    return sum;
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
