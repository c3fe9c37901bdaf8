package org.loadcast.capacity;

/**
 * A group of identical servers offered Poisson traffic, with its Erlang B (loss) and Erlang C
 * (delay) probabilities.
 *
 * <p>Both are computed from the stable recursion {@code B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))}
 * (Jagerman, "Some properties of the Erlang loss function", Bell System Technical Journal 53(3),
 * 1974; {@code REFERENCE.md} §1.1), which never overflows and needs no factorials, so it stays exact to
 * about 1e-15 at thousands of servers. The recursion costs {@code O(servers)} per call.
 *
 * @param servers the number of servers {@code c}, at least 1
 * @param offeredLoadErlangs the offered load {@code A = λ·E[S]} in Erlangs, finite and &gt; 0
 */
public record ErlangTraffic(int servers, double offeredLoadErlangs) {

  /**
   * Validates the traffic.
   *
   * @throws IllegalArgumentException if {@code servers < 1}, or if {@code offeredLoadErlangs} is not
   *     a finite number &gt; 0
   */
  public ErlangTraffic {
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1, but was " + servers);
    }
    if (!(offeredLoadErlangs > 0 && Double.isFinite(offeredLoadErlangs))) {
      throw new IllegalArgumentException(
          "offeredLoadErlangs must be finite and > 0, but was " + offeredLoadErlangs);
    }
  }

  /**
   * Returns the Erlang B blocking probability of the M/M/c/c loss system, {@code B(c, A)}.
   *
   * <p>Defined for every offered load, also {@code A ≥ c}, and insensitive to the service-time
   * distribution beyond its mean (Kleinrock, <i>Queueing Systems</i> Vol. 1, 1975, ch. 3, M/M/m/m).
   *
   * @return the probability, in (0, 1), that an arrival finds all servers busy and is lost
   */
  public double blockingProbability() {
    double blocking = 1.0;
    for (int k = 1; k <= servers; k++) {
      blocking = offeredLoadErlangs * blocking / (k + offeredLoadErlangs * blocking);
    }
    return blocking;
  }

  /**
   * Returns the Erlang C probability that an arrival to the M/M/c queue has to wait, {@code C(c, A)}.
   *
   * <p>Computed as {@code C = c·B / (c − A·(1 − B))} from the Erlang B value ({@code REFERENCE.md}
   * §1.1), an identity between the M/M/m and M/M/m/m results of Kleinrock, <i>Queueing Systems</i>
   * Vol. 1, 1975, ch. 3.
   *
   * @return the probability of waiting, in (0, 1)
   * @throws IllegalArgumentException if {@code offeredLoadErlangs >= servers}, where the queue is
   *     unstable and the probability of waiting is 1
   */
  public double waitingProbability() {
    if (!(offeredLoadErlangs < servers)) {
      throw new IllegalArgumentException("offered load " + offeredLoadErlangs
          + " Erlangs must be < servers (" + servers + ") for a stable queue");
    }
    double blocking = blockingProbability();
    return servers * blocking / (servers - offeredLoadErlangs * (1 - blocking));
  }
}
