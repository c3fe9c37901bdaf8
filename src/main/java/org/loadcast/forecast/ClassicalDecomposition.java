package org.loadcast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * A classical decomposition of a seasonal series into a moving-average trend and a seasonal figure,
 * computed as R's {@code stats::decompose()} does.
 *
 * <p>The trend is a centred moving average: a 2×f average with weights [0.5, 1, …, 1, 0.5]/f for an
 * even period f, a plain f-term average for an odd one (R {@code filter(x, w, sides = 2)}). The
 * detrended series is y − trend (additive) or y / trend (multiplicative); the figure is its mean at
 * each position of the cycle, normalised to mean 0 (additive) or mean 1 (multiplicative). Source:
 * Kendall and Stuart (1983), "The Advanced Theory of Statistics" vol. 3, pp. 410-414; R source
 * {@code src/library/stats/R/decompose.R}. Holt-Winters uses it on the first two periods for its
 * initial state (REFERENCE.md §3.3).
 *
 * @param trend the moving average, one value per observation in time order; {@code NaN} for the first
 *     and last ⌊f/2⌋ observations, where the window does not fit; copied
 * @param figure the seasonal figure, f values; {@code figure.get(i)} belongs to observations i, i+f,
 *     i+2f, … (0-based); series units (additive) or dimensionless (multiplicative); copied
 */
public record ClassicalDecomposition(List<Double> trend, List<Double> figure) {

  /**
   * Copies the components.
   *
   * @throws NullPointerException if a list or an element is null
   */
  public ClassicalDecomposition {
    trend = List.copyOf(trend);
    figure = List.copyOf(figure);
  }

  /**
   * Decomposes a series.
   *
   * @param y the series, in time order; finite, and {@code > 0} for multiplicative seasonality;
   *     at least two full periods
   * @param periodLength f, observations per seasonal cycle; {@code >= 2}
   * @param seasonality {@link Seasonality#ADDITIVE} or {@link Seasonality#MULTIPLICATIVE}
   * @return the decomposition; its trend has {@code y.length} values
   * @throws IllegalArgumentException if seasonality is NONE, f {@literal <} 2, y is shorter than 2f, or a value
   *     of y breaks the rule above (the message names its index and value)
   */
  public static ClassicalDecomposition of(double[] y, int periodLength, Seasonality seasonality) {
    HoltWinters.seasonal(seasonality, periodLength, Formulation.R_CLASSIC).requireSeries(y);
    double[] trend = movingAverage(y, periodLength);
    double[] figure = seasonalFigure(y, trend, periodLength, seasonality);
    return new ClassicalDecomposition(boxed(trend), boxed(figure));
  }

  /**
   * Returns the trend values where the moving average is defined.
   *
   * @return the defined trend values in time order: y.length − 2⌊f/2⌋ of them
   */
  public double[] definedTrend() {
    return trend.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).toArray();
  }

  private static double[] movingAverage(double[] y, int f) {
    double[] weights = weights(f);
    int shift = weights.length / 2;
    double[] trend = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      trend[i] = i < shift || i + shift >= y.length ? Double.NaN : weightedSum(y, weights, i + shift);
    }
    return trend;
  }

  /** R {@code decompose()}: {@code c(0.5, rep(1, f - 1), 0.5) / f} for even f, else {@code rep(1, f) / f}. */
  private static double[] weights(int f) {
    double[] weights = new double[f % 2 == 0 ? f + 1 : f];
    Arrays.fill(weights, 1.0 / f);
    if (f % 2 == 0) {
      weights[0] = weights[f] = 0.5 / f;
    }
    return weights;
  }

  /** Sums w[j]·y[last − j] in R's {@code cfilter} order. */
  private static double weightedSum(double[] y, double[] weights, int last) {
    double sum = 0;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * y[last - j];
    }
    return sum;
  }

  private static double[] seasonalFigure(double[] y, double[] trend, int f, Seasonality seasonality) {
    double[] figure = new double[f];
    for (int i = 0; i < f; i++) {
      figure[i] = IntStream.iterate(i, t -> t < y.length, t -> t + f)
          .mapToDouble(t -> seasonality.remove(y[t], trend[t])).filter(v -> !Double.isNaN(v))
          .average().orElseThrow();
    }
    double mean = DoubleStream.of(figure).average().orElseThrow();
    return DoubleStream.of(figure).map(v -> seasonality.remove(v, mean)).toArray();
  }

  private static List<Double> boxed(double[] values) {
    return DoubleStream.of(values).boxed().toList();
  }
}
