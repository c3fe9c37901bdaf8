package org.loadcast.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * Forecasting with a multiplicative decomposition: divide out a seasonal profile, forecast the
 * seasonally adjusted series with the damped trend, multiply the profile back (Hyndman and
 * Athanasopoulos, "Forecasting: Principles and Practice", 3rd ed., §5.7 "Forecasting with
 * decomposition", and §3.4 for multiplicative decomposition):
 * <pre>
 * S_t = P_{t−m}^κ                              the seasonal index at t, from the profile
 * a_t = y_t / S_t                              the seasonally adjusted series
 * P_t = γ y_t + (1−γ) P_{t−m}                  the profile: at each position in the cycle, an
 *                                              exponentially weighted mean over past cycles
 * ŷ_{t+h} = â_{t+h} · S_{t+h}                  â: damped trend on a ({@link DampedTrend})
 * </pre>
 * (for h {@literal >} m, S_{t+h} is the latest profile value of that position).
 * The profile of each position is smoothed across cycles as Holt-Winters smooths its seasonal
 * indices (Winters 1960), but of the series itself rather than of its ratio to the level: a level
 * shift then moves the whole profile after a few cycles. The exponent κ in [0, 1] sets how much of
 * the seasonal swing is applied: κ = 0 is the damped trend on the series itself, κ = 1 a full
 * multiplicative decomposition. The ratio S_{t+h}/S_t is what the profile adds to the damped trend:
 * at short horizons the forecast is about the recent level times the usual change from this time of
 * day to that one: with α = 1, β = 0 and κ = γ = 1, once the starting trend has died away, the
 * forecast is y_t · y_{t+h−m} / y_{t−m}, the last value times the seasonal change, the multiplicative
 * analogue of the seasonal random walk's y_t + (y_{t+h−m} − y_{t−m}) (ARIMA(0,1,0)(0,1,0)_m, §9.9).
 *
 * <p>A multiplicative profile follows growth that multiplies the daily swing, as on the WorldCup98
 * site, whose daily traffic rose more than fifty-fold into the tournament; an additive profile would
 * carry the swing of quiet weeks into busy ones and back.
 *
 * <p>Start: P is the mean of the first two cycles at each position (missing values skipped; a
 * position with none takes the mean of all values in the two cycles). The damped trend starts
 * from the first two adjusted values as in {@link DampedTrend} (ℓ = a_2, b = a_2 − a_1). A value
 * whose index S_t is 0 (a position whose profile is 0) adds nothing to the adjusted series, and the
 * forecast for such a position is 0. α, β in [0, 1], φ within the damped trend's bounds, γ and κ in
 * [0, 1] minimise, by BOBYQA from (0.3, 0.1, mid φ, 0.2, 0.5), the in-sample SSE of the forecasts
 * {@code trend.fitHorizonSteps()} periods ahead on the scale of y.
 *
 * @param periodLength m, periods per seasonal cycle (288 for a day of 5-minute buckets); {@code >= 2}
 * @param trend the damped trend that forecasts the adjusted series: the bounds of φ and the fitting
 *     horizon
 */
public record SeasonallyAdjusted(int periodLength, DampedTrend trend) implements ForecastMethod {
  /**
   * Validates the method.
   *
   * @throws IllegalArgumentException if {@code periodLength < 2}
   * @throws NullPointerException if trend is null
   */
  public SeasonallyAdjusted {
    if (periodLength < 2) {
      throw new IllegalArgumentException("periodLength must be >= 2, but was " + periodLength);
    }
    Objects.requireNonNull(trend, "trend");
  }

  /**
   * Fits α, β, φ, γ and κ on a training series and returns a forecaster at its end.
   *
   * @param training the series, {@code >= 0} in series units; at least 2m values, of which the
   *     first two are finite and some finite value is not 0; later NaN values are missing observations
   *     (the profile keeps its value and the trend moves on as its own forecast); no infinite or
   *     negative values
   * @return the forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException if training is shorter than 2m, a first value is not finite, a
   *     value is negative or infinite, or no value in the first two cycles is positive
   */
  @Override
  public Forecaster train(double[] training) {
    Objects.requireNonNull(training, "training");
    requireTraining(training);
    double[] profile = initialProfile(training);
    double middle = (trend.minDamping() + trend.maxDamping()) / 2;
    if (trend.minDamping() == trend.maxDamping()) {
      double[] best = BoundedMinimum.of(point -> run(profile, training, withDamping(point, middle)).sse,
          new double[] {0.3, 0.1, 0.2, 0.5}, new double[4], new double[] {1, 1, 1, 1});
      return run(profile, training, withDamping(best, middle));
    }
    double[] best = BoundedMinimum.of(point -> run(profile, training, point).sse,
        new double[] {0.3, 0.1, middle, 0.2, 0.5}, new double[] {0, 0, trend.minDamping(), 0, 0},
        new double[] {1, 1, trend.maxDamping(), 1, 1});
    return run(profile, training, best);
  }

  /**
   * Runs the recursion at fixed weights, without fitting (the tests' hand-computed cases).
   *
   * @param training the series; as {@link #train}
   * @param weights α, β, φ, γ, κ; each is clamped to its bounds
   * @return the forecaster after the series
   */
  Forecaster trainAt(double[] training, double... weights) {
    requireTraining(training);
    return run(initialProfile(training), training, weights);
  }

  /** (α, β, γ, κ) with the fixed φ put in its place. */
  private static double[] withDamping(double[] point, double damping) {
    return new double[] {point[0], point[1], damping, point[2], point[3]};
  }

  private void requireTraining(double[] training) {
    if (training.length < 2 * periodLength) {
      throw new IllegalArgumentException("training must hold at least " + 2 * periodLength
          + " values (2 cycles of " + periodLength + "), but held " + training.length);
    }
    for (int i = 0; i < training.length; i++) {
      double y = training[i];
      if (Double.isInfinite(y) || y < 0 || (i < 2 && Double.isNaN(y))) {
        throw new IllegalArgumentException("training[" + i + "] must be finite and >= 0"
            + (i < 2 ? "" : ", or NaN (missing)") + ", but was " + y);
      }
    }
  }

  /** The mean of the first two cycles at each position; a position with no value takes the mean of all. */
  private double[] initialProfile(double[] training) {
    double[] profile = new double[periodLength];
    double total = 0;
    int count = 0;
    for (int s = 0; s < periodLength; s++) {
      double sum = 0;
      int n = 0;
      for (int i = s; i < 2 * periodLength; i += periodLength) {
        if (!Double.isNaN(training[i])) {
          sum += training[i];
          n++;
        }
      }
      profile[s] = n == 0 ? Double.NaN : sum / n;
      total += sum;
      count += n;
    }
    double mean = total / count;
    if (!(mean > 0)) {
      throw new IllegalArgumentException("training must hold a value > 0 in its first " + 2 * periodLength
          + " values (2 cycles), but held none");
    }
    for (int s = 0; s < periodLength; s++) {
      if (Double.isNaN(profile[s])) {
        profile[s] = mean;
      }
    }
    return profile;
  }

  private Smoother run(double[] profile, double[] training, double[] point) {
    Smoother smoother = new Smoother(point, trend, profile);
    for (double y : training) {
      smoother.observe(y);
    }
    return smoother;
  }

  private static double clamp(double value, double lower, double upper) {
    return Math.max(lower, Math.min(upper, value));
  }

  /** The live recursion; accumulates the SSE, on the scale of y, of its forecasts h steps ahead. */
  private static final class Smoother implements Forecaster {
    private final double alpha;
    private final double beta;
    private final double damping;
    private final double profileWeight;
    private final double strength;
    private final double[] profile;
    private final double[] index;
    private final double[] pending;
    private int position;
    private int next;
    private double firstAdjusted = Double.NaN;
    private DampedTrend.Smoother adjusted;
    private double sse;

    Smoother(double[] point, DampedTrend trend, double[] profile) {
      this.alpha = clamp(point[0], 0, 1);
      this.beta = clamp(point[1], 0, 1);
      this.damping = clamp(point[2], trend.minDamping(), trend.maxDamping());
      this.profileWeight = clamp(point[3], 0, 1);
      this.strength = clamp(point[4], 0, 1);
      this.profile = profile.clone();
      this.index = Arrays.stream(profile).map(p -> Math.pow(p, strength)).toArray();
      this.pending = new double[trend.fitHorizonSteps()];
      Arrays.fill(pending, Double.NaN);
    }

    @Override
    public void observe(double y) {
      if (Double.isInfinite(y) || y < 0) {
        throw new IllegalArgumentException("y must be finite and >= 0, or NaN (missing), but was " + y);
      }
      if (!Double.isNaN(y) && !Double.isNaN(pending[next])) {
        sse += (y - pending[next]) * (y - pending[next]);
      }
      boolean defined = !Double.isNaN(y) && index[position] > 0;
      follow(defined ? y / index[position] : Double.NaN);
      if (!Double.isNaN(y)) {
        profile[position] = profileWeight * y + (1 - profileWeight) * profile[position];
        index[position] = Math.pow(profile[position], strength);
      }
      position = (position + 1) % profile.length;
      pending[next] = forecast(pending.length);
      next = (next + 1) % pending.length;
    }

    /** Feeds an adjusted value (NaN: none) to the damped trend, starting it at the second one. */
    private void follow(double value) {
      if (adjusted != null) {
        adjusted.observe(value);
      } else if (!Double.isNaN(value) && Double.isNaN(firstAdjusted)) {
        firstAdjusted = value;
      } else if (!Double.isNaN(value)) {
        adjusted = new DampedTrend.Smoother(alpha, beta, damping, value, value - firstAdjusted, 1);
      }
    }

    @Override
    public double forecast(int stepsAhead) {
      if (stepsAhead < 1) {
        throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
      }
      double level = adjusted != null ? adjusted.forecast(stepsAhead) : firstAdjusted;
      double seasonal = index[(int) ((position + stepsAhead - 1L) % profile.length)];
      return seasonal == 0 ? 0 : level * seasonal;
    }
  }
}
