package org.loadcast.forecast;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The seasonal naive forecaster: each period repeats the value one cycle earlier,
 * ŷ_{n+h} = y_{n+h−m(⌊(h−1)/m⌋+1)}. With m = 1 it is the naive (random-walk) forecaster.
 *
 * <p>It is the usual benchmark for seasonal data, and its in-sample error is the scale of MASE
 * (Hyndman and Koehler 2006, "Another look at measures of forecast accuracy", Int. J. Forecasting
 * 22(4):679-688; Hyndman and Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed.,
 * §5.2).
 *
 * @param periodLength m, observations per seasonal cycle; {@code >= 1}
 */
public record SeasonalNaive(int periodLength) implements ForecastMethod {

  /**
   * Validates the period.
   *
   * @throws IllegalArgumentException if {@code periodLength < 1}
   */
  public SeasonalNaive {
    if (periodLength < 1) {
      throw new IllegalArgumentException("periodLength must be >= 1, but was " + periodLength);
    }
  }

  /**
   * Forecasts the periods after the end of a history.
   *
   * @param history y_1 … y_n in time order; at least m values
   * @param horizon how many periods to forecast; {@code >= 0}
   * @return ŷ_{n+1} … ŷ_{n+horizon} in time order, in the units of the history; empty for horizon 0
   * @throws IllegalArgumentException if the history holds fewer than m values or horizon {@literal <} 0
   */
  public double[] forecast(double[] history, int horizon) {
    requireLongerThan(history, periodLength - 1);
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0, but was " + horizon);
    }
    int lastCycleStart = history.length - periodLength;
    return IntStream.range(0, horizon).mapToDouble(h -> history[lastCycleStart + h % periodLength]).toArray();
  }

  /**
   * Returns the in-sample mean absolute error of this forecaster one step ahead: the MASE scale
   * (1/(n−m)) Σ_{t=m+1..n} |y_t − y_{t−m}|.
   *
   * @param series y_1 … y_n in time order; more than m values
   * @return the mean absolute seasonal difference, in series units; {@code >= 0}
   * @throws IllegalArgumentException if the series holds m values or fewer
   */
  public double inSampleMae(double[] series) {
    requireLongerThan(series, periodLength);
    return IntStream.range(periodLength, series.length)
        .mapToDouble(t -> Math.abs(series[t] - series[t - periodLength])).average().orElseThrow();
  }

  /**
   * Returns a forecaster that repeats, for each position in the cycle, the last value observed at
   * that position. A missing observation (NaN) keeps the value of an earlier cycle; a position never
   * observed takes the last value observed anywhere.
   *
   * @param training the series, in time order; at least one finite value; NaN marks a missing value
   * @return a forecaster positioned after the last training value (mutable, not thread-safe)
   * @throws IllegalArgumentException if training holds no finite value
   */
  @Override
  public Forecaster train(double[] training) {
    Objects.requireNonNull(training, "training");
    Repeater repeater = new Repeater(periodLength);
    for (double y : training) {
      repeater.observe(y);
    }
    if (Double.isNaN(repeater.lastValue)) {
      throw new IllegalArgumentException("training must hold a finite value, but held none of " + training.length);
    }
    return repeater;
  }

  /** The live seasonal naive forecaster: a ring of the last value seen at each cycle position. */
  private static final class Repeater implements Forecaster {
    private final double[] ring;
    private int next;
    private double lastValue = Double.NaN;

    Repeater(int periodLength) {
      ring = new double[periodLength];
      Arrays.fill(ring, Double.NaN);
    }

    @Override
    public void observe(double y) {
      if (Double.isInfinite(y)) {
        throw new IllegalArgumentException("y must be finite or NaN (missing), but was " + y);
      }
      if (!Double.isNaN(y)) {
        ring[next] = y;
        lastValue = y;
      }
      next = (next + 1) % ring.length;
    }

    @Override
    public double forecast(int stepsAhead) {
      if (stepsAhead < 1) {
        throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
      }
      double value = ring[(int) ((next + stepsAhead - 1L) % ring.length)];
      return Double.isNaN(value) ? lastValue : value;
    }
  }

  private void requireLongerThan(double[] series, int length) {
    Objects.requireNonNull(series, "series");
    if (series.length <= length) {
      throw new IllegalArgumentException("series must hold more than " + length
          + " values for periodLength " + periodLength + ", but held " + series.length);
    }
  }
}
