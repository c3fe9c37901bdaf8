package org.loadcast.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.loadcast.forecast.EtsFit;
import org.loadcast.forecast.EtsModel;
import org.loadcast.forecast.PredictionInterval;

/**
 * A projection of the daily peak: an ETS model fitted to the history of daily peaks, its forecast
 * and prediction interval for each day of a horizon, and user-stated growth on top.
 *
 * <p>Steps: (1) the history is {@link DailyPeaks#dailySeries()}, one value per calendar day, NaN for
 * a skipped day; it is used from the first day that starts three consecutive days with peaks (the
 * start of every method needs them); (2) {@link EtsModel#fit} fits the chosen method; (3) the
 * forecast origin is the last day with a peak, and day origin + h gets the h-step forecast and its
 * analytic interval ({@link EtsFit#intervals}); (4) the point and both bounds are multiplied by
 * {@link GrowthAssumptions#factor}: the stated growth is a scenario, not a random quantity, so it
 * moves the whole interval and keeps its width relative to the point. Bounds are not clipped: a
 * lower bound below 0 is reported as is.
 *
 * <p>Holt's linear trend extrapolates for ever and the damped trend levels off (Gardner and McKenzie
 * 1985); REFERENCE.md §5.3 names the damped trend the robust default for horizons of 3–18 months.
 *
 * @param method the fitted method
 * @param fit the fitted model
 * @param historyStart the first day of the history the fit used
 * @param origin the forecast origin: the last day with a peak
 * @param levelPercent the coverage of the intervals, in percent
 * @param assumptions the stated growth applied
 * @param days one entry per day origin + 1 … origin + horizon, in date order
 */
public record GrowthProjection(EtsModel method, EtsFit fit, LocalDate historyStart, LocalDate origin,
    double levelPercent, GrowthAssumptions assumptions, List<ProjectedDay> days) {

  /**
   * Copies the days.
   *
   * @throws NullPointerException if a component is null
   */
  public GrowthProjection {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(historyStart, "historyStart");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(assumptions, "assumptions");
    days = List.copyOf(days);
  }

  /**
   * The projection for one day.
   *
   * @param date the day
   * @param growthFactor the stated-growth multiplier of the day, {@code > 0}
   * @param fitted the model's own forecast and interval, in requests per second
   * @param peak the projected peak: {@code fitted} scaled by growthFactor, in requests per second
   */
  public record ProjectedDay(LocalDate date, double growthFactor, PredictionInterval fitted, PredictionInterval peak) {}

  /**
   * Projects the daily peaks over a horizon in days.
   *
   * @param peaks the daily peaks
   * @param method the ETS method; {@link EtsModel#DAMPED_TREND} is the default of the experiment file
   * @param horizonDays the days after the origin to project; {@code >= 1}
   * @param levelPercent the coverage of the intervals, in percent; in (0, 100)
   * @param assumptions the stated growth; {@link GrowthAssumptions#NONE} for none
   * @return the projection
   * @throws IllegalArgumentException if no three consecutive days have peaks, the history from there
   *     spans fewer days than the method's {@link EtsModel#minimumLength()}, horizonDays {@literal <} 1, or
   *     levelPercent is not in (0, 100)
   */
  public static GrowthProjection of(DailyPeaks peaks, EtsModel method, int horizonDays, double levelPercent,
      GrowthAssumptions assumptions) {
    Objects.requireNonNull(peaks, "peaks");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(assumptions, "assumptions");
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, but was " + horizonDays);
    }
    EtsFit.quantile(levelPercent);
    double[] series = peaks.dailySeries();
    int first = firstOfThreeConsecutive(series);
    if (first < 0) {
      throw new IllegalArgumentException("the daily peaks must hold three consecutive days with a peak to fit "
          + method.etsName() + ", but hold " + peaks.peaks().size() + " day(s) with a peak and no three in a row");
    }
    double[] history = Arrays.copyOfRange(series, first, series.length);
    LocalDate historyStart = peaks.firstDate().plusDays(first);
    LocalDate origin = peaks.firstDate().plusDays(series.length - 1L);
    if (history.length < method.minimumLength()) {
      throw new IllegalArgumentException("the daily peaks must span at least " + method.minimumLength() + " days to fit "
          + method.etsName() + " (" + method.yamlName() + ": the start, " + method.weightCount()
          + " weight(s) and one degree of freedom), but span " + history.length + " (" + historyStart + " to " + origin
          + ")" + (method == EtsModel.SIMPLE ? "" : "; ses needs " + EtsModel.SIMPLE.minimumLength()));
    }
    EtsFit fit = method.fit(history);
    List<ProjectedDay> days = new ArrayList<>(horizonDays);
    for (PredictionInterval interval : fit.intervals(horizonDays, levelPercent)) {
      LocalDate date = origin.plusDays(interval.stepsAhead());
      double factor = assumptions.factor(origin, date);
      days.add(new ProjectedDay(date, factor, interval, interval.scaled(factor)));
    }
    return new GrowthProjection(method, fit, historyStart, origin, levelPercent, assumptions, days);
  }

  /**
   * Projects the daily peaks over whole calendar months from the day after the origin: the horizon
   * ends the day before {@code (origin + 1 day) + months}.
   *
   * @param months the months to project; {@code >= 1}
   * @return the projection; see {@link #of} for the rest
   * @throws IllegalArgumentException as {@link #of}, or if months {@literal <} 1
   */
  public static GrowthProjection ofMonths(DailyPeaks peaks, EtsModel method, int months, double levelPercent,
      GrowthAssumptions assumptions) {
    if (months < 1) {
      throw new IllegalArgumentException("months must be >= 1, but was " + months);
    }
    Objects.requireNonNull(peaks, "peaks");
    if (peaks.peaks().isEmpty()) {
      throw new IllegalArgumentException("the daily peaks must hold at least one day with a peak, but hold none");
    }
    LocalDate firstDay = peaks.peaks().get(peaks.peaks().size() - 1).date().plusDays(1);
    int horizonDays = (int) ChronoUnit.DAYS.between(firstDay, firstDay.plusMonths(months));
    return of(peaks, method, horizonDays, levelPercent, assumptions);
  }

  /** {@return the last projected day} */
  public LocalDate horizonEnd() {
    return days.isEmpty() ? origin : days.get(days.size() - 1).date();
  }

  private static int firstOfThreeConsecutive(double[] series) {
    for (int i = 0; i + 2 < series.length; i++) {
      if (!Double.isNaN(series[i]) && !Double.isNaN(series[i + 1]) && !Double.isNaN(series[i + 2])) {
        return i;
      }
    }
    return -1;
  }
}
