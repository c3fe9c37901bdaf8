package org.loadcast.autoscale;

import java.util.Arrays;

/**
 * Arrivals per bucket before a run, the last bucket ending at simulation time 0. A bucket that was
 * not observed holds NaN.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArrivalHistory {
  private final int bucketSeconds;
  private final double[] arrivals;

  /**
   * Creates a history.
   *
   * @param bucketSeconds the bucket width, {@code >= 1}
   * @param arrivals requests per bucket in time order, each {@code >= 0} or NaN (missing); copied
   * @throws IllegalArgumentException if the width is below 1 or a count is negative or infinite
   */
  public ArrivalHistory(int bucketSeconds, double[] arrivals) {
    if (bucketSeconds < 1) {
      throw new IllegalArgumentException("bucketSeconds must be >= 1, but was " + bucketSeconds);
    }
    for (int i = 0; i < arrivals.length; i++) {
      if (arrivals[i] < 0 || Double.isInfinite(arrivals[i])) {
        throw new IllegalArgumentException("arrivals[" + i + "] must be >= 0 or NaN, but was " + arrivals[i]);
      }
    }
    this.bucketSeconds = bucketSeconds;
    this.arrivals = arrivals.clone();
  }

  /** Returns an empty history with the given bucket width. */
  public static ArrivalHistory none(int bucketSeconds) {
    return new ArrivalHistory(bucketSeconds, new double[0]);
  }

  /** Returns the bucket width in seconds. */
  public int bucketSeconds() {
    return bucketSeconds;
  }

  /** Returns a copy of the counts, oldest first; NaN where missing. */
  public double[] arrivals() {
    return arrivals.clone();
  }

  /** Returns the number of buckets. */
  public int size() {
    return arrivals.length;
  }

  /** Returns the number of missing buckets. */
  public long missingBuckets() {
    return Arrays.stream(arrivals).filter(Double::isNaN).count();
  }
}
