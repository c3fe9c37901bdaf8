package org.loadcast.sim;

/**
 * How the simulator turns its demand curve into arrival instants: a closed set of two processes.
 *
 * <p>Both invert the cumulative integral {@code Λ(t)} of the demand rate: the k-th arrival (k = 1,
 * 2, ...) falls where {@code Λ} reaches a target. They differ in the targets.
 */
public enum ArrivalProcess {
  /**
   * A non-homogeneous Poisson process: the gaps between targets are Exp(1) draws from the {@code
   * "arrivals"} stream (Law, "Simulation Modeling and Analysis", 5th ed., §8.6.2). What arrives
   * from an open population of independent users.
   */
  POISSON,
  /**
   * Evenly spaced in expected arrivals: the targets are {@code k − 1/2}. On a step curve of {@code
   * n} arrivals per second this puts them at {@code (j + 1/2)/n} into each second, as Gatling's
   * {@code constantUsersPerSec(n)} spaces its users; a load test's replay is simulated with it. It
   * draws nothing from the {@code "arrivals"} stream.
   */
  EVENLY_SPACED
}
