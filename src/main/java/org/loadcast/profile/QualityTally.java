package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The running tally of a reading that becomes its {@link DataQuality}, and the last step of every
 * reader: marking missing data and building the {@link TrafficSeries}.
 *
 * <p>Mutable and not thread-safe: one per reading.
 */
final class QualityTally {
  long lines;
  long malformed;
  long outOfOrder;
  long leapSeconds;
  private String firstMalformedReason = "";
  private long nonUtf8Lines;
  private long firstNonUtf8Line;
  private int firstNonUtf8Column;
  private final List<Long> firstMalformed = new ArrayList<>();
  private final Set<ZoneOffset> offsets = new LinkedHashSet<>();
  private int lastOffsetSeconds = Integer.MIN_VALUE;

  /**
   * Counts a malformed line with its 1-based number and why it was left out.
   *
   * @param reason the rule broken and the value, such as {@code "the count must be a whole number >= 0, but was 'NaN'"}
   */
  void malformed(long lineNumber, String reason) {
    if (malformed == 0) {
      firstMalformedReason = reason;
    }
    malformed++;
    if (firstMalformed.size() < DataQuality.MALFORMED_LINES_KEPT) {
      firstMalformed.add(lineNumber);
    }
  }

  /**
   * Counts the current line as malformed when it was too long to hold ({@link TextLines#tooLong()}).
   *
   * @return whether it was, and is left out
   */
  boolean leftOutTooLong(TextLines text) {
    if (text.tooLong()) {
      malformed(text.number(), TextLines.TOO_LONG);
    }
    return text.tooLong();
  }

  /** Notes what the lines say about bytes that are not UTF-8, when the reading ends. */
  void text(TextLines lines) {
    this.lines = lines.number();
    nonUtf8Lines = lines.nonUtf8Lines();
    firstNonUtf8Line = lines.firstNonUtf8Line();
    firstNonUtf8Column = lines.firstNonUtf8Column();
  }

  /** Notes the UTC offset of a timestamp. */
  void offset(int offsetSeconds) {
    if (offsetSeconds != lastOffsetSeconds) {
      offsets.add(ZoneOffset.ofTotalSeconds(offsetSeconds));
      lastOffsetSeconds = offsetSeconds;
    }
  }

  /** Returns the first malformed line number, or 0 when none. */
  long firstMalformedLine() {
    return firstMalformed.isEmpty() ? 0 : firstMalformed.get(0);
  }

  /**
   * Returns the rule in steps of {@code stepSeconds}: a run of {@code L} steps at {@code λ} requests
   * per step has the same {@code λL} as the run in seconds, so only the lengths scale.
   */
  static MissingDataRule perStep(MissingDataRule rule, int stepSeconds) {
    if (stepSeconds == 1) {
      return rule;
    }
    return new MissingDataRule(Math.max(1, (rule.minimumRunSeconds() + stepSeconds - 1) / stepSeconds),
        Math.max(1, rule.neighbourhoodSeconds() / stepSeconds), rule.surpriseThreshold());
  }

  /**
   * Marks the runs of empty seconds that {@link ProfileDerivation#findMissing} finds, looking only at
   * the seconds not already missing, joined end to end: the quiet edges of a sampled log's windows
   * are observed seconds, not part of the unobserved time around them.
   */
  private static void markRunsOfEmptySeconds(long[] counts, boolean[] missing, MissingDataRule rule) {
    boolean anyMissing = false;
    for (boolean m : missing) {
      anyMissing |= m;
    }
    if (!anyMissing) { // the common case, without the index copies
      int[] all = new int[counts.length];
      for (int i = 0; i < counts.length; i++) {
        all[i] = Math.toIntExact(counts[i]);
      }
      for (TimeRange range : ProfileDerivation.findMissing(all, rule)) {
        java.util.Arrays.fill(missing, (int) range.fromSeconds(), (int) range.toSeconds(), true);
      }
      return;
    }
    int[] observedIndex = new int[counts.length];
    int n = 0;
    for (int i = 0; i < counts.length; i++) {
      if (!missing[i]) {
        observedIndex[n++] = i;
      }
    }
    int[] observed = new int[n];
    for (int j = 0; j < n; j++) {
      observed[j] = Math.toIntExact(counts[observedIndex[j]]);
    }
    for (TimeRange range : ProfileDerivation.findMissing(observed, rule)) {
      for (int j = (int) range.fromSeconds(); j < (int) range.toSeconds(); j++) {
        missing[observedIndex[j]] = true;
      }
    }
  }

  /**
   * Builds the series: on top of the missing steps the reader marked and a sampled log's uncovered
   * steps, the runs of empty steps that {@link ProfileDerivation#findMissing} finds under the rule
   * scaled to the step ({@link #perStep}) are missing.
   */
  TrafficSeries series(OffsetDateTime start, int stepSeconds, long[] counts, boolean[] missing, MissingDataRule rule,
      PeriodicCoverage coverage) {
    if (coverage != null) {
      long first = start.toEpochSecond();
      int offset = start.getOffset().getTotalSeconds();
      for (int i = 0; i < counts.length; i++) {
        if (coverage.isUncovered(first + (long) i * stepSeconds, offset)) {
          missing[i] = true;
        }
      }
    }
    markRunsOfEmptySeconds(counts, missing, perStep(rule, stepSeconds));
    long total = 0;
    long missingSteps = 0;
    for (int i = 0; i < counts.length; i++) {
      total += counts[i];
      missingSteps += missing[i] ? 1 : 0;
    }
    DataQuality quality = new DataQuality(lines, total, malformed, firstMalformed, outOfOrder, missingSteps * stepSeconds,
        TrafficSeries.missingRanges(missing, stepSeconds), List.copyOf(offsets), Optional.ofNullable(coverage), firstMalformedReason, nonUtf8Lines, firstNonUtf8Line, firstNonUtf8Column, leapSeconds);
    return new TrafficSeries(start, stepSeconds, counts, missing, quality);
  }
}
