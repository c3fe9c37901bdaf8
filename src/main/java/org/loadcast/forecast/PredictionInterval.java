package org.loadcast.forecast;

/**
 * A point forecast with its prediction interval: the range that holds the future value with a
 * stated probability, if the model is right.
 *
 * @param stepsAhead h, periods after the forecast origin; {@code >= 1}
 * @param levelPercent the coverage probability of the interval, in percent; in (0, 100), such as 80
 *     or 95
 * @param lower the lower bound, in series units; finite and {@code <= point}; may be negative for a
 *     series that cannot be (the Gaussian interval does not know)
 * @param point the point forecast ŷ_{n+h}, in series units; finite
 * @param upper the upper bound, in series units; finite and {@code >= point}
 */
public record PredictionInterval(int stepsAhead, double levelPercent, double lower, double point, double upper) {

  /**
   * Validates the interval.
   *
   * @throws IllegalArgumentException if stepsAhead {@literal <} 1, levelPercent is not in (0, 100), a
   *     bound or the point is not finite, or the bounds do not enclose the point
   */
  public PredictionInterval {
    if (stepsAhead < 1) {
      throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
    }
    if (!(levelPercent > 0 && levelPercent < 100)) {
      throw new IllegalArgumentException("levelPercent must be in (0, 100), but was " + levelPercent);
    }
    if (!Double.isFinite(lower) || !Double.isFinite(point) || !Double.isFinite(upper)) {
      throw new IllegalArgumentException("lower, point and upper must be finite, but were " + lower + ", " + point
          + ", " + upper);
    }
    if (!(lower <= point && point <= upper)) {
      throw new IllegalArgumentException("the interval must satisfy lower <= point <= upper, but was [" + lower
          + ", " + point + ", " + upper + "]");
    }
  }

  /** {@return the width {@code upper − lower}, in series units, {@code >= 0}} */
  public double width() {
    return upper - lower;
  }

  /**
   * Returns this interval with the point and both bounds multiplied by one factor: a user-stated
   * growth scenario applied to a forecast, which keeps the interval's width relative to the point.
   *
   * @param factor the multiplier; finite and {@code > 0}
   * @return the scaled interval, same stepsAhead and level
   * @throws IllegalArgumentException if factor is not a finite number {@literal >} 0
   */
  public PredictionInterval scaled(double factor) {
    if (!(factor > 0 && Double.isFinite(factor))) {
      throw new IllegalArgumentException("factor must be finite and > 0, but was " + factor);
    }
    return new PredictionInterval(stepsAhead, levelPercent, lower * factor, point * factor, upper * factor);
  }
}
