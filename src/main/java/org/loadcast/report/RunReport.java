package org.loadcast.report;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loadcast.sim.ElasticityMetrics;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.MinuteStats;

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
 * @param demanded the instances the demand needs per minute, for the elasticity metrics
 * @param elasticityReference the policy that elastic speedups are relative to: the first HPA
 *     policy; empty when there is none
 * @param frontiers the cost-versus-SLO frontiers of the policies' sweeps; empty when the experiment
 *     turned them off
 * @param forecast the rolling-origin evaluation of forecasts of the demand; empty when the history is
 *     too short
 * @param calibration what the load test's probe calibrated beyond the service model; empty without
 *     a load test
 * @param capacity the capacity plan and runway of {@code loadcast capacity} for this run's service
 *     model; empty when the experiment has no {@code growth} section or the plan was not computed
 * @param capacityNotComputed why the experiment's capacity plan could not be computed, such as too
 *     few daily peaks to fit the growth trend; empty when it was computed or not asked for
 */
public record RunReport(
    RunMetadata metadata, String experiment, String description, long seed, LatencySlo slo,
    ServiceSummary service, DemandSummary demand, List<PolicyOutcome> policies,
    Optional<LoadTestSummary> loadTest, List<String> notes, DemandedInstances demanded,
    Optional<String> elasticityReference, Optional<Frontiers> frontiers, Optional<ForecastEvaluation> forecast,
    Optional<CalibrationSummary> calibration, Optional<CapacityReport> capacity, Optional<String> capacityNotComputed) {

  /** The sampling step of the elasticity metrics: one minute, in seconds. */
  public static final double ELASTICITY_STEP_SECONDS = 60;

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if {@code elasticityReference} names no policy, or both
   *     {@code capacity} and {@code capacityNotComputed} are present
   */
  public RunReport {
    policies = List.copyOf(policies);
    notes = List.copyOf(notes);
    if (elasticityReference.isPresent()
        && policies.stream().noneMatch(p -> p.name().equals(elasticityReference.get()))) {
      throw new IllegalArgumentException(
          "elasticityReference must name a policy, but was " + elasticityReference.get());
    }
    if (capacity.isPresent() && capacityNotComputed.isPresent()) {
      throw new IllegalArgumentException("capacityNotComputed must be empty when capacity is present, but was '"
          + capacityNotComputed.get() + "'");
    }
  }

  /**
   * Returns a report without a capacity plan.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RunReport(
      RunMetadata metadata, String experiment, String description, long seed, LatencySlo slo,
      ServiceSummary service, DemandSummary demand, List<PolicyOutcome> policies,
      Optional<LoadTestSummary> loadTest, List<String> notes, DemandedInstances demanded,
      Optional<String> elasticityReference, Optional<Frontiers> frontiers, Optional<ForecastEvaluation> forecast,
      Optional<CalibrationSummary> calibration) {
    this(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes, demanded,
        elasticityReference, frontiers, forecast, calibration, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a report without calibration figures.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RunReport(
      RunMetadata metadata, String experiment, String description, long seed, LatencySlo slo,
      ServiceSummary service, DemandSummary demand, List<PolicyOutcome> policies,
      Optional<LoadTestSummary> loadTest, List<String> notes, DemandedInstances demanded,
      Optional<String> elasticityReference, Optional<Frontiers> frontiers, Optional<ForecastEvaluation> forecast) {
    this(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes, demanded,
        elasticityReference, frontiers, forecast, Optional.empty());
  }

  /**
   * Returns a report without frontiers or forecast evaluation.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public RunReport(
      RunMetadata metadata, String experiment, String description, long seed, LatencySlo slo,
      ServiceSummary service, DemandSummary demand, List<PolicyOutcome> policies,
      Optional<LoadTestSummary> loadTest, List<String> notes, DemandedInstances demanded,
      Optional<String> elasticityReference) {
    this(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes, demanded,
        elasticityReference, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Returns a policy's SPEC RG elasticity metrics: its time-averaged ready instances per minute
   * ({@link MinuteStats#meanReadyInstances()}) for accuracy and timeshare, and its ready instances
   * at the end of each minute ({@link MinuteStats#readyInstancesAtEnd()}) for instability and
   * jitter, against {@link #demanded()}, with Δt = 60 s.
   *
   * @param outcome one of this report's policies
   * @return the metrics; empty when the demand is unknown or covers other minutes than the run
   */
  public Optional<ElasticityMetrics> elasticity(PolicyOutcome outcome) {
    List<MinuteStats> minutes = outcome.result().minutes();
    if (!demanded.isKnown() || demanded.perMinute().size() != minutes.size()) {
      return Optional.empty();
    }
    List<Double> meanSupply = minutes.stream().map(MinuteStats::meanReadyInstances).toList();
    List<Double> endSupply = minutes.stream().map(m -> (double) m.readyInstancesAtEnd()).toList();
    return Optional.of(ElasticityMetrics.of(meanSupply, endSupply, demanded.perMinute(), ELASTICITY_STEP_SECONDS));
  }

  /**
   * Returns a policy's elastic speedup against {@link #elasticityReference()}
   * ({@link ElasticityMetrics#elasticSpeedup}); 1 for the reference itself.
   *
   * @param outcome one of this report's policies
   * @return the speedup; empty without a reference or without elasticity metrics
   */
  public OptionalDouble elasticSpeedup(PolicyOutcome outcome) {
    Optional<ElasticityMetrics> reference = elasticityReference
        .flatMap(name -> policies.stream().filter(p -> p.name().equals(name)).findFirst())
        .flatMap(this::elasticity);
    Optional<ElasticityMetrics> own = elasticity(outcome);
    return reference.isPresent() && own.isPresent()
        ? OptionalDouble.of(own.get().elasticSpeedup(reference.get())) : OptionalDouble.empty();
  }

  /** Returns this report with other metadata, such as the final duration. */
  public RunReport withMetadata(RunMetadata newMetadata) {
    return new RunReport(newMetadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes,
        demanded, elasticityReference, frontiers, forecast, calibration, capacity, capacityNotComputed);
  }

  /** Returns this report with the calibration figures of its load test. */
  public RunReport withCalibration(CalibrationSummary newCalibration) {
    return new RunReport(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes,
        demanded, elasticityReference, frontiers, forecast, Optional.of(newCalibration), capacity, capacityNotComputed);
  }

  /** Returns this report with the capacity plan of its service model. */
  public RunReport withCapacity(CapacityReport newCapacity) {
    return new RunReport(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, notes,
        demanded, elasticityReference, frontiers, forecast, calibration, Optional.of(newCapacity), Optional.empty());
  }

  /**
   * Returns this report saying why its capacity plan was not computed, in the capacity section and
   * as a note.
   *
   * @param reason why, such as the growth fit's error; it follows "capacity plan not computed: "
   * @return the report, without a capacity plan
   */
  public RunReport withCapacityNotComputed(String reason) {
    List<String> newNotes = new java.util.ArrayList<>(notes);
    newNotes.add("capacity plan not computed: " + reason);
    return new RunReport(metadata, experiment, description, seed, slo, service, demand, policies, loadTest, newNotes,
        demanded, elasticityReference, frontiers, forecast, calibration, Optional.empty(), Optional.of(reason));
  }
}
