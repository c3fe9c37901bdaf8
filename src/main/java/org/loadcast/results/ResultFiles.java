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
import org.loadcast.profile.InputException;
import org.loadcast.profile.TrafficProfiles;

/**
 * Writes a load test's results: {@code per-second.csv} and {@code latency.hlog}, an HdrHistogram
 * interval log with one interval per second and request name, tagged with the URL-encoded name.
 * Files are written to a temporary file and moved into place. Reads both back ({@link #read}), and
 * the log alone for the simulator's empirical service times ({@link #readLatencyMicros}).
 */
public final class ResultFiles {
  /** The header of {@code per-second.csv}. */
  public static final String PER_SECOND_HEADER =
      "second,phase,started,completed,failed,meanConcurrency,p50LatencyMillis,p95LatencyMillis,p99LatencyMillis";

  /** The name of the per-second file in a results directory. */
  public static final String PER_SECOND_FILE = "per-second.csv";
  /** The name of the latency log in a results directory. */
  public static final String LATENCY_LOG_FILE = "latency.hlog";

  private ResultFiles() {}

  /**
   * Reads a results directory back: {@code per-second.csv} and {@code latency.hlog}, as {@link
   * #write} wrote them, into the seconds it was given.
   *
   * <p>What comes back: each second's number, phase, started, completed and failed counts exactly;
   * its latency histograms per request name exactly (counts per bucket, 3 significant digits, as
   * recorded); its mean concurrency to the 4 decimals the CSV holds. What does not: the completions
   * per HTTP status ({@link SecondResult#statusCounts} is empty; only the failed count is known),
   * and the histograms' timestamps and tags, which the log uses to place them. The CSV's p50, p95
   * and p99 columns are not read as data but checked against the log, so that two files from
   * different runs are refused.
   *
   * @param directory a load test's results directory, such as {@code reports/<run>/results}
   * @return the seconds from 0, in order; empty for a CSV with only its header
   * @throws InputException if a file is missing (named), the CSV's header differs, a row is
   *     malformed (a field that is not a whole number, a phase, a decimal; seconds out of order;
   *     more failed than completed), a log interval is malformed or outside the CSV's seconds, or a
   *     row's percentiles differ from the log's: each as {@code file:line:column: field must be
   *     ..., but was '...'}, up to 20, in file order
   * @throws java.io.UncheckedIOException if a file cannot be read
   */
  public static List<SecondResult> read(Path directory) {
    return ResultFileReader.read(directory);
  }

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
    writeAtomically(directory.resolve(PER_SECOND_FILE), perSecondCsv(seconds));
    writeAtomically(directory.resolve(LATENCY_LOG_FILE), histogramLog(seconds, startEpochMillis));
  }

  /** Returns the per-second CSV text. */
  public static String perSecondCsv(List<SecondResult> seconds) {
    return PER_SECOND_HEADER + '\n' + perSecondRows(seconds);
  }

  /**
   * Returns the rows of the per-second CSV without its header, one line per second: {@link
   * #perSecondCsv} is the header followed by these, so rows rendered in pieces concatenate to the file.
   */
  public static String perSecondRows(List<SecondResult> seconds) {
    StringBuilder csv = new StringBuilder();
    for (SecondResult s : seconds) {
      String[] p = percentileFields(s);
      csv.append(String.format(Locale.ROOT, "%d,%s,%d,%d,%d,%.4f,%s,%s,%s%n", s.second(), s.phase().fileName(),
          s.started(), s.completed(), s.failed(), s.meanConcurrency(), p[0], p[1], p[2]));
    }
    return csv.toString();
  }

  /** Returns a second's p50, p95 and p99 latency as the CSV writes them: milliseconds, 3 decimals, or empty. */
  static String[] percentileFields(SecondResult s) {
    Histogram all = s.allLatencyMicros();
    boolean any = all.getTotalCount() > 0;
    return new String[] {millis(any, all, 50), millis(any, all, 95), millis(any, all, 99)};
  }

  private static String millis(boolean any, Histogram h, double percentile) {
    return any ? String.format(Locale.ROOT, "%.3f", h.getValueAtPercentile(percentile) / 1000.0) : "";
  }

  /**
   * Returns the HdrHistogram interval log: for each second and request name, the latencies in
   * microseconds of the requests started in that second.
   */
  public static String histogramLog(List<SecondResult> seconds, long startEpochMillis) {
    return histogramLogHeader(startEpochMillis) + histogramLogIntervals(seconds, startEpochMillis);
  }

  /** Returns the head of {@link #histogramLog}: its comment, format version, start time and legend. */
  public static String histogramLogHeader(long startEpochMillis) {
    return logText(startEpochMillis, writer -> {
      writer.outputComment("Loadcast load-test latencies in microseconds, per second and request name (tag, URL-encoded)");
      writer.outputLogFormatVersion();
      writer.outputStartTime(startEpochMillis);
      writer.outputLegend();
    });
  }

  /**
   * Returns the interval lines of {@link #histogramLog} for some seconds, without the head: the log is
   * the head followed by these, so intervals rendered in pieces concatenate to the file.
   */
  public static String histogramLogIntervals(List<SecondResult> seconds, long startEpochMillis) {
    return logText(startEpochMillis, writer -> {
      for (SecondResult s : seconds) {
        for (Map.Entry<String, Histogram> e : s.latencyMicros().entrySet()) {
          Histogram h = e.getValue().copy();
          h.setStartTimeStamp(startEpochMillis + 1000L * s.second());
          h.setEndTimeStamp(startEpochMillis + 1000L * (s.second() + 1));
          h.setTag(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8));
          writer.outputIntervalHistogram(h);
        }
      }
    });
  }

  private static String logText(long baseEpochMillis, java.util.function.Consumer<HistogramLogWriter> lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.setBaseTime(baseEpochMillis);
      lines.accept(writer);
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
   * Writes files already rendered in memory, each through {@link #writeAtomically}, creating the
   * directories they need: a writer renders every file first, so that a rendering error writes
   * none, and no reader ever sees a half-written one.
   *
   * @param directory the directory the names are relative to
   * @param files relative file name to text, written in the map's order
   * @throws IOException if a directory cannot be created or a file written
   */
  public static void writeAllAtomically(Path directory, java.util.Map<String, String> files) throws IOException {
    for (java.util.Map.Entry<String, String> file : files.entrySet()) {
      Path target = directory.resolve(file.getKey());
      Files.createDirectories(target.toAbsolutePath().getParent());
      writeAtomically(target, file.getValue());
    }
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
