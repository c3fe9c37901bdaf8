package org.loadcast.loadtest;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Records when each virtual user of a load test starts, and counts them per second.
 *
 * <p>Seconds are counted from an origin: second {@code k} holds the arrivals at {@code [k, k + 1)}
 * seconds after it. {@link #perSecond(long[])} estimates the origin from when the users were
 * scheduled: users start late, never early, so the injection started at {@code min(actual −
 * scheduled)} over all users, the start implied by the least delayed user. The first arrival alone
 * is a poor origin: the first user of a cold JVM starts tens of milliseconds late, which would move
 * every user scheduled at the start of a second into the second before.
 *
 * <p>Thread-safe: any number of users may record at once. Read the counts after the run.
 */
public final class ArrivalCounter {
  private final AtomicLongArray startNanos;
  private final AtomicInteger next = new AtomicInteger();
  private final LongSupplier nanoClock;

  /**
   * Creates a counter.
   *
   * @param capacity the most arrivals kept, {@code >= 1}; more are counted in {@link #count()} only
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @throws IllegalArgumentException if the capacity is below 1
   */
  public ArrivalCounter(int capacity, LongSupplier nanoClock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, but was " + capacity);
    }
    this.startNanos = new AtomicLongArray(capacity);
    this.nanoClock = nanoClock;
  }

  /** Records one arrival now. */
  public void arrived() {
    long now = nanoClock.getAsLong();
    int index = next.getAndIncrement();
    if (index < startNanos.length()) {
      startNanos.setRelease(index, now);
    }
  }

  /** Returns the number of arrivals recorded, including any beyond the capacity. */
  public long count() {
    return next.get();
  }

  /**
   * Returns the arrivals in each second after the injection's start, estimated as {@code
   * min(actual − scheduled)} by pairing the {@code i}-th earliest arrival with the {@code i}-th
   * earliest scheduled start.
   *
   * @param scheduledMillis when each user was scheduled, in milliseconds after the injection's
   *     start, in any order; as many as were recorded
   * @return counts for seconds {@code 0..last}, where {@code last} holds the last arrival; empty
   *     when there was none
   * @throws IllegalArgumentException if the number of scheduled starts differs from the arrivals
   */
  public long[] perSecond(long[] scheduledMillis) {
    long[] actual = sortedNanos();
    if (scheduledMillis.length != actual.length) {
      throw new IllegalArgumentException("scheduledMillis must have one start per arrival (" + actual.length
          + "), but had " + scheduledMillis.length);
    }
    long[] scheduled = scheduledMillis.clone();
    java.util.Arrays.sort(scheduled);
    long origin = Long.MAX_VALUE;
    for (int i = 0; i < actual.length; i++) {
      origin = Math.min(origin, actual[i] - scheduled[i] * 1_000_000L);
    }
    return perSecondFrom(actual, origin);
  }

  /**
   * Returns the arrivals in each second after the first arrival.
   *
   * @return counts for seconds {@code 0..last}; empty when there was none
   */
  public long[] perSecondFromFirstArrival() {
    long[] actual = sortedNanos();
    return actual.length == 0 ? new long[0] : perSecondFrom(actual, actual[0]);
  }

  /**
   * Returns how late each user started against its schedule, with the origin of {@link
   * #perSecond(long[])}, in milliseconds, sorted: the earliest arrival paired with the earliest
   * scheduled start.
   */
  public double[] latenessMillis(long[] scheduledMillis) {
    long[] actual = sortedNanos();
    long[] scheduled = scheduledMillis.clone();
    java.util.Arrays.sort(scheduled);
    long origin = Long.MAX_VALUE;
    for (int i = 0; i < actual.length; i++) {
      origin = Math.min(origin, actual[i] - scheduled[i] * 1_000_000L);
    }
    double[] lateness = new double[actual.length];
    for (int i = 0; i < actual.length; i++) {
      lateness[i] = (actual[i] - origin - scheduled[i] * 1_000_000L) / 1e6;
    }
    java.util.Arrays.sort(lateness);
    return lateness;
  }

  private static long[] perSecondFrom(long[] sortedNanos, long origin) {
    if (sortedNanos.length == 0) {
      return new long[0];
    }
    long[] counts = new long[(int) ((sortedNanos[sortedNanos.length - 1] - origin) / 1_000_000_000L) + 1];
    for (long t : sortedNanos) {
      counts[(int) ((t - origin) / 1_000_000_000L)]++;
    }
    return counts;
  }

  private long[] sortedNanos() {
    long[] times = new long[kept()];
    for (int i = 0; i < times.length; i++) {
      times[i] = startNanos.get(i);
    }
    java.util.Arrays.sort(times);
    return times;
  }

  /** Returns the seconds from the first to the last arrival; 0 with fewer than 2 arrivals. */
  public double spanSeconds() {
    long[] times = sortedNanos();
    return times.length == 0 ? 0 : (times[times.length - 1] - times[0]) / 1e9;
  }

  private int kept() {
    return Math.min(next.get(), startNanos.length());
  }
}
