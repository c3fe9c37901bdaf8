package org.loadcast.sim;

/** How the load balancer picks the instance for a new request among those that serve. */
public enum LoadBalancing {
  /** Each serving instance in turn. */
  ROUND_ROBIN,
  /** The serving instance with the fewest requests in service or queued; ties to the oldest. */
  LEAST_OUTSTANDING,
  /** A uniformly random serving instance, from the load balancer's own random stream. */
  RANDOM;

  /** Returns the YAML name: the constant in lower case with '-' for '_'. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
