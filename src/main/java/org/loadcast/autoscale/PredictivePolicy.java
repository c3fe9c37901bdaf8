package org.loadcast.autoscale;

import java.util.Locale;
import org.loadcast.forecast.Seasonality;
import org.loadcast.sim.Autoscaler;

/**
 * Predictive scaling: a forecast of the arrival rate ({@link ArrivalForecast}), sized with the
 * calibrated capacity per instance, with the reactive HPA's recommendation as a floor.
 *
 * <p>At each sync the policy feeds the forecaster every bucket of arrivals completed so far (never
 * the bucket in progress), forecasts the bucket that holds {@code now + leadSeconds}, and converts
 * the rate to replicas: {@code ceil(rate / (capacity × target utilization))}. The larger of that
 * and the HPA's own recommendation then goes through the HPA's stabilization windows, rate
 * policies and min/max, as the Predictive Horizontal Pod Autoscaler does with decision type
 * {@code maximum} (AUTOSCALING.md §3.3) and as AWS combines predictive and dynamic policies
 * (§2.3: the group uses the maximum).
 *
 * <p>The forecaster is fitted (smoothing weights by BOBYQA) on the history before the run, and
 * refitted every {@code refitSeconds} on what has been seen so far (see {@link ArrivalForecast}).
 * Until two seasonal periods have been seen it has no forecast, and the policy acts as the HPA alone.
 *
 * @param reactive the HPA that gives the floor and the stabilization, rate limits and bounds
 * @param bucketSeconds the forecaster's time step, {@code >= 1}; such as 300
 * @param seasonalPeriodBuckets buckets per season, {@code >= 2}; 288 for a day of 5-minute buckets
 * @param forecastMethod which forecaster; the adaptive combination by default
 * @param seasonality for {@link ArrivalForecast#HOLT_WINTERS}, additive or multiplicative (a
 *     multiplicative model needs arrivals in every bucket, and a bucket with none stops the run with
 *     an error); null for the adaptive combination, whose profile is multiplicative and takes zeros
 * @param leadSeconds how far ahead to size, {@code >= 0}; null means the boot time plus one sync
 *     period, so that an instance asked for now is ready when the forecast load arrives
 * @param refitSeconds how often to refit the smoothing weights, {@code > 0}
 */
public record PredictivePolicy(
    HpaPolicy reactive, int bucketSeconds, int seasonalPeriodBuckets, ArrivalForecast forecastMethod, Seasonality seasonality,
    Double leadSeconds, double refitSeconds) implements ScalingPolicy {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a field is out of its range; the message names it
   */
  public PredictivePolicy {
    if (reactive == null) {
      throw new IllegalArgumentException("reactive is required");
    }
    if (bucketSeconds < 1) {
      throw new IllegalArgumentException("bucketSeconds must be >= 1, but was " + bucketSeconds);
    }
    if (seasonalPeriodBuckets < 2) {
      throw new IllegalArgumentException("seasonalPeriodBuckets must be >= 2, but was " + seasonalPeriodBuckets);
    }
    requireSeasonality(forecastMethod, seasonality);
    if (leadSeconds != null && !(leadSeconds >= 0)) {
      throw new IllegalArgumentException("leadSeconds must be >= 0, but was " + leadSeconds);
    }
    if (!(refitSeconds > 0)) {
      throw new IllegalArgumentException("refitSeconds must be > 0, but was " + refitSeconds);
    }
  }

  /** Returns the target utilization of the HPA floor, which also sizes the forecast. */
  @Override
  public int maxInstances() {
    return reactive.maxReplicas();
  }

  @Override
  public double knobValue() {
    return reactive.targetUtilizationPercent();
  }

  @Override
  public PredictivePolicy withKnob(double value) {
    return new PredictivePolicy(reactive.withKnob(value), bucketSeconds, seasonalPeriodBuckets, forecastMethod, seasonality, leadSeconds,
        refitSeconds);
  }

  /**
   * Checks that a seasonality suits the forecaster: additive or multiplicative for Holt-Winters,
   * none for the adaptive combination.
   *
   * @throws IllegalArgumentException if it does not; the message names the field and the value
   */
  static void requireSeasonality(ArrivalForecast forecastMethod, Seasonality seasonality) {
    if (forecastMethod == null) {
      throw new IllegalArgumentException("forecastMethod is required");
    }
    if (forecastMethod == ArrivalForecast.HOLT_WINTERS && (seasonality == null || seasonality == Seasonality.NONE)) {
      throw new IllegalArgumentException("seasonality must be additive or multiplicative for forecastMethod "
          + forecastMethod.yamlName() + ", but was " + seasonality);
    }
    if (forecastMethod != ArrivalForecast.HOLT_WINTERS && seasonality != null) {
      throw new IllegalArgumentException("seasonality applies to forecastMethod holt-winters only, but was "
          + seasonality.name().toLowerCase(Locale.ROOT) + " with forecastMethod " + forecastMethod.yamlName());
    }
  }

  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    if (context.history().bucketSeconds() != bucketSeconds) {
      throw new IllegalArgumentException("the history's buckets (" + context.history().bucketSeconds()
          + " s) must match bucketSeconds (" + bucketSeconds + " s)");
    }
    double lead = leadSeconds != null ? leadSeconds : context.bootSeconds() + reactive.syncPeriodSeconds();
    return new PredictiveAutoscaler(this, context, lead);
  }
}
