package org.loadcast.autoscale;

import java.util.Arrays;
import org.loadcast.forecast.Formulation;
import org.loadcast.forecast.HoltWinters;
import org.loadcast.forecast.OnlineForecaster;
import org.loadcast.sim.Autoscaler;
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
  private final HoltWinters model;
  private double[] series;
  private int seriesLength;
  private double nextBucketEnd;
  private double nextRefitAt;
  private OnlineForecaster forecaster;

  PredictiveAutoscaler(PredictivePolicy policy, ScalingContext context, double leadSeconds) {
    this.policy = policy;
    this.context = context;
    this.leadSeconds = leadSeconds;
    this.hpa = new HorizontalPodAutoscaler(policy.reactive());
    this.model = HoltWinters.seasonal(policy.seasonality(), policy.seasonalPeriodBuckets(), Formulation.R_CLASSIC);
    this.series = context.history().arrivals();
    this.seriesLength = series.length;
    this.nextBucketEnd = policy.bucketSeconds();
    refit();
    this.nextRefitAt = policy.refitSeconds();
  }

  @Override
  public double decisionPeriodSeconds() {
    return policy.reactive().syncPeriodSeconds();
  }

  @Override
  public int desiredReplicas(ScalingView view) {
    observeCompletedBuckets(view);
    if (view.nowSeconds() >= nextRefitAt) {
      refit();
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
    if (forecaster == null) {
      return 0;
    }
    double lastCompleted = nextBucketEnd - policy.bucketSeconds();
    int stepsAhead = Math.max(1, (int) Math.ceil((now + leadSeconds - lastCompleted) / policy.bucketSeconds()));
    double ratePerSecond = Math.max(0, forecaster.forecast(stepsAhead)) / policy.bucketSeconds();
    double perInstance = context.capacityPerInstancePerSecond() * policy.reactive().targetUtilizationPercent() / 100.0;
    return (int) Math.ceil(ratePerSecond / perInstance);
  }

  private void observeCompletedBuckets(ScalingView view) {
    while (nextBucketEnd <= view.nowSeconds()) {
      double count = view.arrivalsBetween(nextBucketEnd - policy.bucketSeconds(), nextBucketEnd);
      append(count);
      if (forecaster != null) {
        forecaster.observe(count);
      }
      nextBucketEnd += policy.bucketSeconds();
    }
  }

  private void append(double count) {
    if (seriesLength == series.length) {
      series = Arrays.copyOf(series, Math.max(16, seriesLength * 2));
    }
    series[seriesLength++] = count;
  }

  /**
   * Fits the weights on everything seen so far and replays it. The fit starts at the first whole
   * season from which two complete seasons follow (R's initialisation needs them); until there is
   * one, there is no forecaster.
   */
  private void refit() {
    int period = policy.seasonalPeriodBuckets();
    for (int start = seriesLength % period; start + model.minimumLength() <= seriesLength; start += period) {
      if (!hasMissing(series, start, start + model.minimumLength())) {
        forecaster = model.fit(Arrays.copyOfRange(series, start, seriesLength)).onlineForecaster();
        return;
      }
    }
  }

  private static boolean hasMissing(double[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Double.isNaN(values[i])) {
        return true;
      }
    }
    return false;
  }
}
