package org.loadcast.profile;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was wrong or unusual in an input, as found while reading it. Nothing in the input was
 * corrected: malformed lines are left out and counted, unobserved time is marked missing.
 *
 * @param totalLines lines read, blank ones included (for Prometheus JSON: points read); {@code >= 0}
 * @param totalRequests requests counted in the series; {@code >= 0}
 * @param malformedLines lines (or points) that do not have the format and were left out; {@code >= 0}
 * @param firstMalformedLines the 1-based numbers of the first (up to 10) malformed lines, ascending
 * @param outOfOrderLines log lines whose time is earlier than the line before, or series rows and
 *     points whose time is not later than the one before (a repeated timestamp adds to its step); all
 *     are counted in their own step all the same; {@code >= 0}
 * @param missingSeconds seconds of the series' span that are missing data; {@code >= 0}
 * @param missingRanges the missing stretches in seconds since the series start, sorted, not
 *     overlapping
 * @param offsetsSeen the UTC offsets of the input's timestamps, in order of first appearance; more
 *     than one when the log crosses a daylight-saving change
 * @param periodicCoverage the sampling pattern when the log covers only fixed windows of each hour
 * @param firstMalformedReason why the first malformed line was left out, naming the rule and the
 *     value, such as {@code "the count must be a whole number >= 0, but was 'NaN'"}; empty when none
 * @param nonUtf8Lines lines holding bytes that are not UTF-8, read as U+FFFD; {@code >= 0}
 * @param firstNonUtf8Line the 1-based line of the first such byte, or 0 when none
 * @param firstNonUtf8Column its 1-based column in characters, or 0 when none
 * @param leapSecondLines lines or rows stamped {@code :60}, a leap second, each counted in the second
 *     before it (see {@link LogLineParser}); {@code >= 0}
 */
public record DataQuality(
    long totalLines,
    long totalRequests,
    long malformedLines,
    List<Long> firstMalformedLines,
    long outOfOrderLines,
    long missingSeconds,
    List<TimeRange> missingRanges,
    List<ZoneOffset> offsetsSeen,
    Optional<PeriodicCoverage> periodicCoverage,
    String firstMalformedReason,
    long nonUtf8Lines,
    long firstNonUtf8Line,
    int firstNonUtf8Column,
    long leapSecondLines) {

  /** How many malformed line numbers are kept. */
  public static final int MALFORMED_LINES_KEPT = 10;

  /**
   * Validates the record and copies the lists.
   *
   * @throws IllegalArgumentException if a count is negative or more than {@link
   *     #MALFORMED_LINES_KEPT} line numbers are given
   */
  public DataQuality {
    if (totalLines < 0 || totalRequests < 0 || malformedLines < 0 || outOfOrderLines < 0 || missingSeconds < 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "counts must be >= 0, but were totalLines %d, totalRequests %d, malformedLines %d, outOfOrderLines %d, missingSeconds %d",
          totalLines, totalRequests, malformedLines, outOfOrderLines, missingSeconds));
    }
    firstMalformedLines = List.copyOf(firstMalformedLines);
    if (firstMalformedLines.size() > MALFORMED_LINES_KEPT || firstMalformedLines.size() > malformedLines) {
      throw new IllegalArgumentException("firstMalformedLines must hold at most min(10, malformedLines) numbers, but held "
          + firstMalformedLines.size());
    }
    missingRanges = List.copyOf(missingRanges);
    offsetsSeen = List.copyOf(offsetsSeen);
    if (periodicCoverage == null) {
      throw new IllegalArgumentException("periodicCoverage must be an Optional, but was null");
    }
    if (firstMalformedReason == null || (malformedLines > 0 && firstMalformedReason.isEmpty())) {
      throw new IllegalArgumentException("firstMalformedReason must be given when a line is malformed, but was '"
          + firstMalformedReason + "'");
    }
    if (nonUtf8Lines < 0 || firstNonUtf8Line < 0 || firstNonUtf8Column < 0 || leapSecondLines < 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "counts must be >= 0, but were nonUtf8Lines %d, firstNonUtf8Line %d, firstNonUtf8Column %d, leapSecondLines %d",
          nonUtf8Lines, firstNonUtf8Line, firstNonUtf8Column, leapSecondLines));
    }
  }

  /**
   * Creates the quality of an input without a malformed line's reason, bytes that are not UTF-8 or
   * leap seconds.
   *
   * @throws IllegalArgumentException as the canonical constructor says
   */
  public DataQuality(long totalLines, long totalRequests, long malformedLines, List<Long> firstMalformedLines,
      long outOfOrderLines, long missingSeconds, List<TimeRange> missingRanges, List<ZoneOffset> offsetsSeen,
      Optional<PeriodicCoverage> periodicCoverage) {
    this(totalLines, totalRequests, malformedLines, firstMalformedLines, outOfOrderLines, missingSeconds, missingRanges,
        offsetsSeen, periodicCoverage, malformedLines > 0 ? "not in the format" : "", 0, 0, 0, 0);
  }

  /**
   * Returns the record as plain values for a JSON writer (such as {@code fit.json}): numbers,
   * strings, booleans, lists and maps, in a fixed key order.
   *
   * @return keys {@code totalLines, totalRequests, malformedLines, firstMalformedLines,
   *     outOfOrderLines, missingSeconds, missingRanges} (a list of {@code {fromSeconds, toSeconds}}),
   *     {@code offsetsSeen} (such as {@code "-04:00"}), {@code sampled} and {@code sampling} (null, or
   *     {@code {periodSeconds, windowSeconds, coveredWindows, coverageFraction, pattern}})
   */
  public Map<String, Object> toFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("totalLines", totalLines);
    fields.put("totalRequests", totalRequests);
    fields.put("malformedLines", malformedLines);
    fields.put("firstMalformedLines", firstMalformedLines);
    fields.put("outOfOrderLines", outOfOrderLines);
    fields.put("missingSeconds", missingSeconds);
    fields.put("missingRanges", missingRanges.stream().map(DataQuality::rangeFields).toList());
    fields.put("offsetsSeen", offsetsSeen.stream().map(ZoneOffset::getId).toList());
    fields.put("sampled", sampled());
    fields.put("sampling", periodicCoverage.map(c -> {
      Map<String, Object> sampling = new LinkedHashMap<>();
      sampling.put("periodSeconds", c.periodSeconds());
      sampling.put("windowSeconds", c.windowSeconds());
      sampling.put("coveredWindows", c.coveredWindows());
      sampling.put("coverageFraction", c.coverageFraction());
      sampling.put("pattern", c.describe());
      return sampling;
    }).orElse(null));
    return fields;
  }

  private static Map<String, Object> rangeFields(TimeRange range) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("fromSeconds", range.fromSeconds());
    fields.put("toSeconds", range.toSeconds());
    return fields;
  }

  /** Returns whether the input is a sampled log (see {@link #periodicCoverage}). */
  public boolean sampled() {
    return periodicCoverage.isPresent();
  }
}
