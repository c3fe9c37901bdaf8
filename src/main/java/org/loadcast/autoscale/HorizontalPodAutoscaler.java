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
 * pkg/controller/podautoscaler}, {@code ../shared/reference/AUTOSCALING.md} §1):
 * <ol>
 *   <li>{@code GetResourceReplicas} and {@code groupPods} in {@code replica_calculator.go}: the
 *       usage ratio over the pods with a usable sample, the tolerance, then, with unready or
 *       missing pods, the conservative recount ({@link #replicasForMetrics});
 *   <li>{@code reconcileAutoscaler} in {@code horizontal.go}: the first sync records the current
 *       replicas as a recommendation ({@code recordInitialRecommendation}); replicas above the
 *       maximum or below the minimum are set to it at once; otherwise the recommendation is
 *       normalized, with a behavior by {@code stabilizeRecommendationWithBehaviors}, {@code
 *       convertDesiredReplicasWithBehaviorRate} and the two {@code calculateScale*Limit*}
 *       functions, without by {@code stabilizeRecommendation} and {@code
 *       convertDesiredReplicasWithRules} ({@link #reconcile}).
 * </ol>
 * Utilization is the integer percent of the pods' requests, as {@code GetResourceUtilizationRatio}
 * computes it. The tolerance test is the 1.33 {@code Tolerances.isWithin}: {@code 1 − down <= ratio
 * <= 1 + up}.
 *
 * <p>Mutable and not thread-safe: one per simulation run. It keeps only the recommendations within
 * the longer stabilization window and the scale events within the longest rate-policy period, as
 * the controller reuses the slots of older ones.
 */
final class HorizontalPodAutoscaler {
  /** Returned by {@link #replicasForMetrics} when no pod has a usable sample: no decision. */
  static final int NO_METRICS = -1;
  /** The legacy scale-up limit: at most this factor times the current replicas ({@code scaleUpLimitFactor}). */
  private static final double SCALE_UP_LIMIT_FACTOR = 2.0;
  /** The legacy scale-up limit is at least this many replicas ({@code scaleUpLimitMinimum}). */
  private static final double SCALE_UP_LIMIT_MINIMUM = 4.0;

  private final HpaPolicy policy;
  private final List<double[]> recommendations = new ArrayList<>();
  private final List<double[]> scaleUpEvents = new ArrayList<>();
  private final List<double[]> scaleDownEvents = new ArrayList<>();

  private final int longestPeriodSeconds;

  HorizontalPodAutoscaler(HpaPolicy policy) {
    this.policy = policy;
    this.longestPeriodSeconds = policy.behavior() == null ? 0
        : java.util.stream.Stream.of(policy.behavior().scaleUp(), policy.behavior().scaleDown())
            .flatMap(rules -> rules.policies().stream()).mapToInt(ScalingRules.RatePolicy::periodSeconds).max().orElse(0);
  }

  /**
   * Returns the replicas the CPU metric asks for, before stabilization and rate limits: {@code
   * GetResourceReplicas}.
   *
   * @param view the pods and the current replicas
   * @return the replicas, or {@link #NO_METRICS} when no pod has a usable sample
   */
  int replicasForMetrics(ScalingView view) {
    HpaController controller = policy.controller();
    PodGroups groups = PodGroups.of(view.pods(), view.nowSeconds(), controller.cpuInitializationPeriodSeconds(),
        controller.initialReadinessDelaySeconds());
    if (groups.valid.isEmpty()) {
      return NO_METRICS;
    }
    int current = view.currentReplicas();
    double usageRatio = utilizationPercent(groups.valid) / (double) policy.targetUtilizationPercent();
    boolean scaleUpWithUnready = groups.unready > 0 && usageRatio > 1.0;
    if (!scaleUpWithUnready && groups.missing == 0) {
      if (withinTolerance(usageRatio)) {
        return current;
      }
      return (int) Math.ceil(usageRatio * groups.valid.size());
    }
    return replicasWithFallbacks(groups, usageRatio, scaleUpWithUnready, current);
  }

  /** {@code Tolerances.isWithin}: the ratio lies in the dead band of both directions. */
  private boolean withinTolerance(double usageRatio) {
    return 1.0 - policy.scaleDownTolerance() <= usageRatio && usageRatio <= 1.0 + policy.scaleUpTolerance();
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
    if (withinTolerance(newRatio) || (usageRatio < 1.0 && newRatio > 1.0) || (usageRatio > 1.0 && newRatio < 1.0)) {
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
   * Returns the replicas to set: the reconcile step of {@code horizontal.go}. The first call records
   * the current replicas as a recommendation. Replicas outside the min and max go to the nearer
   * bound; otherwise the metric's recommendation is stabilized and rate-limited, with or without a
   * behavior. Records the scale event when the replicas change and the HPA has a behavior.
   *
   * @param view the current replicas and time
   * @param metricReplicas the metric's recommendation, or {@link #NO_METRICS}
   * @return the replicas to set, {@code >= 1}
   */
  int reconcile(ScalingView view, int metricReplicas) {
    int current = view.currentReplicas();
    double now = view.nowSeconds();
    if (recommendations.isEmpty()) {
      recommendations.add(new double[] {now, current});
    }
    int desired;
    if (current > policy.maxReplicas()) {
      desired = policy.maxReplicas();
    } else if (current < policy.minReplicas()) {
      desired = policy.minReplicas();
    } else if (metricReplicas == NO_METRICS) {
      return current;
    } else if (policy.behavior() == null) {
      desired = legacyLimited(current, legacyStabilized(now, metricReplicas));
    } else {
      desired = rateLimited(now, current, stabilized(now, current, metricReplicas));
    }
    if (desired != current && policy.behavior() != null) {
      storeScaleEvent(now, current, desired);
    }
    return desired;
  }

  /**
   * {@code stabilizeRecommendation}: the highest recommendation not older than the controller's
   * downscale window (one exactly at the cutoff counts), and this one recorded.
   */
  private int legacyStabilized(double now, int recommended) {
    double cutoff = now - policy.controller().downscaleStabilizationSeconds();
    int highest = recommended;
    for (double[] rec : recommendations) {
      if (rec[0] >= cutoff) {
        highest = Math.max(highest, (int) rec[1]);
      }
    }
    record(now, recommended, cutoff);
    return highest;
  }

  /** {@code convertDesiredReplicasWithRules}: min, and max capped at {@code max(2 × current, 4)}. */
  private int legacyLimited(int current, int desired) {
    int scaleUpLimit = (int) Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM);
    int highest = Math.min(policy.maxReplicas(), scaleUpLimit);
    return Math.min(Math.max(desired, policy.minReplicas()), highest);
  }

  /**
   * {@code stabilizeRecommendationWithBehaviors}: the lowest recommendation within the scale-up
   * window bounds a rise, the highest within the scale-down window bounds a fall (a recommendation
   * exactly at a cutoff is outside its window), and this one recorded.
   */
  private int stabilized(double now, int current, int recommended) {
    HpaBehavior behavior = policy.behavior();
    double upCutoff = now - behavior.scaleUp().stabilizationWindowSeconds();
    double downCutoff = now - behavior.scaleDown().stabilizationWindowSeconds();
    int upRecommendation = recommended;
    int downRecommendation = recommended;
    for (double[] rec : recommendations) {
      if (rec[0] > upCutoff) {
        upRecommendation = Math.min((int) rec[1], upRecommendation);
      }
      if (rec[0] > downCutoff) {
        downRecommendation = Math.max((int) rec[1], downRecommendation);
      }
    }
    record(now, recommended, Math.min(upCutoff, downCutoff));
    return Math.min(Math.max(current, upRecommendation), downRecommendation);
  }

  /** Records a recommendation, dropping those older than {@code cutoff}, which no window reads again. */
  private void record(double now, int recommended, double cutoff) {
    recommendations.removeIf(rec -> rec[0] < cutoff);
    recommendations.add(new double[] {now, recommended});
  }

  /** {@code convertDesiredReplicasWithBehaviorRate}: the rate policies, then min and max. */
  private int rateLimited(double now, int current, int desired) {
    if (desired > current) {
      int limit = Math.max(current, scaleLimit(now, current, policy.behavior().scaleUp(), true));
      return Math.min(desired, Math.min(policy.maxReplicas(), limit));
    }
    if (desired < current) {
      int limit = Math.min(current, scaleLimit(now, current, policy.behavior().scaleDown(), false));
      return Math.max(desired, Math.max(policy.minReplicas(), limit));
    }
    return desired;
  }

  /**
   * {@code calculateScaleUpLimitWithScalingRules} and {@code calculateScaleDownLimitWithBehaviors}:
   * each policy's proposal from the replicas at the start of its period; Max takes the largest
   * change, Min the smallest, Disabled none.
   */
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

  /**
   * {@code storeScaleEvent}: the change, dropping the events older than every rate policy's period,
   * which no limit counts again.
   */
  private void storeScaleEvent(double now, int current, int desired) {
    List<double[]> events = desired > current ? scaleUpEvents : scaleDownEvents;
    events.removeIf(event -> event[0] <= now - longestPeriodSeconds);
    events.add(new double[] {now, Math.abs(desired - current)});
  }

  /**
   * The pods split as {@code groupPods} does: pods with a usable sample, unready pods (pending, or
   * whose CPU sample is not to be trusted yet) and running pods without a sample.
   */
  private record PodGroups(List<Double> valid, int unready, int missing) {

    static PodGroups of(List<PodMetrics> pods, double now, double cpuInitializationSeconds, double readinessDelaySeconds) {
      List<Double> valid = new ArrayList<>();
      int unready = 0;
      int missing = 0;
      for (PodMetrics pod : pods) {
        if (pod.state() == InstanceState.BOOTING) {
          unready++;
        } else if (!pod.hasMetric()) {
          missing++;
        } else if (isUnready(pod, now, cpuInitializationSeconds, readinessDelaySeconds)) {
          unready++;
        } else {
          valid.add(pod.utilizationFraction());
        }
      }
      return new PodGroups(valid, unready, missing);
    }

    /**
     * Whether a running pod's CPU sample is set aside. Within the CPU initialization period of its
     * start: when it is not ready, or its sample window began before it became ready. After it:
     * when it is not ready and its readiness last changed within the initial readiness delay of its
     * start, so it has never been ready. A simulated pod is never ready before it is ready for
     * good, so an unready pod's readiness last changed at its start.
     */
    private static boolean isUnready(PodMetrics pod, double now, double cpuInitializationSeconds, double readinessDelaySeconds) {
      double readinessChangedAt = pod.ready() ? pod.readyAtSeconds() : pod.startedAtSeconds();
      if (pod.startedAtSeconds() + cpuInitializationSeconds > now) {
        return !pod.ready() || pod.metricWindowStartSeconds() < readinessChangedAt;
      }
      return !pod.ready() && pod.startedAtSeconds() + readinessDelaySeconds > readinessChangedAt;
    }
  }
}
