package org.loadcast.sim;

import org.loadcast.profile.RateCurve;

/**
 * Everything a simulation run needs except the autoscaler: the demand, the service, the SLO, the
 * horizon and the seed.
 *
 * @param demand the arrival rate in requests per second, against profile seconds; no missing
 *     range may fall inside the horizon (bridge it first)
 * @param fromSeconds the profile second at which simulation time 0 falls, within the curve
 * @param durationSeconds the horizon, a whole number of seconds {@code >= 60}; {@code fromSeconds +
 *     durationSeconds} must lie within the curve
 * @param cluster the simulated service
 * @param slo the latency objective the run is measured against
 * @param seed the run seed; each source of randomness derives its own stream from it
 * @param arrivalProcess how the demand becomes arrival instants
 */
public record SimulationSpec(
    RateCurve demand, double fromSeconds, double durationSeconds, ClusterConfig cluster, LatencySlo slo, long seed,
    ArrivalProcess arrivalProcess) {

  /**
   * Creates a specification whose arrivals are a non-homogeneous Poisson process.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public SimulationSpec(
      RateCurve demand, double fromSeconds, double durationSeconds, ClusterConfig cluster, LatencySlo slo, long seed) {
    this(demand, fromSeconds, durationSeconds, cluster, slo, seed, ArrivalProcess.POISSON);
  }

  /**
   * Validates the specification.
   *
   * @throws IllegalArgumentException if the horizon leaves the curve, is not whole seconds, or
   *     holds missing data, or a field is null
   */
  public SimulationSpec {
    if (demand == null || cluster == null || slo == null || arrivalProcess == null) {
      throw new IllegalArgumentException("demand, cluster, slo and arrivalProcess are required");
    }
    if (!(durationSeconds >= 60) || durationSeconds != Math.rint(durationSeconds)) {
      throw new IllegalArgumentException("durationSeconds must be a whole number >= 60, but was " + durationSeconds);
    }
    if (fromSeconds < demand.startSeconds() || fromSeconds + durationSeconds > demand.endSeconds()) {
      throw new IllegalArgumentException("the horizon [" + fromSeconds + ", " + (fromSeconds + durationSeconds)
          + ") must lie within the demand curve [" + demand.startSeconds() + ", " + demand.endSeconds() + "]");
    }
    double missing = demand.missingSeconds(fromSeconds, fromSeconds + durationSeconds);
    if (missing > 0) {
      throw new IllegalArgumentException("the horizon holds " + missing + " s of missing demand; bridge the curve first");
    }
  }
}
