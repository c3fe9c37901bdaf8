package org.loadcast.autoscale;

import org.loadcast.forecast.Seasonality;
import org.loadcast.sim.Autoscaler;

/**
 * The Loadcast predictive (hybrid) policy: a seasonal forecast, the calendar of declared events and
 * the smoothed rate of change, sized at the lead time, with the reactive HPA as a floor.
 *
 * <p>At a decision at time t, with lead L (boot plus warmup: an instance asked for now serves at
 * t + L), capacity per instance c and target utilization ρ (the reactive HPA's):
 *
 * <pre>
 *   seasonal    S(t+L) = E(t+L) · b̂(t+L)            (or the fixed rate of an event at t+L)
 *   derivative  D(t+L) = max(0, λ(t) + k · λ'(t) · L)
 *   replicas    P(t)   = ⌈ max(S, D) / (c · ρ) ⌉
 *   desired     N(t)   = HPA-stabilize-and-limit( max(HPA(t), P(t)) )
 * </pre>
 *
 * <ul>
 *   <li><b>b̂</b> is the forecast ({@link ArrivalForecast}: by default the adaptive combination, or
 *       Holt-Winters; weights fitted by BOBYQA, refitted every {@code refitSeconds}) of the <i>base</i> rate: the arrivals
 *       per {@code bucketSeconds} bucket, each divided by the mean event multiplier in force over the
 *       bucket ({@link org.loadcast.profile.EventCalendar#meanMultiplier}), so that the forecaster
 *       learns the daily rhythm and not the sales. A bucket under a fixed-rate event, or a
 *       multiplier of 0, tells nothing of the base rate and is skipped as missing. The forecast is
 *       for the bucket holding t + L, as in {@link PredictivePolicy}.
 *   <li><b>E(t+L)</b> is the product of the event multipliers in force at t + L; an event with a fixed
 *       rate gives that rate instead. The calendar is the only knowledge of the future. It plays the
 *       role of AWS's scheduled actions that raise the minimum for an event (AUTOSCALING.md §2.3), but
 *       scales the forecast rather than setting a floor by hand, and it applies from L before the
 *       event starts, as AWS's {@code SchedulingBufferTime} launches capacity early.
 *   <li><b>λ(t)</b> is the observed arrival rate over the last completed {@code rateWindowSeconds}
 *       window and <b>λ'(t)</b> its exponentially smoothed slope, per second per second:
 *       {@code λ'_n = β·(λ_n − λ_{n−1})/w + (1 − β)·λ'_{n−1}}, the first slope unsmoothed. D is the
 *       proportional-derivative extrapolation of a PD controller (Åström and Murray, Feedback Systems,
 *       2008, §10.1 and §10.5: the derivative term predicts the error a time T_d ahead), here with
 *       T_d = k · L; with k = 1 it is the linear extrapolation over the lead of PHPA's linear model
 *       (AUTOSCALING.md §3.3). k = 0 leaves λ(t): the current rate sized at the target.
 *   <li>Taking the maximum with the HPA's recommendation makes the reactive decision a floor, as
 *       PHPA's {@code decisionType: maximum} and AWS's "the group uses the maximum" do (§2.3, §3.3).
 *       Then the HPA's reconcile step runs with its scale-down stabilization window set to {@code
 *       scaleDownStabilizationSeconds} (the max of the recommendations in the window; §1.3), its
 *       scale-up rate limits and its min and max.
 * </ul>
 *
 * <p>Until two seasons of history exist there is no forecast and S is 0 outside fixed-rate events;
 * until two rate windows have passed there is no slope and D is λ(t), or 0 before the first window.
 *
 * @param reactive the HPA that gives the floor, the target utilization and the rate limits and bounds
 * @param bucketSeconds the forecaster's step, {@code >= 1}; such as 300
 * @param seasonalPeriodBuckets buckets per season, {@code >= 2}; 288 for a day of 5-minute buckets
 * @param forecastMethod which forecaster; the adaptive combination by default
 * @param seasonality additive or multiplicative for {@link ArrivalForecast#HOLT_WINTERS}; null otherwise
 * @param leadSeconds how far ahead to size, {@code >= 0}; null means boot plus warmup seconds
 * @param refitSeconds how often to refit the smoothing weights, {@code > 0}
 * @param derivativeWeight k, the weight of the extrapolated slope, {@code >= 0}; 0 turns it off
 * @param derivativeSmoothing β, the smoothing weight of the newest slope, in (0, 1]
 * @param rateWindowSeconds w, the width of the windows the rate and its slope are measured on, {@code >= 1}
 * @param useCalendar whether the policy reads the profile's calendar of events; false gives the
 *     same policy blind to the events, for comparison
 * @param scaleDownStabilizationSeconds the scale-down stabilization window, 0 to 3600; default 300
 */
public record HybridPolicy(
    HpaPolicy reactive, int bucketSeconds, int seasonalPeriodBuckets, ArrivalForecast forecastMethod,
    Seasonality seasonality, Double leadSeconds,
    double refitSeconds, double derivativeWeight, double derivativeSmoothing, int rateWindowSeconds,
    boolean useCalendar, int scaleDownStabilizationSeconds) implements ScalingPolicy {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException if a field is out of its range; the message names it
   */
  public HybridPolicy {
    new PredictivePolicy(reactive, bucketSeconds, seasonalPeriodBuckets, forecastMethod, seasonality, leadSeconds,
        refitSeconds);
    if (!(derivativeWeight >= 0) || !Double.isFinite(derivativeWeight)) {
      throw new IllegalArgumentException("derivativeWeight must be a finite number >= 0, but was " + derivativeWeight);
    }
    if (!(derivativeSmoothing > 0 && derivativeSmoothing <= 1)) {
      throw new IllegalArgumentException("derivativeSmoothing must be in (0, 1], but was " + derivativeSmoothing);
    }
    if (rateWindowSeconds < 1) {
      throw new IllegalArgumentException("rateWindowSeconds must be >= 1, but was " + rateWindowSeconds);
    }
    if (scaleDownStabilizationSeconds < 0 || scaleDownStabilizationSeconds > 3600) {
      throw new IllegalArgumentException(
          "scaleDownStabilizationSeconds must be in 0..3600, but was " + scaleDownStabilizationSeconds);
    }
  }

  /**
   * Returns a hybrid policy with the defaults: 300 s buckets, the adaptive combination with a daily
   * season, lead = boot +
   * warmup, daily refits, k = 1, β = 0.2, 60 s rate windows, the calendar read, 300 s stabilization.
   *
   * @param reactive the HPA floor
   * @return the policy
   */
  public static HybridPolicy withDefaults(HpaPolicy reactive) {
    return new HybridPolicy(reactive, 300, 288, ArrivalForecast.ADAPTIVE_COMBINATION, null, null, 86_400, 1, 0.2, 60,
        true, 300);
  }

  /** Returns the HPA that runs the reconcile step: the reactive one with this policy's stabilization window. */
  HpaPolicy floor() {
    return reactive.withScaleDownStabilizationSeconds(scaleDownStabilizationSeconds);
  }

  /**
   * Returns the lead time in seconds for a run: {@code leadSeconds}, or boot plus warmup.
   *
   * @param context the run's context
   * @return the lead, {@code >= 0}
   */
  public double leadSeconds(ScalingContext context) {
    return leadSeconds != null ? leadSeconds : context.bootSeconds() + context.warmupSeconds();
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
  public HybridPolicy withKnob(double value) {
    return new HybridPolicy(reactive.withKnob(value), bucketSeconds, seasonalPeriodBuckets, forecastMethod, seasonality, leadSeconds,
        refitSeconds, derivativeWeight, derivativeSmoothing, rateWindowSeconds, useCalendar, scaleDownStabilizationSeconds);
  }

  /**
   * Returns a new autoscaler.
   *
   * @param context its history must have {@code bucketSeconds} buckets
   * @throws IllegalArgumentException if the history's buckets differ
   */
  @Override
  public Autoscaler newAutoscaler(ScalingContext context) {
    if (context.history().bucketSeconds() != bucketSeconds) {
      throw new IllegalArgumentException("the history's buckets (" + context.history().bucketSeconds()
          + " s) must match bucketSeconds (" + bucketSeconds + " s)");
    }
    return new HybridAutoscaler(this, context);
  }
}
