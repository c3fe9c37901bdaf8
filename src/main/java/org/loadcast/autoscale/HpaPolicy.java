package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;

/**
 * The Kubernetes HorizontalPodAutoscaler (autoscaling/v2) on CPU utilization, reproduced from the
 * controller's code: {@code replica_calculator.go} and {@code horizontal.go} (see
 * {@code ../shared/reference/AUTOSCALING.md} §1).
 *
 * @param targetUtilizationPercent the target average utilization of the pods' requests, 1 to 100
 * @param tolerance the dead band on the usage ratio, in [0, 1); Kubernetes' default is 0.1
 * @param syncPeriodSeconds the control-loop period, {@code > 0}; Kubernetes' default is 15
 * @param minReplicas the fewest replicas, {@code >= 1}
 * @param maxReplicas the most replicas, {@code >= minReplicas}
 * @param scaleUp the scale-up behaviour
 * @param scaleDown the scale-down behaviour
 * @param cpuInitializationPeriodSeconds a pod started this recently has its CPU sample ignored
 *     unless the sample was taken wholly while the pod was ready, {@code >= 0}; default 300
 */
public record HpaPolicy(
    int targetUtilizationPercent, double tolerance, double syncPeriodSeconds, int minReplicas, int maxReplicas,
    ScalingRules scaleUp, ScalingRules scaleDown, double cpuInitializationPeriodSeconds) implements ScalingPolicy {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a field is out of its range; the message names it
   */
  public HpaPolicy {
    if (targetUtilizationPercent < 1 || targetUtilizationPercent > 100) {
      throw new IllegalArgumentException(
          "targetUtilizationPercent must be in 1..100, but was " + targetUtilizationPercent);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), but was " + tolerance);
    }
    if (!(syncPeriodSeconds > 0) || !Double.isFinite(syncPeriodSeconds)) {
      throw new IllegalArgumentException("syncPeriodSeconds must be > 0, but was " + syncPeriodSeconds);
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("minReplicas must be >= 1, but was " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas must be >= minReplicas (" + minReplicas + "), but was " + maxReplicas);
    }
    if (scaleUp == null || scaleDown == null) {
      throw new IllegalArgumentException("scaleUp and scaleDown are required");
    }
    if (!(cpuInitializationPeriodSeconds >= 0)) {
      throw new IllegalArgumentException(
          "cpuInitializationPeriodSeconds must be >= 0, but was " + cpuInitializationPeriodSeconds);
    }
  }

  /**
   * Returns an HPA with Kubernetes' defaults: tolerance 0.1, 15 s sync, the default behaviour and a
   * 300 s CPU initialization period.
   *
   * @param targetUtilizationPercent the target, 1 to 100
   * @param minReplicas the fewest replicas
   * @param maxReplicas the most replicas
   * @return the policy
   */
  public static HpaPolicy withDefaults(int targetUtilizationPercent, int minReplicas, int maxReplicas) {
    return new HpaPolicy(targetUtilizationPercent, 0.1, 15, minReplicas, maxReplicas,
        ScalingRules.DEFAULT_SCALE_UP, ScalingRules.DEFAULT_SCALE_DOWN, 300);
  }

  @Override
  public double knobValue() {
    return targetUtilizationPercent;
  }

  /** {@inheritDoc} @throws IllegalArgumentException also if the value is not a whole number */
  @Override
  public HpaPolicy withKnob(double value) {
    if (value != Math.rint(value) || value < 1 || value > 100) {
      throw new IllegalArgumentException("targetUtilizationPercent must be a whole number in 1..100, but was " + value);
    }
    return new HpaPolicy((int) value, tolerance, syncPeriodSeconds,
        minReplicas, maxReplicas, scaleUp, scaleDown, cpuInitializationPeriodSeconds);
  }

  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(this);
    return new Autoscaler() {
      @Override
      public double decisionPeriodSeconds() {
        return syncPeriodSeconds;
      }

      @Override
      public int desiredReplicas(org.loadcast.sim.ScalingView view) {
        return hpa.reconcile(view, hpa.replicasForMetrics(view));
      }
    };
  }
}
