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
 */
public record ScalingRules(int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<RatePolicy> policies) {

  /** Kubernetes' default scale-up rules: no stabilization, max of +4 pods and +100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(0, SelectPolicy.MAX,
      List.of(new RatePolicy(RatePolicy.Type.PODS, 4, 15), new RatePolicy(RatePolicy.Type.PERCENT, 100, 15)));

  /** Kubernetes' default scale-down rules: 300 s stabilization, −100 % per 15 s. */
  public static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(300, SelectPolicy.MAX,
      List.of(new RatePolicy(RatePolicy.Type.PERCENT, 100, 15)));

  /**
   * Validates the rules.
   *
   * @throws IllegalArgumentException if the window is outside 0..3600 or there is no policy while
   *     scaling is enabled
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
      throw new IllegalArgumentException("policies must list at least one policy unless selectPolicy is disabled");
    }
  }

  /** Which rate policy an HPA applies when several allow different changes. */
  public enum SelectPolicy {
    /** The policy allowing the largest change. */
    MAX,
    /** The policy allowing the smallest change. */
    MIN,
    /** No scaling in this direction. */
    DISABLED
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
      PODS,
      /** A percentage of the replicas at the start of the period. */
      PERCENT
    }
  }
}
