package org.loadcast.profile;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads historical traffic: access logs, count series, CSV and Prometheus rate series, plain or
 * gzipped, into a {@link TrafficSeries} with its {@link DataQuality}.
 *
 * <p>Text is read as {@link TextLines} say: LF or CRLF line ends, a UTF-8 byte order mark dropped,
 * lines longer than {@link TextLines#MAX_LINE_BYTES} left out without being held, bytes that are not
 * UTF-8 counted and read as U+FFFD (a Prometheus response, JSON, must be UTF-8: RFC 8259 section 8.1).
 * A gzip stream that ends early or is corrupt is an error at the line where its bytes stop, never a
 * shorter input: the lines after it are lost, and a result without them would be wrong unnoticed.
 */
public final class TrafficSources {
  private static final int SNIFF_LINES = 5;
  private static final int SNIFF_BYTES = 1 << 20;

  private TrafficSources() {}

  /**
   * A series as read, and the format it was read as.
   *
   * @param format the format given or detected
   * @param series the series with its data quality
   */
  public record SeriesRead(TrafficFormat format, TrafficSeries series) {
    /** Validates the record. */
    public SeriesRead {
      if (format == null || series == null) {
        throw new IllegalArgumentException("format and series are required");
      }
    }
  }

  /**
   * Reads a traffic input in one pass, in memory bounded by the span in steps, not by its size.
   *
   * <p>A gzipped input is recognised by its magic bytes ({@code 1f 8b}, RFC 1952), not its name.
   * Without a format, it is detected from the first non-empty lines ({@link TrafficFormat#detect}).
   * The text is UTF-8; lines end in LF or CRLF.
   *
   * @param in the input, positioned at its start; not closed
   * @param source the input's name for messages, such as its path as the user wrote it
   * @param format the format, or empty to detect it
   * @param options what the content does not say
   * @param requests receives each parsed request of an access log, in file order, during the same
   *     pass; null when not wanted
   * @return the format and the series
   * @throws InputException when the input cannot be read, its format cannot be told, it holds no
   *     usable data, or it lacks an option it needs (such as {@code --start} for counts)
   */
  public static SeriesRead readSeries(InputStream in, String source, Optional<TrafficFormat> format,
      TrafficReadOptions options, Consumer<? super AccessLogEntry> requests) {
    try {
      InputStream bytes = decompressed(in, source);
      if (format.isPresent()) {
        return new SeriesRead(format.get(), format.get().read(bytes, source, options, requests));
      }
      byte[] head = new byte[SNIFF_BYTES];
      int n = readHead(bytes, head, source);
      TrafficFormat chosen = detect(head, n, source);
      InputStream unclosed = new FilterInputStream(bytes) {
        @Override
        public void close() {
          // SequenceInputStream closes each stream it reaches the end of; the caller owns this one
        }
      };
      return new SeriesRead(chosen, chosen.read(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), unclosed), source,
          options, requests));
    } catch (IOException e) {
      throw new InputException(new InputProblem(source, 0, 0, TextLines.readError(e)));
    }
  }

  /**
   * Tells the format of an input from its first lines, reading no more of it than that.
   *
   * @param in the input, plain or gzipped; left unclosed
   * @param source the input's name, for problems
   * @return the format
   * @throws InputException when the input cannot be read or its format cannot be told
   */
  public static TrafficFormat detectFormat(InputStream in, String source) {
    try {
      byte[] head = new byte[SNIFF_BYTES];
      return detect(head, readHead(decompressed(in, source), head, source), source);
    } catch (IOException e) {
      throw new InputException(new InputProblem(source, 0, 0, TextLines.readError(e)));
    }
  }

  /** Returns the stream, gunzipped when it starts with the gzip magic bytes ({@code 1f 8b}, RFC 1952). */
  static InputStream decompressed(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
  }

  /** Returns {@link #decompressed(InputStream)}; a gzip header cut short or corrupt is a problem at line 1. */
  private static InputStream decompressed(InputStream in, String source) throws IOException {
    try {
      return decompressed(in);
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      throw new InputException(new InputProblem(source, 1, 1, TextLines.readError(e) + " in its header, before line 1; "
          + "nothing was derived"));
    }
  }

  /**
   * Reads up to {@code head.length} bytes and returns how many; a read error among them is reported
   * at the line where the bytes stop, as the reading proper would.
   */
  private static int readHead(InputStream in, byte[] head, String source) {
    int n = 0;
    try {
      for (int read = 0; read >= 0 && n < head.length; n += Math.max(read, 0)) {
        read = in.read(head, n, head.length - n);
      }
      return n;
    } catch (IOException e) {
      InputStream failing = new InputStream() {
        @Override
        public int read() throws IOException {
          throw e;
        }
      };
      TextLines lines = new TextLines(new SequenceInputStream(new ByteArrayInputStream(head, 0, n), failing), source);
      while (lines.next()) {
        continue; // throws the problem at the line where the bytes stop
      }
      throw new InputException(new InputProblem(source, 0, 0, TextLines.readError(e)));
    }
  }

  /** Tells the format from the first up to {@link #SNIFF_LINES} non-blank lines of the head of an input. */
  private static TrafficFormat detect(byte[] head, int length, String source) {
    int n = length;
    int first = n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF ? 3 : 0;
    while (first < n && Character.isWhitespace(head[first])) {
      first++;
    }
    if (first < n && head[first] == '{') {
      return new TrafficFormat.Prometheus(); // one JSON line can be longer than any look-ahead
    }
    if (n == head.length) {
      while (n > 0 && head[n - 1] != '\n') {
        n--; // the last line may be cut short by the look-ahead
      }
    }
    TextLines lines = new TextLines(new ByteArrayInputStream(head, 0, n), source);
    List<String> firstLines = new ArrayList<>();
    long firstLine = 0;
    while (firstLines.size() < SNIFF_LINES && lines.next()) {
      if (!lines.line().isBlank()) {
        firstLine = firstLine == 0 ? lines.number() : firstLine;
        firstLines.add(lines.line());
      } else if (lines.tooLong() && firstLine == 0) {
        firstLine = lines.number();
      }
    }
    if (firstLines.isEmpty() && firstLine == 0) {
      throw new InputException(new InputProblem(source, 0, 0, "the input is empty"));
    }
    String shown = lines.firstNonUtf8Line() > 0
        ? ": line " + lines.firstNonUtf8Line() + " holds bytes that are not UTF-8 text, at column " + lines.firstNonUtf8Column()
            + ", as a binary file does"
        : " (line " + firstLine + " is " + (firstLines.isEmpty() ? "longer than " + TextLines.MAX_LINE_BYTES + " bytes"
            : TextLines.quoted(firstLines.get(0))) + ")";
    long at = lines.firstNonUtf8Line() > 0 ? lines.firstNonUtf8Line() : firstLine;
    int column = lines.firstNonUtf8Line() > 0 ? lines.firstNonUtf8Column() : 1;
    return TrafficFormat.detect(firstLines).orElseThrow(() -> new InputException(new InputProblem(source,
        (int) Math.min(Integer.MAX_VALUE, at), column, "cannot tell the format from the first lines" + shown
            + "; give --format, one of " + TrafficFormat.NAMES)));
  }

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
   * @param file the file, plain or gzipped (recognised by its magic bytes)
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
   * Reads an access log in the Common or Combined Log Format, holding every entry in memory: for
   * small logs and tests. Large logs go through {@link #readSeries} with a consumer.
   *
   * @param file the log, plain or gzipped (recognised by its magic bytes)
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
    return new BufferedReader(new InputStreamReader(decompressed(Files.newInputStream(file)), StandardCharsets.UTF_8), 1 << 16);
  }
}
