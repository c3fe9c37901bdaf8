package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The running state of a {@link TargetTrackingPolicy}: its datapoints.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class TargetTracking implements Autoscaler {
  private final TargetTrackingPolicy policy;
  private final ScalingContext context;
  private final GroupMetric metric;
  private final CapacitySchedule schedule;
  private final Datapoints datapoints;

  TargetTracking(TargetTrackingPolicy policy, ScalingContext context) {
    this.policy = policy;
    this.context = context;
    this.metric = new GroupMetric(policy.instanceWarmupSeconds());
    this.schedule = new CapacitySchedule(policy.minCapacity(), policy.maxCapacity(), policy.scheduled());
    this.datapoints = new Datapoints(Math.max(policy.scaleOutDatapoints(), policy.scaleInDatapoints()));
  }

  @Override
  public double decisionPeriodSeconds() {
    return policy.evaluationPeriodSeconds();
  }

  /** Returns CloudWatch's window over the alarm's evaluation period ({@link MetricWindow#cloudWatch}). */
  @Override
  public MetricWindow metricWindow() {
    return MetricWindow.cloudWatch(policy.evaluationPeriodSeconds());
  }

  @Override
  public int desiredReplicas(ScalingView view) {
    double percent = metric.utilizationPercent(view);
    datapoints.add(percent);
    int current = view.currentReplicas();
    int warming = metric.warmingCount(view);
    double target = policy.targetUtilizationPercent();
    int desired = current;
    if (datapoints.latestAll(policy.scaleOutDatapoints(), m -> m > target)) {
      int warm = view.pods().size() - warming;
      desired = Math.max(current, ceil(warm * percent / target));
    } else if (!policy.scaleInDisabled() && warming == 0
        && datapoints.latestAll(policy.scaleInDatapoints(), m -> m < policy.scaleInThresholdFraction() * target)) {
      desired = Math.min(current, ceil(current * percent / target));
    }
    return schedule.clamp(desired, context.wallClock(view.nowSeconds()));
  }

  /** Rounds up, forgiving the last bits of floating-point error (4 × 75 / 50 is 6, not 7). */
  static int ceil(double instances) {
    return (int) Math.ceil(instances - 1e-9);
  }
}
