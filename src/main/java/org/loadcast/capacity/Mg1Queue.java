package org.loadcast.capacity;

/**
 * A stable M/G/1 queue: Poisson arrivals, one FIFO server, and a general service-time distribution
 * described by its mean and squared coefficient of variation.
 *
 * <p>The mean wait is the Pollaczek–Khinchine formula
 * {@code Wq = λE[S²]/(2(1−ρ)) = ρ(1 + Cs²)/(2(1−ρ))·E[S]} (Kleinrock, <i>Queueing Systems</i> Vol. 1,
 * 1975, ch. 5; {@code REFERENCE.md} §1.1 and §1.6). {@code Cs² = 0} is M/D/1, {@code 1} is M/M/1, and
 * {@code 4} a balanced-means hyperexponential.
 *
 * @param arrivalRatePerSecond the Poisson arrival rate λ, in requests per second, finite and &gt; 0
 * @param meanServiceTimeSeconds the mean service time {@code E[S]}, in seconds, finite and &gt; 0
 * @param serviceTimeSquaredCv the squared coefficient of variation of service,
 *     {@code Cs² = Var[S]/E[S]²}, finite and &gt;= 0
 */
public record Mg1Queue(double arrivalRatePerSecond, double meanServiceTimeSeconds,
    double serviceTimeSquaredCv) {

  /**
   * Validates the queue, including its stability.
   *
   * @throws IllegalArgumentException if a rate or time is not a finite number &gt; 0, if
   *     {@code serviceTimeSquaredCv} is negative or not finite, or if the utilisation {@code λ·E[S]}
   *     is not below 1
   */
  public Mg1Queue {
    requirePositive("arrivalRatePerSecond", arrivalRatePerSecond);
    requirePositive("meanServiceTimeSeconds", meanServiceTimeSeconds);
    if (!(serviceTimeSquaredCv >= 0 && Double.isFinite(serviceTimeSquaredCv))) {
      throw new IllegalArgumentException(
          "serviceTimeSquaredCv must be finite and >= 0, but was " + serviceTimeSquaredCv);
    }
    double utilization = arrivalRatePerSecond * meanServiceTimeSeconds;
    if (!(utilization < 1)) {
      throw new IllegalArgumentException("utilization " + utilization + " (arrivalRatePerSecond "
          + arrivalRatePerSecond + " × meanServiceTimeSeconds " + meanServiceTimeSeconds
          + ") must be < 1 for a stable queue");
    }
  }

  /** {@return the server utilisation {@code ρ = λ·E[S]}, a fraction in (0, 1)} */
  public double utilizationFraction() {
    return arrivalRatePerSecond * meanServiceTimeSeconds;
  }

  /** {@return the probability that an arrival does not wait, {@code 1 − ρ}, for every M/G/1} */
  public double noWaitProbability() {
    return 1 - utilizationFraction();
  }

  /** {@return the Pollaczek–Khinchine mean wait in queue {@code Wq}, in seconds} */
  public double meanWaitSeconds() {
    double rho = utilizationFraction();
    return rho * (1 + serviceTimeSquaredCv) / (2 * (1 - rho)) * meanServiceTimeSeconds;
  }

  /** {@return the mean number waiting in queue {@code Lq = λ·Wq} (Little's law), in requests} */
  public double meanQueueLength() {
    return arrivalRatePerSecond * meanWaitSeconds();
  }

  /** {@return the mean sojourn (response) time {@code W = Wq + E[S]}, in seconds} */
  public double meanSojournSeconds() {
    return meanWaitSeconds() + meanServiceTimeSeconds;
  }

  /** {@return the mean number in the system {@code L = λ·W} (Little's law), in requests} */
  public double meanNumberInSystem() {
    return arrivalRatePerSecond * meanSojournSeconds();
  }

  private static void requirePositive(String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(name + " must be finite and > 0, but was " + value);
    }
  }
}
