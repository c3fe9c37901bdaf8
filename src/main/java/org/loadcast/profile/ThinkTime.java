package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The pause a user takes before the next request of a session, in seconds.
 *
 * <p>In YAML each variant is a one-key mapping: {@code {exponential: {meanSeconds: 5}}}, {@code
 * {logNormal: {medianSeconds: 4, sigma: 0.8}}}, {@code {constant: {seconds: 2}}} or {@code
 * {empirical: {quantileSeconds: [0.5, 1, 3, 20]}}}. Draws use inversion or the normal transform on
 * the generator given, so a fixed stream gives fixed draws.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
    @JsonSubTypes.Type(value = ThinkTime.Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = ThinkTime.LogNormal.class, name = "logNormal"),
    @JsonSubTypes.Type(value = ThinkTime.Constant.class, name = "constant"),
    @JsonSubTypes.Type(value = ThinkTime.Empirical.class, name = "empirical")})
public sealed interface ThinkTime {

  /**
   * Draws one think time.
   *
   * @param random the generator of the caller's named stream
   * @return seconds, {@code >= 0}
   */
  double sampleSeconds(RandomGenerator random);

  /** Returns the expected think time in seconds, {@code >= 0}. */
  double meanSeconds();

  /**
   * Exponentially distributed think time: memoryless, the maximum-entropy choice for a known mean.
   *
   * @param meanSeconds the mean, finite and {@code > 0}
   */
  record Exponential(@JsonProperty(required = true) double meanSeconds) implements ThinkTime {
    /**
     * Validates the mean.
     *
     * @throws IllegalArgumentException if the mean is not finite and {@code > 0}
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Exponential {
      positive("meanSeconds", meanSeconds);
    }

    /** Draws by inversion, {@code −mean · ln(1 − u)}. */
    @Override
    public double sampleSeconds(RandomGenerator random) {
      return -meanSeconds * Math.log1p(-random.nextDouble());
    }
  }

  /**
   * Log-normally distributed think time: {@code ln X ~ N(ln median, sigma²)}, the usual shape of
   * human think times (heavy right tail, no mass at zero).
   *
   * @param medianSeconds the median {@code e^μ}, finite and {@code > 0}
   * @param sigma the standard deviation of {@code ln X}, finite and {@code >= 0}
   */
  record LogNormal(
      @JsonProperty(required = true) double medianSeconds,
      @JsonProperty(required = true) double sigma) implements ThinkTime {
    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if the median is not {@code > 0} or sigma is negative
     */
    public LogNormal {
      positive("medianSeconds", medianSeconds);
      if (!Double.isFinite(sigma) || sigma < 0) {
        throw new IllegalArgumentException("sigma must be a finite number >= 0, but was " + sigma);
      }
    }

    /** Draws {@code median · exp(sigma · Z)} with Z standard normal. */
    @Override
    public double sampleSeconds(RandomGenerator random) {
      return medianSeconds * Math.exp(sigma * random.nextGaussian());
    }

    /** Returns {@code median · exp(sigma² / 2)}. */
    @Override
    public double meanSeconds() {
      return medianSeconds * Math.exp(sigma * sigma / 2);
    }
  }

  /**
   * A fixed think time.
   *
   * @param seconds the pause, finite and {@code >= 0}
   */
  record Constant(@JsonProperty(required = true) double seconds) implements ThinkTime {
    /**
     * Validates the pause.
     *
     * @throws IllegalArgumentException if it is negative or not finite
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Constant {
      if (!Double.isFinite(seconds) || seconds < 0) {
        throw new IllegalArgumentException("seconds must be a finite number >= 0, but was " + seconds);
      }
    }

    @Override
    public double sampleSeconds(RandomGenerator random) {
      return seconds;
    }

    @Override
    public double meanSeconds() {
      return seconds;
    }
  }

  /**
   * A think time given by equally spaced quantiles, with the quantile function interpolated
   * linearly between them: {@code quantileSeconds[i]} is the {@code i/k} quantile for {@code k + 1}
   * values, so the first is the minimum and the last the maximum.
   *
   * @param quantileSeconds at least 2 values, each finite and {@code >= 0}, non-decreasing
   */
  record Empirical(@JsonProperty(required = true) List<Double> quantileSeconds) implements ThinkTime {
    /**
     * Validates and copies the quantiles.
     *
     * @throws IllegalArgumentException if fewer than 2 are given, one is negative or not finite, or
     *     they decrease
     */
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Empirical {
      if (quantileSeconds == null || quantileSeconds.size() < 2) {
        throw new IllegalArgumentException("quantileSeconds must list at least 2 values, but was "
            + (quantileSeconds == null ? "missing" : quantileSeconds));
      }
      quantileSeconds = List.copyOf(quantileSeconds);
      for (int i = 0; i < quantileSeconds.size(); i++) {
        double q = quantileSeconds.get(i);
        if (!Double.isFinite(q) || q < 0) {
          throw new IllegalArgumentException("quantileSeconds[" + i + "] must be a finite number >= 0, but was " + q);
        }
        if (i > 0 && q < quantileSeconds.get(i - 1)) {
          throw new IllegalArgumentException("quantileSeconds[" + i + "] must be >= the value before it ("
              + quantileSeconds.get(i - 1) + "), but was " + q);
        }
      }
    }

    /** Draws by inversion of the piecewise-linear quantile function. */
    @Override
    public double sampleSeconds(RandomGenerator random) {
      double position = random.nextDouble() * (quantileSeconds.size() - 1);
      int i = (int) position;
      double low = quantileSeconds.get(i);
      return low + (position - i) * (quantileSeconds.get(i + 1) - low);
    }

    /** Returns the mean of the piecewise-linear quantile function: the mean of segment midpoints. */
    @Override
    public double meanSeconds() {
      double sum = 0;
      for (int i = 1; i < quantileSeconds.size(); i++) {
        sum += (quantileSeconds.get(i - 1) + quantileSeconds.get(i)) / 2;
      }
      return sum / (quantileSeconds.size() - 1);
    }
  }

  private static void positive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(field + " must be a finite number > 0, but was " + value);
    }
  }
}
