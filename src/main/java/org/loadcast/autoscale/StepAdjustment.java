package org.loadcast.autoscale;

/**
 * One step of a step-scaling policy: a range of the metric relative to the alarm threshold, and
 * the adjustment made when the breach falls in it (AUTOSCALING.md §2.2).
 *
 * <p>Above the threshold the lower bound is inclusive and the upper exclusive; below it the upper
 * bound is inclusive and the lower exclusive.
 *
 * @param lowerBound the metric minus the threshold where the step starts, in percentage points;
 *     null for −∞
 * @param upperBound where it ends, in percentage points, {@code > lowerBound}; null for +∞
 * @param scalingAdjustment instances, percent or the exact capacity, as the policy's {@link
 *     AdjustmentType} reads it
 */
public record StepAdjustment(Double lowerBound, Double upperBound, int scalingAdjustment) {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if a bound is not finite or the upper is not above the lower
   */
  public StepAdjustment {
    if (lowerBound != null && !Double.isFinite(lowerBound)) {
      throw new IllegalArgumentException("lowerBound must be finite or absent, but was " + lowerBound);
    }
    if (upperBound != null && !Double.isFinite(upperBound)) {
      throw new IllegalArgumentException("upperBound must be finite or absent, but was " + upperBound);
    }
    if (lowerBound != null && upperBound != null && !(upperBound > lowerBound)) {
      throw new IllegalArgumentException("upperBound must be > lowerBound (" + lowerBound + "), but was " + upperBound);
    }
  }

  /**
   * Returns whether the breach falls in this step.
   *
   * @param difference the metric minus the threshold, in percentage points
   * @param above whether the alarm breaches above the threshold (lower bound inclusive) or below it
   *     (upper bound inclusive)
   */
  boolean contains(double difference, boolean above) {
    boolean overLower = lowerBound == null || (above ? difference >= lowerBound : difference > lowerBound);
    boolean underUpper = upperBound == null || (above ? difference < upperBound : difference <= upperBound);
    return overLower && underUpper;
  }
}
