package org.loadcast.report;

/**
 * Min/max downsampling of the report's time series for display, so that a long run stays small and
 * no peak is lost: the points are cut into buckets of equal length, and each bucket keeps its
 * smallest and its largest value, in the order they occurred. A bucket of one point keeps it.
 *
 * <p>This is the "min/max per pixel column" reduction of time-series plotting (M4 without the first
 * and last points: Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation", PVLDB
 * 7(10), 2014). Every series of a chart goes through the same buckets, so they share one time
 * axis: the first kept point of a bucket is placed at the bucket's first time, the second at its
 * middle time. The peaks' values are exact; their times are exact to within one bucket.
 *
 * <p>The exports (CSV) are never downsampled.
 *
 * @param length the number of points of the full series, {@code >= 0}
 * @param bucketPoints points per bucket, {@code >= 1}; 1 keeps every point
 */
record Downsampling(int length, int bucketPoints) {
  /** The most buckets a chart gets: twice as many points, about two per pixel of a wide chart. */
  static final int MAX_BUCKETS = 1200;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if {@code length < 0} or {@code bucketPoints < 1}
   */
  Downsampling {
    if (length < 0 || bucketPoints < 1) {
      throw new IllegalArgumentException("length must be >= 0 and bucketPoints >= 1, but were " + length + " and "
          + bucketPoints);
    }
  }

  /**
   * Returns the downsampling of a series of a given length to at most {@link #MAX_BUCKETS}
   * buckets: none (one point per bucket) when it has at most {@code 2 × MAX_BUCKETS} points.
   *
   * @param length the number of points, {@code >= 0}
   * @return the downsampling
   * @throws IllegalArgumentException if {@code length < 0}
   */
  static Downsampling of(int length) {
    return of(length, MAX_BUCKETS);
  }

  /**
   * Returns the downsampling of a series of a given length to at most {@code maxBuckets} buckets.
   *
   * @param length the number of points, {@code >= 0}
   * @param maxBuckets the most buckets, {@code >= 1}
   * @return no downsampling when {@code length <= 2 × maxBuckets}; otherwise buckets of
   *     {@code ceil(length / maxBuckets)} points
   * @throws IllegalArgumentException if {@code length < 0} or {@code maxBuckets < 1}
   */
  static Downsampling of(int length, int maxBuckets) {
    if (maxBuckets < 1) {
      throw new IllegalArgumentException("maxBuckets must be >= 1, but was " + maxBuckets);
    }
    return new Downsampling(length, length <= 2L * maxBuckets ? 1 : (length + maxBuckets - 1) / maxBuckets);
  }

  /**
   * Returns the times of the kept points: each bucket's first time and, for a bucket of two points
   * or more, its middle time.
   *
   * @param time the full series' times, increasing, {@code length} long
   * @return the kept times, increasing
   * @throws IllegalArgumentException if {@code time} is not {@code length} long
   */
  long[] times(long[] time) {
    requireLength(time.length);
    if (bucketPoints == 1) {
      return time.clone();
    }
    long[] out = new long[keptPoints()];
    int k = 0;
    for (int start = 0; start < length; start += bucketPoints) {
      int end = Math.min(length, start + bucketPoints);
      out[k++] = time[start];
      if (end - start > 1) {
        out[k++] = time[start + (end - start) / 2];
      }
    }
    return out;
  }

  /**
   * Returns the kept values of a series: each bucket's minimum and maximum in time order (null where
   * a bucket has no finite value), or every value (NaN as null) without downsampling. A bucket whose
   * minimum and maximum are the same point keeps that value twice.
   *
   * @param values the full series, {@code length} long; NaN for a missing value
   * @return the kept values, as long as {@link #times}
   * @throws IllegalArgumentException if {@code values} is not {@code length} long
   */
  Double[] values(double[] values) {
    requireLength(values.length);
    Double[] out = new Double[keptPoints()];
    if (bucketPoints == 1) {
      for (int i = 0; i < length; i++) {
        out[i] = ChartData.round(values[i]);
      }
      return out;
    }
    int k = 0;
    for (int start = 0; start < length; start += bucketPoints) {
      int end = Math.min(length, start + bucketPoints);
      if (end - start == 1) {
        out[k++] = ChartData.round(values[start]);
        continue;
      }
      int min = -1;
      int max = -1;
      for (int i = start; i < end; i++) {
        if (Double.isFinite(values[i])) {
          min = min < 0 || values[i] < values[min] ? i : min;
          max = max < 0 || values[i] > values[max] ? i : max;
        }
      }
      if (min < 0) {
        out[k++] = null;
        out[k++] = null;
      } else {
        out[k++] = ChartData.round(values[Math.min(min, max)]);
        out[k++] = ChartData.round(values[Math.max(min, max)]);
      }
    }
    return out;
  }

  /** Returns the number of kept points. */
  int keptPoints() {
    if (bucketPoints == 1) {
      return length;
    }
    int whole = length / bucketPoints;
    int rest = length % bucketPoints;
    return 2 * whole + (rest == 0 ? 0 : rest == 1 ? 1 : 2);
  }

  private void requireLength(int actual) {
    if (actual != length) {
      throw new IllegalArgumentException("the series must have " + length + " points, but had " + actual);
    }
  }
}
