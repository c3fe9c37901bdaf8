package org.loadcast.autoscale;

import org.loadcast.profile.EventCalendar;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The running state of a {@link HybridPolicy}: the de-evented bucket series and its forecaster, the
 * rate windows and their smoothed slope, and the HPA that gives the floor.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class HybridAutoscaler implements Autoscaler {
  private final HybridPolicy policy;
  private final ScalingContext context;
  private final EventCalendar calendar;
  private final double leadSeconds;
  private final HorizontalPodAutoscaler hpa;
  private final BucketForecast forecast;
  private double nextBucketEnd;
  private double nextRefitAt;
  private double nextWindowEnd;
  private double ratePerSecond = Double.NaN;
  private double slopePerSecondSquared = Double.NaN;

  HybridAutoscaler(HybridPolicy policy, ScalingContext context) {
    this.policy = policy;
    this.context = context;
    this.calendar = policy.useCalendar() ? context.events() : EventCalendar.NONE;
    this.leadSeconds = policy.leadSeconds(context);
    this.hpa = new HorizontalPodAutoscaler(policy.floor());
    this.forecast = new BucketForecast(policy.forecastMethod(), policy.seasonality(), policy.seasonalPeriodBuckets(),
        ArrivalForecast.horizonSteps(leadSeconds, policy.bucketSeconds()),
        deEvented(context.history().arrivals(), context.history().bucketSeconds()));
    this.nextBucketEnd = policy.bucketSeconds();
    this.nextWindowEnd = policy.rateWindowSeconds();
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
    observe(view);
    int reactive = hpa.replicasForMetrics(view);
    int predicted = forecastReplicas(view.nowSeconds());
    boolean noSignal = reactive == HorizontalPodAutoscaler.NO_METRICS && predicted == 0;
    return hpa.reconcile(view, noSignal ? HorizontalPodAutoscaler.NO_METRICS : Math.max(reactive, predicted));
  }

  /** Reads the buckets and rate windows completed by the view's time, and refits when due. */
  void observe(ScalingView view) {
    observeCompletedBuckets(view);
    observeCompletedWindows(view);
    if (view.nowSeconds() >= nextRefitAt) {
      forecast.refit();
      nextRefitAt += policy.refitSeconds();
    }
  }

  /** Returns P(t) = ⌈max(S, D) / (c·ρ)⌉, the replicas the two predictive terms ask for. */
  int forecastReplicas(double now) {
    double rate = Math.max(seasonalRatePerSecond(now), derivativeRatePerSecond());
    double perInstance = context.capacityPerInstancePerSecond() * policy.reactive().targetUtilizationPercent() / 100.0;
    return (int) Math.ceil(rate / perInstance);
  }

  /**
   * Returns S(t+L): the base forecast for the bucket holding {@code now + lead} times the events in
   * force then, or an event's fixed rate; 0 without a forecaster and without a fixed-rate event.
   */
  double seasonalRatePerSecond(double now) {
    double base = 0;
    if (forecast.ready()) {
      double lastCompleted = nextBucketEnd - policy.bucketSeconds();
      int stepsAhead = Math.max(1, (int) Math.ceil((now + leadSeconds - lastCompleted) / policy.bucketSeconds()));
      base = Math.max(0, forecast.forecast(stepsAhead)) / policy.bucketSeconds();
    }
    return calendar.apply(base, now + leadSeconds);
  }

  /** Returns D(t+L) = max(0, λ + k·λ'·L); λ alone without a slope, 0 before the first window. */
  double derivativeRatePerSecond() {
    if (Double.isNaN(ratePerSecond)) {
      return 0;
    }
    double slope = Double.isNaN(slopePerSecondSquared) ? 0 : slopePerSecondSquared;
    return Math.max(0, ratePerSecond + policy.derivativeWeight() * slope * leadSeconds);
  }

  private void observeCompletedWindows(ScalingView view) {
    double width = policy.rateWindowSeconds();
    while (nextWindowEnd <= view.nowSeconds()) {
      double rate = view.arrivalsBetween(nextWindowEnd - width, nextWindowEnd) / width;
      if (!Double.isNaN(ratePerSecond)) {
        double slope = (rate - ratePerSecond) / width;
        slopePerSecondSquared = Double.isNaN(slopePerSecondSquared) ? slope
            : policy.derivativeSmoothing() * slope + (1 - policy.derivativeSmoothing()) * slopePerSecondSquared;
      }
      ratePerSecond = rate;
      nextWindowEnd += width;
    }
  }

  private void observeCompletedBuckets(ScalingView view) {
    while (nextBucketEnd <= view.nowSeconds()) {
      double from = nextBucketEnd - policy.bucketSeconds();
      double base = deEvented(view.arrivalsBetween(from, nextBucketEnd), from, nextBucketEnd);
      forecast.observe(base);
      nextBucketEnd += policy.bucketSeconds();
    }
  }

  /** Returns the history's counts divided by the events in force; its last bucket ends at time 0. */
  private double[] deEvented(double[] counts, int bucketSeconds) {
    double[] base = new double[counts.length];
    for (int b = 0; b < counts.length; b++) {
      double from = -(double) (counts.length - b) * bucketSeconds;
      base[b] = deEvented(counts[b], from, from + bucketSeconds);
    }
    return base;
  }

  /** Returns a bucket's count divided by its mean event multiplier; NaN where that is 0 or a fixed rate. */
  private double deEvented(double count, double fromSeconds, double toSeconds) {
    double factor = calendar.meanMultiplier(fromSeconds, toSeconds);
    return factor > 0 ? count / factor : Double.NaN;
  }
}
