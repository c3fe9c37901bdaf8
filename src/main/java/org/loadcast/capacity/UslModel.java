package org.loadcast.capacity;

/**
 * Gunther's Universal Scalability Law: the throughput of a system at concurrency N,
 * {@code X(N) = λN / (1 + σ(N−1) + κN(N−1))}.
 *
 * <p>σ is contention (the serial fraction, "alpha" in R {@code usl}), κ is coherency (crosstalk,
 * "beta") and λ the throughput of one worker without either ("gamma"). Formulas follow Gunther,
 * <i>Guerrilla Capacity Planning</i> (Springer, 2007), ch. 4, and Schwartz, <i>Practical Scalability
 * Analysis with the Universal Scalability Law</i> (VividCortex, 2015), equations 3–9, as summarised
 * in {@code REFERENCE.md} §2.
 *
 * @param sigma the contention coefficient σ, in [0, 1)
 * @param kappa the coherency coefficient κ, finite and &gt;= 0; 0 is Amdahl's law
 * @param lambdaPerSecond the ideal throughput of one worker λ, in requests per second, finite and
 *     &gt; 0
 */
public record UslModel(double sigma, double kappa, double lambdaPerSecond) {

  /**
   * Validates the coefficients.
   *
   * @throws IllegalArgumentException if {@code sigma} is not in [0, 1), if {@code kappa} is negative
   *     or not finite, or if {@code lambdaPerSecond} is not a finite number &gt; 0
   */
  public UslModel {
    if (!(sigma >= 0 && sigma < 1)) {
      throw new IllegalArgumentException("sigma must be in [0, 1), but was " + sigma);
    }
    if (!(kappa >= 0 && Double.isFinite(kappa))) {
      throw new IllegalArgumentException("kappa must be finite and >= 0, but was " + kappa);
    }
    if (!(lambdaPerSecond > 0 && Double.isFinite(lambdaPerSecond))) {
      throw new IllegalArgumentException(
          "lambdaPerSecond must be finite and > 0, but was " + lambdaPerSecond);
    }
  }

  /**
   * Returns the throughput at a concurrency, {@code X(N)} (Schwartz 2015, eq. 3).
   *
   * @param concurrency the number of concurrent workers or requests N, &gt; 0
   * @return the throughput, in requests per second
   */
  public double throughputPerSecondAt(double concurrency) {
    return throughput(sigma, kappa, lambdaPerSecond, concurrency);
  }

  /**
   * Returns the mean latency at a concurrency, {@code R(N) = (1 + σ(N−1) + κN(N−1))/λ}
   * (Schwartz 2015, eq. 6; it is {@code N/X(N)} by Little's law).
   *
   * @param concurrency the number of concurrent workers or requests N, &gt; 0
   * @return the latency, in seconds
   */
  public double latencySecondsAt(double concurrency) {
    return concurrency / throughputPerSecondAt(concurrency);
  }

  /**
   * Returns the concurrency of peak throughput, {@code N_peak = √((1−σ)/κ)} (Schwartz 2015, eq. 4),
   * not rounded; usl4j's {@code maxConcurrency()} is its floor.
   *
   * @return N_peak, &gt; 0, or positive infinity when κ = 0 (throughput then rises towards λ/σ)
   */
  public double peakConcurrency() {
    return Math.sqrt((1 - sigma) / kappa);
  }

  /**
   * Returns the peak throughput {@code X(N_peak)}, as R {@code usl}'s {@code peak.scalability} does.
   *
   * @return the peak throughput, in requests per second; the Amdahl limit λ/σ when κ = 0, or positive
   *     infinity when σ = κ = 0
   */
  public double peakThroughputPerSecond() {
    return kappa == 0 ? lambdaPerSecond / sigma : throughputPerSecondAt(peakConcurrency());
  }

  /**
   * Returns the mean latency at a throughput, {@code R(X) = (σ−1)/(σX−λ)} (Schwartz 2015, eq. 8).
   * This inverse ignores κ: it holds on the contention-only branch, as in usl4j.
   *
   * @param throughputPerSecond the throughput X, in requests per second, &gt; 0 and below λ/σ
   * @return the latency, in seconds
   */
  public double latencySecondsAtThroughput(double throughputPerSecond) {
    return (sigma - 1) / (sigma * throughputPerSecond - lambdaPerSecond);
  }

  /**
   * Returns the concurrency at a throughput, {@code N(X) = X·R(X)}, on the same contention-only branch.
   *
   * @param throughputPerSecond the throughput X, in requests per second, &gt; 0 and below λ/σ
   * @return the concurrency N
   */
  public double concurrencyAtThroughput(double throughputPerSecond) {
    return throughputPerSecond * latencySecondsAtThroughput(throughputPerSecond);
  }

  /**
   * Returns the throughput at a mean latency on the rising branch,
   * {@code X(R) = (√(σ² + κ² + 2κ(2λR + σ − 2)) − κ + σ) / (2κR)} (Schwartz 2015, eq. 9).
   *
   * @param latencySeconds the mean latency R, in seconds, at least {@code 1/λ}
   * @return the throughput, in requests per second
   * @throws IllegalStateException if κ = 0, where this form divides by zero
   */
  public double throughputPerSecondAtLatency(double latencySeconds) {
    if (kappa == 0) {
      throw new IllegalStateException("throughput at a latency needs kappa > 0, but kappa is 0");
    }
    double root = Math.sqrt(sigma * sigma + kappa * kappa
        + 2 * kappa * (2 * lambdaPerSecond * latencySeconds + sigma - 2));
    return (root - kappa + sigma) / (2 * kappa * latencySeconds);
  }

  /** Returns {@code X(N)} for any coefficients, including the negative κ a fit may probe. */
  static double throughput(double sigma, double kappa, double lambdaPerSecond, double concurrency) {
    double penalty = 1 + sigma * (concurrency - 1) + kappa * concurrency * (concurrency - 1);
    return lambdaPerSecond * concurrency / penalty;
  }
}
