package org.loadcast.cli;

import java.util.function.DoubleSupplier;
import org.loadcast.profile.RequestMix;

/**
 * Thins the replay's upper-bound injection down to the measured capacity, once the probe is over.
 *
 * <p>On the first arrival of the replay it asks for the measured capacity and fixes the admitted
 * fraction {@code q = min(1, capacity / top probe rate)}. Arrival {@code j} (in the order arrivals
 * reach the gate) is admitted when {@code floor((j+1)q) > floor(jq)}: exactly {@code floor(nq)} of
 * the first {@code n}, spread evenly (Bresenham's rule), so the replay keeps the profile's shape at
 * the scaled rate. When the probe did not saturate, {@code q = 1}: the replay runs at its upper
 * bound and the capacity is only a lower bound.
 *
 * <p>The capacity and the top probe rate are requests per second; the upper bound's peak is set in
 * requests per second too ({@link LoadTestPlan}), so {@code q} applies to arrivals of either kind.
 * With sessions an arrival is a session: admitting a fraction {@code q} of the sessions thins their
 * requests, on average, by the same fraction. {@link #targetPerSecond()} counts arrivals; {@link
 * LoadTestPlan#expectedRequests(double)} converts them to requests.
 *
 * <p>Several injectors ({@link InjectorShard}) cannot measure the capacity the whole run sees, so
 * their gates take a fixed fraction, the same in each; injector {@code i} of {@code N} counts its
 * {@code j}-th arrival as the run's arrival {@code i + jN} ({@link InjectorShard#globalOrdinal}), so
 * the injectors together admit exactly the arrivals one injector would at that fraction.
 *
 * <p>Thread-safe.
 */
public final class ReplayGate {
  private final LoadTestPlan plan;
  private final DoubleSupplier measuredCapacity;
  private final InjectorShard shard;
  private final boolean fixed;
  private double fraction = Double.NaN;
  private String failure = "";
  private long ordinal;

  /**
   * Creates the gate.
   *
   * @param plan the load-test plan
   * @param measuredCapacity gives the probe's measured capacity in requests per second; called once
   */
  public ReplayGate(LoadTestPlan plan, DoubleSupplier measuredCapacity) {
    this.plan = plan;
    this.measuredCapacity = measuredCapacity;
    this.shard = InjectorShard.SINGLE;
    this.fixed = false;
  }

  /**
   * Creates a gate with a fixed fraction, for one injector of several (or one that is told the
   * fraction).
   *
   * @param plan the load-test plan
   * @param shard the injector's shard of the run
   * @param fraction the admitted fraction, in {@code (0, 1]}
   * @throws IllegalArgumentException if the fraction is outside {@code (0, 1]}
   */
  public ReplayGate(LoadTestPlan plan, InjectorShard shard, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], but was " + fraction);
    }
    this.plan = plan;
    this.measuredCapacity = () -> {
      throw new IllegalStateException("a fixed gate measures nothing");
    };
    this.shard = shard;
    this.fixed = true;
    this.fraction = fraction;
  }

  /** Returns whether the fraction was given rather than measured from the probe. */
  public boolean fixed() {
    return fixed;
  }

  /** Returns whether the next replay arrival is sent: the run's arrival {@code k} when {@code floor((k+1)q) > floor(kq)}. */
  public synchronized boolean admit() {
    double q = fraction();
    long k = shard.globalOrdinal(ordinal++);
    return Math.floor((k + 1) * q) > Math.floor(k * q);
  }

  /**
   * Returns the admitted fraction, fixing it on the first call. When the capacity cannot be
   * measured (the probe's requests failed), the fraction is 0, no replay request is sent, and
   * {@link #failure()} says why.
   */
  public synchronized double fraction() {
    if (Double.isNaN(fraction)) {
      try {
        fraction = Math.min(1.0, measuredCapacity.getAsDouble() / plan.topProbeRatePerSecond());
      } catch (IllegalArgumentException e) {
        fraction = 0;
        failure = e.getMessage();
      }
    }
    return fraction;
  }

  /**
   * Returns the admitted fraction if it is fixed already, without fixing it: for a checkpoint taken
   * while the probe may still run.
   *
   * @return the fraction in {@code (0, 1]}; empty before the replay's first arrival, and when the
   *     capacity could not be measured (the fraction is 0)
   */
  public synchronized java.util.OptionalDouble fixedFraction() {
    return Double.isNaN(fraction) || fraction == 0 ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(fraction);
  }

  /** Returns why the capacity could not be measured, or empty when it was. */
  public synchronized String failure() {
    return failure;
  }

  /**
   * Returns the admitted arrivals the schedule asks for in each replay second, by the same rule as
   * {@link #admit()} applied to the cumulative upper-bound counts: the whole run's, whatever the
   * injector's shard.
   *
   * @return admitted arrivals (requests, or sessions) per replay second, in order
   */
  public synchronized long[] targetPerSecond() {
    double q = fraction();
    int[] upper = plan.upperSchedule().counts();
    long[] target = new long[upper.length];
    long cumulative = 0;
    for (int i = 0; i < upper.length; i++) {
      long next = cumulative + upper[i];
      target[i] = (long) Math.floor(next * q) - (long) Math.floor(cumulative * q);
      cumulative = next;
    }
    return target;
  }

  /**
   * Returns the requests per second the load test asks for in one of its seconds, from the plan:
   * the first probe rate during the warm-up, the step's rate during the probe, 0 during the drain,
   * and in the replay the schedule's arrivals of that second times {@link
   * RequestMix#requestsPerArrival()} (an expectation with sessions): thinned by the gate once its
   * fraction is fixed, the upper bound before. It never fixes the fraction itself, so asking does not
   * change what the gate admits.
   *
   * @param second seconds since the load test began, {@code >= 0}
   * @return requests per second, {@code >= 0}; 0 after the replay's last second
   * @throws IllegalArgumentException if {@code second < 0}
   */
  public synchronized double targetRequestsPerSecond(int second) {
    if (second < 0) {
      throw new IllegalArgumentException("second must be >= 0, but was " + second);
    }
    if (second < plan.probeStartSecond()) {
      return plan.probeRatesPerSecond().get(0);
    }
    if (second < plan.probeStartSecond() + plan.probeSeconds()) {
      return plan.probeRatesPerSecond().get((second - plan.probeStartSecond()) / plan.probeStepSeconds());
    }
    int replaySecond = second - plan.replayStartSecond();
    if (replaySecond < 0 || replaySecond >= plan.upperSchedule().stepCount()) {
      return 0;
    }
    double arrivals = Double.isNaN(fraction) ? plan.upperSchedule().count(replaySecond) : targetPerSecond()[replaySecond];
    return plan.expectedRequests(arrivals);
  }
}
