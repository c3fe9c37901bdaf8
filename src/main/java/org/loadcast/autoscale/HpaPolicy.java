package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The Kubernetes HorizontalPodAutoscaler (autoscaling/v2) on CPU utilization, reproduced from the
 * controller's code: {@code replica_calculator.go} and {@code horizontal.go} (see
 * {@code ../shared/reference/AUTOSCALING.md} §1 and {@link HorizontalPodAutoscaler}).
 *
 * <p>With a {@code behavior}, each sync stabilizes the metric's recommendation over the scale-up
 * and scale-down windows, then applies the rate policies and min/max ({@code
 * normalizeDesiredReplicasWithBehaviors}). Without one, as the API server leaves an HPA whose
 * manifest has no {@code behavior}, the controller's older path runs ({@code
 * normalizeDesiredReplicas}): the highest recommendation within the controller's downscale
 * stabilization window, then at most {@code max(2 × current, 4)} replicas and min/max.
 *
 * <p>Scale to zero ({@code minReplicas: 0}) needs an Object or External metric (§1.4); this HPA
 * scales on a resource metric, CPU, so it needs at least one replica.
 *
 * @param targetUtilizationPercent the target average utilization of the pods' CPU requests
 *     ({@code metrics[].resource.target.averageUtilization}), 1 to 100
 * @param minReplicas the fewest replicas, {@code >= 1}; Kubernetes' default is 1
 * @param maxReplicas the most replicas, {@code >= minReplicas}
 * @param behavior the scale-up and scale-down rules, or null for an HPA without {@code behavior}
 * @param controller the kube-controller-manager flags
 * @param metrics the window of the CPU samples the metrics pipeline (kubelet and metrics-server)
 *     reports at a sync
 */
public record HpaPolicy(
    int targetUtilizationPercent, int minReplicas, int maxReplicas, HpaBehavior behavior,
    HpaController controller, MetricWindow metrics) implements ScalingPolicy {

  /**
   * The metrics-server pipeline: CPU usage averaged over its 15 s resolution (metrics-server's
   * {@code --metric-resolution} default, "collecting metrics every 15 seconds"), read on average
   * half a resolution after it was scraped, since the scrapes and the HPA's syncs run on clocks of
   * their own.
   */
  public static final MetricWindow METRICS_SERVER = new MetricWindow(15, 7.5);

  /**
   * The CPU target of an HPA without metrics: {@code autoscaling.DefaultCPUUtilization}, applied by
   * the autoscaling/v2 defaulting ({@code AUTOSCALING.md} §1.3, where the constant is marked
   * approximate: it was not opened at the source).
   */
  public static final int DEFAULT_TARGET_UTILIZATION_PERCENT = 80;

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
    if (minReplicas == 0) {
      throw new IllegalArgumentException("minReplicas must be >= 1: scaling to zero needs an Object or External "
          + "metric, and this HPA scales on CPU utilization, but was 0");
    }
    if (minReplicas < 1) {
      throw new IllegalArgumentException("minReplicas must be >= 1, but was " + minReplicas);
    }
    if (maxReplicas < minReplicas) {
      throw new IllegalArgumentException(
          "maxReplicas must be >= minReplicas (" + minReplicas + "), but was " + maxReplicas);
    }
    if (controller == null || metrics == null) {
      throw new IllegalArgumentException("controller and metrics are required");
    }
  }

  /**
   * Returns an HPA as a manifest without {@code behavior} makes it, with the controller's default
   * flags and metrics-server's window.
   *
   * @param targetUtilizationPercent the target, 1 to 100
   * @param minReplicas the fewest replicas
   * @param maxReplicas the most replicas
   * @return the policy
   * @throws IllegalArgumentException if a value is out of range
   */
  public static HpaPolicy withDefaults(int targetUtilizationPercent, int minReplicas, int maxReplicas) {
    return new HpaPolicy(targetUtilizationPercent, minReplicas, maxReplicas, null, HpaController.DEFAULTS, METRICS_SERVER);
  }

  /** Returns the control-loop period in seconds: the controller's sync period. */
  public double syncPeriodSeconds() {
    return controller.syncPeriodSeconds();
  }

  /** Returns the scale-down stabilization window in seconds that applies to this HPA. */
  public int scaleDownStabilizationSeconds() {
    return behavior == null ? controller.downscaleStabilizationSeconds() : behavior.scaleDown().stabilizationWindowSeconds();
  }

  /** Returns the dead band on a usage ratio above 1: the behavior's scale-up tolerance or the controller's. */
  public double scaleUpTolerance() {
    return behavior == null || behavior.scaleUp().tolerance() == null ? controller.tolerance() : behavior.scaleUp().tolerance();
  }

  /** Returns the dead band on a usage ratio below 1: the behavior's scale-down tolerance or the controller's. */
  public double scaleDownTolerance() {
    return behavior == null || behavior.scaleDown().tolerance() == null
        ? controller.tolerance() : behavior.scaleDown().tolerance();
  }

  /**
   * Returns this HPA with another scale-down stabilization window: the behavior's, or without
   * behavior the controller's.
   *
   * @param seconds the window, 0 to 3600
   * @return the policy
   * @throws IllegalArgumentException if the window is outside 0..3600
   */
  public HpaPolicy withScaleDownStabilizationSeconds(int seconds) {
    if (behavior == null) {
      HpaController c = controller;
      return new HpaPolicy(targetUtilizationPercent, minReplicas, maxReplicas, null, new HpaController(c.syncPeriodSeconds(),
          c.tolerance(), seconds, c.cpuInitializationPeriodSeconds(), c.initialReadinessDelaySeconds()), metrics);
    }
    return new HpaPolicy(targetUtilizationPercent, minReplicas, maxReplicas,
        new HpaBehavior(behavior.scaleUp(), behavior.scaleDown().withStabilizationWindowSeconds(seconds)), controller, metrics);
  }

  @Override
  public int maxInstances() {
    return maxReplicas;
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
    return new HpaPolicy((int) value, minReplicas, maxReplicas, behavior, controller, metrics);
  }

  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(this);
    return new Autoscaler() {
      @Override
      public double decisionPeriodSeconds() {
        return syncPeriodSeconds();
      }

      @Override
      public MetricWindow metricWindow() {
        return metrics;
      }

      @Override
      public int desiredReplicas(ScalingView view) {
        return hpa.reconcile(view, hpa.replicasForMetrics(view));
      }
    };
  }
}
