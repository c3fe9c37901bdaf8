package org.loadcast.forecast;

/**
 * A forecasting method: how to turn a training series into a {@link Forecaster} that then follows
 * the series as it continues. The set is closed; each variant fits its own parameters.
 *
 * <ul>
 *   <li>{@link HoltWinters}: simple exponential smoothing, Holt's linear trend, additive or
 *       multiplicative Holt-Winters (R-classic or ETS recursion), weights fitted by least squares;
 *   <li>{@link DampedTrend}: Gardner and McKenzie's (1985) additive damped trend;
 *   <li>{@link DoubleSeasonal}: Taylor's (2003) double seasonal exponential smoothing (daily and
 *       weekly cycles);
 *   <li>{@link SeasonallyAdjusted}: a multiplicative seasonal profile divided out, the damped trend
 *       on what is left;
 *   <li>{@link SeasonalNaive}: the benchmark, with period 1 the naive (last value) forecaster;
 *   <li>{@link Combination}: the mean of several methods' forecasts;
 *   <li>{@link InverseMseCombination}: their mean weighted by each one's recent squared errors.
 * </ul>
 */
public sealed interface ForecastMethod
    permits HoltWinters, DampedTrend, DoubleSeasonal, SeasonallyAdjusted, SeasonalNaive, Combination, InverseMseCombination {

  /**
   * Fits the method to a training series and returns a forecaster positioned after its last value.
   *
   * @param training y_1 … y_n in time order, in series units; NaN marks a missing observation where
   *     the method allows it (see each method)
   * @return a new, independent forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException if the series is too short or holds values the method cannot use
   */
  Forecaster train(double[] training);
}
