package org.loadcast.profile;

import java.io.InputStream;
import java.time.OffsetDateTime;

/** Reads a series of one whole number per line; a line that is not one is a missing step. */
final class CountsSeriesReader {
  private CountsSeriesReader() {}

  static TrafficSeries read(InputStream in, String source, TrafficReadOptions options) {
    OffsetDateTime start = options.start().orElseThrow(() -> new InputException(new InputProblem(source, 0, 0,
        "the counts format has no timestamps: give --start with the time of the first value, ISO-8601 with offset "
            + "such as 1995-07-01T00:00:01-04:00")));
    int step = options.stepSeconds() == 0 ? 1 : options.stepSeconds();
    StepCounts steps = new StepCounts();
    QualityTally tally = new QualityTally();
    tally.offset(start.getOffset().getTotalSeconds());
    long index = 0;
    TextLines lines = new TextLines(in, source);
    while (lines.next()) {
      long value = lines.tooLong() ? -1 : wholeNumber(lines.line());
      if (value < 0 || value > TimedPoints.MAX_COUNT_PER_STEP) {
        tally.malformed(index + 1, lines.tooLong() ? TextLines.TOO_LONG
            : "each line must hold a whole number of requests from 0 to " + TimedPoints.MAX_COUNT_PER_STEP + ", but was " + TextLines.quoted(lines.line()));
        steps.markMissing(index);
      } else {
        steps.add(index, value);
      }
      index++;
    }
    tally.text(lines);
    if (index == tally.malformed) {
      throw new InputException(new InputProblem(source, index == 0 ? 0 : 1, index == 0 ? 0 : 1,
          index == 0 ? "the series holds no value" : "no line holds a whole number of requests >= 0"));
    }
    return tally.series(start, step, steps.counts(), steps.missing(), options.missingDataRule(), null);
  }

  /** Returns the whole number {@code >= 0} on the line (spaces and tabs around it allowed), or -1. */
  static long wholeNumber(String line) {
    int from = 0;
    int to = line.length();
    while (from < to && (line.charAt(from) == ' ' || line.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\t')) {
      to--;
    }
    if (to == from || to - from > 18) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = line.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
