package org.loadcast.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.loadcast.capacity.GrowthSettings;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;

/**
 * A checked experiment, with its profile read and its policies built.
 *
 * @param file the experiment file
 * @param name the experiment's name
 * @param description free text
 * @param seed the run seed
 * @param profileFile the profile's file
 * @param profile the traffic profile
 * @param target the load-test target; its URL may be absent
 * @param loadTest the load test, if the experiment has one
 * @param horizonSeconds the simulated last stretch of the profile
 * @param peakInstances instances the peak of the scaled demand needs
 * @param peakUtilizationPercent the utilization at which they carry it
 * @param service the service model written in the experiment
 * @param instances the instance lifecycle and price
 * @param loadBalancing how requests are spread
 * @param requestTimeoutSeconds how long clients wait before they give up; infinite for no timeout
 * @param slo the latency objective
 * @param policies the policies, in report order, with their sweeps
 * @param frontier whether to run the cost-versus-SLO sweeps
 * @param frontierReference the policy the frontiers are compared with; empty when the experiment
 *     has no reactive policy
 * @param growth the growth projection and capacity plan settings, defaults filled in
 * @param growthSection whether the file has a {@code growth} section: only then does a run's report
 *     carry the capacity plan, which takes seconds and needs weeks of history
 */
public record Experiment(
    Path file, String name, String description, long seed, Path profileFile, TrafficProfile profile,
    ExperimentDocument.Target target, Optional<ExperimentDocument.LoadTest> loadTest,
    double horizonSeconds, double peakInstances, double peakUtilizationPercent,
    ServiceModel service, ExperimentDocument.Instances instances, LoadBalancing loadBalancing,
    double requestTimeoutSeconds, LatencySlo slo, List<NamedPolicy> policies, boolean frontier,
    Optional<String> frontierReference, GrowthSettings growth, boolean growthSection) {

  /** Copies the policy list. */
  public Experiment {
    policies = List.copyOf(policies);
  }

  /**
   * Returns the profile second where the replay starts.
   *
   * @throws IllegalStateException if the experiment has no load test
   */
  public double replayStartSeconds() {
    ExperimentDocument.Replay replay = loadTest.orElseThrow(() -> new IllegalStateException("the experiment has no load test")).replay();
    java.time.OffsetDateTime start = java.time.OffsetDateTime.parse(replay.startTime());
    return java.time.Duration.between(profile.startTime(), start).toMillis() / 1000.0;
  }

  /** Returns this experiment with another seed. */
  public Experiment withSeed(long newSeed) {
    return new Experiment(file, name, description, newSeed, profileFile, profile, target, loadTest, horizonSeconds,
        peakInstances, peakUtilizationPercent, service, instances, loadBalancing, requestTimeoutSeconds, slo, policies,
        frontier, frontierReference, growth, growthSection);
  }

  /** Returns the profile second where the horizon starts: the profile's end minus the horizon. */
  public double horizonStartSeconds() {
    return profile.rate().endSeconds() - horizonSeconds;
  }
}
