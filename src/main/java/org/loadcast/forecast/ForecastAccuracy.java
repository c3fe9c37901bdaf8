package org.loadcast.forecast;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The accuracy of point forecasts against what was then observed, over one test window.
 *
 * <p>With e_t = y_t − ŷ_t over the h test periods (REFERENCE.md §3.8):
 * MAE = mean|e|; RMSE = √mean(e²); MAPE = 100·mean(|e|/|y|);
 * sMAPE = (200/h)·Σ|e_t|/(|y_t| + |ŷ_t|), the M3/M4 definition on a 0-200 scale (Makridakis and Hibon
 * 2000, "The M3-Competition", Int. J. Forecasting 16(4):451-476; M4 Competitor's Guide 2018), not Armstrong's
 * original without absolute values, nor a 0-100 variant;
 * MASE = MAE / the in-sample MAE of the seasonal naive forecaster on the <em>training</em> series
 * (Hyndman and Koehler 2006, Int. J. Forecasting 22(4):679-688; as {@code forecast::accuracy()}).
 *
 * @param actual y_t, the observed values of the test window in time order; not empty, finite; copied
 * @param predicted ŷ_t, the forecasts for the same periods in the same order; finite; copied
 */
public record ForecastAccuracy(List<Double> actual, List<Double> predicted) {

  /**
   * Validates and copies the two series.
   *
   * @throws IllegalArgumentException if actual is empty, the lengths differ, or a value is not
   *     finite (the message names it)
   * @throws NullPointerException if a list or element is null
   */
  public ForecastAccuracy {
    actual = List.copyOf(actual);
    predicted = List.copyOf(predicted);
    if (actual.isEmpty()) {
      throw new IllegalArgumentException("actual must not be empty");
    }
    if (predicted.size() != actual.size()) {
      throw new IllegalArgumentException("predicted must have the length of actual (" + actual.size()
          + "), but had " + predicted.size());
    }
    requireFinite("actual", actual);
    requireFinite("predicted", predicted);
  }

  /**
   * Returns the accuracy of forecasts held in arrays.
   *
   * @param actual the observed values; see the record
   * @param predicted the forecasts; see the record
   * @return the accuracy
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static ForecastAccuracy of(double[] actual, double[] predicted) {
    return new ForecastAccuracy(IntStream.range(0, actual.length).mapToObj(i -> actual[i]).toList(),
        IntStream.range(0, predicted.length).mapToObj(i -> predicted[i]).toList());
  }

  /**
   * Returns the mean absolute error, mean|y − ŷ|.
   *
   * @return the MAE, in series units; {@code >= 0}
   */
  public double mae() {
    return mean(t -> Math.abs(error(t)));
  }

  /**
   * Returns the root mean squared error, √mean((y − ŷ)²).
   *
   * @return the RMSE, in series units; {@code >= 0}
   */
  public double rmse() {
    return Math.sqrt(mean(t -> error(t) * error(t)));
  }

  /**
   * Returns the mean absolute percentage error, 100·mean(|y − ŷ| / |y|).
   *
   * @return the MAPE, in percent; {@code >= 0}
   * @throws IllegalArgumentException if an actual value is 0 (the message names it)
   */
  public double mapePercent() {
    for (int t = 0; t < actual.size(); t++) {
      if (actual.get(t) == 0) {
        throw new IllegalArgumentException("actual[" + t + "] must be non-zero for MAPE, but was " + actual.get(t));
      }
    }
    return 100 * mean(t -> Math.abs(error(t)) / Math.abs(actual.get(t)));
  }

  /**
   * Returns the symmetric MAPE of the M3 and M4 competitions, (200/h)·Σ|y − ŷ| / (|y| + |ŷ|).
   *
   * @return the sMAPE, in percent on a 0-200 scale
   * @throws IllegalArgumentException if an actual value and its forecast are both 0 (the term is 0/0)
   */
  public double smapePercent() {
    for (int t = 0; t < actual.size(); t++) {
      if (actual.get(t) == 0 && predicted.get(t) == 0) {
        throw new IllegalArgumentException("actual[" + t + "] and predicted[" + t + "] must not both be 0 for sMAPE");
      }
    }
    return 200 * mean(t -> Math.abs(error(t)) / (Math.abs(actual.get(t)) + Math.abs(predicted.get(t))));
  }

  /**
   * Returns the mean absolute scaled error of Hyndman and Koehler (2006): the MAE divided by the
   * in-sample MAE of the seasonal naive forecaster with lag m on the training series (M4's MASE; use
   * m = 1 for non-seasonal data).
   *
   * @param training the series the forecasts were made from, in time order; more than m values
   * @param seasonalLag m, the seasonal period; {@code >= 1}
   * @return the MASE, dimensionless; below 1 beats the in-sample seasonal naive forecaster
   * @throws IllegalArgumentException if m {@literal <} 1, the training series holds m values or fewer, or its
   *     seasonal naive MAE is 0 (MASE is undefined)
   */
  public double mase(double[] training, int seasonalLag) {
    double scale = new SeasonalNaive(seasonalLag).inSampleMae(training);
    if (scale == 0) {
      throw new IllegalArgumentException("training must not be constant at lag " + seasonalLag + " for MASE (scale 0)");
    }
    return mae() / scale;
  }

  /**
   * Returns the MASE variant of the R {@code Metrics} package, {@code mase(actual, predicted,
   * step_size)}: it scales by the naive MAE of the <em>actual</em> test values themselves, not of a
   * training series, so it is not comparable with {@link #mase}.
   *
   * @param stepSize the naive lag within the actual values; {@code >= 1}
   * @return the MAE divided by mean|y_t − y_{t−stepSize}| over the actual values; dimensionless
   * @throws IllegalArgumentException as {@link #mase}, with the actual values as the series
   */
  public double maseNaiveOnSelf(int stepSize) {
    return mase(actual.stream().mapToDouble(Double::doubleValue).toArray(), stepSize);
  }

  private double error(int t) {
    return actual.get(t) - predicted.get(t);
  }

  private double mean(IntToDoubleFunction term) {
    return IntStream.range(0, actual.size()).mapToDouble(term).sum() / actual.size();
  }

  private static void requireFinite(String name, List<Double> values) {
    for (int t = 0; t < values.size(); t++) {
      if (!Double.isFinite(values.get(t))) {
        throw new IllegalArgumentException(name + "[" + t + "] must be finite, but was " + values.get(t));
      }
    }
  }
}
