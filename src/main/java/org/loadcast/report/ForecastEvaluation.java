package org.loadcast.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.forecast.ForecastMethod;
import org.loadcast.forecast.RollingOrigin;

/**
 * Rolling-origin evaluation of forecasts of a run's own demand, as the predictive policies see it:
 * arrivals per bucket of the history before the horizon, then of the simulated horizon, in requests
 * per second. Each method is scored against the naive (last value) and seasonal naive baselines
 * ({@link RollingOrigin}; Hyndman and Athanasopoulos, Forecasting: Principles and Practice, 3rd ed.,
 * §5.10), at the autoscaling horizon, on the targets inside the simulated horizon only.
 *
 * @param bucketSeconds the bucket width, {@code >= 1}
 * @param horizonBuckets h, how many buckets ahead each scored forecast is
 * @param trainingBuckets the sliding training window, in buckets
 * @param refitEveryBuckets origins between two fits: one season
 * @param seasonalLagBuckets m, the seasonal naive lag and MASE scale's lag
 * @param scoredTargets how many forecasts each method is scored on
 * @param goalRatio the goal: a method's MAE at most this times the better baseline's (0.85)
 * @param methods one score per method, in the order given
 * @param naive the naive baseline's score
 * @param seasonalNaive the seasonal naive baseline's score
 * @param horizon the actual demand of each bucket of the simulated horizon and each method's
 *     forecast of it, for the forecast-against-actual chart; empty when not kept
 */
public record ForecastEvaluation(int bucketSeconds, int horizonBuckets, int trainingBuckets, int refitEveryBuckets,
    int seasonalLagBuckets, int scoredTargets, double goalRatio, List<MethodScore> methods, Score naive, Score seasonalNaive,
    Horizon horizon) {

  /** The goal of issue 4: MAE at most 0.85 × the better of the two baselines. */
  public static final double GOAL_RATIO = 0.85;

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException if the horizon's forecasts name other methods than
   *     {@code methods}, in another order
   */
  public ForecastEvaluation {
    methods = List.copyOf(methods);
    List<String> names = methods.stream().map(m -> m.score().name()).toList();
    if (!horizon.forecastRatePerSecond().isEmpty() && !names.equals(List.copyOf(horizon.forecastRatePerSecond().keySet()))) {
      throw new IllegalArgumentException("the horizon's forecasts must be those of the methods " + names + ", but were of "
          + horizon.forecastRatePerSecond().keySet());
    }
  }

  /** Returns an evaluation without its horizon's series. */
  public ForecastEvaluation(int bucketSeconds, int horizonBuckets, int trainingBuckets, int refitEveryBuckets,
      int seasonalLagBuckets, int scoredTargets, double goalRatio, List<MethodScore> methods, Score naive,
      Score seasonalNaive) {
    this(bucketSeconds, horizonBuckets, trainingBuckets, refitEveryBuckets, seasonalLagBuckets, scoredTargets, goalRatio,
        methods, naive, seasonalNaive, Horizon.NONE);
  }

  /**
   * Evaluates methods on a series of history followed by the horizon.
   *
   * @param ratePerSecond the demand per bucket in requests per second, oldest first, NaN where
   *     missing; the last {@code horizonLength} values are the simulated horizon
   * @param horizonLength buckets of the simulated horizon at the end of the series, {@code >= 1}
   * @param bucketSeconds the bucket width
   * @param horizonBuckets h, {@code >= 1}
   * @param seasonBuckets m, {@code >= 1}; also the refit interval
   * @param methods the methods by display name, in display order; not empty
   * @return the evaluation: training windows of the history before the horizon (at most the whole
   *     history), origins from the last history bucket on
   * @throws IllegalArgumentException if the history is shorter than two seasons, nothing can be
   *     scored, or a method refuses its first training window
   */
  public static ForecastEvaluation of(double[] ratePerSecond, int horizonLength, int bucketSeconds, int horizonBuckets,
      int seasonBuckets, int trainingBuckets, Map<String, ForecastMethod> methods) {
    int history = ratePerSecond.length - horizonLength;
    if (history < trainingBuckets || trainingBuckets < 2 * seasonBuckets) {
      throw new IllegalArgumentException("the training window must hold two seasons (" + 2 * seasonBuckets
          + " buckets) and fit in the history (" + history + " buckets), but was " + trainingBuckets + " buckets");
    }
    double[] series = Arrays.copyOfRange(ratePerSecond, history - trainingBuckets, ratePerSecond.length);
    RollingOrigin evaluation = new RollingOrigin(horizonBuckets, trainingBuckets, seasonBuckets, seasonBuckets);
    List<MethodScore> scores = new ArrayList<>();
    Map<String, double[]> horizonForecasts = new LinkedHashMap<>();
    RollingOrigin.Comparison first = null;
    for (Map.Entry<String, ForecastMethod> m : new LinkedHashMap<>(methods).entrySet()) {
      double[] forecasts = evaluation.forecasts(series, m.getValue());
      RollingOrigin.Comparison c = evaluation.compare(series, forecasts);
      horizonForecasts.put(m.getKey(), Arrays.copyOfRange(forecasts, series.length - horizonLength, series.length));
      first = first == null ? c : first;
      double ratio = c.maeRatioToBetterBaseline();
      scores.add(new MethodScore(Score.of(m.getKey(), c.method()), ratio, ratio <= GOAL_RATIO));
    }
    if (first == null) {
      throw new IllegalArgumentException("methods must name at least one method, but was empty");
    }
    return new ForecastEvaluation(bucketSeconds, horizonBuckets, trainingBuckets, seasonBuckets, seasonBuckets,
        first.method().accuracy().actual().size(), GOAL_RATIO, scores, Score.of("naive (last value)", first.naive()),
        Score.of("seasonal naive", first.seasonalNaive()),
        new Horizon(Arrays.copyOfRange(series, series.length - horizonLength, series.length), horizonForecasts));
  }

  /**
   * The simulated horizon's demand and each method's forecast of it, bucket by bucket from the
   * horizon's start: the forecast of bucket t is the one made h buckets before it (the rolling
   * origin's scored forecast), in requests per second, NaN where there is none.
   *
   * @param actualRatePerSecond the demand of each bucket; NaN where missing
   * @param forecastRatePerSecond each method's forecasts by display name, each as long as the actual
   */
  public record Horizon(double[] actualRatePerSecond, Map<String, double[]> forecastRatePerSecond) {
    /** No series: an evaluation that did not keep them. */
    public static final Horizon NONE = new Horizon(new double[0], Map.of());

    /**
     * Copies the arrays and keeps the order of the methods.
     *
     * @throws IllegalArgumentException if a forecast is not as long as the actual series
     */
    public Horizon {
      actualRatePerSecond = actualRatePerSecond.clone();
      Map<String, double[]> copy = new LinkedHashMap<>();
      for (Map.Entry<String, double[]> e : forecastRatePerSecond.entrySet()) {
        if (e.getValue().length != actualRatePerSecond.length) {
          throw new IllegalArgumentException("the forecast of " + e.getKey() + " must have " + actualRatePerSecond.length
              + " buckets, but had " + e.getValue().length);
        }
        copy.put(e.getKey(), e.getValue().clone());
      }
      forecastRatePerSecond = java.util.Collections.unmodifiableMap(copy);
    }

    /** Returns the actual demand, a copy. */
    @Override
    public double[] actualRatePerSecond() {
      return actualRatePerSecond.clone();
    }
  }

  /**
   * One forecaster's accuracy.
   *
   * @param name the method
   * @param maeRequestsPerSecond mean absolute error
   * @param smapePercent symmetric MAPE, 0 to 200 (REFERENCE.md §3.8)
   * @param mase MAE over the in-sample seasonal naive MAE of the first training window (Hyndman and
   *     Koehler 2006)
   */
  public record Score(String name, double maeRequestsPerSecond, double smapePercent, double mase) {
    static Score of(String name, RollingOrigin.Evaluation e) {
      return new Score(name, e.accuracy().mae(), e.accuracy().smapePercent(), e.mase());
    }
  }

  /**
   * A method's score and its standing against the baselines.
   *
   * @param score its accuracy
   * @param ratioToBetterBaseline its MAE over the better baseline's MAE; below 1 beats both
   * @param meetsGoal whether the ratio is at most {@link #GOAL_RATIO}
   */
  public record MethodScore(Score score, double ratioToBetterBaseline, boolean meetsGoal) {}
}
