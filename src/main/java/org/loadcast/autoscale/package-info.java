/**
 * Autoscaling policies that run inside the simulator.
 *
 * <p>{@link org.loadcast.autoscale.ScalingPolicy} is a sealed set of policy configurations; each
 * creates a fresh {@link org.loadcast.sim.Autoscaler} for one run. The reactive policy is the
 * Kubernetes HorizontalPodAutoscaler v2 algorithm; the predictive policy forecasts the arrival rate
 * with Holt-Winters and sizes for it, with the reactive decision as a floor.
 *
 * <p>Policies see only what a real controller would: pod metrics and arrivals up to the moment of
 * the decision, never the future of the trace.
 */
package org.loadcast.autoscale;
