package org.loadcast.sim;

import java.util.Arrays;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of the values recorded in one window (a simulated minute), equal to those of an
 * HdrHistogram {@link Histogram} with the same range and precision, but cheap for short windows.
 *
 * <p>Why: a histogram whose highest trackable value is 24 h in microseconds at 3 significant
 * digits holds 28,672 counts; reading four percentiles walks that array and {@code reset()} clears
 * it, once per window, whatever the number of values. Here the window's values go to a
 * {@code long[]} buffer; a percentile selects the k-th smallest value with a quickselect (Hoare's
 * FIND, CACM 4(7), 1961, with a branch-free partition, falling back to a sort after too many rounds
 * as Musser's introselect does) and maps it through {@link Histogram#highestEquivalentValue}. That is exactly what HdrHistogram 2.2.2's
 * {@code AbstractHistogram.getValueAtPercentile} computes: it clamps the percentile to
 * {@code [0, 100]} after stepping it down one ulp, takes the rank
 * {@code k = max(1, ceil(p · n / 100))}, finds the bucket in which the cumulative count reaches
 * k, and returns that bucket's highest equivalent value (its lowest for {@code p == 0}). The k-th
 * smallest recorded value lies in that bucket, and every value of a bucket maps to the same
 * equivalent value, so the results are identical.
 *
 * <p>Memory stays bounded: the buffer starts at 1024 values and doubles as needed up to
 * {@code bufferCapacity}; when a window holds more than {@code bufferCapacity} values, they move
 * to a histogram, which takes the rest of that window and answers its percentiles.
 *
 * <p>Mutable and not thread-safe: it belongs to one running simulation.
 */
final class WindowPercentiles {
  private final Histogram overflow;
  private final long highestTrackableValue;
  private final int bufferCapacity;
  private long[] values;
  private int size;
  private boolean overflowed;
  /** Buffer places already holding their sorted value, from earlier selections in this window. */
  private final int[] fixed = new int[8];
  private int fixedCount;

  /**
   * Creates an empty window.
   *
   * @param highestTrackableValue the largest value that may be recorded, as for {@link Histogram}
   * @param significantDigits the histogram's precision, 0 to 5
   * @param bufferCapacity how many values a window keeps before it moves to a histogram, {@code >= 1}
   * @throws IllegalArgumentException if an argument is out of range (the histogram's own checks
   *     included)
   */
  WindowPercentiles(long highestTrackableValue, int significantDigits, int bufferCapacity) {
    if (bufferCapacity < 1) {
      throw new IllegalArgumentException("bufferCapacity must be >= 1, but was " + bufferCapacity);
    }
    this.overflow = new Histogram(highestTrackableValue, significantDigits);
    this.highestTrackableValue = highestTrackableValue;
    this.bufferCapacity = bufferCapacity;
    this.values = new long[Math.min(bufferCapacity, 1024)];
  }

  /**
   * Records one value.
   *
   * @param value from 0 to the highest trackable value
   * @throws IllegalArgumentException if the value is negative or above the highest trackable value
   */
  void record(long value) {
    if (value < 0 || value > highestTrackableValue) {
      throw new IllegalArgumentException("value must be in [0, " + highestTrackableValue + "], but was " + value);
    }
    if (overflowed) {
      overflow.recordValue(value);
    } else if (size < values.length) {
      values[size++] = value;
      fixedCount = 0;
    } else if (values.length < bufferCapacity) {
      values = Arrays.copyOf(values, (int) Math.min(bufferCapacity, 2L * values.length));
      values[size++] = value;
      fixedCount = 0;
    } else {
      moveToHistogram();
      overflow.recordValue(value);
    }
  }

  private void moveToHistogram() {
    for (int i = 0; i < size; i++) {
      overflow.recordValue(values[i]);
    }
    overflowed = true;
    size = 0;
  }

  /** Returns the number of values recorded since the last {@link #reset}. */
  long count() {
    return overflowed ? overflow.getTotalCount() : size;
  }

  /**
   * Returns the value at a percentile, as {@link Histogram#getValueAtPercentile} returns it for the
   * same values.
   *
   * @param percentile from 0 to 100
   * @return the highest value equivalent to the k-th smallest recorded value (lowest for 0); 0 when
   *     the window is empty, as the histogram returns
   * @throws IllegalArgumentException if the percentile is outside [0, 100] or NaN
   */
  long valueAtPercentile(double percentile) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException("percentile must be in [0, 100], but was " + percentile);
    }
    if (overflowed) {
      return overflow.getValueAtPercentile(percentile);
    }
    if (size == 0) {
      return 0;
    }
    double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0.0), 100.0);
    long rank = Math.max(1, (long) Math.ceil(requested * size / 100.0));
    long value = select((int) rank - 1);
    return percentile == 0.0 ? overflow.lowestEquivalentValue(value) : overflow.highestEquivalentValue(value);
  }

  /** Empties the window. */
  void reset() {
    if (overflowed) {
      overflow.reset();
      overflowed = false;
    }
    size = 0;
    fixedCount = 0;
  }

  /**
   * Returns the value of 0-based rank k among the buffered values, reordering the buffer. Each
   * selection leaves its rank at its sorted place, smaller values before and larger after, so the
   * next selection of the same window searches only between the nearest places already fixed.
   */
  private long select(int k) {
    int lo = 0;
    int hi = size - 1;
    for (int f = 0; f < fixedCount; f++) {
      int at = fixed[f];
      if (at == k) {
        return values[k];
      } else if (at < k) {
        lo = Math.max(lo, at + 1);
      } else {
        hi = Math.min(hi, at - 1);
      }
    }
    long value = selectWithin(lo, hi, k);
    if (fixedCount < fixed.length) {
      fixed[fixedCount++] = k;
    }
    return value;
  }

  /**
   * Quickselect (Hoare's FIND, CACM 4(7), 1961) on [lo, hi] with a median-of-three pivot and a
   * branch-free Lomuto partition (Lomuto's scheme as in Bentley, Programming Pearls, 2nd ed., §11.2;
   * without a branch per element, after Edelkamp and Weiß, "BlockQuicksort", ESA 2016), so that a
   * mispredicted branch does not cost more than the comparison. When no value is below the pivot,
   * a second pass gathers the values equal to it, so that ties always make progress. After too many
   * rounds it sorts the range instead.
   */
  private long selectWithin(int lo, int hi, int k) {
    long[] a = values;
    int roundsLeft = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (lo < hi) {
      if (roundsLeft-- == 0) {
        Arrays.sort(a, lo, hi + 1);
        return a[k];
      }
      long pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int below = partition(a, lo, hi, pivot, 0);
      if (k < below) {
        hi = below - 1;
      } else if (below > lo) {
        lo = below;
      } else {
        int equalEnd = partition(a, lo, hi, pivot, 1);
        if (k < equalEnd) {
          return pivot;
        }
        lo = equalEnd;
      }
    }
    return a[k];
  }

  /**
   * Moves the values of [lo, hi] below {@code pivot} (or, with {@code orEqual} 1, at or below it)
   * to the front, and returns where the rest begins.
   */
  private static int partition(long[] a, int lo, int hi, long pivot, int orEqual) {
    long bound = pivot + orEqual;
    int p = lo;
    for (int i = lo; i <= hi; i++) {
      long v = a[i];
      a[i] = a[p];
      a[p] = v;
      p += v < bound ? 1 : 0;
    }
    return p;
  }

  private static long medianOfThree(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
