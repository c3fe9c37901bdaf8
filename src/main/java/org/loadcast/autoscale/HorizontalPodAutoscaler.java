package org.loadcast.autoscale;

import java.util.ArrayList;
import java.util.List;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/**
 * The running state of one Kubernetes HPA: its recommendation history for the stabilization
 * windows and its scale events for the rate policies.
 *
 * <p>The steps follow the controller's code (kubernetes/kubernetes {@code
 * pkg/controller/podautoscaler}): {@code GetResourceReplicas} and {@code groupPods} in {@code
 * replica_calculator.go}; {@code stabilizeRecommendationWithBehaviors}, {@code
 * convertDesiredReplicasWithBehaviorRate} and the two {@code calculateScale*Limit} functions in
 * {@code horizontal.go}. Utilization is the integer percent of the pods' requests, as the metrics
 * client computes it.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class HorizontalPodAutoscaler {
  /** Returned by {@link #replicasForMetrics} when no ready pod has a metric: no decision. */
  static final int NO_METRICS = -1;

  private final HpaPolicy policy;
  private final List<double[]> recommendations = new ArrayList<>();
  private final List<double[]> scaleUpEvents = new ArrayList<>();
  private final List<double[]> scaleDownEvents = new ArrayList<>();

  HorizontalPodAutoscaler(HpaPolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns the replicas the CPU metric asks for, before stabilization and rate limits: {@code
   * GetResourceReplicas}.
   *
   * @param view the pods and the current replicas
   * @return the replicas, or {@link #NO_METRICS} when no ready pod has a usable sample
   */
  int replicasForMetrics(ScalingView view) {
    PodGroups groups = PodGroups.of(view.pods(), view.nowSeconds(), policy.cpuInitializationPeriodSeconds());
    if (groups.valid.isEmpty()) {
      return NO_METRICS;
    }
    int current = view.currentReplicas();
    double usageRatio = utilizationPercent(groups.valid) / (double) policy.targetUtilizationPercent();
    boolean scaleUpWithUnready = groups.unready > 0 && usageRatio > 1.0;
    if (!scaleUpWithUnready && groups.missing == 0) {
      if (Math.abs(1.0 - usageRatio) <= policy.tolerance()) {
        return current;
      }
      return (int) Math.ceil(usageRatio * groups.valid.size());
    }
    return replicasWithFallbacks(groups, usageRatio, scaleUpWithUnready, current);
  }

  private int replicasWithFallbacks(PodGroups groups, double usageRatio, boolean scaleUpWithUnready, int current) {
    List<Double> metrics = new ArrayList<>(groups.valid);
    if (usageRatio < 1.0) {
      double fallback = Math.max(100, policy.targetUtilizationPercent()) / 100.0;
      for (int i = 0; i < groups.missing; i++) {
        metrics.add(fallback);
      }
    } else if (usageRatio > 1.0) {
      for (int i = 0; i < groups.missing; i++) {
        metrics.add(0.0);
      }
    }
    if (scaleUpWithUnready) {
      for (int i = 0; i < groups.unready; i++) {
        metrics.add(0.0);
      }
    }
    double newRatio = utilizationPercent(metrics) / (double) policy.targetUtilizationPercent();
    if (Math.abs(1.0 - newRatio) <= policy.tolerance()
        || (usageRatio < 1.0 && newRatio > 1.0) || (usageRatio > 1.0 && newRatio < 1.0)) {
      return current;
    }
    int newReplicas = (int) Math.ceil(newRatio * metrics.size());
    if ((newRatio < 1.0 && newReplicas > current) || (newRatio > 1.0 && newReplicas < current)) {
      return current;
    }
    return newReplicas;
  }

  /** Integer percent of the requests in use, as {@code GetResourceUtilizationRatio} truncates it. */
  private static long utilizationPercent(List<Double> utilizationFractions) {
    double sum = 0;
    for (double u : utilizationFractions) {
      sum += u;
    }
    return (long) Math.floor(100 * sum / utilizationFractions.size() + 1e-9);
  }

  /**
   * Returns the replicas to set: the reconcile step of {@code horizontal.go}, which clamps to the
   * min and max first, and otherwise stabilizes and rate-limits the metric's recommendation. Records
   * the scale event when the replicas change.
   *
   * @param view the current replicas and time
   * @param metricReplicas the metric's recommendation, or {@link #NO_METRICS}
   * @return the replicas to set, {@code >= 1}
   */
  int reconcile(ScalingView view, int metricReplicas) {
    int current = view.currentReplicas();
    double now = view.nowSeconds();
    int desired;
    if (current > policy.maxReplicas()) {
      desired = policy.maxReplicas();
    } else if (current < policy.minReplicas()) {
      desired = policy.minReplicas();
    } else if (metricReplicas == NO_METRICS) {
      return current;
    } else {
      int stabilized = stabilize(now, current, metricReplicas);
      desired = rateLimited(now, current, stabilized);
    }
    if (desired != current) {
      (desired > current ? scaleUpEvents : scaleDownEvents).add(new double[] {now, Math.abs(desired - current)});
    }
    return desired;
  }

  /** {@code stabilizeRecommendationWithBehaviors}: the rolling min (up) and max (down) of recommendations. */
  private int stabilize(double now, int current, int recommended) {
    if (recommendations.isEmpty()) {
      recommendations.add(new double[] {now, current});
    }
    double upCutoff = now - policy.scaleUp().stabilizationWindowSeconds();
    double downCutoff = now - policy.scaleDown().stabilizationWindowSeconds();
    int upRecommendation = recommended;
    int downRecommendation = recommended;
    int oldIndex = -1;
    for (int i = 0; i < recommendations.size(); i++) {
      double[] rec = recommendations.get(i);
      if (rec[0] > upCutoff) {
        upRecommendation = Math.min((int) rec[1], upRecommendation);
      }
      if (rec[0] > downCutoff) {
        downRecommendation = Math.max((int) rec[1], downRecommendation);
      }
      if (rec[0] < upCutoff && rec[0] < downCutoff) {
        oldIndex = i;
      }
    }
    int stabilized = Math.min(Math.max(current, upRecommendation), downRecommendation);
    double[] fresh = {now, recommended};
    if (oldIndex >= 0) {
      recommendations.set(oldIndex, fresh);
    } else {
      recommendations.add(fresh);
    }
    return stabilized;
  }

  /** {@code convertDesiredReplicasWithBehaviorRate}: the rate policies, then min and max. */
  private int rateLimited(double now, int current, int desired) {
    if (desired > current) {
      int limit = Math.max(current, scaleLimit(now, current, policy.scaleUp(), true));
      return Math.min(desired, Math.min(policy.maxReplicas(), limit));
    }
    if (desired < current) {
      int limit = Math.min(current, scaleLimit(now, current, policy.scaleDown(), false));
      return Math.max(desired, Math.max(policy.minReplicas(), limit));
    }
    return desired;
  }

  private int scaleLimit(double now, int current, ScalingRules rules, boolean up) {
    if (rules.selectPolicy() == ScalingRules.SelectPolicy.DISABLED) {
      return current;
    }
    boolean largestChange = rules.selectPolicy() == ScalingRules.SelectPolicy.MAX;
    boolean pickHighest = up == largestChange;
    int result = pickHighest ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingRules.RatePolicy rate : rules.policies()) {
      int periodStart = current - changeWithin(scaleUpEvents, now, rate.periodSeconds())
          + changeWithin(scaleDownEvents, now, rate.periodSeconds());
      int proposed = proposal(rate, periodStart, up);
      result = pickHighest ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  private static int proposal(ScalingRules.RatePolicy rate, int periodStart, boolean up) {
    if (rate.type() == ScalingRules.RatePolicy.Type.PODS) {
      return up ? periodStart + rate.value() : periodStart - rate.value();
    }
    return up
        ? (int) Math.ceil(periodStart * (1 + rate.value() / 100.0))
        : (int) (periodStart * (1 - rate.value() / 100.0));
  }

  /** {@code getReplicasChangePerPeriod}: replicas changed by events after {@code now − period}. */
  private static int changeWithin(List<double[]> events, double now, int periodSeconds) {
    double cutoff = now - periodSeconds;
    int sum = 0;
    for (double[] event : events) {
      if (event[0] > cutoff) {
        sum += (int) event[1];
      }
    }
    return sum;
  }

  /** The pods split as {@code groupPods} does: valid samples, unready pods and pods without metrics. */
  private record PodGroups(List<Double> valid, int unready, int missing) {

    static PodGroups of(List<PodMetrics> pods, double now, double cpuInitializationSeconds) {
      List<Double> valid = new ArrayList<>();
      int unready = 0;
      int missing = 0;
      for (PodMetrics pod : pods) {
        if (pod.state() == InstanceState.BOOTING) {
          unready++;
        } else if (!pod.hasMetric()) {
          missing++;
        } else if (isUnready(pod, now, cpuInitializationSeconds)) {
          unready++;
        } else {
          valid.add(pod.utilizationFraction());
        }
      }
      return new PodGroups(valid, unready, missing);
    }

    /**
     * A running pod's CPU sample is ignored when the pod is not ready, or when it started within the
     * CPU initialization period and the sample window began before the pod became ready.
     */
    private static boolean isUnready(PodMetrics pod, double now, double cpuInitializationSeconds) {
      if (!pod.ready()) {
        return true;
      }
      boolean initializing = pod.startedAtSeconds() + cpuInitializationSeconds > now;
      return initializing && pod.metricWindowStartSeconds() < pod.readyAtSeconds();
    }
  }
}
