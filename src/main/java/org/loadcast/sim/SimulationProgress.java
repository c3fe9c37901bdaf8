package org.loadcast.sim;

/**
 * Hears how far a simulation has got, in simulated time. The simulation calls it from its own
 * thread at the end of each simulated minute; it reads no clock, so whoever listens owns the wall
 * clock (a progress bar, say).
 */
@FunctionalInterface
public interface SimulationProgress {
  /** A listener that ignores the progress. */
  SimulationProgress NONE = simulatedSeconds -> { };

  /**
   * Notes that the simulation has reached a simulated time.
   *
   * @param simulatedSeconds seconds since the run began, increasing from call to call, at most the
   *     run's duration
   */
  void reached(double simulatedSeconds);
}
