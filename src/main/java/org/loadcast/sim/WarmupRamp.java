package org.loadcast.sim;

/**
 * The capacity of a warming instance: its workers run slower at first and reach full speed when the
 * instance becomes ready.
 *
 * <p>A worker of an instance that started serving {@code t} seconds ago runs at speed {@code f(t) =
 * f₀ + (1 − f₀)·t / W} for {@code t < W} and 1 afterwards, where {@code f₀} is {@code
 * initialCapacityFraction} and {@code W} is {@code warmupSeconds}. A request needing {@code s}
 * seconds of work at full speed (its drawn service time) that starts at {@code t₀} completes at the
 * {@code T} with {@code ∫ f(u) du over [t₀, T] = s}: work is conserved, so a request that runs into
 * the end of the warm-up finishes at full speed. With the cumulative work {@code F(t) = f₀·t + (1 −
 * f₀)·t² / (2W)} for {@code t <= W} and {@code F(W) + t − W} after, {@code T = F⁻¹(F(t₀) + s)}; below
 * {@code W} that is the positive root of a quadratic, taken in the form {@code 2c / (f₀ + √(f₀² +
 * 2(1 − f₀)c / W))} that loses no precision to cancellation (Goldberg, "What every computer scientist
 * should know about floating-point arithmetic", ACM Computing Surveys 23(1), 1991, §1.4).
 *
 * <p>Why a ramp: a new JVM or cache-cold instance serves slower until its JIT, pools and caches warm
 * up. The Kubernetes HPA ignores CPU samples for the first {@code cpu-initialization-period} (300 s)
 * and AWS excludes instances during their warm-up from the group metric for this reason
 * ({@code ../shared/reference/AUTOSCALING.md} §1.2, §1.5 and §8). The shape is Loadcast's
 * assumption: linear is the simplest ramp one number describes; measure {@code f₀} with a probe of a
 * cold instance.
 *
 * @param warmupSeconds {@code W}, the time from serving to ready, {@code >= 0}; 0 turns the ramp off
 * @param initialCapacityFraction {@code f₀}, the speed at the start of the warm-up, in [0, 1]; 1
 *     turns the ramp off
 */
public record WarmupRamp(double warmupSeconds, double initialCapacityFraction) {

  /** Validates the ramp. @throws IllegalArgumentException if a field is out of its range */
  public WarmupRamp {
    if (!(warmupSeconds >= 0) || !Double.isFinite(warmupSeconds)) {
      throw new IllegalArgumentException("warmupSeconds must be a finite number >= 0, but was " + warmupSeconds);
    }
    if (!(initialCapacityFraction >= 0 && initialCapacityFraction <= 1)) {
      throw new IllegalArgumentException("initialCapacityFraction must be in [0, 1], but was " + initialCapacityFraction);
    }
  }

  /** Returns whether the ramp changes nothing: full speed from the start, or no warm-up. */
  public boolean isFlat() {
    return initialCapacityFraction == 1 || warmupSeconds == 0;
  }

  /**
   * Returns the speed of a worker, {@code f(t)}, as a fraction of full speed.
   *
   * @param sinceServingSeconds {@code t}, seconds since the instance started serving, {@code >= 0}
   * @return a value in [{@code initialCapacityFraction}, 1]; 1 from {@code warmupSeconds} on
   */
  public double capacityFraction(double sinceServingSeconds) {
    if (sinceServingSeconds >= warmupSeconds) {
      return 1;
    }
    return initialCapacityFraction + (1 - initialCapacityFraction) * sinceServingSeconds / warmupSeconds;
  }

  /**
   * Returns how long a worker takes for a request started during or after the warm-up.
   *
   * @param startSinceServingSeconds {@code t₀}, seconds since the instance started serving when the
   *     request starts, {@code >= 0}
   * @param workSeconds {@code s}, the request's service time at full speed, {@code >= 0}
   * @return {@code T − t₀} in seconds, {@code >= workSeconds}; exactly {@code workSeconds} when the
   *     ramp {@link #isFlat}, {@code t₀ >= warmupSeconds} or {@code s = 0}
   */
  public double elapsedSeconds(double startSinceServingSeconds, double workSeconds) {
    if (isFlat() || startSinceServingSeconds >= warmupSeconds || workSeconds == 0) {
      return workSeconds;
    }
    double target = work(startSinceServingSeconds) + workSeconds;
    double rampWork = warmupSeconds * (1 + initialCapacityFraction) / 2;
    if (target >= rampWork) {
      return warmupSeconds + (target - rampWork) - startSinceServingSeconds;
    }
    double f0 = initialCapacityFraction;
    double end = 2 * target / (f0 + Math.sqrt(f0 * f0 + 2 * (1 - f0) * target / warmupSeconds));
    return end - startSinceServingSeconds;
  }

  /** Returns {@code F(t)} for {@code t <= W}: the work done by one worker since serving began. */
  private double work(double t) {
    return initialCapacityFraction * t + (1 - initialCapacityFraction) * t * t / (2 * warmupSeconds);
  }
}
