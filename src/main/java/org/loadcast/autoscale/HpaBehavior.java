package org.loadcast.autoscale;

/**
 * An HPA's {@code spec.behavior} (autoscaling/v2 HorizontalPodAutoscalerBehavior): the rules for
 * scaling up and for scaling down, each with its stabilization window, rate policies, policy
 * selection and, since Kubernetes 1.33, its own tolerance ({@code ../shared/reference/AUTOSCALING.md}
 * §1.3 and §1.4).
 *
 * <p>An HPA with a behavior runs the controller's {@code normalizeDesiredReplicasWithBehaviors};
 * one without runs the older {@code normalizeDesiredReplicas} ({@link HpaPolicy}).
 *
 * @param scaleUp the scale-up rules, fully defaulted
 * @param scaleDown the scale-down rules, fully defaulted
 */
public record HpaBehavior(ScalingRules scaleUp, ScalingRules scaleDown) {

  /**
   * The behavior the API server fills in for {@code behavior: {}}, with the controller's default
   * 300 s scale-down stabilization ({@code GenerateHPAScaleUpRules}, {@code
   * GenerateHPAScaleDownRules}).
   */
  public static final HpaBehavior DEFAULTS = new HpaBehavior(ScalingRules.DEFAULT_SCALE_UP, ScalingRules.DEFAULT_SCALE_DOWN);

  /**
   * Validates the behavior.
   *
   * @throws IllegalArgumentException if a direction is missing
   */
  public HpaBehavior {
    if (scaleUp == null || scaleDown == null) {
      throw new IllegalArgumentException("scaleUp and scaleDown are required: give the defaults for an unset direction");
    }
  }
}
