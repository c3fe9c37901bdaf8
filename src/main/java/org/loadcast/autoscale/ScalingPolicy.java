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

  /**
   * Returns the name of the policy's main knob: the field a cost-versus-SLO sweep varies. It is
   * {@code targetUtilizationPercent} for every variant but step scaling, whose knob is {@code
   * scaleOut.thresholdPercent} (or {@code scaleIn.thresholdPercent} without a scale-out alarm).
   *
   * @return the field's name as written in the experiment
   */
  default String knobName() {
    return "targetUtilizationPercent";
  }

  /**
   * Returns the knob's value in this configuration.
   *
   * @return the value, in percent
   */
  double knobValue();

  /**
   * Returns the largest fleet this policy may ask for: its {@code maxReplicas} or {@code
   * maxCapacity}, or the largest maximum a scheduled action sets; a predictive policy's is its
   * reactive floor's. A capacity plan takes the largest among an experiment's policies as the fleet
   * limit of its runway.
   *
   * @return the instance count, {@code >= 1}
   */
  int maxInstances();

  /**
   * Returns this policy with its main knob at another value, everything else unchanged. A policy
   * built on another one moves the whole chain: a predictive or hybrid policy sets the target of its
   * HPA floor (which also sizes its forecast); AWS predictive scaling sets its own target and moves
   * its dynamic policy's knob by the same number of points; step scaling moves both alarm
   * thresholds by the same number of points.
   *
   * @param value the knob's new value, in percent
   * @return the policy
   * @throws IllegalArgumentException if the value, or a value it moves, is out of its field's range;
   *     the message names the field
   */
  ScalingPolicy withKnob(double value);
}
