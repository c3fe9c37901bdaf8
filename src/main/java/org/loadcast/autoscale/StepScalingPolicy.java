package org.loadcast.autoscale;

import java.util.List;
import org.loadcast.sim.Autoscaler;

/**
 * AWS EC2 Auto Scaling step scaling on the group's average CPU utilization (AUTOSCALING.md §2.2),
 * with the group's instance warm-up (§2.1) and scheduled actions (§2.3, "Events").
 *
 * <p>Every evaluation period the policy takes one datapoint, as target tracking does ({@link
 * GroupMetric}: instances warming up are left out). Then:
 *
 * <ul>
 *   <li>if the scale-out alarm breaches, the step holding the latest datapoint adjusts the capacity
 *       of the instances no longer warming up, and desired = max(current, that). So a breach in the
 *       same step while the last scale-out warms up makes no second activity, and a larger step adds
 *       only the difference: §2.2's worked example, 10 → 11 at +10 %, then 13 at +30 % (not 14);
 *   <li>otherwise, if the scale-in alarm breaches and no instance is warming up, desired = min(current,
 *       the step's adjustment of the current capacity);
 *   <li>then the min and max capacity in force, including scheduled actions.
 * </ul>
 *
 * <p>Step scaling has no cooldown: it keeps responding to alarms during an activity (§2.2).
 *
 * @param minCapacity the fewest instances, {@code >= 1}
 * @param maxCapacity the most instances, {@code >= minCapacity}
 * @param instanceWarmupSeconds the group's default instance warm-up from the launch request, 0 to
 *     3600; null means until the instance is ready
 * @param evaluationPeriodSeconds the alarm period and decision interval, {@code > 0}; default 60
 * @param scaleOut the alarm that adds instances, breaching above its threshold; null for none
 * @param scaleIn the alarm that removes instances, breaching below its threshold, which must lie
 *     below the scale-out threshold; null for none
 * @param scheduled scheduled actions that set the min and max capacity; copied, may be empty
 */
public record StepScalingPolicy(
    int minCapacity, int maxCapacity, Double instanceWarmupSeconds, double evaluationPeriodSeconds,
    StepAlarm scaleOut, StepAlarm scaleIn, List<ScheduledAction> scheduled) implements ScalingPolicy {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a field is out of range, both alarms are missing, an alarm
   *     breaches on the wrong side, or the scale-in threshold is not below the scale-out threshold
   */
  public StepScalingPolicy {
    new GroupMetric(instanceWarmupSeconds);
    if (!(evaluationPeriodSeconds > 0) || !Double.isFinite(evaluationPeriodSeconds)) {
      throw new IllegalArgumentException("evaluationPeriodSeconds must be > 0, but was " + evaluationPeriodSeconds);
    }
    if (scaleOut == null && scaleIn == null) {
      throw new IllegalArgumentException("scaleOut or scaleIn is required: a step-scaling policy needs an alarm");
    }
    if (scaleOut != null && !scaleOut.above()) {
      throw new IllegalArgumentException("scaleOut must breach above its threshold");
    }
    if (scaleIn != null && scaleIn.above()) {
      throw new IllegalArgumentException("scaleIn must breach below its threshold");
    }
    if (scaleOut != null && scaleIn != null && !(scaleIn.thresholdPercent() < scaleOut.thresholdPercent())) {
      throw new IllegalArgumentException("scaleIn.thresholdPercent must be < scaleOut.thresholdPercent ("
          + scaleOut.thresholdPercent() + "), but was " + scaleIn.thresholdPercent());
    }
    scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
    new CapacitySchedule(minCapacity, maxCapacity, scheduled);
  }

  @Override
  public String knobName() {
    return scaleOut != null ? "scaleOut.thresholdPercent" : "scaleIn.thresholdPercent";
  }

  /** Returns the scale-out alarm's threshold, or the scale-in alarm's without a scale-out alarm. */
  @Override
  public int maxInstances() {
    return ScheduledAction.largestMax(maxCapacity, scheduled);
  }

  @Override
  public double knobValue() {
    return scaleOut != null ? scaleOut.thresholdPercent() : scaleIn.thresholdPercent();
  }

  /** Returns this policy with both alarm thresholds moved by {@code value − knobValue()} points. */
  @Override
  public StepScalingPolicy withKnob(double value) {
    double shift = value - knobValue();
    return new StepScalingPolicy(minCapacity, maxCapacity, instanceWarmupSeconds, evaluationPeriodSeconds,
        scaleOut == null ? null : scaleOut.shifted(shift, "scaleOut"), scaleIn == null ? null : scaleIn.shifted(shift, "scaleIn"),
        scheduled);
  }

  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    return new StepScaling(this, context);
  }
}
