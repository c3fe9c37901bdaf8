package org.loadcast.autoscale;

import java.util.Arrays;
import org.loadcast.forecast.Formulation;
import org.loadcast.forecast.HoltWinters;
import org.loadcast.forecast.OnlineForecaster;
import org.loadcast.forecast.Seasonality;

/**
 * A seasonal Holt-Winters forecast of arrivals per bucket, kept up to date as buckets complete: the
 * series seen so far, and the forecaster last fitted on it. The predictive policies share it.
 *
 * <p>Not thread-safe: it lives inside one running simulation.
 */
final class BucketForecast {
  private final HoltWinters model;
  private final int periodBuckets;
  private double[] series;
  private int length;
  private OnlineForecaster forecaster;

  /**
   * Starts from a history and fits on it.
   *
   * @param seasonality additive or multiplicative seasons
   * @param periodBuckets buckets per season, {@code >= 2}
   * @param history arrivals per bucket before the run, oldest first; NaN for missing buckets; copied
   */
  BucketForecast(Seasonality seasonality, int periodBuckets, double[] history) {
    this.model = HoltWinters.seasonal(seasonality, periodBuckets, Formulation.R_CLASSIC);
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

  /** Returns whether a forecaster has been fitted: two whole seasons without a missing bucket were seen. */
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
   * Fits the weights on everything seen so far and replays it. The fit starts at the first whole
   * season from which two complete seasons without a missing bucket follow (R's initialisation
   * needs them); until there is one, there is no forecaster.
   */
  void refit() {
    for (int start = length % periodBuckets; start + model.minimumLength() <= length; start += periodBuckets) {
      if (!hasMissing(start, start + model.minimumLength())) {
        forecaster = model.fit(Arrays.copyOfRange(series, start, length)).onlineForecaster();
        return;
      }
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
}
