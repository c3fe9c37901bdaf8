package org.loadcast.capacity;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * A stable M/M/c queue: Poisson arrivals, exponential service, {@code c} identical servers sharing one
 * FIFO queue, in steady state.
 *
 * <p>Formulas follow {@code REFERENCE.md} §1.1 and Kleinrock, <i>Queueing Systems</i> Vol. 1 (1975),
 * ch. 3 (M/M/1 and M/M/m); the waiting- and sojourn-time distributions follow Gross, Shortle, Thompson
 * and Harris, <i>Fundamentals of Queueing Theory</i>, 4th ed. (2008), §2.3. With {@code servers = 1}
 * this is the M/M/1 queue (see {@link #singleServer}). The probability of waiting is recomputed on each
 * call, in {@code O(servers)} time.
 *
 * @param arrivalRatePerSecond the Poisson arrival rate λ, in requests per second, finite and &gt; 0
 * @param meanServiceTimeSeconds the mean service time {@code S = 1/μ}, in seconds, finite and &gt; 0
 * @param servers the number of servers {@code c}, at least 1
 */
public record MmcQueue(double arrivalRatePerSecond, double meanServiceTimeSeconds, int servers) {

  private static final int MAX_SOLVER_EVALUATIONS = 500;

  /**
   * Validates the queue, including its stability.
   *
   * @throws IllegalArgumentException if a rate or time is not a finite number &gt; 0, if
   *     {@code servers < 1}, or if the offered load {@code λ·S} is not below {@code servers}
   */
  public MmcQueue {
    requirePositive("arrivalRatePerSecond", arrivalRatePerSecond);
    requirePositive("meanServiceTimeSeconds", meanServiceTimeSeconds);
    if (servers < 1) {
      throw new IllegalArgumentException("servers must be >= 1, but was " + servers);
    }
    double offeredLoad = arrivalRatePerSecond * meanServiceTimeSeconds;
    if (!(offeredLoad < servers)) {
      throw new IllegalArgumentException("offered load " + offeredLoad + " Erlangs (arrivalRatePerSecond "
          + arrivalRatePerSecond + " × meanServiceTimeSeconds " + meanServiceTimeSeconds
          + ") must be < servers (" + servers + ") for a stable queue");
    }
  }

  /**
   * Returns the M/M/1 queue with the given rates.
   *
   * @param arrivalRatePerSecond the arrival rate λ, in requests per second, &gt; 0
   * @param meanServiceTimeSeconds the mean service time, in seconds, &gt; 0 and &lt; 1/λ
   * @return the queue with one server
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static MmcQueue singleServer(double arrivalRatePerSecond, double meanServiceTimeSeconds) {
    return new MmcQueue(arrivalRatePerSecond, meanServiceTimeSeconds, 1);
  }

  /** {@return the offered load {@code A = λ·S}, in Erlangs, in (0, servers)} */
  public double offeredLoadErlangs() {
    return arrivalRatePerSecond * meanServiceTimeSeconds;
  }

  /** {@return the per-server utilisation {@code ρ = A/c}, a fraction in (0, 1)} */
  public double utilizationFraction() {
    return offeredLoadErlangs() / servers;
  }

  /** {@return the service rate of one server, {@code μ = 1/S}, in requests per second} */
  public double serviceRatePerSecond() {
    return 1 / meanServiceTimeSeconds;
  }

  /**
   * Returns the Erlang C probability that an arrival waits, {@code C(c, A)}; see
   * {@link ErlangTraffic#waitingProbability()}.
   *
   * @return the probability of waiting, in (0, 1)
   */
  public double waitProbability() {
    return new ErlangTraffic(servers, offeredLoadErlangs()).waitingProbability();
  }

  /**
   * Returns the decay rate of the waiting-time tail, {@code θ = cμ − λ}, in 1/second.
   *
   * <p>It is computed as {@code (c − A)/S}, the same quantity, from the offered load the constructor
   * checked against {@code c}: so it is &gt; 0 for every queue that passed that check. Computed as
   * {@code c·(1/S) − λ}, it rounds to 0 when λ is the saturation rate {@code c/S} in floating point
   * while {@code λ·S} is one ulp below {@code c}, which a fleet sized at exactly its measured capacity
   * produces; the tail's bracket was then infinite.
   *
   * @return θ, &gt; 0
   */
  public double waitDecayRatePerSecond() {
    return (servers - offeredLoadErlangs()) / meanServiceTimeSeconds;
  }

  /** {@return the mean wait in queue {@code Wq = C/(cμ − λ)}, in seconds (§1.1)} */
  public double meanWaitSeconds() {
    return waitProbability() / waitDecayRatePerSecond();
  }

  /** {@return the mean number waiting in queue {@code Lq = λ·Wq} (Little's law), in requests} */
  public double meanQueueLength() {
    return arrivalRatePerSecond * meanWaitSeconds();
  }

  /** {@return the mean sojourn (response) time {@code W = Wq + S}, in seconds} */
  public double meanSojournSeconds() {
    return meanWaitSeconds() + meanServiceTimeSeconds;
  }

  /** {@return the mean number in the system {@code L = λ·W} (Little's law), in requests} */
  public double meanNumberInSystem() {
    return arrivalRatePerSecond * meanSojournSeconds();
  }

  /**
   * Returns the probability that an arrival waits in queue longer than {@code t}:
   * {@code P(Wq > t) = C·e^{−(cμ−λ)t}} (§1.1).
   *
   * @param seconds the waiting time {@code t}, in seconds, finite and &gt;= 0
   * @return the probability, in (0, 1)
   * @throws IllegalArgumentException if {@code seconds} is negative or not finite
   */
  public double waitExceedanceProbability(double seconds) {
    requireTime(seconds);
    return waitProbability() * Math.exp(-waitDecayRatePerSecond() * seconds);
  }

  /**
   * Returns the {@code p}-quantile of the waiting time in queue: {@code ln(C/(1−p))/(cμ−λ)} when
   * {@code C > 1−p}, otherwise 0, because at least a fraction {@code p} of arrivals do not wait (§1.1).
   *
   * @param quantileFraction the quantile {@code p}, in (0, 1); 0.99 is the p99
   * @return the waiting-time quantile, in seconds, &gt;= 0
   * @throws IllegalArgumentException if {@code quantileFraction} is not in (0, 1)
   */
  public double waitQuantileSeconds(double quantileFraction) {
    requireQuantile(quantileFraction);
    double waitProbability = waitProbability();
    double tailFraction = 1 - quantileFraction;
    if (waitProbability <= tailFraction) {
      return 0;
    }
    return Math.log(waitProbability / tailFraction) / waitDecayRatePerSecond();
  }

  /**
   * Returns the probability that a request's sojourn time (wait plus service) exceeds {@code t}.
   *
   * <p>With {@code θ = cμ − λ}: {@code P(W > t) = (1−C)·e^{−μt} + C·(θe^{−μt} − μe^{−θt})/(θ − μ)},
   * whose second term tends to {@code C·e^{−μt}(1 + μt)} as θ → μ (§1.1; Gross et al. 2008, §2.3). It
   * is evaluated as {@code e^{−st}·(1 − s·expm1(−gt)/g)} with {@code s = min(θ, μ)} and
   * {@code g = |θ − μ|}, which is exact at θ = μ and free of cancellation near it.
   *
   * @param seconds the sojourn time {@code t}, in seconds, finite and &gt;= 0
   * @return the probability, in (0, 1]
   * @throws IllegalArgumentException if {@code seconds} is negative or not finite
   */
  public double sojournExceedanceProbability(double seconds) {
    requireTime(seconds);
    return sojournTail(waitProbability()).value(seconds);
  }

  /**
   * Returns the {@code p}-quantile of the sojourn time, the root of {@code P(W > t) = 1 − p}.
   *
   * <p>The root is found by Brent's method (commons-math3 {@link BrentSolver}) on
   * {@code ln P(W > t) − ln(1 − p)}, bracketed by 0 and {@code 2·max(ln(2C/(1−p))/θ, ln(2/(1−p))/μ)},
   * where the tail is at most {@code 1 − p} because {@code P(W > t) ≤ P(Wq > t/2) + P(S > t/2)}. For
   * M/M/1 it equals the closed form {@code −ln(1−p)/(μ−λ)}.
   *
   * @param quantileFraction the quantile {@code p}, in (0, 1); 0.99 is the p99
   * @return the sojourn-time quantile, in seconds, &gt; 0
   * @throws IllegalArgumentException if {@code quantileFraction} is not in (0, 1)
   */
  public double sojournQuantileSeconds(double quantileFraction) {
    requireQuantile(quantileFraction);
    double waitProbability = waitProbability();
    UnivariateFunction tail = sojournTail(waitProbability);
    double logTailFraction = Math.log1p(-quantileFraction);
    double upperSeconds = sojournUpperBracket(waitProbability, 1 - quantileFraction);
    BrentSolver solver = new BrentSolver(1e-14, 1e-15 * upperSeconds, 0);
    return solver.solve(MAX_SOLVER_EVALUATIONS, t -> Math.log(tail.value(t)) - logTailFraction, 0,
        upperSeconds);
  }

  private UnivariateFunction sojournTail(double waitProbability) {
    double mu = serviceRatePerSecond();
    double theta = waitDecayRatePerSecond();
    double slowRate = Math.min(mu, theta);
    double gapRate = Math.abs(theta - mu);
    return t -> (1 - waitProbability) * Math.exp(-mu * t)
        + waitProbability * Math.exp(-slowRate * t) * (1 + slowRate * t * relativeGap(gapRate, t));
  }

  /** Returns {@code −expm1(−g·t)/(g·t)}, which tends to 1 as {@code g·t → 0}. */
  private static double relativeGap(double gapRate, double t) {
    double exponent = gapRate * t;
    return exponent == 0 ? 1 : -Math.expm1(-exponent) / exponent;
  }

  private double sojournUpperBracket(double waitProbability, double tailFraction) {
    double waitBound = Math.log(2 * waitProbability / tailFraction) / waitDecayRatePerSecond();
    double serviceBound = Math.log(2 / tailFraction) / serviceRatePerSecond();
    return 2 * Math.max(waitBound, serviceBound);
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
    }
  }

  private static void requireTime(double seconds) {
    if (!(seconds >= 0 && Double.isFinite(seconds))) {
      throw new IllegalArgumentException("seconds must be finite and >= 0, but was " + seconds);
    }
  }

  private static void requireQuantile(double quantileFraction) {
    if (!(quantileFraction > 0 && quantileFraction < 1)) {
      throw new IllegalArgumentException(
          "quantileFraction must be in (0, 1), but was " + quantileFraction);
    }
  }
}
