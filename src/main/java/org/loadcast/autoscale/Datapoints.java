package org.loadcast.autoscale;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.DoublePredicate;

/**
 * The latest datapoints of a CloudWatch metric, one per evaluation period, newest last; a missing
 * datapoint is NaN and breaches no alarm.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class Datapoints {
  private final int capacity;
  private final Deque<Double> values = new ArrayDeque<>();

  /** Keeps the latest {@code capacity} datapoints, {@code >= 1}. */
  Datapoints(int capacity) {
    this.capacity = capacity;
  }

  /** Appends a datapoint, dropping the oldest beyond the capacity. */
  void add(double value) {
    values.addLast(value);
    if (values.size() > capacity) {
      values.removeFirst();
    }
  }

  /**
   * Returns whether the latest {@code count} datapoints all exist and satisfy the condition: an alarm
   * of {@code count} out of {@code count} datapoints.
   *
   * @param count the datapoints to alarm, 1 to the capacity
   * @param breach the alarm's condition on one datapoint
   * @return false while fewer than {@code count} datapoints have been seen
   */
  boolean latestAll(int count, DoublePredicate breach) {
    if (values.size() < count) {
      return false;
    }
    Iterator<Double> newestFirst = values.descendingIterator();
    for (int i = 0; i < count; i++) {
      double v = newestFirst.next();
      if (Double.isNaN(v) || !breach.test(v)) {
        return false;
      }
    }
    return true;
  }
}
