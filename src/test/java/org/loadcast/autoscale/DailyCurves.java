package org.loadcast.autoscale;

import java.util.List;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;

/** Rate curves with a daily rhythm, for the predictive policies' tests. */
final class DailyCurves {
  private static final int DAY = 86_400;

  private DailyCurves() {}

  /**
   * A daily cycle between 2 and 20 requests per second, with a sharp morning ramp (7:00 to 9:00) and
   * an evening fall (18:00 to 20:00), in 15-minute points.
   *
   * @param days the curve's length in days
   * @param changeAfterSeconds the rate after this time is multiplied by {@code factor}: a future a
   *     test may alter; {@link Double#MAX_VALUE} for none
   * @param factor the multiplier after {@code changeAfterSeconds}
   * @return the curve, linear between points
   */
  static RateCurve daily(int days, double changeAfterSeconds, double factor) {
    int points = days * 96 + 1;
    double[] at = new double[points];
    double[] rate = new double[points];
    for (int i = 0; i < points; i++) {
      at[i] = i * 900.0;
      double hour = (at[i] % DAY) / 3600;
      double base = hour < 7 ? 2 : hour < 9 ? 2 + 9 * (hour - 7) : hour < 18 ? 20 : hour < 20 ? 20 - 9 * (hour - 18) : 2;
      rate[i] = at[i] > changeAfterSeconds ? base * factor : base;
    }
    return RateCurve.of(at, rate, Interpolation.LINEAR, List.of());
  }
}
