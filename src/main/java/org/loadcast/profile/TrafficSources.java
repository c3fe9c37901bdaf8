package org.loadcast.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads historical traffic files: per-second count series and access logs, plain or gzipped. */
public final class TrafficSources {
  private TrafficSources() {}

  /**
   * An access log as read: the entries that parsed, and the lines that did not.
   *
   * @param entries the parsed entries, in file order
   * @param skippedLines the 1-based numbers of lines that did not match the format, in file order
   */
  public record AccessLog(List<AccessLogEntry> entries, List<Integer> skippedLines) {
    /** Copies the lists. */
    public AccessLog {
      entries = List.copyOf(entries);
      skippedLines = List.copyOf(skippedLines);
    }
  }

  /**
   * Reads a series of one non-negative whole number per line: requests in consecutive seconds.
   *
   * @param file the file; gzipped when its name ends in {@code .gz}
   * @return the counts, in file order
   * @throws InputException at {@code file:line:1} for a line that is not a whole number {@code >= 0}
   *     (up to 20), or when the file cannot be read or holds no value
   */
  public static int[] readCountsPerSecond(Path file) {
    List<InputProblem> problems = new ArrayList<>();
    int[] counts = new int[1 << 16];
    int n = 0;
    try (BufferedReader reader = open(file)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null && problems.size() < 20) {
        lineNumber++;
        if (n == counts.length) {
          counts = Arrays.copyOf(counts, n * 2);
        }
        try {
          counts[n] = Integer.parseInt(line.strip());
          if (counts[n] < 0) {
            throw new NumberFormatException();
          }
          n++;
        } catch (NumberFormatException e) {
          problems.add(new InputProblem(file.toString(), lineNumber, 1,
              "each line must hold a whole number of requests >= 0, but was '" + line + "'"));
        }
      }
    } catch (IOException e) {
      problems.add(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
    if (problems.isEmpty() && n == 0) {
      problems.add(new InputProblem(file.toString(), 0, 0, "the series holds no value"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    return Arrays.copyOf(counts, n);
  }

  /**
   * Reads an access log in the Common or Combined Log Format.
   *
   * @param file the log; gzipped when its name ends in {@code .gz}
   * @return the entries and the numbers of the lines that did not parse
   * @throws InputException when the file cannot be read or no line parses
   */
  public static AccessLog readAccessLog(Path file) {
    List<AccessLogEntry> entries = new ArrayList<>();
    List<Integer> skipped = new ArrayList<>();
    try (BufferedReader reader = open(file)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        int number = lineNumber;
        AccessLogEntry.parse(line).ifPresentOrElse(entries::add, () -> skipped.add(number));
      }
    } catch (IOException e) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
    if (entries.isEmpty()) {
      throw new InputException(new InputProblem(file.toString(), skipped.isEmpty() ? 0 : skipped.get(0), 1,
          "no line is in the Common or Combined Log Format"));
    }
    return new AccessLog(entries, skipped);
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
  }
}
