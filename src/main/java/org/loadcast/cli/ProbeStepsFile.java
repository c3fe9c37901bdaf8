package org.loadcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Reads {@code results/probe-steps.csv}, the probe steps a load test wrote ({@link
 * LoadTestPipeline}), back into {@link ProbeStepCheck}s.
 *
 * <p>The file has the header {@value #HEADER} and one row per step. Numbers are plain decimals
 * (Locale.ROOT); an empty number is NaN; the three flags are {@code true} or {@code false}. Percent
 * columns become fractions ({@code failedPercent / 100}, {@code littleDiscrepancyPercent / 100}).
 *
 * <p>Stateless and thread-safe.
 */
final class ProbeStepsFile {
  /** The file name inside a run's results directory. */
  static final String NAME = "probe-steps.csv";
  /** The header line the load test writes. */
  static final String HEADER = "offeredRatePerSecond,throughputPerSecond,failedPercent,meanConcurrency,"
      + "meanLatencyMillis,p50LatencyMillis,p95LatencyMillis,p99LatencyMillis,littleDiscrepancyPercent,saturated,"
      + "measurementProblem,failing";
  private static final String[] COLUMNS = HEADER.split(",");
  private static final int FLAGS_FROM = 9;
  private static final int MAX_PROBLEMS = 20;

  private ProbeStepsFile() {}

  /**
   * Reads the probe steps of a load test's results directory.
   *
   * @param resultsDirectory the directory, such as {@code reports/<run>/results}
   * @return the steps in file order; empty for a file with only the header
   * @throws InputException if the directory or the file is missing, the header differs, or a row is
   *     malformed: each problem as {@code file:line:column: column must be ..., but was '...'}, up to
   *     20, in file order
   * @throws UncheckedIOException if the file cannot be read
   */
  static List<ProbeStepCheck> read(Path resultsDirectory) {
    if (!Files.isDirectory(resultsDirectory)) {
      throw new InputException(new InputProblem("loadcast capacity", 0, 0, "--results must name a load test's results "
          + "directory (reports/<run>/results), but '" + resultsDirectory + "' "
          + (Files.exists(resultsDirectory) ? "is a file" : "does not exist")));
    }
    Path file = resultsDirectory.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      throw new InputException(new InputProblem("loadcast capacity", 0, 0, "--results must name a load test's results "
          + "directory holding " + NAME + ", but '" + resultsDirectory + "' has no " + NAME));
    }
    try {
      return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses the lines of a probe-steps file.
   *
   * @param name the file's name in error messages
   * @param lines its lines, the header first
   * @return the steps in order
   * @throws InputException as {@link #read} says
   */
  static List<ProbeStepCheck> parse(String name, List<String> lines) {
    List<InputProblem> problems = new ArrayList<>();
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new InputException(new InputProblem(name, 1, 1, "the header must be '" + HEADER + "', but was '"
          + (lines.isEmpty() ? "" : lines.get(0)) + "'"));
    }
    List<ProbeStepCheck> steps = new ArrayList<>();
    for (int i = 1; i < lines.size() && problems.size() < MAX_PROBLEMS; i++) {
      if (!lines.get(i).isBlank()) {
        ProbeStepCheck step = row(name, i + 1, lines.get(i), problems);
        if (step != null) {
          steps.add(step);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return steps;
  }

  private static ProbeStepCheck row(String name, int line, String text, List<InputProblem> problems) {
    String[] fields = text.split(",", -1);
    if (fields.length != COLUMNS.length) {
      problems.add(new InputProblem(name, line, 1, String.format(Locale.ROOT, "a row must have %d fields (%s), but had %d",
          COLUMNS.length, HEADER, fields.length)));
      return null;
    }
    double[] numbers = new double[FLAGS_FROM];
    boolean[] flags = new boolean[COLUMNS.length - FLAGS_FROM];
    int before = problems.size();
    int column = 1;
    for (int c = 0; c < fields.length; c++) {
      String field = fields[c].strip();
      String problem = c < FLAGS_FROM ? numberProblem(field) : flagProblem(field);
      if (problem != null) {
        problems.add(new InputProblem(name, line, column, COLUMNS[c] + " must be " + problem + ", but was '" + field + "'"));
      } else if (c < FLAGS_FROM) {
        numbers[c] = field.isEmpty() ? Double.NaN : Double.parseDouble(field);
      } else {
        flags[c - FLAGS_FROM] = field.equals("true");
      }
      column += fields[c].length() + 1;
    }
    if (problems.size() > before) {
      return null;
    }
    return new ProbeStepCheck(numbers[0], numbers[1], numbers[2] / 100, numbers[3], numbers[4], numbers[5], numbers[6],
        numbers[7], numbers[8] / 100, flags[0], flags[1], flags[2]);
  }

  /** Returns what a number field must be when it is not one, else null; empty is NaN and allowed. */
  private static String numberProblem(String field) {
    if (field.isEmpty()) {
      return null;
    }
    try {
      double value = Double.parseDouble(field);
      return Double.isFinite(value) && !field.matches(".*[^0-9.eE+-].*") ? null : "a finite decimal number or empty";
    } catch (NumberFormatException e) {
      return "a finite decimal number or empty";
    }
  }

  private static String flagProblem(String field) {
    return field.equals("true") || field.equals("false") ? null : "true or false";
  }
}
