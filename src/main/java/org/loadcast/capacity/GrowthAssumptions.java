package org.loadcast.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Growth the user states on top of the trend fitted to history: a steady monthly growth rate and
 * launch events, each a step in the peak from a date on.
 *
 * <p>On a day d after the forecast origin o, the forecast is multiplied by
 * <pre>
 *   factor(d) = (1 + expectedGrowthPercentPerMonth/100)^(months(o, d)) · Π_{launches active on d} (1 + peakIncreasePercent/100)
 * </pre>
 * with months(o, d) = (days from o to d) / 30.436875, the mean Gregorian month (365.2425 / 12 days),
 * so the growth compounds continuously from the origin and reaches exactly the stated percentage
 * after one mean month. A launch is active from its date (inclusive) to its end date (exclusive), or
 * for ever without one. Launches multiply: two launches of 10 % give 21 %.
 *
 * @param expectedGrowthPercentPerMonth the compound growth per month, in percent; finite and
 *     {@code > -100}; 0 for none
 * @param launches the launch events, in any order; copied
 */
public record GrowthAssumptions(double expectedGrowthPercentPerMonth, List<Launch> launches) {

  /** Days in a mean Gregorian month, 365.2425 / 12. */
  public static final double DAYS_PER_MONTH = 365.2425 / 12;

  /** No growth beyond the fitted trend. */
  public static final GrowthAssumptions NONE = new GrowthAssumptions(0, List.of());

  /**
   * Validates the assumptions.
   *
   * @throws IllegalArgumentException if expectedGrowthPercentPerMonth is not a finite number above −100
   * @throws NullPointerException if launches or one of them is null
   */
  public GrowthAssumptions {
    if (!(expectedGrowthPercentPerMonth > -100 && Double.isFinite(expectedGrowthPercentPerMonth))) {
      throw new IllegalArgumentException("expectedGrowthPercentPerMonth must be a finite number > -100, but was "
          + expectedGrowthPercentPerMonth);
    }
    launches = List.copyOf(launches);
  }

  /**
   * Returns the multiplier of the forecast on a day.
   *
   * @param origin the forecast origin, the last day of history
   * @param day the forecast day; after origin
   * @return factor(day) as above; {@code > 0}; 1 without growth or active launches
   * @throws IllegalArgumentException if day is not after origin
   */
  public double factor(LocalDate origin, LocalDate day) {
    if (!day.isAfter(origin)) {
      throw new IllegalArgumentException("day must be after the origin " + origin + ", but was " + day);
    }
    double months = ChronoUnit.DAYS.between(origin, day) / DAYS_PER_MONTH;
    double factor = Math.pow(1 + expectedGrowthPercentPerMonth / 100, months);
    for (Launch launch : launches) {
      if (launch.isActiveOn(day)) {
        factor *= 1 + launch.peakIncreasePercent() / 100;
      }
    }
    return factor;
  }

  /**
   * A launch: from its date on, the peak is higher by a percentage, until an optional end date.
   *
   * @param name what is launched, for the report; not blank
   * @param date the first day of the step
   * @param peakIncreasePercent the step, in percent of the forecast peak; finite and {@code > -100}
   *     (a negative step is a decommissioning)
   * @param endDate the first day without the step; after date; empty for a lasting step
   */
  public record Launch(String name, LocalDate date, double peakIncreasePercent, Optional<LocalDate> endDate) {

    /**
     * Validates the launch.
     *
     * @throws IllegalArgumentException if name is blank, peakIncreasePercent is not a finite number
     *     above −100, or endDate is not after date
     * @throws NullPointerException if name, date or endDate is null
     */
    public Launch {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(endDate, "endDate");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
      if (!(peakIncreasePercent > -100 && Double.isFinite(peakIncreasePercent))) {
        throw new IllegalArgumentException("peakIncreasePercent must be a finite number > -100, but was "
            + peakIncreasePercent);
      }
      if (endDate.isPresent() && !endDate.get().isAfter(date)) {
        throw new IllegalArgumentException("endDate must be after date (" + date + "), but was " + endDate.get());
      }
    }

    /** {@return whether the step applies on a day: date ≤ day and, with an end date, day < endDate} */
    public boolean isActiveOn(LocalDate day) {
      return !day.isBefore(date) && endDate.map(day::isBefore).orElse(true);
    }
  }
}
