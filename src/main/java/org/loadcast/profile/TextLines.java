package org.loadcast.profile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The lines of a UTF-8 text input, read from its bytes one line at a time, in memory bounded by
 * {@link #MAX_LINE_BYTES} whatever the input's size or the length of its lines.
 *
 * <p>Lines end in LF or CRLF (the CR is dropped); a last line without a terminator is a line. A UTF-8
 * byte order mark ({@code EF BB BF}) at the start of the input is dropped, so the first line parses
 * (Unicode 15, section 23.8). A line longer than {@link #MAX_LINE_BYTES} bytes is read over without
 * being held: {@link #tooLong()} is true and {@link #line()} is empty. Bytes that are not UTF-8 are
 * read as U+FFFD, as {@link java.nio.charset.CharsetDecoder} replaces them, and counted: {@link
 * #nonUtf8Lines()} and the position of the first such byte say where, so that a reader can warn.
 *
 * <p>A read error ends the reading with an {@link InputException} at the line and column where the
 * bytes stop: a gzip stream that ends early ({@link EOFException} from {@link
 * java.util.zip.GZIPInputStream}: a truncated file), corrupt gzip data ({@link ZipException}), or
 * another I/O error. The whole lines before it were returned; none of them is a result, since the
 * readers throw.
 *
 * <p>Mutable and not thread-safe: one per reading.
 */
final class TextLines {
  /** The longest line held, in bytes without the terminator: 1 MiB, far more than any log line. */
  static final int MAX_LINE_BYTES = 1 << 20;
  /** Why a line longer than {@link #MAX_LINE_BYTES} is left out. */
  static final String TOO_LONG = "the line is longer than " + MAX_LINE_BYTES + " bytes";

  private final InputStream in;
  private final String source;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] bytes = new byte[512];
  private int length;
  private boolean overlong;
  private long number;
  private String line = "";
  private long nonUtf8Lines;
  private long firstNonUtf8Line;
  private int firstNonUtf8Column;
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Reads lines from bytes.
   *
   * @param in the bytes, already decompressed; not closed
   * @param source the input's name, for problems
   */
  TextLines(InputStream in, String source) {
    this.in = in;
    this.source = source;
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the input
   * @throws InputException when the input cannot be read further, at the line and column where its
   *     bytes stop (see the type's documentation)
   */
  boolean next() {
    length = 0;
    overlong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        if (!any) {
          return false;
        }
        break;
      }
      any = true;
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      append(position, end);
      if (newline >= 0) {
        position = newline + 1;
        break;
      }
      position = limit;
    }
    number++;
    line = overlong ? "" : decode();
    return true;
  }

  /** Returns the current line without its terminator; empty for a line that is {@link #tooLong()}. */
  String line() {
    return line;
  }

  /** Returns the 1-based number of the current line. */
  long number() {
    return number;
  }

  /** Returns whether the current line was longer than {@link #MAX_LINE_BYTES} and read over. */
  boolean tooLong() {
    return overlong;
  }

  /** Returns how many lines so far held bytes that are not UTF-8. */
  long nonUtf8Lines() {
    return nonUtf8Lines;
  }

  /** Returns the 1-based line of the first byte that is not UTF-8, or 0 when none. */
  long firstNonUtf8Line() {
    return firstNonUtf8Line;
  }

  /** Returns the 1-based column (in characters) of the first byte that is not UTF-8, or 0 when none. */
  int firstNonUtf8Column() {
    return firstNonUtf8Column;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int from, int to) {
    int count = to - from;
    if (overlong || length + count > MAX_LINE_BYTES + 1) { // + 1: room for the CR of a CRLF
      overlong = true;
      return;
    }
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.min(MAX_LINE_BYTES + 1, Math.max(length + count, bytes.length * 2)));
    }
    System.arraycopy(buffer, from, bytes, length, count);
    length += count;
  }

  private boolean fill() {
    if (ended) {
      return false;
    }
    try {
      int read;
      do {
        read = in.read(buffer, 0, buffer.length);
      } while (read == 0);
      if (read < 0) {
        ended = true;
        return false;
      }
      position = 0;
      limit = read;
      return true;
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  private InputException unreadable(IOException e) {
    long lineNumber = number + 1;
    int column = 1;
    for (int i = 0; i < length; i++) {
      column += (bytes[i] & 0xC0) == 0x80 ? 0 : 1;
    }
    String where = length == 0 && !overlong
        ? "at the start of line " + lineNumber + ", after " + number + " whole line(s)"
        : "in line " + lineNumber + ", after " + number + " whole line(s)";
    return new InputException(new InputProblem(source, (int) Math.min(Integer.MAX_VALUE, lineNumber), overlong ? 1 : column,
        readError(e) + " " + where + "; nothing was derived"));
  }

  /** Returns what a read error means for a user: a truncated or corrupt gzip stream, or another I/O error. */
  static String readError(IOException e) {
    String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (e instanceof EOFException) {
      return "the gzip stream ends early (truncated" + detail + ")";
    }
    if (e instanceof ZipException) {
      return "the gzip data are corrupt (" + (e.getMessage() == null ? "no detail" : e.getMessage()) + ")";
    }
    return "cannot read the input (" + (e.getMessage() == null ? "no detail" : e.getMessage()) + ")";
  }

  private String decode() {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    int start = number == 1 && end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
    if (end - start > MAX_LINE_BYTES) {
      overlong = true;
      return "";
    }
    for (int i = start; i < end; i++) {
      if (bytes[i] < 0) {
        checkUtf8(start, end);
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
      }
    }
    return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1); // ASCII: the same characters, faster
  }

  private void checkUtf8(int start, int end) {
    ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
    CharBuffer output = CharBuffer.allocate(end - start);
    strict.reset();
    if (strict.decode(input, output, true).isError()) {
      nonUtf8Lines++;
      if (firstNonUtf8Line == 0) {
        firstNonUtf8Line = number;
        firstNonUtf8Column = output.position() + 1;
      }
    }
  }

  /**
   * Returns a line as a message can show it: between single quotes, at most 60 characters (then
   * {@code ...}), with quotes and backslashes escaped by a backslash and control and format characters
   * written in hexadecimal (escape, 0x1b, as backslash {@code x1b}), so that no byte of the input acts
   * on a terminal.
   *
   * @param text the text; not null
   * @return the quoted text
   */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = Math.min(text.length(), 60);
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
          || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.FORMAT) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > shown ? "'..." : "'").toString();
  }
}
