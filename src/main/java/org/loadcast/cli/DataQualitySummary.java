package org.loadcast.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.loadcast.profile.DataQuality;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficSeries;
import org.loadcast.profile.TrafficSources;

/** Prints what reading an input found, a few lines on standard error: what was read, then what is wrong with it. */
final class DataQualitySummary {
  private DataQualitySummary() {}

  /**
   * Prints the summary of one input.
   *
   * @param source the input as the user named it
   * @param read the input as read
   * @param err where to print
   */
  static void print(String source, TrafficSources.SeriesRead read, PrintWriter err) {
    TrafficSeries series = read.series();
    DataQuality q = series.quality();
    String format = read.format().name();
    err.printf(Locale.ROOT, "read %s as %s: %d requests, %d line(s), %d step(s) of %d s from %s%n", source, format,
        q.totalRequests(), q.totalLines(), series.stepCount(), series.stepSeconds(), series.start());
    if (q.malformedLines() > 0) {
      err.printf(Locale.ROOT, "warning: %d line(s) are not in the %s format and were left out, first at line(s) %s%n",
          q.malformedLines(), format, q.firstMalformedLines().stream().map(String::valueOf).collect(Collectors.joining(", ")));
      err.printf(Locale.ROOT, "warning: line %d, the first left out: %s%n", q.firstMalformedLines().get(0), q.firstMalformedReason());
    }
    if (q.nonUtf8Lines() > 0) {
      err.printf(Locale.ROOT, "warning: %d line(s) hold bytes that are not UTF-8, first at line %d column %d; each such byte "
          + "was read as U+FFFD%n", q.nonUtf8Lines(), q.firstNonUtf8Line(), q.firstNonUtf8Column());
    }
    if (q.leapSecondLines() > 0) {
      err.printf(Locale.ROOT, "note: %d line(s) are stamped :60, a leap second; each is counted in the second before it%n",
          q.leapSecondLines());
    }
    if (q.outOfOrderLines() > 0) {
      err.printf(Locale.ROOT, "note: %d line(s) are earlier than the line before; each is counted in its own step%n", q.outOfOrderLines());
    }
    if (q.offsetsSeen().size() > 1) {
      err.printf(Locale.ROOT, "note: the timestamps have %d UTC offsets (%s), such as a daylight-saving change; time is kept "
          + "continuous%n", q.offsetsSeen().size(), q.offsetsSeen().stream().map(Object::toString).collect(Collectors.joining(", ")));
    }
    q.periodicCoverage().ifPresent(c -> err.printf(Locale.ROOT, "warning: sampled log: requests fall only in %s, %.2f %% of the "
        + "time; the rest is missing data, not zero%n", c.describe(), 100 * c.coverageFraction()));
    if (q.missingSeconds() > 0) {
      TimeRange first = q.missingRanges().get(0);
      err.printf(Locale.ROOT, "note: %d s in %d stretch(es) are missing data, not zero; the first from %s for %.0f s%n",
          q.missingSeconds(), q.missingRanges().size(), series.start().plusSeconds((long) first.fromSeconds()), first.durationSeconds());
    }
  }
}
