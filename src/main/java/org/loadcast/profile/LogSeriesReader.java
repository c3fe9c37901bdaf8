package org.loadcast.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** Reads an access log into per-step counts in one pass, holding no line after it is counted. */
final class LogSeriesReader {
  private LogSeriesReader() {}

  static TrafficSeries read(BufferedReader in, String source, LogLineFormat format, TrafficReadOptions options,
      Consumer<? super AccessLogEntry> requests) throws IOException {
    int step = options.stepSeconds() == 0 ? 1 : options.stepSeconds();
    LogLineParser parser = new LogLineParser(format);
    StepCounts steps = new StepCounts();
    QualityTally tally = new QualityTally();
    long previous = Long.MIN_VALUE;
    long earliest = Long.MAX_VALUE;
    int earliestOffset = 0;
    long number = 0;
    String line;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isEmpty()) {
        continue;
      }
      if (!parser.parse(line)) {
        tally.malformed(number);
        continue;
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
    tally.lines = number;
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
