package org.loadcast.report;

import java.util.List;
import java.util.Optional;
import org.loadcast.sim.LatencySlo;

/**
 * Everything a run's report shows.
 *
 * @param metadata facts about the run
 * @param experiment the experiment's name
 * @param description the experiment's description
 * @param seed the run seed
 * @param slo the latency objective
 * @param service the simulated service model
 * @param demand the simulated demand
 * @param policies one outcome per policy, in the experiment's order; the first is the reference
 * @param loadTest the load test, when one ran
 * @param notes what a reader should know about the run, such as data that was bridged
 */
public record RunReport(
    RunMetadata metadata, String experiment, String description, long seed, LatencySlo slo,
    ServiceSummary service, DemandSummary demand, List<PolicyOutcome> policies,
    Optional<LoadTestSummary> loadTest, List<String> notes) {

  /** Copies the lists. */
  public RunReport {
    policies = List.copyOf(policies);
    notes = List.copyOf(notes);
  }

  /** Returns this report with other metadata, such as the final duration. */
  public RunReport withMetadata(RunMetadata newMetadata) {
    return new RunReport(newMetadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes);
  }
}
