package org.loadcast.sim;

/**
 * An autoscaler that always wants the same number of replicas: a fixed fleet, for steady-state
 * questions such as sizing. Started with that many initial instances it never scales. Immutable.
 *
 * @param replicas the replicas it asks for, {@code >= 1}
 */
public record FixedReplicas(int replicas) implements Autoscaler {

  /**
   * Validates the count.
   *
   * @throws IllegalArgumentException if {@code replicas < 1}
   */
  public FixedReplicas {
    if (replicas < 1) {
      throw new IllegalArgumentException("replicas must be >= 1, but was " + replicas);
    }
  }

  /** {@return 60: it decides once a minute, and always the same} */
  @Override
  public double decisionPeriodSeconds() {
    return 60;
  }

  @Override
  public int desiredReplicas(ScalingView view) {
    return replicas;
  }
}
