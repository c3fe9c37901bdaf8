package org.loadcast.forecast;

import java.util.List;

/**
 * The state of a Holt-Winters model between two observations: level, trend and the seasonal indices
 * of the next period length.
 *
 * <p>After the last observation this is what R's {@code coef(HoltWinters(...))} prints as
 * {@code a}, {@code b} and {@code s1..sf}.
 *
 * @param level ℓ, in the units of the series; finite
 * @param trend b, series units per period; finite; 0 for a model without trend
 * @param seasonals the seasonal indices for the next f periods in time order, so that
 *     {@code seasonals.get(0)} applies to the next observation; series units (additive) or
 *     dimensionless factors (multiplicative); empty for a non-seasonal model; copied
 */
public record HoltWintersState(double level, double trend, List<Double> seasonals) {

  /**
   * Validates and copies the state.
   *
   * @throws IllegalArgumentException if level, trend or a seasonal index is not finite
   * @throws NullPointerException if {@code seasonals} or one of its elements is null
   */
  public HoltWintersState {
    requireFinite("level", level);
    requireFinite("trend", trend);
    seasonals = List.copyOf(seasonals);
    for (int i = 0; i < seasonals.size(); i++) {
      requireFinite("seasonals[" + i + "]", seasonals.get(i));
    }
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, but was " + value);
    }
  }
}
