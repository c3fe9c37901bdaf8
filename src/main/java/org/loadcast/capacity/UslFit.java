package org.loadcast.capacity;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * A least-squares fit of the {@link UslModel} to measured (concurrency, throughput) points.
 *
 * <p>It minimises {@code Σ (X_i − X(N_i))²} with Powell's BOBYQA (commons-math3
 * {@link BOBYQAOptimizer}) over rescaled parameters of order 1: σ, {@code κ·N_max²} and
 * {@code λ/max(X_i/N_i)}, where {@code N_max} is the largest measured concurrency, starting from
 * σ = 0.1, κ = 0.1/N_max² and λ = max(X_i/N_i) ({@code REFERENCE.md} §2; Powell, "The BOBYQA algorithm
 * for bound constrained optimization without derivatives", Cambridge NA Report 2009/NA06). σ is
 * bounded to [0, 1). κ is first left free down to {@code −1/N_max²}, which keeps every modelled
 * throughput positive; if it comes out negative (the data curve upwards), the fit is repeated with
 * κ = 0, Amdahl's law, and {@link #coherencyFixedAtZero()} says so. Clamping κ inside a
 * Levenberg–Marquardt fit instead finds wrong optima (§6, item 4).
 *
 * @param model the fitted model, never null
 * @param coherencyFixedAtZero whether the unconstrained κ was negative and the model was refitted
 *     with κ = 0
 * @param sumOfSquaredErrors the residual sum of squares, in (requests per second)², &gt;= 0
 */
public record UslFit(UslModel model, boolean coherencyFixedAtZero, double sumOfSquaredErrors) {

  /** The fewest measurements accepted, as in usl4j. */
  public static final int MIN_MEASUREMENTS = 6;

  private static final double INITIAL_TRUST_RADIUS = 0.05;
  private static final double STOPPING_TRUST_RADIUS = 1e-11;
  private static final int MAX_EVALUATIONS = 100_000;
  private static final double MAX_SIGMA = 1 - 1e-9;

  /**
   * Validates the fit.
   *
   * @throws NullPointerException if {@code model} is null
   * @throws IllegalArgumentException if {@code sumOfSquaredErrors} is negative or not finite
   */
  public UslFit {
    Objects.requireNonNull(model, "model");
    if (!(sumOfSquaredErrors >= 0 && Double.isFinite(sumOfSquaredErrors))) {
      throw new IllegalArgumentException(
          "sumOfSquaredErrors must be finite and >= 0, but was " + sumOfSquaredErrors);
    }
  }

  /**
   * Fits the USL to measurements.
   *
   * @param measurements the measured points, in any order, at least {@value #MIN_MEASUREMENTS}
   * @return the fit with the smallest sum of squared errors found
   * @throws NullPointerException if {@code measurements} or one of them is null
   * @throws IllegalArgumentException if there are fewer than {@value #MIN_MEASUREMENTS} measurements
   */
  public static UslFit of(List<ScalabilityMeasurement> measurements) {
    List<ScalabilityMeasurement> points = List.copyOf(measurements);
    if (points.size() < MIN_MEASUREMENTS) {
      throw new IllegalArgumentException("measurements must hold at least " + MIN_MEASUREMENTS
          + " points, but held " + points.size());
    }
    Scaling scaling = Scaling.of(points);
    PointValuePair free = minimise(points, scaling, new double[] {0.1, 0.1, 1},
        new double[] {0, -1, 1e-6}, new double[] {MAX_SIGMA, 1e4, 1e3});
    if (free.getPoint()[1] >= 0) {
      return new UslFit(scaling.model(free.getPoint()), false, free.getValue());
    }
    PointValuePair amdahl = minimise(points, scaling, new double[] {0.1, 1},
        new double[] {0, 1e-6}, new double[] {MAX_SIGMA, 1e3});
    double[] point = amdahl.getPoint();
    return new UslFit(scaling.model(new double[] {point[0], 0, point[1]}), true, amdahl.getValue());
  }

  /**
   * Minimises the squared errors over scaled parameters {@code (σ, κ', λ')}, or {@code (σ, λ')} with
   * κ = 0 when two are given.
   */
  private static PointValuePair minimise(List<ScalabilityMeasurement> points, Scaling scaling,
      double[] start, double[] lower, double[] upper) {
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * start.length + 1, INITIAL_TRUST_RADIUS,
        STOPPING_TRUST_RADIUS);
    ObjectiveFunction squaredErrors = new ObjectiveFunction(scaled -> scaling.squaredErrors(points,
        scaled[0], scaled.length == 3 ? scaled[1] : 0, scaled[scaled.length - 1]));
    return optimizer.optimize(new MaxEval(MAX_EVALUATIONS), squaredErrors, GoalType.MINIMIZE,
        new InitialGuess(start), new SimpleBounds(lower, upper));
  }

  /** The factors that make κ and λ of order 1: {@code κ' = κ·N_max²}, {@code λ' = λ/max(X/N)}. */
  private record Scaling(double kappaFactor, double lambdaFactor) {

    static Scaling of(List<ScalabilityMeasurement> points) {
      double maxConcurrency = points.stream().mapToDouble(ScalabilityMeasurement::concurrency).max()
          .orElseThrow();
      double maxPerWorker = points.stream().mapToDouble(p -> p.throughputPerSecond() / p.concurrency())
          .max().orElseThrow();
      return new Scaling(maxConcurrency * maxConcurrency, maxPerWorker);
    }

    double squaredErrors(List<ScalabilityMeasurement> points, double sigma, double scaledKappa,
        double scaledLambda) {
      double kappa = scaledKappa / kappaFactor;
      double lambda = scaledLambda * lambdaFactor;
      return points.stream().mapToDouble(p -> p.throughputPerSecond()
          - UslModel.throughput(sigma, kappa, lambda, p.concurrency())).map(e -> e * e).sum();
    }

    UslModel model(double[] scaled) {
      return new UslModel(scaled[0], scaled[1] / kappaFactor, scaled[2] * lambdaFactor);
    }
  }
}
