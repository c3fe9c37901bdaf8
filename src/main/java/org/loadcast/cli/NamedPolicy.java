package org.loadcast.cli;

import org.loadcast.autoscale.ScalingPolicy;

/**
 * A policy as an experiment names it.
 *
 * @param name the name in the report; not blank
 * @param policy the configuration
 */
public record NamedPolicy(String name, ScalingPolicy policy) {

  /**
   * Validates the pair.
   *
   * @throws IllegalArgumentException if the name is blank or the policy missing
   */
  public NamedPolicy {
    if (name == null || name.isBlank() || policy == null) {
      throw new IllegalArgumentException("a policy needs a name and a configuration");
    }
  }
}
