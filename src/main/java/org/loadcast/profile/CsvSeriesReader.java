package org.loadcast.profile;

import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads {@code timestamp,count} CSV: a two-column header, then one row per step. A timestamp is
 * ISO-8601 with an offset, {@code YYYY-MM-DD HH:MM:SS} in the input time zone, or epoch seconds.
 *
 * <p>A field may be between double quotes (RFC 4180); a quote that opens or closes alone leaves the
 * row out. A row whose count is not a whole number {@code >= 0} (negative, {@code NaN}, {@code Infinity}, a
 * fraction) or whose timestamp does not parse is left out and reported, with the first such row's
 * rule and value. A time stamped {@code :60} in the last minute of an hour is a leap second, counted
 * in the second before it, as {@link LogLineParser} does.
 *
 * <p>Local times follow the zone's daylight-saving rules: a time the clocks skipped is a malformed
 * row; in the hour the clocks repeat, a time not later than the row before takes the later offset.
 */
final class CsvSeriesReader {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private CsvSeriesReader() {}

  static TrafficSeries read(InputStream in, String source, TrafficReadOptions options) {
    TimedPoints points = new TimedPoints();
    QualityTally tally = new QualityTally();
    boolean headerSeen = false;
    TextLines lines = new TextLines(in, source);
    while (lines.next()) {
      if (tally.leftOutTooLong(lines)) {
        continue;
      }
      long number = lines.number();
      String line = lines.line();
      if (line.isBlank()) {
        continue;
      }
      int comma = line.indexOf(',');
      boolean twoColumns = comma >= 0 && line.indexOf(',', comma + 1) < 0;
      if (!headerSeen) {
        headerSeen = true;
        if (!twoColumns) {
          throw new InputException(new InputProblem(source, (int) number, 1,
              "the CSV header must have two columns, such as timestamp,count, but was '" + line + "'"));
        }
        row(line, comma, number, options, points, tally); // a header is not a row; a row is data without a header
        continue;
      }
      String problem = twoColumns ? row(line, comma, number, options, points, tally)
          : "a row must have two columns, timestamp,count, but was " + TextLines.quoted(line);
      if (problem != null) {
        tally.malformed(number, problem);
      }
    }
    tally.text(lines);
    return points.series(source, options, tally, false);
  }

  /** Returns a field without the double quotes around it (RFC 4180), or null when a quote opens or closes alone. */
  private static String unquoted(String field) {
    boolean opens = field.startsWith("\"");
    boolean closes = field.length() > 1 && field.endsWith("\"");
    if (opens != closes) {
      return null;
    }
    return opens ? field.substring(1, field.length() - 1).replace("\"\"", "\"") : field;
  }

  /** Adds the row's point and returns null, or returns why the row is left out. */
  private static String row(String line, int comma, long number, TrafficReadOptions options, TimedPoints points, QualityTally tally) {
    String time = unquoted(line.substring(0, comma).strip());
    String countText = unquoted(line.substring(comma + 1).strip());
    if (time == null || countText == null) {
      return "a field must be plain or wholly between double quotes (RFC 4180), but a quote does not close in "
          + TextLines.quoted(line);
    }
    long count = CountsSeriesReader.wholeNumber(countText);
    boolean leapSecond = time.length() >= 19 && time.startsWith("59:60", 14);
    if (leapSecond) {
      time = time.substring(0, 17) + "59" + time.substring(19);
    }
    long millis;
    int offset;
    try {
      if (time.matches("\\d{1,12}")) {
        millis = Long.parseLong(time) * 1000;
        offset = 0;
      } else if (time.length() == 19 && time.charAt(10) == ' ') {
        LocalDateTime local = LocalDateTime.parse(time, LOCAL);
        ZonedDateTime zoned = local.atZone(options.inputTimezone());
        if (!zoned.toLocalDateTime().equals(local)) {
          return "the timestamp " + TextLines.quoted(time) + " does not exist in " + options.inputTimezone()
              + ": the clocks skipped it at a daylight-saving change";
        }
        if (zoned.toInstant().toEpochMilli() <= points.previousMillis()) {
          zoned = zoned.withLaterOffsetAtOverlap(); // the second pass through the hour the clocks repeat
        }
        millis = zoned.toInstant().toEpochMilli();
        offset = zoned.getOffset().getTotalSeconds();
      } else {
        OffsetDateTime parsed = OffsetDateTime.parse(time);
        millis = parsed.toInstant().toEpochMilli();
        offset = parsed.getOffset().getTotalSeconds();
      }
      if (millis < TimedPoints.EARLIEST_MILLIS || millis > TimedPoints.LATEST_MILLIS) {
        throw new DateTimeParseException("out of range", time, 0);
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      return "the timestamp must be epoch seconds, ISO-8601 with an offset or 'YYYY-MM-DD HH:MM:SS' from year 0 to 9999, but was "
          + TextLines.quoted(time);
    }
    if (count < 0 || count > TimedPoints.MAX_COUNT_PER_STEP) {
      points.addLeftOut(millis, number, offset);
      return "the count must be a whole number from 0 to " + TimedPoints.MAX_COUNT_PER_STEP + ", but was "
          + TextLines.quoted(countText);
    }
    if (leapSecond) {
      tally.leapSeconds++;
    } else if (millis <= points.previousMillis()) {
      tally.outOfOrder++;
    }
    tally.offset(offset);
    points.add(millis, count, number, offset);
    return null;
  }
}
