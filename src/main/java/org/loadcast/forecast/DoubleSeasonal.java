package org.loadcast.forecast;

import java.util.Objects;

/**
 * Double seasonal exponential smoothing with additive cycles and a first-order autoregressive error
 * adjustment (Taylor 2003, "Short-term electricity demand forecasting using double seasonal
 * exponential smoothing", J. Operational Research Society 54(8):799-805, eqs. 5-9, in additive form
 * and without the trend term, which Taylor's fits set close to zero at short horizons):
 * <pre>
 * ℓ_t = α(y_t − d_{t−m1} − w_{t−m2}) + (1−α)ℓ_{t−1}
 * d_t = δ(y_t − ℓ_t − w_{t−m2}) + (1−δ)d_{t−m1}
 * w_t = ω(y_t − ℓ_t − d_{t−m1}) + (1−ω)w_{t−m2}
 * ŷ_t(k) = ℓ_t + d_{t−m1+k} + w_{t−m2+k} + φ^k (y_t − (ℓ_{t−1} + d_{t−m1} + w_{t−m2}))
 * </pre>
 * Additive cycles accept zero counts, which multiplicative ones do not.
 *
 * <p>Start: ℓ is the mean of the first two weekly cycles (missing values skipped); d_s the mean
 * deviation from ℓ at daily position s; w_s the mean remaining deviation at weekly position s, then
 * centred. α, δ, ω and φ in [0, 1] minimise the in-sample one-step SSE by BOBYQA from
 * (0.1, 0.05, 0.05, 0.5).
 *
 * @param dailyPeriod m1, periods per day (288 for 5-minute buckets); {@code >= 2}
 * @param weeklyPeriod m2, periods per week; a multiple of m1, {@code >= 2·m1}
 */
public record DoubleSeasonal(int dailyPeriod, int weeklyPeriod) implements ForecastMethod {

  /**
   * Validates the periods.
   *
   * @throws IllegalArgumentException if dailyPeriod {@literal <} 2, or weeklyPeriod is not a multiple of
   *     dailyPeriod of at least twice it
   */
  public DoubleSeasonal {
    if (dailyPeriod < 2) {
      throw new IllegalArgumentException("dailyPeriod must be >= 2, but was " + dailyPeriod);
    }
    if (weeklyPeriod < 2 * dailyPeriod || weeklyPeriod % dailyPeriod != 0) {
      throw new IllegalArgumentException("weeklyPeriod must be a multiple of dailyPeriod (" + dailyPeriod
          + ") of at least twice it, but was " + weeklyPeriod);
    }
  }

  /**
   * Fits the four weights on a training series and returns a forecaster at its end.
   *
   * @param training the series; at least 2·m2 values; NaN marks a missing observation (the state
   *     moves on unchanged and the error adjustment decays); no infinite values
   * @return the forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException if training is shorter than 2·m2 or holds an infinite value
   */
  @Override
  public Forecaster train(double[] training) {
    Objects.requireNonNull(training, "training");
    if (training.length < 2 * weeklyPeriod) {
      throw new IllegalArgumentException("training must hold at least " + 2 * weeklyPeriod
          + " values (2 weekly cycles), but held " + training.length);
    }
    for (int i = 0; i < training.length; i++) {
      if (Double.isInfinite(training[i])) {
        throw new IllegalArgumentException("training[" + i + "] must be finite or NaN (missing), but was " + training[i]);
      }
    }
    Smoother start = initial(training, new double[4]);
    double[] best = BoundedMinimum.of(point -> run(start, training, point).sse,
        new double[] {0.1, 0.05, 0.05, 0.5}, new double[4], new double[] {1, 1, 1, 1});
    return run(start, training, best);
  }

  private Smoother run(Smoother start, double[] training, double[] weights) {
    Smoother smoother = start.copyWith(weights);
    for (double y : training) {
      smoother.observe(y);
    }
    return smoother;
  }

  private Smoother initial(double[] training, double[] weights) {
    int length = 2 * weeklyPeriod;
    double level = meanOf(training, 0, 1, length, new double[0], 0);
    double[] daily = new double[dailyPeriod];
    for (int s = 0; s < dailyPeriod; s++) {
      daily[s] = meanOf(training, s, dailyPeriod, length, new double[0], 0) - level;
    }
    double[] weekly = new double[weeklyPeriod];
    double weeklyMean = 0;
    for (int s = 0; s < weeklyPeriod; s++) {
      weekly[s] = meanOf(training, s, weeklyPeriod, length, daily, 0) - level;
      weeklyMean += weekly[s] / weeklyPeriod;
    }
    for (int s = 0; s < weeklyPeriod; s++) {
      weekly[s] -= weeklyMean;
    }
    return new Smoother(weights, level, daily, weekly);
  }

  /** Mean of the non-missing y[i] − daily[i mod m1] for i = from, from+step, … below length; 0 if none. */
  private static double meanOf(double[] y, int from, int step, int length, double[] daily, double fallback) {
    double sum = 0;
    int count = 0;
    for (int i = from; i < length; i += step) {
      if (!Double.isNaN(y[i])) {
        sum += y[i] - (daily.length == 0 ? 0 : daily[i % daily.length]);
        count++;
      }
    }
    return count == 0 ? fallback : sum / count;
  }

  /** The live recursion; accumulates the SSE of its one-step forecasts. */
  private static final class Smoother implements Forecaster {
    private final double alpha;
    private final double dailyWeight;
    private final double weeklyWeight;
    private final double errorCorrelation;
    private final double[] daily;
    private final double[] weekly;
    private double level;
    private double lastError;
    private long t;
    private double sse;

    Smoother(double[] weights, double level, double[] daily, double[] weekly) {
      this.alpha = clamp(weights[0]);
      this.dailyWeight = clamp(weights[1]);
      this.weeklyWeight = clamp(weights[2]);
      this.errorCorrelation = clamp(weights[3]);
      this.level = level;
      this.daily = daily.clone();
      this.weekly = weekly.clone();
    }

    Smoother copyWith(double[] weights) {
      return new Smoother(weights, level, daily, weekly);
    }

    private static double clamp(double weight) {
      return Math.max(0, Math.min(1, weight));
    }

    @Override
    public void observe(double y) {
      if (Double.isInfinite(y)) {
        throw new IllegalArgumentException("y must be finite or NaN (missing), but was " + y);
      }
      int d = (int) (t % daily.length);
      int w = (int) (t % weekly.length);
      t++;
      if (Double.isNaN(y)) {
        lastError *= errorCorrelation;
        return;
      }
      double error = y - (level + daily[d] + weekly[w]);
      sse += Math.pow(error - errorCorrelation * lastError, 2);
      double newLevel = alpha * (y - daily[d] - weekly[w]) + (1 - alpha) * level;
      double newDaily = dailyWeight * (y - newLevel - weekly[w]) + (1 - dailyWeight) * daily[d];
      weekly[w] = weeklyWeight * (y - newLevel - daily[d]) + (1 - weeklyWeight) * weekly[w];
      daily[d] = newDaily;
      level = newLevel;
      lastError = error;
    }

    @Override
    public double forecast(int stepsAhead) {
      if (stepsAhead < 1) {
        throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
      }
      long target = t + stepsAhead - 1;
      return level + daily[(int) (target % daily.length)] + weekly[(int) (target % weekly.length)]
          + Math.pow(errorCorrelation, stepsAhead) * lastError;
    }
  }
}
