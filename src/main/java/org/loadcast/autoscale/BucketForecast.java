package org.loadcast.autoscale;

import java.util.Arrays;
import org.loadcast.forecast.Formulation;
import org.loadcast.forecast.Forecaster;
import org.loadcast.forecast.HoltWinters;
import org.loadcast.forecast.InverseMseCombination;
import org.loadcast.forecast.Seasonality;

/**
 * A forecast of arrivals per bucket ({@link ArrivalForecast}), kept up to date as buckets complete:
 * the series seen so far, and the forecaster last fitted on it. The predictive policies share it.
 *
 * <p>Not thread-safe: it lives inside one running simulation.
 */
final class BucketForecast {
  private final ArrivalForecast kind;
  private final HoltWinters holtWinters;
  private final InverseMseCombination adaptive;
  private final int periodBuckets;
  private double[] series;
  private int length;
  private Forecaster forecaster;

  /**
   * Starts from a history and fits on it.
   *
   * @param kind which forecaster
   * @param seasonality for Holt-Winters, additive or multiplicative seasons; ignored otherwise
   * @param periodBuckets buckets per season, {@code >= 2}
   * @param horizonSteps the buckets ahead the adaptive combination is fitted at, {@code >= 1}
   * @param history arrivals per bucket before the run, oldest first; NaN for missing buckets; copied
   */
  BucketForecast(ArrivalForecast kind, Seasonality seasonality, int periodBuckets, int horizonSteps, double[] history) {
    this.kind = kind;
    this.holtWinters = kind == ArrivalForecast.HOLT_WINTERS
        ? HoltWinters.seasonal(seasonality, periodBuckets, Formulation.R_CLASSIC) : null;
    this.adaptive = ArrivalForecast.adaptive(periodBuckets, horizonSteps);
    this.periodBuckets = periodBuckets;
    this.series = history.clone();
    this.length = series.length;
    refit();
  }

  /** Adds a completed bucket and moves the forecaster on with it; NaN is a missing bucket. */
  void observe(double count) {
    if (length == series.length) {
      series = Arrays.copyOf(series, Math.max(16, length * 2));
    }
    series[length++] = count;
    if (forecaster != null) {
      forecaster.observe(count);
    }
  }

  /** Returns whether a forecaster has been fitted (see {@link #refit} for when there is one). */
  boolean ready() {
    return forecaster != null;
  }

  /**
   * Returns the forecast arrivals of a bucket ahead.
   *
   * @param stepsAhead buckets after the last observed one, {@code >= 1}
   * @return arrivals in that bucket; may be negative for an additive model
   * @throws IllegalStateException if no forecaster has been fitted yet
   */
  double forecast(int stepsAhead) {
    if (forecaster == null) {
      throw new IllegalStateException("no forecaster yet: check ready() first");
    }
    return forecaster.forecast(stepsAhead);
  }

  /**
   * Fits again and replays. Holt-Winters fits on everything seen, from the first whole season from
   * which two complete seasons without a missing bucket follow (R's initialisation needs them). The
   * adaptive combination fits on the last 14 seasons at most, from the first two consecutive observed
   * buckets, once they span two seasons plus the combination's error warm-up with some arrivals in
   * the first two seasons. Until then there is no forecaster, and a window that does not qualify
   * keeps the previous one.
   */
  void refit() {
    if (kind == ArrivalForecast.HOLT_WINTERS) {
      refitHoltWinters();
    } else {
      refitAdaptive();
    }
  }

  private void refitHoltWinters() {
    for (int start = length % periodBuckets; start + holtWinters.minimumLength() <= length; start += periodBuckets) {
      if (!hasMissing(start, start + holtWinters.minimumLength())) {
        forecaster = holtWinters.fit(Arrays.copyOfRange(series, start, length)).onlineForecaster();
        return;
      }
    }
  }

  private void refitAdaptive() {
    int start = Math.max(0, length - ArrivalForecast.TRAINING_SEASONS * periodBuckets);
    while (start + 1 < length && hasMissing(start, start + 2)) {
      start++;
    }
    int seasons = 2 * periodBuckets;
    if (length - start >= seasons + adaptive.warmUpLength() && hasPositive(start, start + seasons)) {
      forecaster = adaptive.train(Arrays.copyOfRange(series, start, length));
    }
  }

  private boolean hasMissing(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Double.isNaN(series[i])) {
        return true;
      }
    }
    return false;
  }

  private boolean hasPositive(int from, int to) {
    for (int i = from; i < to; i++) {
      if (series[i] > 0) {
        return true;
      }
    }
    return false;
  }
}
