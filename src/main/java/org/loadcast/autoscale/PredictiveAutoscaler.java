package org.loadcast.autoscale;

import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The running state of a {@link PredictivePolicy}: the arrival series seen so far, the fitted
 * forecaster, and the HPA that gives the floor.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class PredictiveAutoscaler implements Autoscaler {
  private final PredictivePolicy policy;
  private final ScalingContext context;
  private final double leadSeconds;
  private final HorizontalPodAutoscaler hpa;
  private final BucketForecast forecast;
  private double nextBucketEnd;
  private double nextRefitAt;

  PredictiveAutoscaler(PredictivePolicy policy, ScalingContext context, double leadSeconds) {
    this.policy = policy;
    this.context = context;
    this.leadSeconds = leadSeconds;
    this.hpa = new HorizontalPodAutoscaler(policy.reactive());
    this.forecast = new BucketForecast(policy.forecastMethod(), policy.seasonality(), policy.seasonalPeriodBuckets(),
        ArrivalForecast.horizonSteps(leadSeconds, policy.bucketSeconds()), context.history().arrivals());
    this.nextBucketEnd = policy.bucketSeconds();
    this.nextRefitAt = policy.refitSeconds();
  }

  @Override
  public double decisionPeriodSeconds() {
    return policy.reactive().syncPeriodSeconds();
  }

  @Override
  public MetricWindow metricWindow() {
    return policy.reactive().metrics();
  }

  @Override
  public int desiredReplicas(ScalingView view) {
    observeCompletedBuckets(view);
    if (view.nowSeconds() >= nextRefitAt) {
      forecast.refit();
      nextRefitAt += policy.refitSeconds();
    }
    int reactive = hpa.replicasForMetrics(view);
    int predicted = forecastReplicas(view.nowSeconds());
    boolean noSignal = reactive == HorizontalPodAutoscaler.NO_METRICS && predicted == 0;
    return hpa.reconcile(view, noSignal ? HorizontalPodAutoscaler.NO_METRICS : Math.max(reactive, predicted));
  }

  /**
   * Returns the replicas the forecast asks for at {@code now + lead}, or 0 without a forecaster.
   * The forecast is for the bucket holding that time, {@code h >= 1} buckets after the last
   * completed one.
   */
  int forecastReplicas(double now) {
    if (!forecast.ready()) {
      return 0;
    }
    double lastCompleted = nextBucketEnd - policy.bucketSeconds();
    int stepsAhead = Math.max(1, (int) Math.ceil((now + leadSeconds - lastCompleted) / policy.bucketSeconds()));
    double ratePerSecond = Math.max(0, forecast.forecast(stepsAhead)) / policy.bucketSeconds();
    double perInstance = context.capacityPerInstancePerSecond() * policy.reactive().targetUtilizationPercent() / 100.0;
    return (int) Math.ceil(ratePerSecond / perInstance);
  }

  private void observeCompletedBuckets(ScalingView view) {
    while (nextBucketEnd <= view.nowSeconds()) {
      double count = view.arrivalsBetween(nextBucketEnd - policy.bucketSeconds(), nextBucketEnd);
      forecast.observe(count);
      nextBucketEnd += policy.bucketSeconds();
    }
  }
}
