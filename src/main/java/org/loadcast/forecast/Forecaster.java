package org.loadcast.forecast;

/**
 * A forecaster that follows a live series one period at a time: {@link #observe} each new value,
 * {@link #forecast} the periods ahead. {@link ForecastMethod#train} starts one from a training series.
 *
 * <p>Implementations hold mutable state and are <b>not thread-safe</b>: confine each to one thread,
 * such as one running simulation.
 */
public interface Forecaster {

  /**
   * Advances one period with the value observed for the period just ended.
   *
   * @param y the observation, in series units; {@code NaN} marks a missing observation
   * @throws IllegalArgumentException if the implementation cannot use y (the message names it)
   */
  void observe(double y);

  /**
   * Returns the forecast for a period ahead.
   *
   * @param stepsAhead h, periods after the last one observed; {@code >= 1}
   * @return ŷ_{n+h}, in series units
   * @throws IllegalArgumentException if {@code stepsAhead < 1}
   */
  double forecast(int stepsAhead);
}
