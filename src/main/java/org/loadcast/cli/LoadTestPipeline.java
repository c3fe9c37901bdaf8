package org.loadcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.dashboard.DashboardSecond;
import org.loadcast.hotspot.CodeProfiler;
import org.loadcast.hotspot.EndpointHotspots;
import org.loadcast.hotspot.HotspotReport;
import org.loadcast.hotspot.RegressionRule;
import org.loadcast.report.Fidelity;
import org.loadcast.report.LoadTestSummary;
import org.loadcast.report.ReportWriter;
import org.loadcast.report.RunMetadata;
import org.loadcast.report.RunReport;
import org.loadcast.results.ProbeStepMeasurement;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.SecondResult;
import org.loadcast.sim.ServiceTime;

/**
 * The end of {@code mvn gatling:test}: write the load test's results, calibrate the service model
 * from the probe, simulate every policy with it, and write the report. The Gatling simulation
 * hands over here, so that it stays thin and the pipeline is the one {@code loadcast simulate}
 * uses.
 */
public final class LoadTestPipeline {
  private LoadTestPipeline() {}

  /**
   * Calibrates the service model from the probe part of a load test's results.
   *
   * @param plan the load test's plan
   * @param seconds the results so far, from second 0
   * @return the calibration
   * @throws IllegalArgumentException if the probe completed no request in a steady step
   */
  public static ServiceCalibration calibrate(LoadTestPlan plan, List<SecondResult> seconds) {
    return ServiceCalibration.fromProbe(probeSteps(plan, seconds));
  }

  private static List<ProbeStepMeasurement> probeSteps(LoadTestPlan plan, List<SecondResult> seconds) {
    return ProbeStepMeasurement.measure(seconds, plan.probeStartSecond(), plan.probeRatesPerSecond(), plan.probeStepSeconds());
  }

  /** The share of failed requests above which a load test is not used: 5 %. */
  public static final double MAX_FAILED_SHARE = 0.05;

  /** Thrown when a load test's results cannot calibrate a model: too many failures, or no steady step. */
  public static final class LoadTestFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean tooManyFailures;

    LoadTestFailedException(String message, boolean tooManyFailures) {
      super(message);
      this.tooManyFailures = tooManyFailures;
    }

    /** Returns whether the cause is the share of failed requests, which Gatling's assertion also catches. */
    public boolean tooManyFailures() {
      return tooManyFailures;
    }
  }

  /**
   * Finishes a run after the load test.
   *
   * @param run where and when the run happens
   * @param experiment the experiment
   * @param plan the load test's plan
   * @param gate the replay's gate, with its admitted fraction fixed
   * @param seconds the load test's results, from second 0
   * @param code what profiling the system under test found
   * @param dashboard every second of the load test as the live dashboard shows it; empty for none
   * @return the report's directory
   * @throws UncheckedIOException if a file cannot be written
   * @throws LoadTestFailedException if more than 5 % of the requests failed or the probe cannot
   *     calibrate a model; the results are written all the same, the report is not
   */
  public static Path finish(
      LoadTestRun run, Experiment experiment, LoadTestPlan plan, ReplayGate gate, List<SecondResult> seconds,
      CodeProfiler.Result code, List<DashboardSecond> dashboard) {
    return finish(run, experiment, plan, gate, seconds, code, dashboard, null);
  }

  /**
   * Finishes a run after the load test, as {@link #finish(LoadTestRun, Experiment, LoadTestPlan,
   * ReplayGate, List, CodeProfiler.Result, List)} does, for a load test that may have been
   * interrupted: its report is then marked partial.
   *
   * @param interruption how far an interrupted load test got, whose probe completed; null when it ran
   *     to its end
   * @return the report's directory
   * @throws UncheckedIOException if a file cannot be written
   * @throws LoadTestFailedException as the other overload
   */
  static Path finish(
      LoadTestRun run, Experiment experiment, LoadTestPlan plan, ReplayGate gate, List<SecondResult> seconds,
      CodeProfiler.Result code, List<DashboardSecond> dashboard, org.loadcast.report.LoadTestInterruption interruption) {
    Path directory = run.reportsDirectory().resolve(run.runId());
    try {
      ResultFiles.write(directory.resolve("results"), seconds, run.startedAt().toEpochMilli());
      checkFailures(seconds, directory.resolve("results"));
      ServiceCalibration calibration;
      try {
        calibration = calibrate(plan, seconds);
      } catch (IllegalArgumentException e) {
        throw new LoadTestFailedException(e.getMessage() + "; the results are in " + directory.resolve("results"), false);
      }
      ResultFiles.writeAtomically(directory.resolve("results").resolve("probe-steps.csv"), probeCsv(calibration));
      ServiceModel service = calibratedModel(experiment, calibration, run.runId());
      LoadTestSummary summary = summary(run, plan, gate, seconds, calibration, service, experiment.seed(), interruption != null)
          .withCodeAndDashboard(code, dashboard);
      if (interruption != null) {
        summary = summary.withInterruption(interruption);
      }
      ResultFiles.writeAtomically(directory.resolve("results").resolve("replay.csv"), replayCsv(summary));
      System.err.println("Fidelity: " + summary.fidelity().headline());
      double arrivals = Experiments.expectedArrivals(experiment.profile(), experiment.horizonSeconds(),
          experiment.peakInstances(), experiment.peakUtilizationPercent(), service);
      if (!(arrivals <= Experiments.MAX_SIMULATED_ARRIVALS)) {
        throw new LoadTestFailedException(String.format(Locale.ROOT, "the calibrated capacity (%.4g requests per second per "
            + "instance) makes %.3g arrivals over the horizon, more than the %.0g one simulation may draw: lower "
            + "simulation.peakInstances in %s", service.capacityPerSecond(), arrivals, Experiments.MAX_SIMULATED_ARRIVALS,
            experiment.file()), false);
      }
      RunMetadata metadata = new RunMetadata(RunFiles.version(), run.runId(), run.commandLine(),
          run.startedAt().toString(), 0, RunFiles.inputDigests(experiment));
      RunReport report = ExperimentRun.simulate(experiment, service, Optional.of(summary), metadata,
          Runtime.getRuntime().availableProcessors(),
          ExperimentRun.progressMeter(experiment, System::nanoTime, new java.io.PrintWriter(System.err, true)));
      // the model this load test calibrated, as `loadcast capacity EXP --results RUN/results` would read it back
      report = CapacityAnalysis.addTo(report, experiment, Optional.of(new ResultsCalibration(run.runId(), calibration, service)));
      double elapsed = Duration.between(run.startedAt(), Instant.now()).toMillis() / 1000.0;
      report = report.withCalibration(CalibrationAnalysis.summarize(calibration, probeSteps(plan, seconds), service,
          experiment.slo(), experiment.seed(), report.demand().peakRatePerSecond()));
      report = report.withMetadata(new RunMetadata(metadata.loadcastVersion(), metadata.runId(),
          metadata.commandLine(), metadata.startedAt(), elapsed, metadata.inputSha256()));
      ReportWriter.write(report, directory);
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkFailures(List<SecondResult> seconds, Path results) {
    long completed = seconds.stream().mapToLong(SecondResult::completed).sum();
    long failed = seconds.stream().mapToLong(SecondResult::failed).sum();
    if (completed == 0 || failed > MAX_FAILED_SHARE * completed) {
      java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>();
      seconds.forEach(s -> s.statusCounts().forEach((status, n) -> statuses.merge(status, n, Long::sum)));
      StringBuilder byStatus = new StringBuilder();
      statuses.forEach((status, n) -> byStatus.append(byStatus.length() == 0 ? "" : ", ")
          .append(statusLabel(status)).append(": ").append(n));
      throw new LoadTestFailedException(String.format(Locale.ROOT,
          "%d of %d requests failed (%s), more than %.0f %%: the target is down, refuses the load or answers errors, "
              + "so it cannot calibrate a model; the results are in %s", failed, completed,
          byStatus.length() == 0 ? (completed == 0 ? "none completed" : "statuses not recorded") : byStatus, 100 * MAX_FAILED_SHARE, results), true);
    }
  }

  /**
   * Returns the service model the simulator runs after a load test: the calibrated workers, the
   * measured latency histogram of the probe's low-load steps as the service time ({@link
   * ServiceTime.Empirical}), and the experiment's queue limit.
   *
   * <p>The histogram is scaled by {@code workers / (capacity × its mean)}, so that the workers over
   * the mean service time give back the measured capacity exactly, as the log-normal's scaled median
   * did before; the factor is near 1 and is named in the origin. The histogram replaces the fitted
   * log-normal because it is what was measured: its shape and tail need no assumption, and the
   * fidelity check compares the simulator against the same target's replay. The log-normal fit stays
   * in the calibration and the report.
   */
  static ServiceModel calibratedModel(Experiment experiment, ServiceCalibration c, String runId) {
    return calibratedModel(experiment.service().maxQueueLength(), c, runId);
  }

  /**
   * Returns the calibrated service model with a given queue limit, as {@link #calibratedModel(Experiment,
   * ServiceCalibration, String)} describes it.
   *
   * @param maxQueueLength requests one instance holds waiting, {@code >= 0}
   * @param c the calibration
   * @param runId the run, named in the model's origin
   * @return the model: {@code c.workers()} workers and the scaled measured histogram
   * @throws IllegalArgumentException if {@code maxQueueLength < 0}
   */
  public static ServiceModel calibratedModel(int maxQueueLength, ServiceCalibration c, String runId) {
    ServiceTime.Empirical measured = ServiceTime.Empirical.of(c.serviceTime().latencyMicros(), 1e-6);
    double scale = c.workers() / (c.capacityPerSecond() * measured.meanSeconds());
    ServiceTime.Empirical scaled = ServiceTime.Empirical.of(c.serviceTime().latencyMicros(), 1e-6 * scale);
    String origin = String.format(Locale.ROOT,
        "calibrated from the probe of run %s: capacity %.1f requests per second (the highest throughput%s); the service "
            + "time is the measured latency histogram of the low-load step%s at %s requests per second (%d requests, "
            + "mean %.1f ms; a log-normal fit gives median %.1f ms, σ %.2f); %d worker%s, the capacity times the mean "
            + "service time (Little's law); the histogram scaled by %.4f so that the workers carry exactly that capacity",
        runId, c.capacityPerSecond(), c.saturated() ? ", at saturation" : "; no step saturated, so it is a lower bound",
        c.serviceTime().stepOfferedRatesPerSecond().size() == 1 ? "" : "s",
        rates(c.serviceTime().stepOfferedRatesPerSecond()), c.serviceTime().sampleCount(),
        measured.meanSeconds() * 1000, c.fittedMedianSeconds() * 1000, c.serviceTimeSigma(), c.workers(),
        c.workers() == 1 ? "" : "s", scale);
    return new ServiceModel(c.workers(), maxQueueLength, scaled, origin);
  }

  private static String rates(List<Double> rates) {
    return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
  }

  /**
   * Returns the load test's summary. A replay second the results do not reach counts as nothing
   * sent, as when the replay was not sent; in a partial report it is left out, since it did not run.
   */
  private static LoadTestSummary summary(LoadTestRun run, LoadTestPlan plan, ReplayGate gate, List<SecondResult> seconds,
      ServiceCalibration calibration, ServiceModel service, long seed, boolean partial) {
    long[] target = targetRequestsPerSecond(plan, gate);
    List<LoadTestSummary.ReplaySecond> replay = new ArrayList<>();
    for (int i = 0; i < target.length; i++) {
      int index = plan.replayStartSecond() + i;
      if (index >= seconds.size() && partial) {
        break;
      }
      if (index >= seconds.size()) {
        replay.add(new LoadTestSummary.ReplaySecond(i, target[i], 0, 0, 0, Double.NaN));
        continue;
      }
      SecondResult s = seconds.get(index);
      Histogram all = s.allLatencyMicros();
      replay.add(new LoadTestSummary.ReplaySecond(i, target[i], s.started(), s.completed(), s.failed(),
          all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(95) / 1000.0));
    }
    double compression = plan.replayProfileSeconds() / plan.upperSchedule().stepCount();
    return new LoadTestSummary(run.target(), calibration, compression, plan.upperRateScale() * gate.fraction(),
        plan.replayStartSecond(), replay, run.gatlingReport(),
        fidelity(plan, seconds, target.length, calibration, service, seed), phaseCounts(seconds), hotspots(plan, seconds));
  }

  /**
   * Returns the replay's endpoint hotspots: the request names ranked by their share of the time
   * ({@link EndpointHotspots#rankReplay}), and their p95 per replay window against the probe step at
   * the same load ({@link EndpointHotspots#regressions}, {@link RegressionRule#DEFAULT}). The code
   * hotspots (JDK Flight Recorder) come from the simulation, which profiles while it runs.
   *
   * @param plan the load test's plan, for the probe's layout
   * @param seconds the load test's results
   * @return the hotspots, without methods
   */
  static HotspotReport hotspots(LoadTestPlan plan, List<SecondResult> seconds) {
    return new HotspotReport(EndpointHotspots.rankReplay(seconds), EndpointHotspots.regressions(seconds,
        plan.probeStartSecond(), plan.probeRatesPerSecond(), plan.probeStepSeconds(), RegressionRule.DEFAULT), null, "");
  }

  /** Returns how people read a recorded status: "HTTP 503", or "no response" for status 0. */
  static String statusLabel(int status) {
    return status == 0 ? "no response" : "HTTP " + status;
  }

  /**
   * Returns the requests of each phase that has seconds, in the phases' order, with the completions
   * by status ("no response" for status 0).
   *
   * @param seconds the load test's results
   * @return one entry per phase present
   */
  static List<LoadTestSummary.PhaseCounts> phaseCounts(List<SecondResult> seconds) {
    List<LoadTestSummary.PhaseCounts> phases = new ArrayList<>();
    for (org.loadcast.results.Phase phase : org.loadcast.results.Phase.values()) {
      List<SecondResult> in = seconds.stream().filter(s -> s.phase() == phase).toList();
      if (in.isEmpty()) {
        continue;
      }
      java.util.TreeMap<Integer, Long> statuses = new java.util.TreeMap<>();
      in.forEach(s -> s.statusCounts().forEach((status, n) -> statuses.merge(status, n, Long::sum)));
      java.util.Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
      statuses.forEach((status, n) -> byStatus.put(statusLabel(status), n));
      phases.add(new LoadTestSummary.PhaseCounts(phase.fileName(), in.size(), in.stream().mapToLong(SecondResult::started).sum(),
          in.stream().mapToLong(SecondResult::completed).sum(), in.stream().mapToLong(SecondResult::failed).sum(), byStatus));
    }
    return phases;
  }

  /**
   * Simulates the replay with the calibrated model and compares it with what the load test measured.
   *
   * @param plan the load test's plan
   * @param seconds the load test's results, from second 0
   * @param replaySeconds the replay's length in seconds
   * @param calibration the probe's calibration, whose low-load steps give the client offset
   * @param service the calibrated model
   * @param seed the run seed
   * @return the comparison, over the replay seconds the results hold
   */
  static Fidelity fidelity(LoadTestPlan plan, List<SecondResult> seconds, int replaySeconds,
      ServiceCalibration calibration, ServiceModel service, long seed) {
    int from = Math.min(plan.replayStartSecond(), seconds.size());
    int to = Math.min(plan.replayStartSecond() + replaySeconds, seconds.size());
    return Fidelity.evaluate(calibration.steps(), seconds.subList(from, to), service.workersPerInstance(),
        service.serviceTime(), seed);
  }

  /**
   * Returns the requests the replay asks for in each second: the gate's admitted arrivals, times
   * the expected requests per session when the mix has sessions (rounded so that the running total
   * stays within half a request of the expectation). A session's requests follow its arrival over
   * its think times, so with sessions a second's figure is what its arrivals are worth, not what is
   * sent in it.
   */
  static long[] targetRequestsPerSecond(LoadTestPlan plan, ReplayGate gate) {
    long[] arrivals = gate.targetPerSecond();
    if (plan.mix().sessions() == null) {
      return arrivals;
    }
    long[] requests = new long[arrivals.length];
    double expected = 0;
    long sent = 0;
    for (int i = 0; i < arrivals.length; i++) {
      expected += plan.expectedRequests(arrivals[i]);
      requests[i] = Math.round(expected) - sent;
      sent += requests[i];
    }
    return requests;
  }

  private static String probeCsv(ServiceCalibration calibration) {
    StringBuilder csv = new StringBuilder("offeredRatePerSecond,throughputPerSecond,failedPercent,meanConcurrency,"
        + "meanLatencyMillis,p50LatencyMillis,p95LatencyMillis,p99LatencyMillis,littleDiscrepancyPercent,saturated,"
        + "measurementProblem,failing\n");
    for (ProbeStepCheck s : calibration.steps()) {
      csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.2f,%.4f,%.3f,%.3f,%.3f,%.3f,%.2f,%b,%b,%b%n",
          s.offeredRatePerSecond(), s.throughputPerSecond(), 100 * s.failedFraction(), s.meanConcurrency(),
          s.meanLatencyMillis(), s.p50LatencyMillis(), s.p95LatencyMillis(), s.p99LatencyMillis(),
          100 * s.littleDiscrepancyFraction(), s.saturated(), s.measurementProblem(), s.failing()));
    }
    return csv.toString().replace("NaN", "");
  }

  private static String replayCsv(LoadTestSummary summary) {
    StringBuilder csv = new StringBuilder("second,targetArrivals,sentRequests,completed,failed,p95LatencyMillis\n");
    for (LoadTestSummary.ReplaySecond s : summary.replay()) {
      csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%s%n", s.second(), s.targetArrivals(), s.sentRequests(),
          s.completed(), s.failed(), Double.isNaN(s.p95LatencyMillis()) ? "" : String.format(Locale.ROOT, "%.3f", s.p95LatencyMillis())));
    }
    return csv.toString();
  }

  /**
   * Where and when a load-test run happens.
   *
   * @param runId the run id
   * @param startedAt when the load test started
   * @param reportsDirectory the directory that holds run reports, such as {@code reports}
   * @param target the base URL driven
   * @param commandLine how the run was started
   * @param gatlingReport the path of Gatling's report relative to the run's report directory, or
   *     empty
   */
  public record LoadTestRun(
      String runId, Instant startedAt, Path reportsDirectory, String target, String commandLine, String gatlingReport) {}
}
