package org.loadcast.sim;

import java.util.SplittableRandom;

/**
 * The distribution of the time one worker spends on one request.
 *
 * <p>A sealed set: {@link Exponential}, {@link LogNormal} and {@link Deterministic}. Each variant
 * draws from a stream the caller owns, so service times come from their own named stream.
 */
public sealed interface ServiceTime {

  /** Returns one service time in seconds, {@code > 0} (0 only for a deterministic 0). */
  double sampleSeconds(SplittableRandom random);

  /** Returns the mean service time in seconds. */
  double meanSeconds();

  /** Returns the squared coefficient of variation, Var/mean². */
  double squaredCoefficientOfVariation();

  /** Returns the service-time quantile at probability {@code p} in (0, 1), in seconds. */
  double quantileSeconds(double p);

  /**
   * Exponential service times, drawn by inversion.
   *
   * @param meanSeconds the mean, {@code > 0}
   */
  record Exponential(double meanSeconds) implements ServiceTime {
    /** Validates the mean. @throws IllegalArgumentException if it is not finite and {@code > 0} */
    public Exponential {
      requirePositive("meanSeconds", meanSeconds);
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return meanSeconds * RandomStreams.exponential(random);
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return 1;
    }

    @Override
    public double quantileSeconds(double p) {
      return -meanSeconds * Math.log1p(-checkProbability(p));
    }
  }

  /**
   * Log-normal service times: {@code exp(μ + σZ)} with {@code μ = ln(medianSeconds)}.
   *
   * @param medianSeconds the median, {@code e^μ}, {@code > 0}
   * @param sigma the standard deviation of the logarithm, {@code >= 0}
   */
  record LogNormal(double medianSeconds, double sigma) implements ServiceTime {
    /** Validates the parameters. @throws IllegalArgumentException if one is out of range */
    public LogNormal {
      requirePositive("medianSeconds", medianSeconds);
      if (!(sigma >= 0) || !Double.isFinite(sigma)) {
        throw new IllegalArgumentException("sigma must be a finite number >= 0, but was " + sigma);
      }
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return medianSeconds * Math.exp(sigma * random.nextGaussian());
    }

    @Override
    public double meanSeconds() {
      return medianSeconds * Math.exp(sigma * sigma / 2);
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return Math.expm1(sigma * sigma);
    }

    @Override
    public double quantileSeconds(double p) {
      double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
          .inverseCumulativeProbability(checkProbability(p));
      return medianSeconds * Math.exp(sigma * z);
    }
  }

  /**
   * The same service time for every request.
   *
   * @param seconds the service time, {@code > 0}
   */
  record Deterministic(double seconds) implements ServiceTime {
    /** Validates the time. @throws IllegalArgumentException if it is not finite and {@code > 0} */
    public Deterministic {
      requirePositive("seconds", seconds);
    }

    @Override
    public double sampleSeconds(SplittableRandom random) {
      return seconds;
    }

    @Override
    public double meanSeconds() {
      return seconds;
    }

    @Override
    public double squaredCoefficientOfVariation() {
      return 0;
    }

    @Override
    public double quantileSeconds(double p) {
      checkProbability(p);
      return seconds;
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number > 0, but was " + value);
    }
  }

  private static double checkProbability(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1), but was " + p);
    }
    return p;
  }
}
