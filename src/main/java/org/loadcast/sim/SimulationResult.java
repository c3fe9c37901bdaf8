package org.loadcast.sim;

import java.util.List;

/**
 * What a simulation run produced.
 *
 * @param durationSeconds the horizon
 * @param minutes one entry per minute, in time order; the last may cover less than 60 s
 * @param totals whole-run figures
 * @param actions every change of the desired replicas, in time order
 */
public record SimulationResult(
    double durationSeconds, List<MinuteStats> minutes, SimulationTotals totals, List<ScalingAction> actions) {

  /** Copies the lists. */
  public SimulationResult {
    minutes = List.copyOf(minutes);
    actions = List.copyOf(actions);
  }
}
