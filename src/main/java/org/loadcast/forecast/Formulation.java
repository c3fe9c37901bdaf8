package org.loadcast.forecast;

/**
 * Which of the two published Holt-Winters recursions updates the seasonal index.
 *
 * <p>Both share the level update ℓ_t = α(y_t ⊖ s_{t−m}) + (1−α)(ℓ_{t−1}+b_{t−1}) and the trend update
 * b_t = β(ℓ_t−ℓ_{t−1}) + (1−β)b_{t−1}; they differ only in what the seasonal update divides by (or
 * subtracts). With identical initial states and parameters the two give different SSEs on
 * AirPassengers (16570.78 against 18466.10, multiplicative), so a result must say which it used.
 * See REFERENCE.md §3.2.
 */
public enum Formulation {
  /**
   * Classic Winters (1960) and R {@code stats::HoltWinters}: s_t = γ(y_t ⊖ ℓ_t) + (1−γ)s_{t−m},
   * relative to the <em>new</em> level ℓ_t.
   */
  R_CLASSIC {
    @Override
    double seasonalReference(double newLevel, double previousLevelPlusTrend) {
      return newLevel;
    }
  },
  /**
   * Error-correction form (Hyndman and Athanasopoulos 2021, "Forecasting: Principles and Practice",
   * 3rd ed., §8.3; statsmodels {@code ExponentialSmoothing}): s_t = γ(y_t ⊖ (ℓ_{t−1}+b_{t−1}))
   * + (1−γ)s_{t−m}, relative to the <em>previous</em> level plus trend.
   */
  ETS {
    @Override
    double seasonalReference(double newLevel, double previousLevelPlusTrend) {
      return previousLevelPlusTrend;
    }
  };

  /** The value the seasonal update removes from y_t: ℓ_t or ℓ_{t−1}+b_{t−1}. */
  abstract double seasonalReference(double newLevel, double previousLevelPlusTrend);
}
