package org.loadcast.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loadcast.profile.InputException;
import org.loadcast.profile.YamlFile;
import org.loadcast.report.CapacityReport;
import org.loadcast.report.CapacityReportWriter;
import org.loadcast.report.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast capacity}: growth projection, monthly plan and runway, capacity at the SLO, and the USL. */
@Command(name = "capacity", mixinStandardHelpOptions = true,
    description = {"Project the experiment's daily peaks, plan instances month by month against the upper bound of "
        + "the prediction interval, and give the runway: the first day the fleet of growth.maxInstances runs out.",
        "Also one instance's capacity at the SLO and a sizing table, with the experiment's service model or, given a "
            + "load test's results (--results), the model and USL calibrated from its probe."})
final class CapacityCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "the experiment file, such as simulations/nasa-reactive-vs-predictive.yaml")
  Path experimentFile;

  @Option(names = "--out", paramLabel = "DIR", description = "the report directory (default: reports/<run-id>-capacity)")
  Path out;

  @Option(names = "--results", paramLabel = "DIR", description = "a load test's results directory, such as "
      + "reports/<run>/results: its per-second.csv and latency.hlog are calibrated as the load test did, and the "
      + "calibrated service model and USL replace the experiment's service model")
  Path results;

  @Option(names = "--seed", paramLabel = "N", description = "override the experiment's seed")
  Long seed;

  @Override
  public Integer call() {
    Instant started = Instant.now();
    if (out != null) {
      SimulateCommand.checkWritableDirectory(out, "loadcast capacity");
    }
    Experiment experiment = Experiments.read(experimentFile);
    if (seed != null) {
      experiment = experiment.withSeed(seed);
    }
    Optional<ResultsCalibration> calibrated = results == null ? Optional.empty()
        : Optional.of(ResultsCalibration.of(experiment, results));
    CapacityReport report = analyse(experiment, calibrated);
    String runId = RunFiles.runId(experiment.name(), started) + "-capacity";
    Path directory = out != null ? out : Path.of("reports", runId);
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    RunMetadata metadata = new RunMetadata(RunFiles.version(), runId, commandLine(), started.toString(), seconds,
        RunFiles.inputDigests(experiment));
    CapacityReportWriter.write(report, calibrated.map(c -> c.calibration().steps()).orElse(List.of()), metadata,
        directory);
    print(report, directory);
    return 0;
  }

  /**
   * Runs the analysis; a history too short for the growth method is the user's error, located at the
   * experiment's {@code growth.method} (or the nearest key the file has).
   */
  private CapacityReport analyse(Experiment experiment, Optional<ResultsCalibration> calibrated) {
    try {
      return CapacityAnalysis.of(experiment, calibrated);
    } catch (IllegalArgumentException e) {
      throw new InputException(YamlFile.read(experimentFile, ExperimentDocument.class).problemAt("growth.method",
          "growth: the profile's demand cannot be projected: " + e.getMessage()));
    }
  }

  private void print(CapacityReport report, Path directory) {
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "runway: %s%n", report.runwayDate() != null ? report.runwayDate()
        : report.runwayKind().equals("not-reached") ? "not reached by " + report.growth().horizonEnd() : "infeasible");
    out.printf(Locale.ROOT, "  %s%n", report.runwayReason());
    out.printf(Locale.ROOT, "service model: %s, %d workers, mean service time %.2f ms%n", report.serviceModelOrigin(),
        report.workersPerInstance(), report.meanServiceTimeMillis());
    out.printf(Locale.ROOT, "per-instance capacity at the SLO: %.1f requests/s simulated, %.1f M/M/%d; demand scale %.4g%n",
        report.perInstanceCapacityPerSecond(), report.perInstanceErlangCapacityPerSecond(), report.workersPerInstance(),
        report.demandScale());
    out.printf(Locale.ROOT, "USL: %s%n", report.uslSigma() == null ? "not fitted: " + report.uslNotFittedReason()
        : String.format(Locale.ROOT, "sigma %.4f, kappa %.3e, lambda %.2f/s%s", report.uslSigma(), report.uslKappa(),
            report.uslLambda(), report.uslKappaFixedAtZero() ? " (kappa fixed at 0)" : ""));
    out.printf(Locale.ROOT, "%-10s %-10s %10s %10s %10s %8s %10s%n", "from", "peak day", "lower/s", "point/s", "upper/s",
        "planned", "cost");
    for (CapacityReport.PlanRow r : report.plan()) {
      out.printf(Locale.ROOT, "%-10s %-10s %10.1f %10.1f %10.1f %8s %10s%n", r.from(), r.peakDate(), r.peakLowerPerSecond(),
          r.peakPointPerSecond(), r.peakUpperPerSecond(), r.plannedInstances() == null ? "-" : r.plannedInstances(),
          r.cost() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.cost()));
    }
    out.printf(Locale.ROOT, "report: %s%n", directory.resolve("index.html"));
  }

  private String commandLine() {
    return "loadcast " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
