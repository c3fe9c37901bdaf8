package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;

/**
 * AWS EC2 Auto Scaling predictive scaling in {@code ForecastAndScale} mode, combined with a dynamic
 * policy (AUTOSCALING.md §2.3, defaults of §8, PREDICTIVE-AWS).
 *
 * <ul>
 *   <li>History: hourly arrival counts. A forecast needs at least {@value #MIN_HISTORY_HOURS} hours
 *       and uses up to the previous {@value #MAX_HISTORY_HOURS} (14 days).
 *   <li>Forecast: hourly load for the next {@value #FORECAST_HOURS} hours, refreshed every {@value
 *       #REFRESH_SECONDS} s (6 h) from time 0. AWS does not publish its model; this one is an additive
 *       Holt-Winters with a daily season (R's formulation, weights fitted by BOBYQA) when 48 hours are
 *       available, else the seasonal naive forecast of the last 24 hours. The history used is the
 *       stretch after its last missing hour, so that a gap shortens it rather than reading as zero.
 *   <li>Capacity from load: ⌈forecast requests per second / (capacity per instance × target
 *       utilization)⌉, AWS's "inferred required capacity" with the calibrated capacity as the load
 *       per unit of the scaling metric.
 *   <li>Action timing: the capacity of each forecast hour applies from {@code
 *       schedulingBufferSeconds} before the hour starts (instances launch early).
 *   <li>Combining: desired = max(predictive, dynamic), held to the dynamic policy's min and max in
 *       force ({@code HonorMaxCapacity}). Predictive scaling never scales in by itself; only the
 *       dynamic policy does.
 * </ul>
 *
 * <p>Hours are counted from the run's start (simulation time 0), not from the clock's whole hours.
 * The policy reads arrivals only of hours that ended at or before the decision.
 *
 * @param dynamic the dynamic policy: a {@link TargetTrackingPolicy} or a {@link StepScalingPolicy}
 * @param targetUtilizationPercent the scaling metric's target for the predicted load, in (0, 100]
 * @param schedulingBufferSeconds how early each hour's capacity applies, in [0, 3600); AWS's
 *     default is 300
 */
public record AwsPredictivePolicy(ScalingPolicy dynamic, double targetUtilizationPercent, double schedulingBufferSeconds)
    implements ScalingPolicy {

  /** Hours of history needed for the first forecast. */
  public static final int MIN_HISTORY_HOURS = 24;
  /** Hours of history a forecast uses at most: 14 days. */
  public static final int MAX_HISTORY_HOURS = 14 * 24;
  /** Hours each forecast covers. */
  public static final int FORECAST_HOURS = 48;
  /** Seconds between forecasts. */
  public static final int REFRESH_SECONDS = 6 * 3600;

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if the dynamic policy is not an AWS one or a value is out of
   *     range; the message names the field
   */
  public AwsPredictivePolicy {
    if (!(dynamic instanceof TargetTrackingPolicy) && !(dynamic instanceof StepScalingPolicy)) {
      throw new IllegalArgumentException("dynamic must be a target-tracking or step-scaling policy, but was "
          + (dynamic == null ? "missing" : dynamic.getClass().getSimpleName()));
    }
    if (!(targetUtilizationPercent > 0 && targetUtilizationPercent <= 100)) {
      throw new IllegalArgumentException("targetUtilizationPercent must be in (0, 100], but was " + targetUtilizationPercent);
    }
    if (!(schedulingBufferSeconds >= 0 && schedulingBufferSeconds < 3600)) {
      throw new IllegalArgumentException("schedulingBufferSeconds must be in [0, 3600), but was " + schedulingBufferSeconds);
    }
  }

  /**
   * Returns a policy with AWS's 300 s scheduling buffer.
   *
   * @param dynamic the dynamic policy
   * @param targetUtilizationPercent the target for the predicted load, in (0, 100]
   * @return the policy
   * @throws IllegalArgumentException as the constructor
   */
  public static AwsPredictivePolicy withDefaults(ScalingPolicy dynamic, double targetUtilizationPercent) {
    return new AwsPredictivePolicy(dynamic, targetUtilizationPercent, 300);
  }

  @Override
  public int maxInstances() {
    return dynamic.maxInstances();
  }

  @Override
  public double knobValue() {
    return targetUtilizationPercent;
  }

  /** Returns this policy with the target at {@code value} and the dynamic policy's knob moved by the same points. */
  @Override
  public AwsPredictivePolicy withKnob(double value) {
    return new AwsPredictivePolicy(dynamic.withKnob(dynamic.knobValue() + value - targetUtilizationPercent), value,
        schedulingBufferSeconds);
  }

  /** Returns the bounds of the dynamic policy, with its scheduled actions. */
  CapacitySchedule bounds() {
    if (dynamic instanceof TargetTrackingPolicy t) {
      return new CapacitySchedule(t.minCapacity(), t.maxCapacity(), t.scheduled());
    }
    StepScalingPolicy s = (StepScalingPolicy) dynamic;
    return new CapacitySchedule(s.minCapacity(), s.maxCapacity(), s.scheduled());
  }

  /**
   * Returns a new autoscaler.
   *
   * @param context its history must have 3600 s buckets
   * @throws IllegalArgumentException if the history's buckets are not hours
   */
  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    if (context.history().bucketSeconds() != 3600) {
      throw new IllegalArgumentException("the history's buckets (" + context.history().bucketSeconds()
          + " s) must be hours (3600 s)");
    }
    return new AwsPredictiveScaling(this, context, dynamic.newAutoscaler(context));
  }
}
