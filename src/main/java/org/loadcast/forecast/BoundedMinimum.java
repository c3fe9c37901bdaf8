package org.loadcast.forecast;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Bounded minimisation by BOBYQA (Powell 2009, Cambridge report DAMTP 2009/NA06; commons-math3) with
 * 2k+1 interpolation points for k variables, shared by the methods that fit smoothing weights.
 */
final class BoundedMinimum {
  private static final int MAX_EVALUATIONS = 100_000;

  private BoundedMinimum() {
  }

  /**
   * Returns the point of a box where an objective is least. The objective is divided by its value at
   * the start, so that it is of order one whatever the series' scale. BOBYQA can stop with "trust
   * region step has failed to reduce Q" when rounding defeats its quadratic model near the optimum
   * (commons-math3 3.6.1); then the best point it evaluated is returned.
   *
   * @param objective the function to minimise
   * @param start the first point, inside the box; at least 2 variables
   * @param lower the lower bounds, one per variable
   * @param upper the upper bounds, one per variable
   * @return the best point found
   */
  static double[] of(MultivariateFunction objective, double[] start, double[] lower, double[] upper) {
    double scale = Math.max(objective.value(start), Double.MIN_NORMAL);
    double[] best = start.clone();
    double[] bestValue = {Double.POSITIVE_INFINITY};
    MultivariateFunction scaled = point -> {
      double value = objective.value(point) / scale;
      if (value < bestValue[0]) {
        bestValue[0] = value;
        System.arraycopy(point, 0, best, 0, best.length);
      }
      return value;
    };
    try {
      return new BOBYQAOptimizer(2 * start.length + 1).optimize(new MaxEval(MAX_EVALUATIONS),
          new ObjectiveFunction(scaled), GoalType.MINIMIZE, new InitialGuess(start),
          new SimpleBounds(lower, upper)).getPoint();
    } catch (MathIllegalStateException e) {
      return best;
    }
  }
}
