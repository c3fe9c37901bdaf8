package org.loadcast.sim;

/**
 * A change of the desired replicas.
 *
 * @param atSeconds when, in simulation seconds
 * @param fromReplicas replicas before
 * @param toReplicas replicas after; differs from {@code fromReplicas}
 */
public record ScalingAction(double atSeconds, int fromReplicas, int toReplicas) {

  /** Returns whether this action added instances. */
  public boolean scaleOut() {
    return toReplicas > fromReplicas;
  }
}
