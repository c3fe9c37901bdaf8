package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Requests per fixed step of time, read from historical data, with the steps that were not observed.
 *
 * <p>A missing step is unknown load, never zero load: an outage, a gap in a rate series, a minute a
 * sampled log did not keep. Its count is 0 and must not be read as traffic.
 *
 * @param start the wall-clock start of step 0, with the input's (first) offset
 * @param stepSeconds the width of each step, {@code >= 1}
 * @param counts requests in each step, {@code >= 0}; at least one step; copied
 * @param missing whether each step is missing data; same length as {@code counts}; copied
 * @param quality what was found while reading the input
 */
public record TrafficSeries(OffsetDateTime start, int stepSeconds, long[] counts, boolean[] missing, DataQuality quality) {

  /**
   * Validates the series and copies the arrays.
   *
   * @throws IllegalArgumentException if a field is null, the step is below 1, the arrays are empty
   *     or of different lengths, or a count is negative
   */
  public TrafficSeries {
    if (start == null || counts == null || missing == null || quality == null) {
      throw new IllegalArgumentException("start, counts, missing and quality are required");
    }
    if (stepSeconds < 1) {
      throw new IllegalArgumentException("stepSeconds must be >= 1, but was " + stepSeconds);
    }
    if (counts.length == 0 || counts.length != missing.length) {
      throw new IllegalArgumentException("counts and missing must have the same length >= 1, but had "
          + counts.length + " and " + missing.length);
    }
    counts = counts.clone();
    missing = missing.clone();
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] must be >= 0, but was " + counts[i]);
      }
    }
  }

  /** Returns a copy of the counts per step. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** Returns a copy of the missing flags per step. */
  @Override
  public boolean[] missing() {
    return missing.clone();
  }

  /** Returns the number of steps, {@code >= 1}. */
  public int stepCount() {
    return counts.length;
  }

  /** Returns the requests in step {@code index} (0 when the step is missing). */
  public long count(int index) {
    return counts[index];
  }

  /** Returns whether step {@code index} is missing data. */
  public boolean isMissing(int index) {
    return missing[index];
  }

  /** Returns the span of the series in seconds: {@code stepCount() * stepSeconds}. */
  public long spanSeconds() {
    return (long) counts.length * stepSeconds;
  }

  /** Returns the sum of all counts. */
  public long totalCount() {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total;
  }

  /**
   * Returns the missing stretches in seconds since {@link #start}, one per run of missing steps.
   *
   * @return sorted, not overlapping; empty when no step is missing
   */
  public List<TimeRange> missingRanges() {
    return missingRanges(missing, stepSeconds);
  }

  static List<TimeRange> missingRanges(boolean[] missing, int stepSeconds) {
    List<TimeRange> ranges = new ArrayList<>();
    int i = 0;
    while (i < missing.length) {
      if (!missing[i]) {
        i++;
        continue;
      }
      int end = i;
      while (end < missing.length && missing[end]) {
        end++;
      }
      ranges.add(new TimeRange((double) i * stepSeconds, (double) end * stepSeconds));
      i = end;
    }
    return ranges;
  }

  /**
   * Returns the counts as {@code int}s, for the per-second derivations of {@link ProfileDerivation}.
   *
   * @throws IllegalArgumentException if a count exceeds {@link Integer#MAX_VALUE}
   */
  public int[] intCounts() {
    int[] result = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      result[i] = Math.toIntExact(counts[i]);
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrafficSeries s && start.equals(s.start) && stepSeconds == s.stepSeconds
        && Arrays.equals(counts, s.counts) && Arrays.equals(missing, s.missing) && quality.equals(s.quality);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, stepSeconds, Arrays.hashCode(counts), Arrays.hashCode(missing), quality);
  }

  @Override
  public String toString() {
    return "TrafficSeries[start=" + start + ", stepSeconds=" + stepSeconds + ", steps=" + counts.length
        + ", totalCount=" + totalCount() + ", quality=" + quality + "]";
  }
}
