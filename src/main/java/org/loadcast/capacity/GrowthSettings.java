package org.loadcast.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.loadcast.forecast.EtsModel;

/**
 * How to project growth and plan capacity: the experiment's {@code growth} section, checked, with
 * its defaults filled in.
 *
 * @param method the ETS method fitted to the daily peaks; default {@link EtsModel#DAMPED_TREND}
 * @param horizonMonths the calendar months to plan, from the day after the last day of history; in
 *     1..{@value #MAX_HORIZON_MONTHS}; default 12
 * @param intervalPercent the coverage of the prediction interval whose upper bound is planned for, in
 *     percent; in (0, 100); default 95
 * @param peakWindowSeconds the averaging window of a daily peak ({@link DailyPeaks}), in seconds; a
 *     multiple of 60 that divides 86400; default 3600 (the peak hour)
 * @param maxMissingPercentPerDay the largest share of a day's intervals that may be missing for the
 *     day to keep its peak, in percent; in [0, 100); default 5
 * @param maxInstances the fleet limit of the runway; {@code >= 1}; default the largest {@code
 *     maxReplicas} / {@code maxCapacity} among the experiment's policies
 * @param assumptions the stated growth on top of the fitted trend; default none
 */
public record GrowthSettings(EtsModel method, int horizonMonths, double intervalPercent, int peakWindowSeconds,
    double maxMissingPercentPerDay, int maxInstances, GrowthAssumptions assumptions) {

  /** The longest horizon, ten years: beyond it no trend fitted to daily peaks means much. */
  public static final int MAX_HORIZON_MONTHS = 120;

  /**
   * Validates the settings, reporting every broken rule, one per line, each starting with the
   * field's name.
   *
   * @throws IllegalArgumentException if a value is out of its range
   * @throws NullPointerException if method or assumptions is null
   */
  public GrowthSettings {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(assumptions, "assumptions");
    List<String> broken = new ArrayList<>();
    if (horizonMonths < 1 || horizonMonths > MAX_HORIZON_MONTHS) {
      broken.add("horizonMonths must be in 1.." + MAX_HORIZON_MONTHS + ", but was " + horizonMonths);
    }
    if (!(intervalPercent > 0 && intervalPercent < 100)) {
      broken.add("intervalPercent must be in (0, 100), but was " + number(intervalPercent));
    }
    if (peakWindowSeconds < 60 || peakWindowSeconds % 60 != 0 || 86_400 % peakWindowSeconds != 0) {
      broken.add("peakWindowSeconds must be a multiple of 60 that divides 86400, such as 300 or 3600, but was "
          + peakWindowSeconds);
    }
    if (!(maxMissingPercentPerDay >= 0 && maxMissingPercentPerDay < 100)) {
      broken.add("maxMissingPercentPerDay must be in [0, 100), but was " + number(maxMissingPercentPerDay));
    }
    if (maxInstances < 1) {
      broken.add("maxInstances must be >= 1, but was " + maxInstances);
    }
    if (!broken.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", broken));
    }
  }

  /** {@return maxMissingPercentPerDay as a fraction, for {@link DailyPeaks#of}} */
  public double maxMissingFraction() {
    return maxMissingPercentPerDay / 100;
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
