package org.loadcast.forecast;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A Holt-Winters forecaster that follows a live series one period at a time, for a predictive
 * autoscaler: {@link #observe} each new value, {@link #forecast} the periods ahead.
 *
 * <p>The recursion is R's {@code C_HoltWinters} filter (R source
 * {@code src/library/stats/src/HoltWinters.c}), with the seasonal update chosen by the model's
 * {@link Formulation}. {@link HoltWinters#smooth} runs its series through this class, so feeding the
 * same series one value at a time reproduces the batch fitted values and final state exactly.
 *
 * <p>This object holds mutable state (level, trend and a ring of seasonal indices) and is <b>not
 * thread-safe</b>: confine it to one thread, such as one running simulation.
 */
public final class OnlineForecaster implements Forecaster {
  private final HoltWinters model;
  private final SmoothingParameters parameters;
  private final double[] seasonals;
  private double level;
  private double trend;
  private int nextSeasonal;

  /**
   * Starts a forecaster from a state, typically {@link HoltWintersFit#finalState()}.
   *
   * @param model the model structure
   * @param parameters the smoothing weights
   * @param state the state after the last observation seen so far
   * @throws IllegalArgumentException if the state has a number of seasonal indices other than the
   *     model's period length (0 for a non-seasonal model), or a non-zero trend for a model without
   *     trend
   */
  public OnlineForecaster(HoltWinters model, SmoothingParameters parameters, HoltWintersState state) {
    this.model = Objects.requireNonNull(model, "model");
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    requireMatches(model, state);
    this.level = state.level();
    this.trend = state.trend();
    this.seasonals = state.seasonals().stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void requireMatches(HoltWinters model, HoltWintersState state) {
    int expected = model.seasonality().isSeasonal() ? model.periodLength() : 0;
    if (state.seasonals().size() != expected) {
      throw new IllegalArgumentException("state.seasonals must hold " + expected
          + " indices for this model, but held " + state.seasonals().size());
    }
    if (!model.hasTrend() && state.trend() != 0) {
      throw new IllegalArgumentException(
          "state.trend must be 0 for a model without trend, but was " + state.trend());
    }
  }

  /**
   * Advances one period, updating level, trend and the current seasonal index with an observation.
   *
   * @param y the value observed for the period just ended, in series units; {@code NaN} marks a
   *     missing observation and acts as {@link #skip()}
   * @throws IllegalArgumentException if y is infinite, or not {@code > 0} for multiplicative
   *     seasonality; the state is then unchanged
   */
  @Override
  public void observe(double y) {
    if (Double.isNaN(y)) {
      skip();
    } else if (!model.seasonality().accepts(y)) {
      throw new IllegalArgumentException("y must be " + model.seasonality().requirement() + ", but was " + y);
    } else {
      update(y);
    }
  }

  /**
   * Advances one period without an observation: the state moves on as its own forecast, so the
   * level grows by the trend, the trend stays, and the seasonal indices rotate unchanged.
   */
  public void skip() {
    level += trend;
    rotate(currentSeasonal());
  }

  /**
   * Returns the forecast for a period ahead: (ℓ + h·b)·s or ℓ + h·b + s, with s the seasonal index
   * of that period (REFERENCE.md §3.3 step 6; R {@code predict.HoltWinters}).
   *
   * @param stepsAhead h, periods after the last one advanced through; {@code >= 1}
   * @return the forecast, in series units
   * @throws IllegalArgumentException if {@code stepsAhead < 1}
   */
  @Override
  public double forecast(int stepsAhead) {
    if (stepsAhead < 1) {
      throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
    }
    return model.seasonality().apply(level + stepsAhead * trend, seasonalAhead(stepsAhead));
  }

  /**
   * Returns a snapshot of the current state.
   *
   * @return level, trend and the seasonal indices of the next period length, next one first
   */
  public HoltWintersState state() {
    List<Double> ordered = IntStream.range(0, seasonals.length)
        .mapToObj(i -> seasonals[(nextSeasonal + i) % seasonals.length]).toList();
    return new HoltWintersState(level, trend, ordered);
  }

  /** The Holt-Winters update of R's {@code C_HoltWinters}, one period. */
  private void update(double y) {
    Seasonality seasonality = model.seasonality();
    double previous = level + trend;
    double seasonal = currentSeasonal();
    double newLevel = parameters.alpha() * seasonality.remove(y, seasonal) + (1 - parameters.alpha()) * previous;
    if (model.hasTrend()) {
      trend = parameters.beta() * (newLevel - level) + (1 - parameters.beta()) * trend;
    }
    double reference = model.formulation().seasonalReference(newLevel, previous);
    rotate(parameters.gamma() * seasonality.remove(y, reference) + (1 - parameters.gamma()) * seasonal);
    level = newLevel;
  }

  private double currentSeasonal() {
    return seasonalAhead(1);
  }

  private double seasonalAhead(int stepsAhead) {
    return seasonals.length == 0 ? 0 : seasonals[(int) ((nextSeasonal + stepsAhead - 1L) % seasonals.length)];
  }

  /** Replaces the index just used with its update, for the same period one cycle later. */
  private void rotate(double updatedSeasonal) {
    if (seasonals.length > 0) {
      seasonals[nextSeasonal] = updatedSeasonal;
      nextSeasonal = (nextSeasonal + 1) % seasonals.length;
    }
  }
}
