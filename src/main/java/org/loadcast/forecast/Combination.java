package org.loadcast.forecast;

import java.util.List;

/**
 * The equal-weight mean of several methods' forecasts. Averaging forecasts is a robust way to
 * reduce error (Clemen 1989, "Combining forecasts: a review and annotated bibliography",
 * Int. J. Forecasting 5(4):559-583; the M4 competition's benchmark "Comb" averages SES, Holt and
 * damped trend).
 *
 * @param methods the methods to combine; not empty; copied
 */
public record Combination(List<ForecastMethod> methods) implements ForecastMethod {

  /**
   * Validates and copies the methods.
   *
   * @throws IllegalArgumentException if methods is empty
   * @throws NullPointerException if the list or an element is null
   */
  public Combination {
    methods = List.copyOf(methods);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("methods must not be empty");
    }
  }

  /**
   * Trains every method on the same series and returns a forecaster that observes through all of
   * them and forecasts their mean.
   *
   * @param training the series; it must suit every method
   * @return the forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException as the first method that refuses the series
   */
  @Override
  public Forecaster train(double[] training) {
    List<Forecaster> members = methods.stream().map(m -> m.train(training)).toList();
    return new Forecaster() {
      @Override
      public void observe(double y) {
        members.forEach(m -> m.observe(y));
      }

      @Override
      public double forecast(int stepsAhead) {
        return members.stream().mapToDouble(m -> m.forecast(stepsAhead)).average().orElseThrow();
      }
    };
  }
}
