package org.loadcast.profile;

import java.io.BufferedReader;
import java.io.IOException;
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
 * <p>Local times follow the zone's daylight-saving rules: a time the clocks skipped is a malformed
 * row; in the hour the clocks repeat, a time not later than the row before takes the later offset.
 */
final class CsvSeriesReader {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

  private CsvSeriesReader() {}

  static TrafficSeries read(BufferedReader in, String source, TrafficReadOptions options) throws IOException {
    TimedPoints points = new TimedPoints();
    QualityTally tally = new QualityTally();
    long number = 0;
    boolean headerSeen = false;
    String line;
    while ((line = in.readLine()) != null) {
      number++;
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
      if (!twoColumns || row(line, comma, number, options, points, tally) != Row.VALID) {
        tally.malformed(number);
      }
    }
    tally.lines = number;
    return points.series(source, options, tally, false);
  }

  private enum Row { VALID, INVALID }

  private static Row row(String line, int comma, long number, TrafficReadOptions options, TimedPoints points, QualityTally tally) {
    String time = line.substring(0, comma).strip();
    long count = CountsSeriesReader.wholeNumber(line.substring(comma + 1));
    if (count < 0) {
      return Row.INVALID;
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
          return Row.INVALID; // a time the clocks skipped at a daylight-saving change
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
    } catch (DateTimeParseException e) {
      return Row.INVALID;
    }
    if (millis <= points.previousMillis()) {
      tally.outOfOrder++;
    }
    tally.offset(offset);
    points.add(millis, count, number, offset);
    return Row.VALID;
  }
}
