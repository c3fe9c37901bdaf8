package org.loadcast.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A fitted additive-error, non-seasonal ETS model ({@link EtsModel}): its weights, its state after the
 * last observation, and the size of its one-step errors; it gives point forecasts and analytic
 * prediction intervals.
 *
 * <p><b>State space form</b> (Hyndman, Koehler, Ord and Snyder 2008, "Forecasting with Exponential
 * Smoothing", Table 2.3; FPP3 §8.5): y_t = ℓ_{t−1} + φ b_{t−1} + ε_t, ℓ_t = ℓ_{t−1} + φ b_{t−1} + α ε_t,
 * b_t = φ b_{t−1} + αβ ε_t, with ε_t ~ N(0, σ²) independent. {@code beta} here is the trend weight of
 * the smoothing (Holt, R {@code HoltWinters()}) form; the state space form's β is α·beta. SES has
 * beta = 0 and trend 0, Holt φ = 1.
 *
 * <p><b>Point forecast</b>: ŷ_{n+h} = ℓ_n + (φ + φ² + … + φ^h) b_n.
 *
 * <p><b>Forecast variance</b> (the class 1 result of Hyndman et al. 2008, §6.1, eq. 6.1; closed forms
 * in their Table 6.1 and FPP3 Table 8.8): v_h = σ² [1 + Σ_{j=1}^{h−1} c_j²], with
 * c_j = α + αβ (φ + φ² + … + φ^j). For ETS(A,N,N) this is σ²[1 + α²(h−1)]; for ETS(A,A,N)
 * σ²[1 + (h−1){α² + αβ*h + β*²h(2h−1)/6}] with β* = αβ.
 *
 * <p><b>σ²</b> is {@code sse / (errorCount − weights)}: the sum of squared one-step errors divided by
 * their number less the smoothing weights fitted. The start takes its states from the first one
 * (SES) or two (trend) observations, which therefore have no error, so without missing values this
 * divisor is n − p with p = weights + initial states: R {@code forecast::ets}'s
 * {@code sigma2 = sum(residuals^2) / (ny - np)} (R/ets.R), np counting α, β, φ and the initial states.
 *
 * <p><b>Interval</b>: ŷ_{n+h} ± z √v_h, with z the standard normal quantile at (1 + level)/2.
 *
 * @param model which model this is
 * @param alpha level weight α; in [0, 1]
 * @param beta trend weight β of the smoothing form; in [0, 1]; 0 for SES
 * @param damping φ; in (0, 1]; 1 for SES and Holt
 * @param level ℓ_n after the last observation, in series units; finite
 * @param trend b_n after the last observation, in series units per period; finite; 0 for SES
 * @param sse the sum of squared one-step errors, in squared series units; finite and {@code >= 0}
 * @param errorCount how many one-step errors the SSE sums; {@code > model.weightCount()}
 */
public record EtsFit(EtsModel model, double alpha, double beta, double damping, double level, double trend,
    double sse, int errorCount) {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /**
   * Validates the fit.
   *
   * @throws IllegalArgumentException if a weight, the state or the SSE is out of its range, or if
   *     errorCount leaves no degree of freedom
   * @throws NullPointerException if model is null
   */
  public EtsFit {
    Objects.requireNonNull(model, "model");
    requireWithin("alpha", alpha, 0, 1);
    requireWithin("beta", beta, 0, 1);
    if (!(damping > 0 && damping <= 1)) {
      throw new IllegalArgumentException("damping must be in (0, 1], but was " + damping);
    }
    if (!Double.isFinite(level) || !Double.isFinite(trend)) {
      throw new IllegalArgumentException("level and trend must be finite, but were " + level + " and " + trend);
    }
    if (!(sse >= 0 && Double.isFinite(sse))) {
      throw new IllegalArgumentException("sse must be finite and >= 0, but was " + sse);
    }
    if (errorCount <= model.weightCount()) {
      throw new IllegalArgumentException("errorCount must be > " + model.weightCount() + " (the weights of "
          + model.etsName() + ") to leave a degree of freedom for σ², but was " + errorCount);
    }
  }

  /** {@return σ², the one-step error variance: {@code sse / (errorCount − model.weightCount())}} */
  public double residualVariance() {
    return sse / (errorCount - model.weightCount());
  }

  /**
   * Returns the point forecast.
   *
   * @param stepsAhead h, periods after the last observation; {@code >= 1}
   * @return ŷ_{n+h} = ℓ_n + (φ + … + φ^h) b_n, in series units
   * @throws IllegalArgumentException if stepsAhead {@literal <} 1
   */
  public double forecast(int stepsAhead) {
    requireSteps(stepsAhead);
    return level + dampedSum(stepsAhead) * trend;
  }

  /**
   * Returns the variance of the h-step forecast error, v_h = σ²[1 + Σ_{j=1}^{h−1} c_j²].
   *
   * @param stepsAhead h; {@code >= 1}
   * @return v_h, in squared series units; σ² at h = 1; non-decreasing in h
   * @throws IllegalArgumentException if stepsAhead {@literal <} 1
   */
  public double forecastVariance(int stepsAhead) {
    requireSteps(stepsAhead);
    double sum = 1;
    for (int j = 1; j < stepsAhead; j++) {
      double c = psiWeight(j);
      sum += c * c;
    }
    return residualVariance() * sum;
  }

  /**
   * Returns the weight c_j = α + αβ(φ + … + φ^j) of the error j periods back in the h-step forecast
   * error (Hyndman et al. 2008, §6.1).
   *
   * @param lag j; {@code >= 1}
   * @return c_j
   */
  double psiWeight(int lag) {
    return alpha + alpha * beta * dampedSum(lag);
  }

  /**
   * Returns the point forecast with its prediction interval.
   *
   * @param stepsAhead h; {@code >= 1}
   * @param levelPercent the coverage, in percent; in (0, 100)
   * @return ŷ_{n+h} ± z √v_h; lower = upper = point when σ² is 0
   * @throws IllegalArgumentException if stepsAhead {@literal <} 1 or levelPercent is not in (0, 100)
   */
  public PredictionInterval interval(int stepsAhead, double levelPercent) {
    double z = quantile(levelPercent);
    double point = forecast(stepsAhead);
    double half = z * Math.sqrt(forecastVariance(stepsAhead));
    return new PredictionInterval(stepsAhead, levelPercent, point - half, point, point + half);
  }

  /**
   * Returns the intervals for h = 1 … horizon, in O(horizon) time.
   *
   * @param horizon the last h; {@code >= 0}
   * @param levelPercent the coverage, in percent; in (0, 100)
   * @return one interval per h in order; empty for horizon 0
   * @throws IllegalArgumentException if horizon {@literal <} 0 or levelPercent is not in (0, 100)
   */
  public List<PredictionInterval> intervals(int horizon, double levelPercent) {
    if (horizon < 0) {
      throw new IllegalArgumentException("horizon must be >= 0, but was " + horizon);
    }
    double z = quantile(levelPercent);
    double sigma2 = residualVariance();
    List<PredictionInterval> out = new ArrayList<>(horizon);
    double sumOfSquares = 1;
    double powers = 0; // φ + … + φ^(h−1) at the top of the loop
    double power = 1;
    for (int h = 1; h <= horizon; h++) {
      if (h > 1) {
        double c = alpha + alpha * beta * powers;
        sumOfSquares += c * c;
      }
      power *= damping;
      powers += power;
      double point = level + powers * trend;
      double half = z * Math.sqrt(sigma2 * sumOfSquares);
      out.add(new PredictionInterval(h, levelPercent, point - half, point, point + half));
    }
    return out;
  }

  /**
   * Returns the standard normal quantile for a central interval, z = Φ⁻¹((1 + level/100)/2).
   *
   * @param levelPercent the coverage, in percent; in (0, 100)
   * @return z {@literal >} 0; 1.959963984540054 for 95
   * @throws IllegalArgumentException if levelPercent is not in (0, 100)
   */
  public static double quantile(double levelPercent) {
    if (!(levelPercent > 0 && levelPercent < 100)) {
      throw new IllegalArgumentException("levelPercent must be in (0, 100), but was " + levelPercent);
    }
    return STANDARD_NORMAL.inverseCumulativeProbability(0.5 + levelPercent / 200);
  }

  private double dampedSum(int steps) {
    double sum = 0;
    double power = 1;
    for (int k = 1; k <= steps; k++) {
      power *= damping;
      sum += power;
    }
    return sum;
  }

  private static void requireSteps(int stepsAhead) {
    if (stepsAhead < 1) {
      throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
    }
  }

  private static void requireWithin(String name, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], but was " + value);
    }
  }
}
