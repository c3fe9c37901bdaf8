package org.loadcast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A weighted mean of several methods' forecasts, each weighted by the inverse of its discounted mean
 * squared error at the horizon of use, so that the member that has lately forecast better counts for
 * more (Bates and Granger 1969, "The combination of forecasts", Operational Research Quarterly
 * 20(4):451-468, inverse-MSE weights; Stock and Watson 2004, "Combination forecasts of output growth
 * in a seven-country data set", J. Forecasting 23(6):405-430, discounted MSE):
 * <pre>
 * m_{i,t} = Σ_{s ≤ t} δ^{t−s} (y_s − ŷ_{i,s|s−h})²      w_{i,t} = m_{i,t}^{−1} / Σ_j m_{j,t}^{−1}
 * ŷ_{t+k} = Σ_i w_{i,t} ŷ_{i,t+k}
 * </pre>
 * Only errors of forecasts made before y_s was seen enter m (from the end of the members' fit on), so the weights at an origin use the
 * series up to that origin and nothing later. While some member has no squared error yet (m = 0),
 * the members with m = 0 share the weight equally. The same weights serve every k.
 *
 * <p>Training: the members are fitted on the training series without its last w values, then
 * follow those w values to build their errors, where w = h + ⌈ln 0.01 / ln δ⌉ (by then the
 * first error's weight in m has fallen below 1 %; w = 93 for h = 3, δ = 0.95).
 *
 * @param methods the methods to combine; not empty; copied
 * @param horizonSteps h, how many periods ahead the scored errors are; {@code >= 1}
 * @param discount δ, the weight of an error one period older; in (0, 1)
 */
public record InverseMseCombination(List<ForecastMethod> methods, int horizonSteps, double discount)
    implements ForecastMethod {

  /**
   * Validates and copies the methods.
   *
   * @throws IllegalArgumentException if methods is empty, {@code horizonSteps < 1}, or discount is
   *     not in (0, 1)
   * @throws NullPointerException if the list or an element is null
   */
  public InverseMseCombination {
    methods = List.copyOf(methods);
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("methods must not be empty");
    }
    if (horizonSteps < 1) {
      throw new IllegalArgumentException("horizonSteps must be >= 1, but was " + horizonSteps);
    }
    if (!(discount > 0 && discount < 1)) {
      throw new IllegalArgumentException("discount must be in (0, 1), but was " + discount);
    }
  }

  /**
   * Returns w, the number of final training values the members follow, rather than fit, to build
   * their errors: h + ⌈ln 0.01 / ln δ⌉.
   *
   * @return w, in periods; {@code > horizonSteps}
   */
  public int warmUpLength() {
    return horizonSteps + (int) Math.ceil(Math.log(0.01) / Math.log(discount));
  }

  /**
   * Fits every method on the training series but its last w values ({@link #warmUpLength()}), then
   * has them follow those values, and returns the forecaster at its end.
   *
   * @param training the series; longer than w, and its first part must suit every method; NaN
   *     marks a missing observation where the methods allow it (it adds no error)
   * @return the forecaster (mutable, not thread-safe)
   * @throws IllegalArgumentException if training holds w values or fewer, or as the first method
   *     that refuses its part
   */
  @Override
  public Forecaster train(double[] training) {
    Objects.requireNonNull(training, "training");
    int fitted = training.length - warmUpLength();
    if (fitted < 1) {
      throw new IllegalArgumentException("training must hold more than " + warmUpLength()
          + " values (the error warm-up), but held " + training.length);
    }
    double[] head = Arrays.copyOf(training, fitted);
    Weighted forecaster = new Weighted(methods.stream().map(m -> m.train(head)).toList(), horizonSteps, discount);
    for (int t = fitted; t < training.length; t++) {
      forecaster.observe(training[t]);
    }
    return forecaster;
  }

  /** The live combination: the members, their discounted squared errors, and their pending forecasts. */
  private static final class Weighted implements Forecaster {
    private final List<Forecaster> members;
    private final double discount;
    private final double[] discountedSse;
    private final double[][] pending;
    private int next;

    Weighted(List<Forecaster> members, int horizonSteps, double discount) {
      this.members = members;
      this.discount = discount;
      this.discountedSse = new double[members.size()];
      this.pending = new double[members.size()][horizonSteps];
      for (int i = 0; i < members.size(); i++) {
        Arrays.fill(pending[i], Double.NaN);
        pending[i][horizonSteps - 1] = members.get(i).forecast(horizonSteps);
      }
    }

    @Override
    public void observe(double y) {
      for (int i = 0; i < members.size(); i++) {
        double madeEarlier = pending[i][next];
        if (!Double.isNaN(y) && !Double.isNaN(madeEarlier)) {
          discountedSse[i] = discount * discountedSse[i] + (y - madeEarlier) * (y - madeEarlier);
        }
        members.get(i).observe(y);
        pending[i][next] = members.get(i).forecast(pending[i].length);
      }
      next = (next + 1) % pending[0].length;
    }

    @Override
    public double forecast(int stepsAhead) {
      if (stepsAhead < 1) {
        throw new IllegalArgumentException("stepsAhead must be >= 1, but was " + stepsAhead);
      }
      double[] weights = weights();
      double sum = 0;
      for (int i = 0; i < members.size(); i++) {
        sum += weights[i] == 0 ? 0 : weights[i] * members.get(i).forecast(stepsAhead);
      }
      return sum;
    }

    /** Inverse discounted SSE, normalised; equal among the members without error while there are any. */
    private double[] weights() {
      long unscored = Arrays.stream(discountedSse).filter(m -> m == 0).count();
      double[] weights = new double[discountedSse.length];
      double total = 0;
      for (int i = 0; i < weights.length; i++) {
        weights[i] = unscored > 0 ? (discountedSse[i] == 0 ? 1 : 0) : 1 / discountedSse[i];
        total += weights[i];
      }
      for (int i = 0; i < weights.length; i++) {
        weights[i] /= total;
      }
      return weights;
    }
  }
}
