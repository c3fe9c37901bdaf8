package org.loadcast.autoscale;

import java.util.List;

/**
 * One CloudWatch alarm of a step-scaling policy and its step adjustments (AUTOSCALING.md §2.2).
 *
 * <p>The alarm breaches when the latest {@code evaluationPeriods} datapoints are all at or beyond
 * the threshold: {@code >=} for a scale-out alarm, {@code <=} for a scale-in alarm (the comparisons
 * whose edge the first step's inclusive bound takes).
 *
 * <p>The steps are in increasing order, with no gaps or overlaps: each step's lower bound is the
 * upper bound of the one before. Only the first may lack a lower bound and only the last an upper
 * bound, and together they cover the breach side: a scale-out alarm's steps reach from 0 or below
 * to +∞, a scale-in alarm's from −∞ to 0 or above.
 *
 * @param above whether the alarm breaches above the threshold (scale-out) or below it (scale-in)
 * @param thresholdPercent the alarm threshold on the average utilization, 0 to 100
 * @param evaluationPeriods datapoints in a row that must breach, 1 to 60
 * @param adjustmentType how the steps change the capacity
 * @param minAdjustmentMagnitude the smallest change of a percent step, {@code >= 1}; null for none;
 *     only with {@link AdjustmentType#PERCENT_CHANGE_IN_CAPACITY}
 * @param steps the step adjustments, in increasing order; copied
 */
public record StepAlarm(
    boolean above, double thresholdPercent, int evaluationPeriods, AdjustmentType adjustmentType,
    Integer minAdjustmentMagnitude, List<StepAdjustment> steps) {

  /**
   * Validates the alarm.
   *
   * @throws IllegalArgumentException if a field is out of range or the steps leave a gap, overlap,
   *     or do not cover the breach side; the message names the field
   */
  public StepAlarm {
    if (!(thresholdPercent >= 0 && thresholdPercent <= 100)) {
      throw new IllegalArgumentException("thresholdPercent must be in 0..100, but was " + thresholdPercent);
    }
    if (evaluationPeriods < 1 || evaluationPeriods > 60) {
      throw new IllegalArgumentException("evaluationPeriods must be in 1..60, but was " + evaluationPeriods);
    }
    if (adjustmentType == null) {
      throw new IllegalArgumentException("adjustmentType is required");
    }
    if (minAdjustmentMagnitude != null && adjustmentType != AdjustmentType.PERCENT_CHANGE_IN_CAPACITY) {
      throw new IllegalArgumentException("minAdjustmentMagnitude must be absent unless adjustmentType is "
          + "PercentChangeInCapacity, but was " + minAdjustmentMagnitude);
    }
    if (minAdjustmentMagnitude != null && minAdjustmentMagnitude < 1) {
      throw new IllegalArgumentException("minAdjustmentMagnitude must be >= 1, but was " + minAdjustmentMagnitude);
    }
    steps = steps == null ? List.of() : List.copyOf(steps);
    checkSteps(steps, above);
  }

  private static void checkSteps(List<StepAdjustment> steps, boolean above) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("steps must list at least one step adjustment, but was empty");
    }
    for (int i = 0; i < steps.size(); i++) {
      StepAdjustment s = steps.get(i);
      if (i > 0 && s.lowerBound() == null) {
        throw new IllegalArgumentException("steps[" + i + "].lowerBound must be given (only the first step may lack one)");
      }
      if (i < steps.size() - 1 && s.upperBound() == null) {
        throw new IllegalArgumentException("steps[" + i + "].upperBound must be given (only the last step may lack one)");
      }
      if (i > 0 && !s.lowerBound().equals(steps.get(i - 1).upperBound())) {
        throw new IllegalArgumentException("steps[" + i + "].lowerBound must equal steps[" + (i - 1) + "].upperBound ("
            + steps.get(i - 1).upperBound() + "): no gaps or overlaps, but was " + s.lowerBound());
      }
    }
    StepAdjustment first = steps.get(0);
    StepAdjustment last = steps.get(steps.size() - 1);
    if (above && (last.upperBound() != null || (first.lowerBound() != null && first.lowerBound() > 0))) {
      throw new IllegalArgumentException("steps must cover every breach above the threshold, from a lowerBound of 0 or "
          + "less (or none) to no upperBound, but cover " + range(first, last));
    }
    if (!above && (first.lowerBound() != null || (last.upperBound() != null && last.upperBound() < 0))) {
      throw new IllegalArgumentException("steps must cover every breach below the threshold, from no lowerBound to an "
          + "upperBound of 0 or more (or none), but cover " + range(first, last));
    }
  }

  private static String range(StepAdjustment first, StepAdjustment last) {
    return (first.lowerBound() == null ? "(−∞" : "[" + first.lowerBound()) + ", "
        + (last.upperBound() == null ? "+∞)" : last.upperBound() + ")");
  }

  /**
   * Returns this alarm with its threshold moved.
   *
   * @param points how far, in percentage points; negative lowers it
   * @param field the alarm's name, for the message
   * @return the alarm
   * @throws IllegalArgumentException if the moved threshold leaves 0..100
   */
  StepAlarm shifted(double points, String field) {
    double moved = thresholdPercent + points;
    if (!(moved >= 0 && moved <= 100)) {
      throw new IllegalArgumentException(field + ".thresholdPercent must be in 0..100, but moving it by " + points
          + " points makes " + moved);
    }
    return new StepAlarm(above, moved, evaluationPeriods, adjustmentType, minAdjustmentMagnitude, steps);
  }

  /** Returns whether one datapoint breaches the threshold. */
  boolean breaches(double percent) {
    return above ? percent >= thresholdPercent : percent <= thresholdPercent;
  }

  /**
   * Returns the capacity the step that holds the metric asks for.
   *
   * @param percent the latest datapoint, in breach
   * @param capacity the capacity the adjustment starts from
   * @return the new capacity, before the min and max
   */
  int adjusted(double percent, int capacity) {
    double difference = percent - thresholdPercent;
    for (StepAdjustment step : steps) {
      if (step.contains(difference, above)) {
        return adjustmentType.apply(capacity, step.scalingAdjustment(),
            minAdjustmentMagnitude == null ? 0 : minAdjustmentMagnitude);
      }
    }
    return capacity;
  }
}
