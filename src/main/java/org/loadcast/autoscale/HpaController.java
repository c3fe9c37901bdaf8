package org.loadcast.autoscale;

/**
 * The kube-controller-manager flags that shape every HPA: the controller's side of the
 * HorizontalPodAutoscaler, as opposed to the per-HPA {@link HpaBehavior}
 * ({@code ../shared/reference/AUTOSCALING.md} §1.2, defaults from
 * {@code pkg/controller/podautoscaler/config/v1alpha1/defaults.go}).
 *
 * @param syncPeriodSeconds {@code --horizontal-pod-autoscaler-sync-period}: the control-loop
 *     period, finite and {@code > 0}; default 15
 * @param tolerance {@code --horizontal-pod-autoscaler-tolerance}: the dead band on the usage ratio
 *     in both directions, unless the behavior sets its own, in [0, 1); default 0.1
 * @param downscaleStabilizationSeconds {@code --horizontal-pod-autoscaler-downscale-stabilization}:
 *     the scale-down stabilization window of an HPA without {@code behavior}, and of one whose
 *     {@code behavior.scaleDown} leaves the window unset, 0 to 3600; default 300
 * @param cpuInitializationPeriodSeconds {@code --horizontal-pod-autoscaler-cpu-initialization-period}:
 *     a pod started this recently has its CPU sample ignored unless it is ready and the sample
 *     was taken wholly while it was ready, finite and {@code >= 0}; default 300
 * @param initialReadinessDelaySeconds {@code --horizontal-pod-autoscaler-initial-readiness-delay}:
 *     after the CPU initialization period, an unready pod whose readiness last changed within this
 *     long of its start is taken as never ready yet, and its sample ignored, finite and {@code >=
 *     0}; default 30
 */
public record HpaController(
    double syncPeriodSeconds, double tolerance, int downscaleStabilizationSeconds,
    double cpuInitializationPeriodSeconds, double initialReadinessDelaySeconds) {

  /** The defaults of kube-controller-manager: 15 s, 0.1, 300 s, 300 s, 30 s. */
  public static final HpaController DEFAULTS = new HpaController(15, 0.1, 300, 300, 30);

  /**
   * Validates the flags.
   *
   * @throws IllegalArgumentException if one is out of its range; the message names it
   */
  public HpaController {
    if (!(syncPeriodSeconds > 0) || !Double.isFinite(syncPeriodSeconds)) {
      throw new IllegalArgumentException("syncPeriodSeconds must be a finite number > 0, but was " + syncPeriodSeconds);
    }
    if (!(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), but was " + tolerance);
    }
    if (downscaleStabilizationSeconds < 0 || downscaleStabilizationSeconds > 3600) {
      throw new IllegalArgumentException(
          "downscaleStabilizationSeconds must be in 0..3600, but was " + downscaleStabilizationSeconds);
    }
    if (!(cpuInitializationPeriodSeconds >= 0) || !Double.isFinite(cpuInitializationPeriodSeconds)) {
      throw new IllegalArgumentException(
          "cpuInitializationPeriodSeconds must be a finite number >= 0, but was " + cpuInitializationPeriodSeconds);
    }
    if (!(initialReadinessDelaySeconds >= 0) || !Double.isFinite(initialReadinessDelaySeconds)) {
      throw new IllegalArgumentException(
          "initialReadinessDelaySeconds must be a finite number >= 0, but was " + initialReadinessDelaySeconds);
    }
  }
}
