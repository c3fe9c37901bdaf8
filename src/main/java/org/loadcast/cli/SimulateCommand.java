package org.loadcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.report.PolicyOutcome;
import org.loadcast.report.ReportWriter;
import org.loadcast.report.RunMetadata;
import org.loadcast.report.RunReport;
import org.loadcast.sim.SimulationTotals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast simulate}: the pipeline without the load test. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Simulate every policy of an experiment and write the report.",
        "Uses the service model written in the experiment (simulation.service); the load test "
            + "(mvn gatling:test) calibrates it instead."})
final class SimulateCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "the experiment file, such as simulations/smoke.yaml")
  Path experimentFile;

  @Option(names = "--out", paramLabel = "DIR", description = "the report directory (default: reports/<run-id>)")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "override the experiment's seed")
  Long seed;

  /** The most simulation threads: each runs one policy at a time, and a machine has far fewer cores. */
  static final int MAX_THREADS = 1024;

  @Option(names = "--threads", paramLabel = "N", description = "runs (policies and their sweep values) simulated at once (default: the number of processors)")
  Integer threads;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never", description = "a progress bar on standard "
      + "error for simulations that take more than 2 s; auto draws it only when the command runs in a console (default: ${DEFAULT-VALUE})")
  String progress;

  /** The clock of the progress bar; tests replace it. */
  java.util.function.LongSupplier nanoClock = System::nanoTime;

  /**
   * Refuses, before any simulation runs, a report directory that cannot be one: an existing file,
   * or a path whose nearest existing ancestor is not a writable directory.
   *
   * @param directory the --out directory
   * @param command the command, such as {@code loadcast simulate}, named in the error
   * @throws InputException if it cannot be a report directory
   */
  static void checkWritableDirectory(Path directory, String command) {
    Path absolute = directory.toAbsolutePath();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String problem = Files.exists(absolute) && !Files.isDirectory(absolute) ? "is a file"
        : existing == null || !Files.isDirectory(existing) ? "lies under '" + existing + "', which is not a directory"
        : !Files.isWritable(existing) ? "lies under '" + existing + "', which is not writable"
        : null;
    if (problem != null) {
      throw new InputException(new InputProblem(command, 0, 0,
          "--out must name a directory the report can be written to, but '" + directory + "' " + problem));
    }
  }

  @Override
  public Integer call() {
    Instant started = Instant.now();
    if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
      throw new InputException(new InputProblem("loadcast simulate", 0, 0,
          "--threads must be from 1 to " + MAX_THREADS + ", but was " + threads));
    }
    if (!List.of("auto", "always", "never").contains(progress)) {
      throw new InputException(new InputProblem("loadcast simulate", 0, 0,
          "--progress must be one of auto, always, never, but was '" + progress + "'"));
    }
    if (out != null) {
      checkWritableDirectory(out, "loadcast simulate");
    }
    Experiment experiment = Experiments.read(experimentFile);
    if (seed != null) {
      experiment = experiment.withSeed(seed);
    }
    String runId = RunFiles.runId(experiment.name(), started);
    Path directory = out != null ? out : Path.of("reports", runId);
    RunMetadata metadata = new RunMetadata(RunFiles.version(), runId, commandLine(), started.toString(), 0,
        RunFiles.inputDigests(experiment));
    int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    boolean showProgress = progress.equals("always") || (progress.equals("auto") && System.console() != null);
    ProgressMeter meter = showProgress ? ExperimentRun.progressMeter(experiment, nanoClock, spec.commandLine().getErr()) : null;
    RunReport report = ExperimentRun.simulate(experiment, experiment.service(), Optional.empty(), metadata, parallel, meter);
    report = CapacityAnalysis.addTo(report, experiment, Optional.empty());
    double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
    report = report.withMetadata(new RunMetadata(metadata.loadcastVersion(), runId, metadata.commandLine(),
        metadata.startedAt(), seconds, metadata.inputSha256()));
    ReportWriter.write(report, directory);
    print(report, directory);
    return 0;
  }

  private void print(RunReport report, Path directory) {
    var out = spec.commandLine().getOut();
    // billed hours differ from instance-hours only under billing rules; show them then, so that cost adds up
    boolean billed = report.service().billingGranularitySeconds() != null || report.service().minimumBilledSeconds() != null;
    out.printf(Locale.ROOT, "%-28s %12s %12s %9s %10s" + (billed ? " %12s" : "%s") + " %10s%n", "policy", "SLO min %",
        "SLO req %", "dropped", "inst-hours", billed ? "billed-hours" : "", "cost");
    for (PolicyOutcome p : report.policies()) {
      SimulationTotals t = p.result().totals();
      out.printf(Locale.ROOT, "%-28s %12.2f %12.3f %9d %10.1f" + (billed ? " %12.1f" : "%s") + " %10.2f%n", p.name(),
          t.sloViolationMinutesPercent(), t.sloViolationRequestsPercent(), t.dropped(), t.instanceHours(),
          billed ? t.billedInstanceHours() : "", t.cost());
    }
    report.frontiers().ifPresent(f -> f.verdicts().forEach(v -> out.printf(Locale.ROOT, "frontier: %s%n", v.sentence())));
    out.printf(Locale.ROOT, "report: %s%n", directory.resolve("index.html"));
  }

  private String commandLine() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    return "loadcast " + String.join(" ", args);
  }
}
