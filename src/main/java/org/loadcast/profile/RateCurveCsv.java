package org.loadcast.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the points of a {@link RateCurve} as CSV with the header {@code
 * atSeconds,ratePerSecond}, one point per line.
 */
public final class RateCurveCsv {
  /** The header line every curve file starts with. */
  public static final String HEADER = "atSeconds,ratePerSecond";
  private static final int MAX_PROBLEMS = 20;
  private static final Pattern POINT_INDEX = Pattern.compile("^points\\[(\\d+)]\\.(\\w+)(.*)$", Pattern.DOTALL);

  private RateCurveCsv() {}

  /**
   * Reads a curve file.
   *
   * @param file the CSV file, plain or gzipped (recognised by its magic bytes, RFC 1952), as
   *     {@code loadcast k8s} writes a big curve into a ConfigMap
   * @param interpolation how the curve fills the time between points
   * @param missing unobserved ranges of the curve
   * @return the curve
   * @throws InputException with {@code file:line:column} for each bad line (up to 20), or when the
   *     points break a rule of {@link RateCurve#of}
   */
  public static RateCurve read(Path file, Interpolation interpolation, List<TimeRange> missing) {
    List<InputProblem> problems = new ArrayList<>();
    double[][] points = parse(file, problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    try {
      return RateCurve.of(points[0], points[1], interpolation, missing);
    } catch (IllegalArgumentException e) {
      if (!POINT_INDEX.matcher(e.getMessage()).matches()) {
        throw e; // a rule about the missing ranges, which the YAML gives: the caller locates it there
      }
      throw new InputException(locate(file, e.getMessage(), points[2]));
    }
  }

  /** Returns {atSeconds, ratePerSecond, column of each rate} parsed from the file. */
  private static double[][] parse(Path file, List<InputProblem> problems) {
    double[] at = new double[1024];
    double[] rate = new double[1024];
    double[] rateColumn = new double[1024];
    int n = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(TrafficSources.decompressed(Files.newInputStream(file)),
        StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.strip().equals(HEADER)) {
        problems.add(new InputProblem(file.toString(), 1, 1,
            "the header must be '" + HEADER + "', but was " + (header == null ? "missing (empty file)" : "'" + header + "'")));
        return new double[][] {new double[0], new double[0], new double[0]};
      }
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null && problems.size() < MAX_PROBLEMS) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (n == at.length) {
          at = Arrays.copyOf(at, n * 2);
          rate = Arrays.copyOf(rate, n * 2);
          rateColumn = Arrays.copyOf(rateColumn, n * 2);
        }
        if (parseLine(file, line, lineNumber, problems, at, rate, n)) {
          rateColumn[n] = line.indexOf(',') + 2;
          n++;
        }
      }
    } catch (IOException e) {
      problems.add(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
    return new double[][] {Arrays.copyOf(at, n), Arrays.copyOf(rate, n), Arrays.copyOf(rateColumn, n)};
  }

  private static boolean parseLine(
      Path file, String line, int lineNumber, List<InputProblem> problems, double[] at, double[] rate, int n) {
    int comma = line.indexOf(',');
    if (comma < 0 || line.indexOf(',', comma + 1) >= 0) {
      problems.add(new InputProblem(file.toString(), lineNumber, 1,
          "a line must hold two numbers, atSeconds,ratePerSecond, but was '" + line + "'"));
      return false;
    }
    Double a = number(file, line.substring(0, comma), lineNumber, 1, "atSeconds", problems);
    Double r = number(file, line.substring(comma + 1), lineNumber, comma + 2, "ratePerSecond", problems);
    if (a == null || r == null) {
      return false;
    }
    at[n] = a;
    rate[n] = r;
    return true;
  }

  private static Double number(Path file, String text, int line, int column, String field, List<InputProblem> problems) {
    try {
      return Double.valueOf(text.strip());
    } catch (NumberFormatException e) {
      problems.add(new InputProblem(file.toString(), line, column, field + " must be a number, but was '" + text + "'"));
      return null;
    }
  }

  private static InputProblem locate(Path file, String message, double[] rateColumns) {
    Matcher m = POINT_INDEX.matcher(message);
    m.matches();
    int index = Integer.parseInt(m.group(1));
    int line = index + 2;
    int column = m.group(2).equals("ratePerSecond") ? (int) rateColumns[index] : 1;
    String rest = m.group(3).replaceAll("points\\[(\\d+)]\\.atSeconds", "the previous line's atSeconds");
    return new InputProblem(file.toString(), line, column, m.group(2) + rest);
  }

  /**
   * Writes the points of a curve.
   *
   * @param curve the curve
   * @param out where to write; not closed
   * @throws IOException if writing fails
   */
  public static void write(RateCurve curve, Writer out) throws IOException {
    out.write(HEADER);
    out.write('\n');
    for (int i = 0; i < curve.pointCount(); i++) {
      out.write(plain(curve.atSeconds(i)));
      out.write(',');
      out.write(plain(curve.ratePerSecond(i)));
      out.write('\n');
    }
  }

  /** Returns the shortest decimal that reads back as the same double, without an exponent. */
  static String plain(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString();
  }
}
