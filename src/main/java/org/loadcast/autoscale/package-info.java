/**
 * Autoscaling policies that run inside the simulator.
 *
 * <p>{@link org.loadcast.autoscale.ScalingPolicy} is a sealed set of policy configurations; each
 * creates a fresh {@link org.loadcast.sim.Autoscaler} for one run. The reactive policy is the
 * Kubernetes HorizontalPodAutoscaler v2 algorithm; the predictive policy forecasts the arrival rate
 * with Holt-Winters and sizes for it, with the reactive decision as a floor. The AWS EC2 Auto
 * Scaling policies (target tracking, step scaling, predictive scaling over either, and scheduled
 * actions on the min and max capacity) follow {@code ../shared/reference/AUTOSCALING.md} §2: one
 * CloudWatch datapoint a minute of the average utilization of the instances no longer warming up.
 * The Loadcast hybrid policy ({@link org.loadcast.autoscale.HybridPolicy}) sizes for the larger of a
 * seasonal forecast scaled by the profile's declared events and the rate extrapolated along its
 * smoothed slope, both at the provisioning lead time, with the HPA as a floor.
 *
 * <p>Each policy reads pod metrics through its own pipeline ({@link org.loadcast.sim.MetricWindow}):
 * the HPA through metrics-server (CPU averaged over 15 s scrapes, read on average 7.5 s late), the
 * AWS policies through CloudWatch (the average over each whole evaluation period, read as it ends).
 *
 * <p>Policies see only what a real controller would: pod metrics and arrivals up to the moment of
 * the decision, never the future of the trace. The one knowledge of the future they may be given is
 * the profile's calendar of declared events ({@link org.loadcast.autoscale.ScalingContext#events()}).
 */
package org.loadcast.autoscale;
