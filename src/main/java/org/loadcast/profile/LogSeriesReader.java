package org.loadcast.profile;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Reads an access log into per-step counts in one pass, holding no line after it is counted. */
final class LogSeriesReader {
  private LogSeriesReader() {}

  static TrafficSeries read(InputStream in, String source, LogLineFormat format, TrafficReadOptions options,
      Consumer<? super AccessLogEntry> requests) {
    TextLines lines = new TextLines(in, source);
    int step = options.stepSeconds() == 0 ? 1 : options.stepSeconds();
    LogLineParser parser = new LogLineParser(format);
    StepCounts steps = new StepCounts();
    QualityTally tally = new QualityTally();
    long previous = Long.MIN_VALUE;
    long earliest = Long.MAX_VALUE;
    int earliestOffset = 0;
    while (lines.next()) {
      if (tally.leftOutTooLong(lines)) {
        continue;
      }
      long number = lines.number();
      String line = lines.line();
      if (line.isEmpty()) {
        continue;
      }
      if (!parser.parse(line)) {
        tally.malformed(number, "the line is not in the " + format.name() + " format: " + TextLines.quoted(line));
        continue;
      }
      if (parser.leapSecond()) {
        tally.leapSeconds++;
      }
      long time = parser.epochSecond();
      if (time < previous) {
        tally.outOfOrder++;
      }
      previous = time;
      if (time < earliest) {
        earliest = time;
        earliestOffset = parser.offsetSeconds();
      }
      tally.offset(parser.offsetSeconds());
      steps.add(Math.floorDiv(time, step), 1);
      if (requests != null) {
        requests.accept(parser.entry());
      }
    }
    tally.text(lines);
    if (steps.isEmpty()) {
      throw new InputException(new InputProblem(source, (int) Math.min(Integer.MAX_VALUE, tally.firstMalformedLine()),
          tally.firstMalformedLine() > 0 ? 1 : 0, "no line is in the " + format.name() + " log format"));
    }
    long[] counts = steps.counts();
    long firstSecond = steps.firstStep() * step;
    OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochSecond(firstSecond), ZoneOffset.ofTotalSeconds(earliestOffset));
    PeriodicCoverage coverage = 60 % step == 0 ? PeriodicCoverage.detectHourly(counts, firstSecond, step, earliestOffset) : null;
    return tally.series(start, step, counts, steps.missing(), options.missingDataRule(), coverage);
  }
}
