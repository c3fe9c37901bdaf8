package org.loadcast.profile;

import java.util.Locale;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * How a schedule turns expected arrivals into whole counts per replay second: a closed set of two
 * modes.
 */
public sealed interface ArrivalMode permits ArrivalMode.Deterministic, ArrivalMode.Poisson {

  /**
   * Returns the arrival counts of consecutive replay seconds.
   *
   * @param expectedCumulative {@code expectedCumulative[k]} is the expected number of arrivals
   *     before replay second {@code k} (the scaled integral of the rate), so {@code [0]} is 0, the
   *     values never decrease, and the last one is the window's whole expectation; length {@code
   *     n + 1} for {@code n} seconds
   * @return {@code n} counts, each {@code >= 0}, in replay-second order; empty when {@code n = 0}
   * @throws IllegalArgumentException if a second would need more than {@link Integer#MAX_VALUE}
   *     arrivals
   */
  int[] counts(double[] expectedCumulative);

  /**
   * Returns the mode with a given command-line or YAML name.
   *
   * @param name {@code deterministic} or {@code poisson}
   * @param seed the run seed, used by {@code poisson} only
   * @return the mode
   * @throws IllegalArgumentException if the name is neither
   */
  static ArrivalMode named(String name, long seed) {
    return switch (name == null ? "" : name) {
      case "deterministic" -> new Deterministic();
      case "poisson" -> new Poisson(seed);
      default -> throw new IllegalArgumentException("mode must be deterministic or poisson, but was '" + name + "'");
    };
  }

  /**
   * Exact counts: second {@code k} gets {@code round(E(k+1)) − round(E(k))}, with {@code E} the
   * expected cumulative arrivals and {@code round(x) = floor(x + 0.5)}.
   *
   * <p>Because {@code round(x) − x} lies in {@code (−0.5, 0.5]}, each count is within 1 of its
   * second's expectation (strictly), the counts up to any second add up to the rounded expectation
   * (never more than 0.5 away), and the total is {@code round(E(n))}. A rate below 1 per second
   * gives isolated ones (0.3 per second: 0, 1, 0, 0, 1, 0, 1, ...). This is the error-carrying
   * rounding of Bresenham's line algorithm (Bresenham, "Algorithm for computer control of a digital
   * plotter", IBM Systems Journal 4(1), 1965), applied to the cumulative integral.
   */
  record Deterministic() implements ArrivalMode {
    @Override
    public int[] counts(double[] expectedCumulative) {
      int[] counts = new int[Math.max(0, expectedCumulative.length - 1)];
      long previous = Math.round(expectedCumulative[0]);
      for (int k = 0; k < counts.length; k++) {
        long next = Math.round(expectedCumulative[k + 1]);
        counts[k] = ArrivalMode.toCount(next - previous, k);
        previous = next;
      }
      return counts;
    }
  }

  /**
   * Random counts of a non-homogeneous Poisson process: second {@code k} gets an independent
   * Poisson draw with mean {@code E(k+1) − E(k)}. The counts of disjoint intervals of a Poisson
   * process are independent Poisson variables with the integral of the intensity as mean (Ross,
   * "Introduction to Probability Models", 12th ed., §5.4), so drawing per second is exact, not an
   * approximation. A rate scale acts on the mean, so the relative noise {@code 1/sqrt(mean)}
   * shrinks as the scale grows.
   *
   * <p>The draws come from one stream, {@value #STREAM}, seeded with {@link #streamSeed()}: the
   * {@link StreamSeed} of the run seed and the stream's name (a SplitMix64 mix of the seed and the
   * FNV-1a hash of the name), as {@code org.loadcast.sim.RandomStreams} seeds its streams. That
   * seed starts a {@link Well19937c} generator (Panneton, L'Ecuyer and Matsumoto, ACM TOMS 32(1),
   * 2006), and commons-math3's {@link PoissonDistribution} samples it: Knuth's product of uniforms
   * for means below 40, Devroye's rejection method for larger ones ("The computer generation of
   * Poisson random variables", Computing 26, 1981), both exact. The same seed gives the same
   * schedule.
   *
   * @param seed the run seed; the profile's by default
   */
  record Poisson(long seed) implements ArrivalMode {
    /** The name of the random stream the draws come from. */
    public static final String STREAM = "schedule";

    /** Returns the seed of the {@value #STREAM} stream derived from the run seed. */
    public long streamSeed() {
      return StreamSeed.of(seed, STREAM);
    }

    @Override
    public int[] counts(double[] expectedCumulative) {
      RandomGenerator random = new Well19937c(streamSeed());
      int[] counts = new int[Math.max(0, expectedCumulative.length - 1)];
      for (int k = 0; k < counts.length; k++) {
        double mean = Math.max(0, expectedCumulative[k + 1] - expectedCumulative[k]);
        if (mean > Integer.MAX_VALUE / 2.0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "replay second %d must expect fewer than %d arrivals, but expected %.0f", k, Integer.MAX_VALUE / 2, mean));
        }
        counts[k] = mean == 0 ? 0 : new PoissonDistribution(random, mean,
            PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
      }
      return counts;
    }
  }

  private static int toCount(long count, int second) {
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("replay second " + second + " must have at most " + Integer.MAX_VALUE
          + " arrivals, but had " + count);
    }
    return (int) count;
  }
}
