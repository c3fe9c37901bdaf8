package org.loadcast.autoscale;

import java.util.List;
import org.loadcast.sim.Autoscaler;

/**
 * AWS EC2 Auto Scaling target tracking on the group's average CPU utilization (AUTOSCALING.md §2.1,
 * defaults from §8, REACTIVE-AWS-TT).
 *
 * <p>Every evaluation period the policy takes one datapoint: the average utilization of the
 * instances no longer warming up ({@link GroupMetric}); with none, the datapoint is missing
 * ("insufficient data") and breaches neither alarm.
 *
 * <ul>
 *   <li><b>AlarmHigh</b>, the latest {@code scaleOutDatapoints} datapoints all above the target:
 *       desired = max(current, ⌈warm × metric / target⌉), where {@code warm} counts the instances no
 *       longer warming up: warming instances count neither in the metric nor in current capacity
 *       when scaling out, so a scale-out already under way is not repeated.
 *   <li><b>AlarmLow</b>, the latest {@code scaleInDatapoints} datapoints all below {@code
 *       scaleInThresholdFraction × target}, no instance warming up, and scale-in enabled: desired =
 *       min(current, ⌈current × metric / target⌉). Rounding up is the conservative rounding of §2.1:
 *       1.5 instances needed adds 2, 1.5 to remove removes 1.
 *   <li>Then the min and max capacity in force, including {@code scheduled} actions.
 * </ul>
 *
 * <p>The 3-of-3 and 15-of-15 alarms and the 0.9 factor are the managed alarms as observed [O]; AWS
 * does not document them (§2.1).
 *
 * @param targetUtilizationPercent the target average utilization, in (0, 100]
 * @param minCapacity the fewest instances, {@code >= 1}
 * @param maxCapacity the most instances, {@code >= minCapacity}
 * @param instanceWarmupSeconds the group's default instance warm-up from the launch request, 0 to
 *     3600; null means until the instance is ready (boot plus readiness, §8)
 * @param evaluationPeriodSeconds the alarm period and decision interval, {@code > 0}; default 60
 * @param scaleOutDatapoints datapoints above the target that raise AlarmHigh, 1 to 60; default 3
 * @param scaleInDatapoints datapoints below the scale-in threshold that raise AlarmLow, 1 to 60;
 *     default 15
 * @param scaleInThresholdFraction AlarmLow's threshold as a fraction of the target, in (0, 1];
 *     default 0.9
 * @param scaleInDisabled whether the policy never scales in (AWS {@code DisableScaleIn})
 * @param scheduled scheduled actions that set the min and max capacity; copied, may be empty
 */
public record TargetTrackingPolicy(
    double targetUtilizationPercent, int minCapacity, int maxCapacity, Double instanceWarmupSeconds,
    double evaluationPeriodSeconds, int scaleOutDatapoints, int scaleInDatapoints, double scaleInThresholdFraction,
    boolean scaleInDisabled, List<ScheduledAction> scheduled) implements ScalingPolicy {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a field is out of its range; the message names it
   */
  public TargetTrackingPolicy {
    if (!(targetUtilizationPercent > 0 && targetUtilizationPercent <= 100)) {
      throw new IllegalArgumentException("targetUtilizationPercent must be in (0, 100], but was " + targetUtilizationPercent);
    }
    new GroupMetric(instanceWarmupSeconds);
    if (!(evaluationPeriodSeconds > 0) || !Double.isFinite(evaluationPeriodSeconds)) {
      throw new IllegalArgumentException("evaluationPeriodSeconds must be > 0, but was " + evaluationPeriodSeconds);
    }
    if (scaleOutDatapoints < 1 || scaleOutDatapoints > 60) {
      throw new IllegalArgumentException("scaleOutDatapoints must be in 1..60, but was " + scaleOutDatapoints);
    }
    if (scaleInDatapoints < 1 || scaleInDatapoints > 60) {
      throw new IllegalArgumentException("scaleInDatapoints must be in 1..60, but was " + scaleInDatapoints);
    }
    if (!(scaleInThresholdFraction > 0 && scaleInThresholdFraction <= 1)) {
      throw new IllegalArgumentException("scaleInThresholdFraction must be in (0, 1], but was " + scaleInThresholdFraction);
    }
    scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
    new CapacitySchedule(minCapacity, maxCapacity, scheduled);
  }

  /**
   * Returns a policy with the defaults of §8: 60 s evaluation, 3 of 3 above the target to scale
   * out, 15 of 15 below 0.9 × target to scale in, warm-up until ready, no schedule.
   *
   * @param targetUtilizationPercent the target, in (0, 100]
   * @param minCapacity the fewest instances
   * @param maxCapacity the most instances
   * @return the policy
   * @throws IllegalArgumentException if a value is out of range
   */
  public static TargetTrackingPolicy withDefaults(double targetUtilizationPercent, int minCapacity, int maxCapacity) {
    return new TargetTrackingPolicy(targetUtilizationPercent, minCapacity, maxCapacity, null, 60, 3, 15, 0.9, false, List.of());
  }

  @Override
  public int maxInstances() {
    return ScheduledAction.largestMax(maxCapacity, scheduled);
  }

  @Override
  public double knobValue() {
    return targetUtilizationPercent;
  }

  @Override
  public TargetTrackingPolicy withKnob(double value) {
    return new TargetTrackingPolicy(value, minCapacity, maxCapacity, instanceWarmupSeconds, evaluationPeriodSeconds,
        scaleOutDatapoints, scaleInDatapoints, scaleInThresholdFraction, scaleInDisabled, scheduled);
  }

  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    return new TargetTracking(this, context);
  }
}
