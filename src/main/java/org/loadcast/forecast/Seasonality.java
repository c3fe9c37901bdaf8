package org.loadcast.forecast;

/**
 * How the seasonal index combines with level and trend in a Holt-Winters model.
 *
 * <p>Additive and multiplicative seasonality follow Winters (1960), "Forecasting sales by
 * exponentially weighted moving averages", Management Science 6(3):324-342, in the form of R's
 * {@code stats::HoltWinters(seasonal = "additive" | "multiplicative")}.
 */
public enum Seasonality {
  /** No seasonal component: Holt's linear method, or simple exponential smoothing without trend. */
  NONE {
    @Override
    double apply(double base, double seasonal) {
      return base;
    }

    @Override
    double remove(double value, double seasonal) {
      return value;
    }
  },
  /** The seasonal index is added, x̂ = ℓ + b + s; indices are in the units of the series. */
  ADDITIVE {
    @Override
    double apply(double base, double seasonal) {
      return base + seasonal;
    }

    @Override
    double remove(double value, double seasonal) {
      return value - seasonal;
    }
  },
  /** The seasonal index multiplies, x̂ = (ℓ + b)·s; indices are dimensionless; data must be > 0. */
  MULTIPLICATIVE {
    @Override
    double apply(double base, double seasonal) {
      return base * seasonal;
    }

    @Override
    double remove(double value, double seasonal) {
      return value / seasonal;
    }
  };

  /** Combines a deseasonalised value with a seasonal index: {@code base + s} or {@code base·s}. */
  abstract double apply(double base, double seasonal);

  /** Removes a seasonal index (or any reference) from a value: {@code value − s} or {@code value / s}. */
  abstract double remove(double value, double seasonal);

  /** Whether the model has a seasonal component at all. */
  boolean isSeasonal() {
    return this != NONE;
  }

  /** Whether an observation is usable: finite, and {@code > 0} for multiplicative seasonality. */
  boolean accepts(double value) {
    return Double.isFinite(value) && (this != MULTIPLICATIVE || value > 0);
  }

  /** The rule {@link #accepts} checks, as a phrase for error messages. */
  String requirement() {
    return this == MULTIPLICATIVE ? "finite and > 0 for multiplicative seasonality" : "finite";
  }
}
