package org.loadcast.forecast;

import java.util.Arrays;
import java.util.Objects;

/**
 * The three additive-error, non-seasonal exponential smoothing models used to project growth, each
 * fitted by least squares and giving analytic prediction intervals ({@link EtsFit}).
 *
 * <p>Taxonomy of Hyndman, Koehler, Ord and Snyder (2008), "Forecasting with Exponential Smoothing:
 * the State Space Approach", Springer, Table 2.1; Hyndman and Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed. (FPP3), §8.5. The point recursions are the existing ones:
 * {@link HoltWinters#simple()} for SES and {@link DampedTrend} for both trend models, with R's
 * {@code HoltWinters()} start (ℓ = y_1 for SES; ℓ = y_2, b = y_2 − y_1 with trend), so the initial
 * states are taken from the data, not estimated.
 *
 * <p>The YAML name of each model is {@link #yamlName()}: {@code ses}, {@code holt}, {@code damped}.
 */
public enum EtsModel {
  /**
   * ETS(A,N,N), simple exponential smoothing, with α restricted to [{@value #MIN_SIMPLE_ALPHA},
   * {@value #MAX_SIMPLE_ALPHA}]: the range in which SES is a smoother rather than a naive or a mean
   * forecast (the seed's rule); the SSE is minimised by Brent's method within it.
   */
  SIMPLE("ses", "ETS(A,N,N)", 1, 3) {
    @Override
    public EtsFit fit(double[] y) {
      requireLength(y);
      HoltWintersFit fit = HoltWinters.simple().fitLevelWeightWithin(y, MIN_SIMPLE_ALPHA, MAX_SIMPLE_ALPHA);
      int errors = (int) Arrays.stream(y, 1, y.length).filter(v -> !Double.isNaN(v)).count();
      return new EtsFit(this, fit.parameters().alpha(), 0, 1, fit.finalState().level(), 0, fit.sse(), errors);
    }
  },
  /** ETS(A,A,N), Holt's linear trend: α and β in [0, 1] by BOBYQA ({@link DampedTrend} with φ = 1). */
  LINEAR_TREND("holt", "ETS(A,A,N)", 2, 5) {
    @Override
    public EtsFit fit(double[] y) {
      requireLength(y);
      return new DampedTrend(1, 1, 1).fitted(y).toFit(this);
    }
  },
  /**
   * ETS(A,Ad,N), Gardner and McKenzie's damped trend: α, β in [0, 1] and φ in [0.8, 0.98]
   * ({@link DampedTrend#standard()}); the robust default for capacity horizons (REFERENCE.md §5.3).
   */
  DAMPED_TREND("damped", "ETS(A,Ad,N)", 3, 6) {
    @Override
    public EtsFit fit(double[] y) {
      requireLength(y);
      return DampedTrend.standard().fitted(y).toFit(this);
    }
  };

  /** The least α simple exponential smoothing may take. */
  public static final double MIN_SIMPLE_ALPHA = 0.1;
  /** The greatest α simple exponential smoothing may take. */
  public static final double MAX_SIMPLE_ALPHA = 0.3;

  private final String yamlName;
  private final String etsName;
  private final int weightCount;
  private final int minimumLength;

  EtsModel(String yamlName, String etsName, int weightCount, int minimumLength) {
    this.yamlName = yamlName;
    this.etsName = etsName;
    this.weightCount = weightCount;
    this.minimumLength = minimumLength;
  }

  /**
   * Fits the model's smoothing weights to a series by least squares on the one-step errors.
   *
   * @param y the series in time order, in series units; at least {@link #minimumLength()} values;
   *     the first two (SES) or three (trend models) finite; later NaN values are missing
   *     observations (the state moves on as its own forecast, and they add no error); no infinite
   *     values
   * @return the fit: weights, state after the last value, SSE and the count of one-step errors
   * @throws IllegalArgumentException if y is shorter than {@link #minimumLength()}, a value breaks the
   *     rules above, or missing values leave fewer one-step errors than weights plus one
   * @throws NullPointerException if y is null
   */
  public abstract EtsFit fit(double[] y);

  /** {@return the name in experiment YAML: {@code ses}, {@code holt} or {@code damped}} */
  public String yamlName() {
    return yamlName;
  }

  /** {@return the ETS taxonomy name, such as {@code ETS(A,Ad,N)}} */
  public String etsName() {
    return etsName;
  }

  /** {@return the smoothing weights the fit estimates: 1 (α), 2 (α, β) or 3 (α, β, φ)} */
  public int weightCount() {
    return weightCount;
  }

  /**
   * {@return the shortest series the model fits: the observations its start uses (1 or 2) plus its
   * weights plus one, so that the residual variance has at least one degree of freedom}
   */
  public int minimumLength() {
    return minimumLength;
  }

  /**
   * Returns the model with a YAML name.
   *
   * @param name {@code ses}, {@code holt} or {@code damped}, case-sensitive
   * @return the model
   * @throws IllegalArgumentException naming the value and the legal names if there is no such model
   */
  public static EtsModel ofYamlName(String name) {
    for (EtsModel model : values()) {
      if (model.yamlName.equals(name)) {
        return model;
      }
    }
    throw new IllegalArgumentException("method must be one of ses, holt, damped, but was '" + name + "'");
  }

  void requireLength(double[] y) {
    Objects.requireNonNull(y, "y");
    if (y.length < minimumLength) {
      throw new IllegalArgumentException("y must hold at least " + minimumLength + " values for " + etsName
          + " (the start, " + weightCount + " weight(s) and one degree of freedom), but held " + y.length);
    }
    for (int i = 0; i < y.length; i++) {
      if (Double.isInfinite(y[i]) || (i < minimumLength - weightCount && Double.isNaN(y[i]))) {
        throw new IllegalArgumentException("y[" + i + "] must be finite, but was " + y[i]);
      }
    }
  }
}
