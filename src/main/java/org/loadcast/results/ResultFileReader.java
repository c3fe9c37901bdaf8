package org.loadcast.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Reads a results directory back, as {@link ResultFiles#read} describes. Collects every problem,
 * up to {@link #MAX_PROBLEMS}, with its file, line and column. Stateless and thread-safe.
 */
final class ResultFileReader {
  /** Problems reported at most, in file order. */
  static final int MAX_PROBLEMS = 20;
  private static final String[] COLUMNS = ResultFiles.PER_SECOND_HEADER.split(",");
  private static final int P50_COLUMN = 6;

  private ResultFileReader() {}

  /** One row of per-second.csv as read, with where each field starts. */
  private record Row(int line, int[] columns, String[] fields, int second, Phase phase, long started, long completed,
      long failed, double meanConcurrency) {}

  static List<SecondResult> read(Path directory) {
    Path csv = directory.resolve(ResultFiles.PER_SECOND_FILE);
    Path log = directory.resolve(ResultFiles.LATENCY_LOG_FILE);
    for (Path file : List.of(csv, log)) {
      if (!Files.isRegularFile(file)) {
        throw new InputException(new InputProblem(file.toString(), 0, 0, "a load test's results directory must hold "
            + file.getFileName() + ", but '" + directory + "' has none"));
      }
    }
    List<InputProblem> problems = new ArrayList<>();
    List<Row> rows = rows(csv.toString(), lines(csv), problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    List<TreeMap<String, Histogram>> latency = new ArrayList<>();
    rows.forEach(r -> latency.add(new TreeMap<>()));
    intervals(log.toString(), lines(log), latency, problems);
    List<SecondResult> seconds = new ArrayList<>();
    for (int i = 0; i < rows.size() && problems.isEmpty(); i++) {
      Row r = rows.get(i);
      SecondResult s = new SecondResult(r.second(), r.phase(), r.started(), r.completed(), r.failed(),
          r.meanConcurrency(), new TreeMap<>(), latency.get(i));
      checkPercentiles(csv.toString(), r, s, problems);
      seconds.add(s);
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
    }
    return seconds;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses per-second.csv; its seconds must run 0, 1, 2, ... in order. */
  static List<Row> rows(String name, List<String> lines, List<InputProblem> problems) {
    if (lines.isEmpty() || !lines.get(0).equals(ResultFiles.PER_SECOND_HEADER)) {
      problems.add(new InputProblem(name, 1, 1, "the header must be '" + ResultFiles.PER_SECOND_HEADER + "', but was '"
          + (lines.isEmpty() ? "" : lines.get(0)) + "'"));
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
      Row row = row(name, i + 1, lines.get(i), i - 1, problems);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static Row row(String name, int line, String text, int expectedSecond, List<InputProblem> problems) {
    String[] f = text.split(",", -1);
    if (f.length != COLUMNS.length) {
      problems.add(new InputProblem(name, line, 1, String.format(Locale.ROOT, "a row must have %d fields (%s), but had %d",
          COLUMNS.length, ResultFiles.PER_SECOND_HEADER, f.length)));
      return null;
    }
    int[] at = new int[f.length];
    for (int c = 1; c < f.length; c++) {
      at[c] = at[c - 1] + f[c - 1].length() + 1;
    }
    int before = problems.size();
    long second = count(name, line, at, f, 0, problems);
    if (problems.size() == before && second != expectedSecond) {
      problems.add(problem(name, line, at, 0, expectedSecond + " (the seconds run 0, 1, 2, ... in order)", f[0]));
    }
    Phase phase = phase(f[1]);
    if (phase == null) {
      problems.add(problem(name, line, at, 1, "warmup, probe or replay", f[1]));
    }
    long started = count(name, line, at, f, 2, problems);
    long completed = count(name, line, at, f, 3, problems);
    long failed = count(name, line, at, f, 4, problems);
    if (problems.size() == before && failed > completed) {
      problems.add(problem(name, line, at, 4, "at most completed (" + completed + ")", f[4]));
    }
    double concurrency = decimal(f[5]);
    if (!(concurrency >= 0)) {
      problems.add(problem(name, line, at, 5, "a finite decimal number >= 0", f[5]));
    }
    return problems.size() > before ? null
        : new Row(line, at, f, (int) second, phase, started, completed, failed, concurrency);
  }

  private static long count(String name, int line, int[] at, String[] f, int c, List<InputProblem> problems) {
    if (f[c].matches("[0-9]{1,18}")) {
      return Long.parseLong(f[c]);
    }
    problems.add(problem(name, line, at, c, "a whole number >= 0", f[c]));
    return -1;
  }

  private static InputProblem problem(String name, int line, int[] at, int c, String rule, String value) {
    return new InputProblem(name, line, at[c] + 1, COLUMNS[c] + " must be " + rule + ", but was '" + value + "'");
  }

  private static Phase phase(String text) {
    for (Phase p : Phase.values()) {
      if (p.fileName().equals(text)) {
        return p;
      }
    }
    return null;
  }

  /** Returns a plain decimal's value, NaN when it is not one. */
  private static double decimal(String text) {
    if (!text.matches("-?[0-9]+(\\.[0-9]+)?")) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  /**
   * Parses latency.hlog's intervals into one map per second of per-second.csv. Comment lines start
   * with {@code #}; the legend line with {@code "StartTimestamp"}. Each interval line is {@code
   * Tag=<URL-encoded name>,<start>,<length>,<max>,<compressed histogram>}, its start in whole seconds
   * from the log's base time, its length 1.
   */
  static void intervals(String name, List<String> lines, List<TreeMap<String, Histogram>> latency,
      List<InputProblem> problems) {
    for (int i = 0; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
      String text = lines.get(i);
      if (!text.isEmpty() && !text.startsWith("#") && !text.startsWith("\"StartTimestamp\"")) {
        interval(name, i + 1, text, latency, problems);
      }
    }
  }

  private static void interval(String name, int line, String text, List<TreeMap<String, Histogram>> latency,
      List<InputProblem> problems) {
    String[] f = text.split(",", -1);
    if (f.length != 5 || !f[0].startsWith("Tag=") || f[0].length() == 4) {
      problems.add(new InputProblem(name, line, 1, "an interval must be 'Tag=<request name>,<start seconds>,<length "
          + "seconds>,<max>,<histogram>', but was '" + abbreviated(text) + "'"));
      return;
    }
    int startColumn = f[0].length() + 2;
    double start = decimal(f[1]);
    if (!(start == Math.rint(start) && start >= 0 && start < latency.size())) {
      problems.add(new InputProblem(name, line, startColumn, String.format(Locale.ROOT, "an interval's start must be a "
          + "whole second of per-second.csv, 0 to %d, but was '%s'", latency.size() - 1, f[1])));
      return;
    }
    if (decimal(f[2]) != 1) {
      problems.add(new InputProblem(name, line, startColumn + f[1].length() + 1,
          "an interval's length must be 1 second, but was '" + f[2] + "'"));
      return;
    }
    Histogram h = histogram(f[4]);
    int histogramColumn = text.length() - f[4].length() + 1;
    if (h == null) {
      problems.add(new InputProblem(name, line, histogramColumn, "the histogram must be a base64 compressed "
          + "HdrHistogram, but was '" + abbreviated(f[4]) + "'"));
      return;
    }
    String tag = URLDecoder.decode(f[0].substring(4), StandardCharsets.UTF_8);
    Histogram sum = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    sum.add(h);
    if (latency.get((int) start).putIfAbsent(tag, sum) != null) {
      problems.add(new InputProblem(name, line, 1, "each second has one interval per request name, but second "
          + f[1] + " has '" + tag + "' twice"));
    }
  }

  private static Histogram histogram(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (RuntimeException | DataFormatException e) {
      return null;
    }
  }

  /** A row's p50, p95 and p99 must be the ones its second's histograms give: else the files are from two runs. */
  private static void checkPercentiles(String name, Row r, SecondResult s, List<InputProblem> problems) {
    String[] expected = ResultFiles.percentileFields(s);
    for (int c = 0; c < expected.length; c++) {
      String actual = r.fields()[P50_COLUMN + c];
      if (!actual.equals(expected[c])) {
        problems.add(new InputProblem(name, r.line(), r.columns()[P50_COLUMN + c] + 1, COLUMNS[P50_COLUMN + c]
            + " must be what latency.hlog gives for second " + r.second() + " ('" + expected[c] + "'), but was '"
            + actual + "': the two files do not come from the same load test"));
        return;
      }
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }
}
