package org.loadcast.cli;

import java.util.List;
import org.loadcast.autoscale.ScalingPolicy;

/**
 * A policy as an experiment names it.
 *
 * @param name the name in the report; not blank
 * @param policy the configuration: the operating point
 * @param sweep the other values of the policy's main knob ({@link ScalingPolicy#withKnob}) that the
 *     cost-versus-SLO frontier runs, each valid for the policy, in the order written; empty for none;
 *     copied
 */
public record NamedPolicy(String name, ScalingPolicy policy, List<Double> sweep) {

  /**
   * Validates the triple.
   *
   * @throws IllegalArgumentException if the name is blank or the policy missing
   */
  public NamedPolicy {
    if (name == null || name.isBlank() || policy == null) {
      throw new IllegalArgumentException("a policy needs a name and a configuration");
    }
    sweep = sweep == null ? List.of() : List.copyOf(sweep);
  }

  /**
   * Returns a policy with no sweep.
   *
   * @param name the name in the report
   * @param policy the configuration
   * @throws IllegalArgumentException as the canonical constructor
   */
  public NamedPolicy(String name, ScalingPolicy policy) {
    this(name, policy, List.of());
  }
}
