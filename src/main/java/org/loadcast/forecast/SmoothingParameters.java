package org.loadcast.forecast;

/**
 * The three smoothing weights of a Holt-Winters model.
 *
 * <p>Models without a trend ignore {@code beta}, and models without seasonality ignore {@code gamma};
 * a fit reports an ignored weight as 0.
 *
 * @param alpha level weight α, in [0, 1]
 * @param beta trend weight β, in [0, 1]
 * @param gamma seasonal weight γ, in [0, 1]
 */
public record SmoothingParameters(double alpha, double beta, double gamma) {

  /** R's {@code optim.start} for {@code HoltWinters()}: (α, β, γ) = (0.3, 0.1, 0.1). */
  public static final SmoothingParameters OPTIMISER_START = new SmoothingParameters(0.3, 0.1, 0.1);

  /**
   * Validates the weights.
   *
   * @throws IllegalArgumentException if a weight is outside [0, 1] or NaN
   */
  public SmoothingParameters {
    requireUnitInterval("alpha", alpha);
    requireUnitInterval("beta", beta);
    requireUnitInterval("gamma", gamma);
  }

  private static void requireUnitInterval(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], but was " + value);
    }
  }
}
