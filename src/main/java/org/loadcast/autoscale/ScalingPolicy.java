package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;

/**
 * A scaling policy's configuration: a sealed set of records, each of which creates a fresh
 * {@link Autoscaler} for one simulation run.
 */
public sealed interface ScalingPolicy permits HpaPolicy, PredictivePolicy, TargetTrackingPolicy, StepScalingPolicy, AwsPredictivePolicy,
    HybridPolicy {

  /**
   * Returns a new autoscaler with no memory of earlier runs.
   *
   * @param context what the policy may know before the run starts
   * @return the autoscaler
   */
  Autoscaler newAutoscaler(ScalingContext context);
}
