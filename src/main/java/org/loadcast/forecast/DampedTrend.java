package org.loadcast.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * Additive damped trend exponential smoothing (Gardner and McKenzie 1985, "Forecasting trends in
 * time series", Management Science 31(10):1237-1246), in the form of Hyndman and Athanasopoulos,
 * "Forecasting: Principles and Practice", 3rd ed., §8.2:
 * ℓ_t = α y_t + (1−α)(ℓ_{t−1} + φ b_{t−1}), b_t = β(ℓ_t − ℓ_{t−1}) + (1−β)φ b_{t−1},
 * ŷ_{t+h} = ℓ_t + (φ + φ² + … + φ^h) b_t.
 *
 * <p>The start is Holt's as in R ({@link HoltWinters#initialState}): ℓ = y_2, b = y_2 − y_1. α and β
 * in [0, 1] and φ in [minDamping, maxDamping] minimise the in-sample one-step SSE by BOBYQA from
 * (0.3, 0.1, midpoint). With φ = 1 the method is Holt's linear trend.
 *
 * <p>The fit may instead minimise the SSE of the in-sample forecasts {@code fitHorizonSteps} periods
 * ahead, the horizon the forecasts will be used at ("direct" multi-step estimation; Chevillon 2007,
 * "Direct multi-step estimation and forecasting", J. Economic Surveys 21(4):746-785). On noisy
 * series this chooses heavier smoothing than the one-step criterion.
 *
 * @param minDamping the least damping factor φ the fit may choose; in (0, 1]
 * @param maxDamping the greatest; in [minDamping, 1]
 * @param fitHorizonSteps h of the fitting criterion, periods ahead; {@code >= 1}; 1 is the usual
 *     one-step SSE
 */
public record DampedTrend(double minDamping, double maxDamping, int fitHorizonSteps) implements ForecastMethod {

  /**
   * Validates the bounds of φ.
   *
   * @throws IllegalArgumentException if minDamping is not in (0, 1], maxDamping not in
   *     [minDamping, 1], or fitHorizonSteps {@literal <} 1
   */
  public DampedTrend {
    if (!(minDamping > 0 && minDamping <= 1)) {
      throw new IllegalArgumentException("minDamping must be in (0, 1], but was " + minDamping);
    }
    if (!(maxDamping >= minDamping && maxDamping <= 1)) {
      throw new IllegalArgumentException("maxDamping must be in [minDamping, 1], but was " + maxDamping);
    }
    if (fitHorizonSteps < 1) {
      throw new IllegalArgumentException("fitHorizonSteps must be >= 1, but was " + fitHorizonSteps);
    }
  }

  /**
   * Returns the method with φ in [0.8, 0.98], the bounds of R's {@code forecast::ets} (Hyndman and
   * Athanasopoulos, §8.2: below 0.8 the damping is too strong to matter, near 1 it is Holt's method).
   *
   * The fit minimises the one-step SSE.
   *
   * @return the method
   */
  public static DampedTrend standard() {
    return new DampedTrend(0.8, 0.98, 1);
  }

  /**
   * Returns this method with another fitting horizon.
   *
   * @param steps h of the fitting criterion; {@code >= 1}
   * @return the method
   * @throws IllegalArgumentException if {@code steps < 1}
   */
  public DampedTrend fittedAt(int steps) {
    return new DampedTrend(minDamping, maxDamping, steps);
  }

  /**
   * Fits α, β and φ on a training series and returns a forecaster at its end.
   *
   * @param training the series; at least 3 values, the first two finite; later NaN values are
   *     missing observations (the state moves on as its own forecast); no infinite values
   * @return the forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException if training is shorter than 3, a first value is not finite, or
   *     a value is infinite
   */
  @Override
  public Forecaster train(double[] training) {
    return fitted(training);
  }

  /**
   * Fits α, β and φ as {@link #train} does and returns the smoother itself, whose weights, final
   * state and SSE {@link EtsModel} reads.
   */
  Smoother fitted(double[] training) {
    Objects.requireNonNull(training, "training");
    if (training.length < 3) {
      throw new IllegalArgumentException("training must hold at least 3 values, but held " + training.length);
    }
    for (int i = 0; i < training.length; i++) {
      if (Double.isInfinite(training[i]) || (i < 2 && Double.isNaN(training[i]))) {
        throw new IllegalArgumentException("training[" + i + "] must be finite"
            + (i < 2 ? "" : " or NaN (missing)") + ", but was " + training[i]);
      }
    }
    if (minDamping == maxDamping) {
      double[] weights = BoundedMinimum.of(point -> run(training, withDamping(point)).sse,
          new double[] {0.3, 0.1}, new double[2], new double[] {1, 1});
      return run(training, withDamping(weights));
    }
    double[] best = BoundedMinimum.of(point -> run(training, point).sse,
        new double[] {0.3, 0.1, (minDamping + maxDamping) / 2},
        new double[] {0, 0, minDamping}, new double[] {1, 1, maxDamping});
    return run(training, best);
  }

  private Smoother run(double[] training, double[] point) {
    double damping = Math.max(minDamping, Math.min(maxDamping, point[2]));
    Smoother smoother = new Smoother(clamp(point[0]), clamp(point[1]), damping, training[1], training[1] - training[0], fitHorizonSteps);
    for (int t = 2; t < training.length; t++) {
      smoother.observe(training[t]);
    }
    return smoother;
  }

  /** (α, β) with the fixed φ appended, for a model whose damping is not fitted. */
  private double[] withDamping(double[] weights) {
    return new double[] {weights[0], weights[1], minDamping};
  }

  private static double clamp(double weight) {
    return Math.max(0, Math.min(1, weight));
  }

  /**
   * The live recursion; accumulates the SSE of its forecasts {@code pending.length} steps ahead.
   * {@link SeasonallyAdjusted} runs it on the seasonally adjusted series. Not thread-safe.
   */
  static final class Smoother implements Forecaster {
    private final double alpha;
    private final double beta;
    private final double damping;
    private double level;
    private double trend;
    private final double[] pending;
    private int next;
    private double sse;
    private int errorCount;

    Smoother(double alpha, double beta, double damping, double level, double trend, int fitHorizonSteps) {
      this.pending = new double[fitHorizonSteps];
      Arrays.fill(pending, Double.NaN);
      this.alpha = alpha;
      this.beta = beta;
      this.damping = damping;
      this.level = level;
      this.trend = trend;
    }

    @Override
    public void observe(double y) {
      if (Double.isInfinite(y)) {
        throw new IllegalArgumentException("y must be finite or NaN (missing), but was " + y);
      }
      double previous = level + damping * trend;
      double madeEarlier = pending.length == 1 ? previous : pending[next];
      if (Double.isNaN(y)) {
        level = previous;
        trend *= damping;
      } else {
        if (!Double.isNaN(madeEarlier)) {
          sse += (y - madeEarlier) * (y - madeEarlier);
          errorCount++;
        }
        double newLevel = alpha * y + (1 - alpha) * previous;
        trend = beta * (newLevel - level) + (1 - beta) * damping * trend;
        level = newLevel;
      }
      pending[next] = forecast(pending.length);
      next = (next + 1) % pending.length;
    }

    /** Returns the fitted model at its current state, for {@link EtsModel}. */
    EtsFit toFit(EtsModel model) {
      return new EtsFit(model, alpha, beta, damping, level, trend, sse, errorCount);
    }

    @Override
    public double forecast(int stepsAhead) {
      if (stepsAhead < 1) {
        throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
      }
      double dampedSteps = 0;
      double power = 1;
      for (int k = 1; k <= stepsAhead; k++) {
        power *= damping;
        dampedSteps += power;
      }
      return level + dampedSteps * trend;
    }
  }
}
