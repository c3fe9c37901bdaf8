package org.loadcast.profile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Parses lines of one {@link LogLineFormat} without regular expressions and, for the time, without
 * {@code java.time} on the hot path: the calendar day of the last line is cached, so a line costs a
 * few {@code indexOf} calls and digit arithmetic.
 *
 * <p><b>Leap seconds.</b> A time stamped {@code :60} in the last minute of an hour ({@code
 * 23:59:60 +0000}, or {@code 19:59:60 -0400} in a zone offset by whole hours) is a leap second, which
 * {@code java.time} does not represent. It is counted in the second before it, {@code :59}, as {@code
 * java.time.format.DateTimeFormatter#ISO_INSTANT} and {@code DateTimeFormatter#parsedLeapSecond()}
 * resolve {@code 23:59:60} (Java SE 17 API documentation); {@link #leapSecond()} tells the reader, so
 * that it can say so. A {@code :60} in any other minute is not a time: the line is malformed.
 *
 * <p>Mutable: after {@link #parse} returns true, the fields of the line are readable until the next
 * call. Not thread-safe; use one parser per thread.
 */
final class LogLineParser {
  private final String[] literals;
  private final LogLineFormat.Field[] fields;
  private final boolean[] quoted;

  private String line;
  private long epochSecond;
  private int offsetSeconds;
  private boolean leapSecond;
  private int hostStart;
  private int hostEnd;
  private int requestStart;
  private int requestEnd;
  private int status;
  private long bytes;

  private String cachedDay = "";
  private long cachedEpochDay;

  LogLineParser(LogLineFormat format) {
    this.literals = format.literals();
    this.fields = format.fields();
    this.quoted = format.quoted();
  }

  /**
   * Parses one line.
   *
   * @param text the line without its terminator
   * @return whether the line has the format; when false, the fields are undefined
   */
  boolean parse(String text) {
    line = text;
    hostStart = hostEnd = requestStart = requestEnd = 0;
    status = 0;
    bytes = -1;
    leapSecond = false;
    int n = text.length();
    while (n > 0 && text.charAt(n - 1) <= ' ') {
      n--;
    }
    String first = literals[0];
    if (!text.startsWith(first)) {
      return false;
    }
    int pos = first.length();
    for (int i = 0; i < fields.length; i++) {
      String next = literals[i + 1];
      int end;
      if (quoted[i]) {
        end = closingQuote(text, pos, n);
      } else if (fields[i] == LogLineFormat.Field.TIME_BRACKETED) {
        end = pos < n && text.charAt(pos) == '[' ? text.indexOf(']', pos) + 1 : -1;
        end = end <= 0 || end > n ? -1 : end;
      } else if (next.isEmpty()) {
        end = n;
      } else {
        end = text.indexOf(next, pos);
        end = end > n ? -1 : end;
      }
      if (end < 0 || !field(fields[i], text, pos, end) || !text.startsWith(next, end)) {
        return false;
      }
      pos = end + next.length();
    }
    return pos == n;
  }

  private boolean field(LogLineFormat.Field field, String text, int from, int to) {
    switch (field) {
      case HOST:
        hostStart = from;
        hostEnd = to;
        return to > from;
      case SKIP:
        return true;
      case TIME_BRACKETED:
        return clfTime(text, from + 1, to - 1);
      case TIME_CLF:
        return clfTime(text, from, to);
      case TIME_ISO:
        return isoTime(text, from, to);
      case REQUEST:
        requestStart = from;
        requestEnd = to;
        return to > from && text.charAt(from) != ' ';
      case STATUS:
        if (to - from != 3) {
          return false;
        }
        status = digits(text, from, to);
        return status >= 100;
      case BYTES_OR_DASH:
        if (to - from == 1 && text.charAt(from) == '-') {
          bytes = -1;
          return true;
        }
        return byteCount(text, from, to);
      case BYTES:
        return byteCount(text, from, to);
      case NUMBER:
        return number(text, from, to);
      default:
        throw new IllegalStateException("unknown field " + field);
    }
  }

  private boolean byteCount(String text, int from, int to) {
    if (to <= from || to - from > 18) {
      return false;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      value = value * 10 + d;
    }
    bytes = value;
    return true;
  }

  private static boolean number(String text, int from, int to) {
    boolean digit = false;
    boolean dot = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit || (to - from == 1 && text.charAt(from) == '-');
  }

  /** Returns the index of the closing double quote at or after {@code from}, skipping {@code \x}, or -1. */
  private static int closingQuote(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** Returns the value of the decimal digits in {@code [from, to)}, or -1 if one is not a digit. */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Parses {@code dd/MMM/yyyy:HH:mm:ss +hhmm} (26 characters). */
  private boolean clfTime(String text, int from, int to) {
    if (to - from != 26 || text.charAt(from + 2) != '/' || text.charAt(from + 6) != '/' || text.charAt(from + 11) != ':'
        || text.charAt(from + 14) != ':' || text.charAt(from + 17) != ':' || text.charAt(from + 20) != ' ') {
      return false;
    }
    if (!text.regionMatches(from, cachedDay, 0, 11)) {
      int month = month(text, from + 3);
      int day = digits(text, from, from + 2);
      int year = digits(text, from + 7, from + 11);
      if (month < 0 || day < 0 || year < 0) {
        return false;
      }
      try {
        cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
      } catch (DateTimeException e) {
        return false;
      }
      cachedDay = text.substring(from, from + 11);
    }
    return clock(text, from + 12, cachedEpochDay) && offset(text, from + 21, false);
  }

  /** Parses {@code yyyy-MM-ddTHH:mm:ss+hh:mm} quickly, and other ISO-8601 forms with an offset through java.time. */
  private boolean isoTime(String text, int from, int to) {
    if (to - from == 25 && text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-' && text.charAt(from + 10) == 'T'
        && text.charAt(from + 13) == ':' && text.charAt(from + 16) == ':') {
      if (!text.regionMatches(from, cachedDay, 0, 10)) {
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 0 || day < 0) {
          return false;
        }
        try {
          cachedEpochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
          return false;
        }
        cachedDay = text.substring(from, from + 10);
      }
      return clock(text, from + 11, cachedEpochDay) && offset(text, from + 19, true);
    }
    try {
      OffsetDateTime time = OffsetDateTime.parse(text.substring(from, to));
      epochSecond = time.toEpochSecond();
      offsetSeconds = time.getOffset().getTotalSeconds();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Parses {@code HH:mm:ss} at {@code at} into {@link #epochSecond} as local seconds of the day. */
  private boolean clock(String text, int at, long epochDay) {
    int hour = digits(text, at, at + 2);
    int minute = digits(text, at + 3, at + 5);
    int second = digits(text, at + 6, at + 8);
    leapSecond = second == 60 && minute == 59;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || (second > 59 && !leapSecond)) {
      return false;
    }
    second = leapSecond ? 59 : second;
    epochSecond = epochDay * 86_400 + hour * 3_600 + minute * 60 + second;
    return true;
  }

  /** Parses {@code +hhmm} (or {@code +hh:mm} when {@code colon}) at {@code at} and turns the local time into UTC. */
  private boolean offset(String text, int at, boolean colon) {
    char sign = text.charAt(at);
    int hours = digits(text, at + 1, at + 3);
    int minutesAt = colon ? at + 4 : at + 3;
    if (colon && text.charAt(at + 3) != ':') {
      return false;
    }
    int minutes = digits(text, minutesAt, minutesAt + 2);
    if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
      return false;
    }
    offsetSeconds = (sign == '-' ? -1 : 1) * (hours * 3_600 + minutes * 60);
    epochSecond -= offsetSeconds;
    return true;
  }

  private static int month(String text, int at) {
    char a = text.charAt(at);
    char b = text.charAt(at + 1);
    char c = text.charAt(at + 2);
    switch (a) {
      case 'J':
        return b == 'a' && c == 'n' ? 1 : b == 'u' && c == 'n' ? 6 : b == 'u' && c == 'l' ? 7 : -1;
      case 'F':
        return b == 'e' && c == 'b' ? 2 : -1;
      case 'M':
        return b == 'a' && c == 'r' ? 3 : b == 'a' && c == 'y' ? 5 : -1;
      case 'A':
        return b == 'p' && c == 'r' ? 4 : b == 'u' && c == 'g' ? 8 : -1;
      case 'S':
        return b == 'e' && c == 'p' ? 9 : -1;
      case 'O':
        return b == 'c' && c == 't' ? 10 : -1;
      case 'N':
        return b == 'o' && c == 'v' ? 11 : -1;
      case 'D':
        return b == 'e' && c == 'c' ? 12 : -1;
      default:
        return -1;
    }
  }

  /** Returns the UTC epoch second of the parsed line. */
  long epochSecond() {
    return epochSecond;
  }

  /** Returns whether the parsed line's time is a leap second, {@code :59:60}, counted as {@code :59:59}. */
  boolean leapSecond() {
    return leapSecond;
  }

  /** Returns the parsed line's offset from UTC, in seconds. */
  int offsetSeconds() {
    return offsetSeconds;
  }

  /** Builds the entry of the parsed line. */
  AccessLogEntry entry() {
    OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.ofTotalSeconds(offsetSeconds));
    String host = hostEnd > hostStart ? line.substring(hostStart, hostEnd) : "-";
    int methodEnd = line.indexOf(' ', requestStart);
    methodEnd = methodEnd < 0 || methodEnd > requestEnd ? requestEnd : methodEnd;
    String method = line.substring(requestStart, methodEnd);
    int targetStart = methodEnd;
    while (targetStart < requestEnd && line.charAt(targetStart) == ' ') {
      targetStart++;
    }
    int targetEnd = line.indexOf(' ', targetStart);
    targetEnd = targetEnd < 0 || targetEnd > requestEnd ? requestEnd : targetEnd;
    int query = line.indexOf('?', targetStart);
    if (query >= 0 && query < targetEnd) {
      targetEnd = query;
    }
    String path = targetEnd > targetStart ? line.substring(targetStart, targetEnd) : "/";
    return new AccessLogEntry(time, host, method, path, status, bytes);
  }
}
