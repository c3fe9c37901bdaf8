package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The running state of a {@link StepScalingPolicy}: its datapoints.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class StepScaling implements Autoscaler {
  private final StepScalingPolicy policy;
  private final ScalingContext context;
  private final GroupMetric metric;
  private final CapacitySchedule schedule;
  private final Datapoints datapoints;

  StepScaling(StepScalingPolicy policy, ScalingContext context) {
    this.policy = policy;
    this.context = context;
    this.metric = new GroupMetric(policy.instanceWarmupSeconds());
    this.schedule = new CapacitySchedule(policy.minCapacity(), policy.maxCapacity(), policy.scheduled());
    int periods = Math.max(policy.scaleOut() == null ? 1 : policy.scaleOut().evaluationPeriods(),
        policy.scaleIn() == null ? 1 : policy.scaleIn().evaluationPeriods());
    this.datapoints = new Datapoints(periods);
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
    int desired = current;
    StepAlarm out = policy.scaleOut();
    StepAlarm in = policy.scaleIn();
    if (out != null && datapoints.latestAll(out.evaluationPeriods(), out::breaches)) {
      desired = Math.max(current, out.adjusted(percent, view.pods().size() - warming));
    } else if (in != null && warming == 0 && datapoints.latestAll(in.evaluationPeriods(), in::breaches)) {
      desired = Math.min(current, in.adjusted(percent, current));
    }
    return schedule.clamp(desired, context.wallClock(view.nowSeconds()));
  }
}
