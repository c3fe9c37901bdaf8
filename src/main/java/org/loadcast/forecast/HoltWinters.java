package org.loadcast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.stream.DoubleStream;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * A Holt-Winters exponential smoothing model: which components it has, its seasonal period, and
 * which recursion it runs.
 *
 * <p>Holt (1957), "Forecasting seasonals and trends by exponentially weighted moving averages",
 * reprinted in Int. J. Forecasting 20(1):5-10 (2004); Winters (1960), Management Science 6(3):324-342.
 * Initial states, the in-sample SSE and the fitting criterion follow R's {@code stats::HoltWinters}
 * (R sources {@code src/library/stats/R/HoltWinters.R} and {@code src/HoltWinters.c}); see
 * REFERENCE.md §3.2-3.3. With {@link Formulation#R_CLASSIC} the SSE at fixed weights matches R to 1e-9.
 *
 * <pre>{@code
 * HoltWinters model = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.R_CLASSIC);
 * HoltWintersFit fit = model.fit(monthlyPassengers);   // α, β, γ by least squares
 * double nextMonth = fit.forecast(1);
 * }</pre>
 *
 * @param seasonality how the seasonal index combines; {@link Seasonality#NONE} for Holt's linear
 *     method (with trend) or simple exponential smoothing (without)
 * @param hasTrend whether the model has a trend b (R's {@code beta = FALSE} turns it off)
 * @param periodLength f, observations per seasonal cycle (12 for monthly data with a yearly cycle);
 *     {@code >= 2} for a seasonal model; {@code >= 1}, and unused, otherwise
 * @param formulation which seasonal update; irrelevant without seasonality
 */
public record HoltWinters(Seasonality seasonality, boolean hasTrend, int periodLength, Formulation formulation)
    implements ForecastMethod {

  private static final int MAX_EVALUATIONS = 100_000;

  /**
   * Validates the structure.
   *
   * @throws IllegalArgumentException if periodLength is below 2 (seasonal) or 1 (non-seasonal)
   * @throws NullPointerException if seasonality or formulation is null
   */
  public HoltWinters {
    Objects.requireNonNull(seasonality, "seasonality");
    Objects.requireNonNull(formulation, "formulation");
    int minimum = seasonality.isSeasonal() ? 2 : 1;
    if (periodLength < minimum) {
      throw new IllegalArgumentException("periodLength must be >= " + minimum + " for seasonality "
          + seasonality + ", but was " + periodLength);
    }
  }

  /**
   * Returns simple exponential smoothing: level only (R {@code beta = FALSE, gamma = FALSE}).
   *
   * @return the model
   */
  public static HoltWinters simple() {
    return new HoltWinters(Seasonality.NONE, false, 1, Formulation.R_CLASSIC);
  }

  /**
   * Returns Holt's linear trend method: level and trend (R {@code gamma = FALSE}).
   *
   * @return the model
   */
  public static HoltWinters linearTrend() {
    return new HoltWinters(Seasonality.NONE, true, 1, Formulation.R_CLASSIC);
  }

  /**
   * Returns the seasonal Holt-Winters model with level, trend and seasonal index.
   *
   * @param seasonality {@link Seasonality#ADDITIVE} or {@link Seasonality#MULTIPLICATIVE}
   * @param periodLength f, observations per cycle; {@code >= 2}
   * @param formulation which seasonal update
   * @return the model
   * @throws IllegalArgumentException if seasonality is NONE or periodLength {@literal <} 2
   */
  public static HoltWinters seasonal(Seasonality seasonality, int periodLength, Formulation formulation) {
    if (seasonality == Seasonality.NONE) {
      throw new IllegalArgumentException("seasonality must be ADDITIVE or MULTIPLICATIVE for a seasonal model, but was NONE");
    }
    return new HoltWinters(seasonality, true, periodLength, formulation);
  }

  /**
   * Returns how many leading observations come before the first fitted value: f for a seasonal
   * model (the first forecast is for t = f+1, 1-based), 2 for Holt's method, 1 for simple smoothing.
   *
   * @return the warm-up length, in observations
   */
  public int warmUpLength() {
    return seasonality.isSeasonal() ? periodLength : hasTrend ? 2 : 1;
  }

  /**
   * Returns the shortest series the model accepts: two full periods (2f) for a seasonal model, one
   * more than the warm-up otherwise.
   *
   * @return the minimum length, in observations
   */
  public int minimumLength() {
    return seasonality.isSeasonal() ? 2 * periodLength : warmUpLength() + 1;
  }

  /**
   * Returns R's initial state for a series (REFERENCE.md §3.3). Seasonal: decompose the first 2f
   * observations ({@link ClassicalDecomposition}); s.start is the seasonal figure, and l.start and
   * b.start are the intercept and slope of an OLS line through the defined trend values against
   * 1, 2, …. Holt: l.start = y[2], b.start = y[2] − y[1]. Simple: l.start = y[1] (1-based).
   *
   * @param y the series, in time order; see {@link #smooth} for the rules
   * @return the state before the first fitted value; trend 0 without trend
   * @throws IllegalArgumentException as {@link #smooth}
   */
  public HoltWintersState initialState(double[] y) {
    requireSeries(y);
    if (seasonality.isSeasonal()) {
      return seasonalInitialState(y);
    }
    return hasTrend ? new HoltWintersState(y[1], y[1] - y[0], List.of()) : new HoltWintersState(y[0], 0, List.of());
  }

  private HoltWintersState seasonalInitialState(double[] y) {
    ClassicalDecomposition start =
        ClassicalDecomposition.of(Arrays.copyOf(y, 2 * periodLength), periodLength, seasonality);
    double[] trend = start.definedTrend();
    SimpleRegression line = new SimpleRegression();
    for (int i = 0; i < trend.length; i++) {
      line.addData(i + 1, trend[i]);
    }
    return new HoltWintersState(line.getIntercept(), hasTrend ? line.getSlope() : 0, start.figure());
  }

  /**
   * Runs the model over a series at fixed smoothing weights, from R's initial state.
   *
   * @param y the series, in time order; at least {@link #minimumLength()} values, all finite (and
   *     {@code > 0} for multiplicative seasonality) except that values after the first {@link
   *     #minimumLength()} may be NaN for a missing observation: it adds nothing to the SSE and the
   *     state moves on as its own forecast ({@link OnlineForecaster#skip()})
   * @param parameters the smoothing weights
   * @return the in-sample one-step forecasts, their SSE and the final state
   * @throws IllegalArgumentException if y is too short (the message gives both lengths) or a value
   *     breaks the rules above (the message names its index and value)
   */
  public HoltWintersFit smooth(double[] y, SmoothingParameters parameters) {
    HoltWintersState initial = initialState(y);
    OnlineForecaster forecaster = new OnlineForecaster(this, parameters, initial);
    DoubleStream.Builder fitted = DoubleStream.builder();
    double sse = run(y, forecaster, fitted);
    List<Double> fittedValues = fitted.build().boxed().toList();
    return new HoltWintersFit(this, parameters, initial, fittedValues, sse, forecaster.state());
  }

  /**
   * Fits the smoothing weights by minimising the in-sample SSE over [0, 1] for each weight the
   * model uses, from R's start (α, β, γ) = (0.3, 0.1, 0.1). R uses L-BFGS-B; this uses BOBYQA
   * (Powell 2009, Cambridge report DAMTP 2009/NA06) with 2k+1 interpolation points for k weights, or
   * Brent's method for α alone, as R's {@code optimize()} does. The optimiser path differs from R's,
   * so the weights agree with R's only approximately, but the SSE reaches R's or lower
   * (REFERENCE.md §3.3, F5).
   *
   * @param y the series; see {@link #smooth}
   * @return the fit at the best weights found; weights the model does not use are 0
   * @throws IllegalArgumentException as {@link #smooth}
   */
  public HoltWintersFit fit(double[] y) {
    HoltWintersState initial = initialState(y);
    MultivariateFunction sse = point -> run(y, new OnlineForecaster(this, parametersAt(point), initial), v -> { });
    return smooth(y, parametersAt(minimise(sse, pointOf(SmoothingParameters.OPTIMISER_START))));
  }

  /**
   * Fits the weights ({@link #fit}) and returns a forecaster that continues from the end of the
   * training series.
   *
   * @param training the series; see {@link #smooth}
   * @return the fit's {@link HoltWintersFit#onlineForecaster()}
   * @throws IllegalArgumentException as {@link #smooth}
   */
  @Override
  public Forecaster train(double[] training) {
    return fit(training).onlineForecaster();
  }

  /** Feeds y[warmUp..] to the forecaster, passing each one-step forecast on; returns the SSE (R's order). */
  private double run(double[] y, OnlineForecaster forecaster, DoubleConsumer fitted) {
    double sse = 0;
    for (int t = warmUpLength(); t < y.length; t++) {
      double forecast = forecaster.forecast(1);
      fitted.accept(forecast);
      if (!Double.isNaN(y[t])) {
        double error = y[t] - forecast;
        sse += error * error;
      }
      forecaster.observe(y[t]);
    }
    return sse;
  }

  /** The weights the model uses, in the order α, β (with trend), γ (with seasonality). */
  private double[] pointOf(SmoothingParameters parameters) {
    DoubleStream.Builder point = DoubleStream.builder().add(parameters.alpha());
    if (hasTrend) {
      point.add(parameters.beta());
    }
    if (seasonality.isSeasonal()) {
      point.add(parameters.gamma());
    }
    return point.build().toArray();
  }

  /** Inverse of {@link #pointOf}, clamped to [0, 1] as R's {@code hw()} does. */
  private SmoothingParameters parametersAt(double[] point) {
    double beta = hasTrend ? point[1] : 0;
    double gamma = seasonality.isSeasonal() ? point[point.length - 1] : 0;
    return new SmoothingParameters(unitInterval(point[0]), unitInterval(beta), unitInterval(gamma));
  }

  private static double unitInterval(double value) {
    return Math.max(0, Math.min(1, value));
  }

  private static double[] minimise(MultivariateFunction objective, double[] start) {
    return start.length == 1 ? new double[] {brent(objective, 0, 1, start[0])} : bobyqa(objective, start);
  }

  private static double brent(MultivariateFunction objective, double lower, double upper, double start) {
    UnivariateObjectiveFunction alone = new UnivariateObjectiveFunction(x -> objective.value(new double[] {x}));
    return new BrentOptimizer(1e-10, 1e-14).optimize(new MaxEval(MAX_EVALUATIONS), alone,
        GoalType.MINIMIZE, new SearchInterval(lower, upper, start)).getPoint();
  }

  /**
   * Fits simple exponential smoothing with α restricted to an interval, by Brent's method on the
   * in-sample SSE (as {@link #fit} does on [0, 1]).
   *
   * @param y the series; see {@link #smooth}
   * @param minAlpha the least α; in [0, maxAlpha]
   * @param maxAlpha the greatest α; in [minAlpha, 1]
   * @return the fit at the best α found in [minAlpha, maxAlpha]
   * @throws IllegalStateException if this model is not simple exponential smoothing
   * @throws IllegalArgumentException as {@link #smooth}, or if the bounds are out of order or range
   */
  HoltWintersFit fitLevelWeightWithin(double[] y, double minAlpha, double maxAlpha) {
    if (hasTrend || seasonality.isSeasonal()) {
      throw new IllegalStateException("only simple exponential smoothing has α alone, but this model is " + this);
    }
    if (!(minAlpha >= 0 && minAlpha <= maxAlpha && maxAlpha <= 1)) {
      throw new IllegalArgumentException("alpha bounds must satisfy 0 <= minAlpha <= maxAlpha <= 1, but were ["
          + minAlpha + ", " + maxAlpha + "]");
    }
    HoltWintersState initial = initialState(y);
    MultivariateFunction sse = point -> run(y, new OnlineForecaster(this, parametersAt(point), initial), v -> { });
    double alpha = minAlpha == maxAlpha ? minAlpha : brent(sse, minAlpha, maxAlpha, (minAlpha + maxAlpha) / 2);
    return smooth(y, new SmoothingParameters(alpha, 0, 0));
  }

  private static double[] bobyqa(MultivariateFunction objective, double[] start) {
    double[] upper = new double[start.length];
    Arrays.fill(upper, 1);
    return BoundedMinimum.of(objective, start, new double[start.length], upper);
  }

  /** Checks the length and values of a series (package-private: the decomposition shares it). */
  void requireSeries(double[] y) {
    Objects.requireNonNull(y, "y");
    if (y.length < minimumLength()) {
      throw new IllegalArgumentException("y must hold at least " + minimumLength() + " observations "
          + lengthReason() + ", but held " + y.length);
    }
    for (int i = 0; i < y.length; i++) {
      boolean missingAllowed = i >= minimumLength() && Double.isNaN(y[i]);
      if (!missingAllowed && !seasonality.accepts(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] must be " + seasonality.requirement()
            + (i >= minimumLength() ? " or NaN (missing)" : "") + ", but was " + y[i]);
      }
    }
  }

  private String lengthReason() {
    if (seasonality.isSeasonal()) {
      return "(2 full periods of " + periodLength + ") for a seasonal model";
    }
    return hasTrend ? "for Holt's linear trend method" : "for simple exponential smoothing";
  }
}
