package org.loadcast.forecast;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A Holt-Winters model run over a series at fixed smoothing weights: its in-sample one-step-ahead
 * forecasts, their sum of squared errors, and the state it ends in.
 *
 * @param model the model structure
 * @param parameters the smoothing weights used (fitted or given)
 * @param initialState the state before the first fitted value: R's {@code l.start}, {@code b.start}
 *     and {@code s.start}
 * @param fittedValues the one-step-ahead forecasts x̂_t for t = {@code model.warmUpLength()} … n−1
 *     (0-based), in time order, in series units; copied
 * @param sse the sum of squared one-step errors Σ(y_t − x̂_t)² over the fitted values, in squared
 *     series units; {@code >= 0}
 * @param finalState the state after the last observation: R's coefficients {@code a}, {@code b},
 *     {@code s1..sf}
 */
public record HoltWintersFit(HoltWinters model, SmoothingParameters parameters, HoltWintersState initialState,
    List<Double> fittedValues, double sse, HoltWintersState finalState) {

  /**
   * Validates and copies the fit.
   *
   * @throws IllegalArgumentException if sse is negative or NaN
   * @throws NullPointerException if a component is null
   */
  public HoltWintersFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(initialState, "initialState");
    Objects.requireNonNull(finalState, "finalState");
    fittedValues = List.copyOf(fittedValues);
    if (!(sse >= 0)) {
      throw new IllegalArgumentException("sse must be >= 0, but was " + sse);
    }
  }

  /**
   * Returns the forecast for a period after the end of the series.
   *
   * @param stepsAhead h, periods after the last observation; {@code >= 1}
   * @return x̂_{n+h}, in series units
   * @throws IllegalArgumentException if {@code stepsAhead < 1}
   */
  public double forecast(int stepsAhead) {
    return onlineForecaster().forecast(stepsAhead);
  }

  /**
   * Returns the forecasts for the periods after the end of the series.
   *
   * @param horizon how many periods; {@code >= 0}
   * @return x̂_{n+1} … x̂_{n+horizon} in time order, in series units; empty for horizon 0
   * @throws IllegalArgumentException if {@code horizon < 0}
   */
  public double[] forecasts(int horizon) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0, but was " + horizon);
    }
    OnlineForecaster forecaster = onlineForecaster();
    return IntStream.rangeClosed(1, horizon).mapToDouble(forecaster::forecast).toArray();
  }

  /**
   * Starts an online forecaster from the final state, to follow the series as it continues.
   *
   * @return a new, independent forecaster (mutable, not thread-safe)
   */
  public OnlineForecaster onlineForecaster() {
    return new OnlineForecaster(model, parameters, finalState);
  }
}
