package org.loadcast.autoscale;

import java.util.List;

/**
 * The rules for one direction of scaling: an HPA v2 {@code behavior.scaleUp} or {@code
 * behavior.scaleDown} (Kubernetes API reference, HPAScalingRules).
 *
 * @param stabilizationWindowSeconds how far back recommendations are remembered: scale-up takes the
 *     lowest of them, scale-down the highest; 0 to 3600
 * @param selectPolicy which rate policy wins
 * @param policies the rate limits; at least one unless scaling is disabled
 * @param tolerance the dead band on the usage ratio in this direction ({@code behavior.scaleUp.tolerance},
 *     KEP-4951, Kubernetes 1.33): scaling up needs a ratio above {@code 1 + tolerance}, scaling down
 *     one below {@code 1 − tolerance}; in [0, 1), or null for the controller's
 *     {@link HpaController#tolerance()}
 */
public record ScalingRules(
    int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<RatePolicy> policies, Double tolerance) {

  /** Kubernetes' default scale-up rules: no stabilization, max of +4 pods and +100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(0, SelectPolicy.MAX,
      List.of(new RatePolicy(RatePolicy.Type.PODS, 4, 15), new RatePolicy(RatePolicy.Type.PERCENT, 100, 15)));

  /** Kubernetes' default scale-down rules: 300 s stabilization, −100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(300, SelectPolicy.MAX,
      List.of(new RatePolicy(RatePolicy.Type.PERCENT, 100, 15)));

  /**
   * Validates the rules.
   *
   * @throws IllegalArgumentException if the window is outside 0..3600, there is no policy while
   *     scaling is enabled, or the tolerance is outside [0, 1)
   */
  public ScalingRules {
    if (stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > 3600) {
      throw new IllegalArgumentException(
          "stabilizationWindowSeconds must be in 0..3600, but was " + stabilizationWindowSeconds);
    }
    if (selectPolicy == null) {
      throw new IllegalArgumentException("selectPolicy is required");
    }
    policies = policies == null ? List.of() : List.copyOf(policies);
    if (policies.isEmpty() && selectPolicy != SelectPolicy.DISABLED) {
      throw new IllegalArgumentException("policies must list at least one policy unless selectPolicy is Disabled");
    }
    if (tolerance != null && !(tolerance >= 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in [0, 1), but was " + tolerance);
    }
  }

  /** Creates rules that use the controller's tolerance. */
  public ScalingRules(int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<RatePolicy> policies) {
    this(stabilizationWindowSeconds, selectPolicy, policies, null);
  }

  /**
   * Returns these rules with another stabilization window.
   *
   * @param seconds the window, 0 to 3600
   * @return the rules
   * @throws IllegalArgumentException if the window is outside 0..3600
   */
  public ScalingRules withStabilizationWindowSeconds(int seconds) {
    return new ScalingRules(seconds, selectPolicy, policies, tolerance);
  }

  /** Which rate policy an HPA applies when several allow different changes. */
  public enum SelectPolicy {
    /** The policy allowing the largest change. */
    MAX("Max"),
    /** The policy allowing the smallest change. */
    MIN("Min"),
    /** No scaling in this direction. */
    DISABLED("Disabled");

    private final String kubernetesName;

    SelectPolicy(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** Returns the name in an HPA manifest, such as {@code Max}. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  /**
   * One rate limit: at most {@code value} pods, or {@code value} percent, within {@code
   * periodSeconds}.
   *
   * @param type pods or percent
   * @param value the amount, {@code > 0}
   * @param periodSeconds the window over which past changes count, 1 to 1800
   */
  public record RatePolicy(Type type, int value, int periodSeconds) {
    /**
     * Validates the policy.
     *
     * @throws IllegalArgumentException if the value is not positive or the period is outside 1..1800
     */
    public RatePolicy {
      if (type == null) {
        throw new IllegalArgumentException("type is required");
      }
      if (value <= 0) {
        throw new IllegalArgumentException("value must be > 0, but was " + value);
      }
      if (periodSeconds < 1 || periodSeconds > 1800) {
        throw new IllegalArgumentException("periodSeconds must be in 1..1800, but was " + periodSeconds);
      }
    }

    /** Whether the value counts pods or percent of the replicas at the start of the period. */
    public enum Type {
      /** A number of pods. */
      PODS("Pods"),
      /** A percentage of the replicas at the start of the period. */
      PERCENT("Percent");

      private final String kubernetesName;

      Type(String kubernetesName) {
        this.kubernetesName = kubernetesName;
      }

      /** Returns the name in an HPA manifest, such as {@code Pods}. */
      public String kubernetesName() {
        return kubernetesName;
      }
    }
  }
}
