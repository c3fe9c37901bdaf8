/**
 * Time-series forecasting for predictive autoscaling and growth projection.
 *
 * <p>Holt-Winters exponential smoothing ({@link org.loadcast.forecast.HoltWinters}): additive and
 * multiplicative seasonality for any period, Holt's linear trend method and simple exponential
 * smoothing. The default {@link org.loadcast.forecast.Formulation#R_CLASSIC} recursion is R's
 * {@code stats::HoltWinters}, with R's initialisation, so that fitted values match R to 1e-9; the
 * {@link org.loadcast.forecast.Formulation#ETS} error-correction form is there because the two are
 * often confused and give different numbers. Smoothing weights are fitted by bounded least squares
 * (BOBYQA). A fitted model hands its final state to an
 * {@link org.loadcast.forecast.OnlineForecaster}, which follows a live series one period at a time,
 * skipping missing observations; forecasters are the only mutable types here.
 *
 * <p>Every method is a {@link org.loadcast.forecast.ForecastMethod} (a sealed set): trained on a
 * series, it returns a {@link org.loadcast.forecast.Forecaster} that follows the series on. Besides
 * Holt-Winters there are Gardner and McKenzie's damped trend
 * ({@link org.loadcast.forecast.DampedTrend}, fitted at one step or at the horizon of use), Taylor's
 * double seasonal smoothing for daily and weekly cycles ({@link org.loadcast.forecast.DoubleSeasonal}),
 * the damped trend on a series divided by its multiplicative daily profile
 * ({@link org.loadcast.forecast.SeasonallyAdjusted}), the seasonal naive benchmark, the mean of several
 * methods ({@link org.loadcast.forecast.Combination}) and their mean weighted by recent errors
 * ({@link org.loadcast.forecast.InverseMseCombination}). {@link org.loadcast.forecast.RollingOrigin}
 * scores a method by rolling-origin evaluation against the naive and seasonal naive baselines: 15
 * minutes ahead, the inverse-MSE combination of the seasonally adjusted and the plain damped trend has
 * 0.83, 0.82 and 0.82 × the better baseline's MAE on NASA July, NASA August and WorldCup98.
 *
 * <p>Growth projection uses the additive-error ETS models without seasonality ({@link
 * org.loadcast.forecast.EtsModel}: simple smoothing with α in [0.1, 0.3], Holt's linear trend and the
 * damped trend), whose {@link org.loadcast.forecast.EtsFit} gives point forecasts with analytic
 * {@link org.loadcast.forecast.PredictionInterval}s (Hyndman, Koehler, Ord and Snyder 2008, class 1
 * variances; σ² with R {@code forecast::ets}'s divisor n − p).
 *
 * <p>Forecast accuracy ({@link org.loadcast.forecast.ForecastAccuracy}): MAE, RMSE, MAPE, sMAPE on the
 * M3/M4 0-200 scale, and MASE scaled by the in-sample error of the
 * {@link org.loadcast.forecast.SeasonalNaive} forecaster on the training series (Hyndman and Koehler
 * 2006).
 *
 * <p>This package is pure: no I/O, no clock, no randomness, and it depends on nothing else in
 * Loadcast.
 */
package org.loadcast.forecast;
