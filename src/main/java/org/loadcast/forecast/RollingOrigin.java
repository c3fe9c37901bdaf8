package org.loadcast.forecast;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Rolling-origin evaluation (time-series cross-validation; Tashman 2000, "Out-of-sample tests of
 * forecasting accuracy: an analysis and review", Int. J. Forecasting 16(4):437-450; Hyndman and
 * Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.10): at every origin o, forecast
 * y_{o+h} from y_1 … y_o only, then score the forecasts against what was observed.
 *
 * <p>The method is trained on the {@code trainingLength} values ending at the first origin, then
 * follows the series one value at a time ({@link Forecaster#observe}); every {@code refitEvery}
 * origins it is trained again on the {@code trainingLength} values ending at the origin (a sliding
 * window). A training window starts at its first observed value (leading missing values are
 * dropped; a window with none is not trained on). If the method refuses a later window (too short
 * once its leading gap is dropped, say), the previous forecaster goes on instead. Other missing values (NaN) are passed on to the
 * forecaster; targets whose actual value is missing are not scored.
 *
 * @param horizonSteps h, how many periods after the origin the scored forecast is for; {@code >= 1}
 * @param trainingLength periods in each training window; {@code >= 2}
 * @param refitEvery origins between two trainings; {@code >= 1}
 * @param seasonalLag m, the period of the seasonal naive baseline and of the MASE scale; {@code >= 1}
 */
public record RollingOrigin(int horizonSteps, int trainingLength, int refitEvery, int seasonalLag) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value is below its bound (the message names it)
   */
  public RollingOrigin {
    requireAtLeast("horizonSteps", horizonSteps, 1);
    requireAtLeast("trainingLength", trainingLength, 2);
    requireAtLeast("refitEvery", refitEvery, 1);
    requireAtLeast("seasonalLag", seasonalLag, 1);
  }

  /**
   * Returns the forecast made for each period h periods earlier.
   *
   * @param series y, in time order, NaN for missing; longer than trainingLength + h − 1 to score anything
   * @param method the method to evaluate
   * @return an array as long as the series: element t is the forecast of y_t made at origin t − h, or
   *     NaN where no origin precedes t by h within the evaluation (the first trainingLength + h − 1)
   * @throws IllegalArgumentException if the method refuses a training window
   */
  public double[] forecasts(double[] series, ForecastMethod method) {
    Objects.requireNonNull(method, "method");
    double[] forecasts = new double[series.length];
    Arrays.fill(forecasts, Double.NaN);
    Forecaster forecaster = null;
    for (int origin = trainingLength - 1; origin + horizonSteps < series.length; origin++) {
      int sinceFirst = origin - (trainingLength - 1);
      int windowStart = firstObserved(series, origin + 1 - trainingLength, origin + 1);
      if (sinceFirst % refitEvery == 0 && (forecaster == null || windowStart <= origin)) {
        forecaster = retrained(method, Arrays.copyOfRange(series, windowStart, origin + 1), forecaster, series[origin]);
      } else {
        forecaster.observe(series[origin]);
      }
      forecasts[origin + horizonSteps] = forecaster.forecast(horizonSteps);
    }
    return forecasts;
  }

  /**
   * Evaluates a method and the two baselines, naive (last value) and seasonal naive with lag m, on
   * the same targets: those whose actual value and all three forecasts are finite.
   *
   * @param series y, in time order, NaN for missing
   * @param method the method to evaluate
   * @return the three evaluations
   * @throws IllegalArgumentException if no target can be scored, or a method refuses a window
   */
  public Comparison compare(double[] series, ForecastMethod method) {
    return compare(series, forecasts(series, method));
  }

  /**
   * Evaluates a method's forecasts, already made by {@link #forecasts}, and the two baselines on the
   * same targets, as {@link #compare(double[], ForecastMethod)} does.
   *
   * @param series y, in time order, NaN for missing
   * @param candidate the method's forecasts: {@link #forecasts} of the same series
   * @return the three evaluations
   * @throws IllegalArgumentException if {@code candidate} is not as long as the series, no target
   *     can be scored, or a baseline refuses a window
   */
  public Comparison compare(double[] series, double[] candidate) {
    if (candidate.length != series.length) {
      throw new IllegalArgumentException("candidate must have as many forecasts as the series has values ("
          + series.length + "), but had " + candidate.length);
    }
    double[] naive = forecasts(series, new SeasonalNaive(1));
    double[] seasonal = forecasts(series, new SeasonalNaive(seasonalLag));
    int[] targets = IntStream.range(0, series.length).filter(t -> Double.isFinite(series[t])
        && Double.isFinite(candidate[t]) && Double.isFinite(naive[t]) && Double.isFinite(seasonal[t])).toArray();
    if (targets.length == 0) {
      throw new IllegalArgumentException("series must leave a target to score after " + trainingLength
          + " training values and horizon " + horizonSteps + ", but had " + series.length + " values");
    }
    double scale = maseScale(series);
    return new Comparison(score(series, candidate, targets, scale), score(series, naive, targets, scale),
        score(series, seasonal, targets, scale));
  }

  /** Trains on a window; if a later window is refused, the previous forecaster observes and goes on. */
  private static Forecaster retrained(ForecastMethod method, double[] window, Forecaster previous, double latest) {
    if (previous == null) {
      return method.train(window);
    }
    try {
      return method.train(window);
    } catch (IllegalArgumentException refused) {
      previous.observe(latest);
      return previous;
    }
  }

  /** The index of the first non-NaN value in [from, to), or to if there is none. */
  private static int firstObserved(double[] series, int from, int to) {
    int i = from;
    while (i < to && Double.isNaN(series[i])) {
      i++;
    }
    return i;
  }

  /** The in-sample mean |y_t − y_{t−m}| over the first training window, pairs with a missing value skipped. */
  private double maseScale(double[] series) {
    return IntStream.range(seasonalLag, Math.min(trainingLength, series.length))
        .mapToDouble(t -> Math.abs(series[t] - series[t - seasonalLag])).filter(Double::isFinite).average()
        .orElse(Double.NaN);
  }

  private static Evaluation score(double[] series, double[] forecasts, int[] targets, double scale) {
    double[] actual = Arrays.stream(targets).mapToDouble(t -> series[t]).toArray();
    double[] predicted = Arrays.stream(targets).mapToDouble(t -> forecasts[t]).toArray();
    return new Evaluation(ForecastAccuracy.of(actual, predicted), scale);
  }

  private static void requireAtLeast(String name, int value, int minimum) {
    if (value < minimum) {
      throw new IllegalArgumentException(name + " must be >= " + minimum + ", but was " + value);
    }
  }

  /**
   * The scored forecasts of one method.
   *
   * @param accuracy the forecasts against the actual values, targets in time order
   * @param maseScale the in-sample seasonal naive MAE (lag m) of the first training window, in series
   *     units; NaN if it has no pair of values m apart
   */
  public record Evaluation(ForecastAccuracy accuracy, double maseScale) {

    /**
     * Validates the evaluation.
     *
     * @throws NullPointerException if accuracy is null
     */
    public Evaluation {
      Objects.requireNonNull(accuracy, "accuracy");
    }

    /**
     * Returns the MASE: the MAE over the scale (Hyndman and Koehler 2006; REFERENCE.md §3.8).
     *
     * @return the MASE, dimensionless; infinite or NaN if the scale is 0 or NaN
     */
    public double mase() {
      return accuracy.mae() / maseScale;
    }
  }

  /**
   * A method's evaluation beside the two baselines', on the same targets.
   *
   * @param method the evaluated method
   * @param naive the naive (last value) forecaster
   * @param seasonalNaive the seasonal naive forecaster with lag m
   */
  public record Comparison(Evaluation method, Evaluation naive, Evaluation seasonalNaive) {

    /**
     * Validates the comparison.
     *
     * @throws NullPointerException if an evaluation is null
     */
    public Comparison {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(naive, "naive");
      Objects.requireNonNull(seasonalNaive, "seasonalNaive");
    }

    /**
     * Returns the method's MAE over the better baseline's MAE.
     *
     * @return the ratio, dimensionless; below 1 beats both baselines
     */
    public double maeRatioToBetterBaseline() {
      return method.accuracy().mae() / Math.min(naive.accuracy().mae(), seasonalNaive.accuracy().mae());
    }
  }
}
