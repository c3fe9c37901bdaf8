package org.loadcast.capacity;

/**
 * A finite M/M/c/K queue: Poisson arrivals, exponential service, {@code c} identical servers and
 * room for at most {@code K} requests in the system (in service or waiting); an arrival that finds
 * {@code K} is lost. Steady state exists at every offered load.
 *
 * <p>The stationary distribution is the birth–death one of Gross, Shortle, Thompson and Harris,
 * <i>Fundamentals of Queueing Theory</i>, 4th ed. (2008), §2.4 (queues with truncation, M/M/c/K):
 * {@code p_n = p_0·A^n/n!} for {@code n ≤ c} and {@code p_n = p_0·A^n/(c!·c^(n−c))} for
 * {@code c ≤ n ≤ K}, with {@code A = λ/μ}. It is computed by the ratio recursion
 * {@code q_0 = 1, q_n = q_(n−1)·A/min(n, c)} and normalised at the end, rescaling on the way so that
 * it never overflows: no factorials. By PASTA the blocking probability is {@code p_K}; with
 * {@code K = c} it is Erlang B ({@link ErlangTraffic#blockingProbability()}).
 *
 * @param servers the number of servers {@code c}, at least 1
 * @param systemCapacity the most requests the system holds, {@code K}, at least {@code servers} and
 *     at most 10,000,000
 * @param offeredLoadErlangs the offered load {@code A = λ·E[S]} in Erlangs, finite and &gt; 0
 */
public record MmckQueue(int servers, int systemCapacity, double offeredLoadErlangs) {

  private static final int MAX_SYSTEM_CAPACITY = 10_000_000;
  private static final double RESCALE_ABOVE = 1e250;

  /**
   * Validates the queue.
   *
   * @throws IllegalArgumentException if {@code servers < 1}, if {@code systemCapacity} is below
   *     {@code servers} or above 10,000,000, or if the offered load is not a finite number &gt; 0
   */
  public MmckQueue {
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1, but was " + servers);
    }
    if (systemCapacity < servers || systemCapacity > MAX_SYSTEM_CAPACITY) {
      throw new IllegalArgumentException("systemCapacity must be in [servers (" + servers + "), "
          + MAX_SYSTEM_CAPACITY + "], but was " + systemCapacity);
    }
    if (!(offeredLoadErlangs > 0 && Double.isFinite(offeredLoadErlangs))) {
      throw new IllegalArgumentException("offeredLoadErlangs must be finite and > 0, but was " + offeredLoadErlangs);
    }
  }

  /**
   * Returns the stationary distribution of the number in system.
   *
   * @return {@code K + 1} probabilities {@code p_0 … p_K}, indexed by the number in system, summing
   *     to 1 up to rounding
   */
  public double[] stateProbabilities() {
    double[] p = new double[systemCapacity + 1];
    p[0] = 1;
    double sum = 1;
    for (int n = 1; n <= systemCapacity; n++) {
      p[n] = p[n - 1] * offeredLoadErlangs / Math.min(n, servers);
      sum += p[n];
      if (p[n] > RESCALE_ABOVE) {
        double scale = p[n];
        for (int k = 0; k <= n; k++) {
          p[k] /= scale;
        }
        sum /= scale;
      }
    }
    for (int n = 0; n <= systemCapacity; n++) {
      p[n] /= sum;
    }
    return p;
  }

  /**
   * Returns the probability that an arrival is lost, {@code p_K} (Poisson arrivals see time
   * averages).
   *
   * @return the blocking probability, in (0, 1)
   */
  public double blockingProbability() {
    return stateProbabilities()[systemCapacity];
  }

  /**
   * Returns the mean number in system {@code L = Σ n·p_n}.
   *
   * @return the time-average number of requests in service or waiting, in (0, K)
   */
  public double meanInSystem() {
    double[] p = stateProbabilities();
    double mean = 0;
    for (int n = 1; n < p.length; n++) {
      mean += n * p[n];
    }
    return mean;
  }
}
