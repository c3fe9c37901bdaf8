package org.loadcast.profile;

import java.util.Arrays;

/**
 * A growable array of counts indexed by absolute step number, which grows at either end, so that
 * times that go backwards need no sorting. Memory is one {@code long} and one {@code boolean} per
 * step of the span, whatever the number of lines.
 *
 * <p>Mutable and not thread-safe: one per reading.
 */
final class StepCounts {
  private long[] counts = new long[1 << 12];
  private boolean[] missing = new boolean[1 << 12];
  /** The absolute step number of array index 0. */
  private long base;
  /** The used array indices, {@code [lo, hi)}. */
  private int lo;
  private int hi;

  /** Adds {@code count} requests to the step with absolute number {@code step}. */
  void add(long step, long count) {
    int index = slot(step); // before reading the field: slot may replace the array
    counts[index] += count;
  }

  /** Marks the step with absolute number {@code step} as missing data. */
  void markMissing(long step) {
    int index = slot(step);
    missing[index] = true;
  }

  /** Makes sure the step exists (with count 0) without counting anything. */
  void touch(long step) {
    slot(step);
  }

  boolean isEmpty() {
    return hi == lo;
  }

  /** Returns the absolute number of the first step. */
  long firstStep() {
    return base + lo;
  }

  /** Returns the number of steps from the first to the last touched, inclusive. */
  int size() {
    return hi - lo;
  }

  /** Returns the counts of the span, trimmed. */
  long[] counts() {
    return Arrays.copyOfRange(counts, lo, hi);
  }

  /** Returns the missing flags of the span, trimmed. */
  boolean[] missing() {
    return Arrays.copyOfRange(missing, lo, hi);
  }

  private int slot(long step) {
    if (hi == lo) {
      base = step;
      lo = 0;
      hi = 1;
      return 0;
    }
    long index = step - base;
    if (index < 0) {
      growFront(-index);
      index = step - base;
    } else if (index >= counts.length) {
      growBack(index + 1);
    }
    lo = (int) Math.min(lo, index);
    hi = (int) Math.max(hi, index + 1);
    return (int) index;
  }

  private void growFront(long extra) {
    int shift = capacity(Math.max(extra, counts.length / 2), counts.length);
    long[] c = new long[shift + counts.length];
    boolean[] m = new boolean[c.length];
    System.arraycopy(counts, lo, c, lo + shift, hi - lo);
    System.arraycopy(missing, lo, m, lo + shift, hi - lo);
    counts = c;
    missing = m;
    base -= shift;
    lo += shift;
    hi += shift;
  }

  private void growBack(long needed) {
    int length = capacity(Math.max(needed, counts.length + (long) counts.length / 2), 0);
    counts = Arrays.copyOf(counts, length);
    missing = Arrays.copyOf(missing, length);
  }

  private static int capacity(long wanted, int used) {
    if (wanted + used > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("the input spans more than " + (Integer.MAX_VALUE - 16)
          + " steps; use a larger step");
    }
    return (int) wanted;
  }
}
