package org.loadcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.loadcast.dashboard.DashboardSecond;
import org.loadcast.hotspot.CodeProfiler;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.ResultsMerge;
import org.loadcast.results.SecondResult;

/**
 * The end of a load test sent by several injectors: their results merged ({@link ResultsMerge}),
 * then the calibration, the simulation and the report of {@link LoadTestPipeline#finish}, as for a
 * single run. The replay's admitted fraction is the one the injectors used ({@code merge.json}); the
 * system under test was not profiled. The report's copy of the live dashboard is built from the
 * merged seconds, each second's mean concurrency standing for the in-flight gauge, without the
 * system under test's gauges.
 */
final class MergedRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MergedRun() {}

  /**
   * Merges injectors' results into {@code out/merged} and reports them into {@code out/report}.
   *
   * @param experiment the experiment the injectors ran
   * @param results the injectors' results directories
   * @param out the directory of the run
   * @param target the base URL the injectors drove
   * @param commandLine how the run was started, for the report
   * @param stdout where the totals and the report's path are printed
   * @return the report's directory
   * @throws InputException if the results do not merge, or are of another schedule than the experiment's
   */
  static Path mergeAndReport(Experiment experiment, List<Path> results, Path out, String target, String commandLine,
      PrintWriter stdout) {
    ResultsMerge merge = ResultsMerge.of(results);
    Path merged = out.resolve("merged");
    merge.write(merged);
    ResultsMerge.Totals t = merge.totals();
    stdout.printf(Locale.ROOT, "merged %d injector(s): %d started, %d completed, %d failed; largest start offset %+d ms "
        + "(injector %d)%n", merge.inputs().size(), t.started(), t.completed(), t.failed(), t.largestStartOffsetMillis(),
        t.largestStartOffsetInjector());
    return report(experiment, merged, out.resolve("report"), target, commandLine, stdout);
  }

  /**
   * Reports merged results as a single run's.
   *
   * @param experiment the experiment the injectors ran
   * @param merged a directory {@code loadcast results merge} wrote
   * @param reports the directory that receives the run's report directory
   * @param target the base URL the injectors drove, as the report names it
   * @param commandLine how the run was started, for the report
   * @param stdout where the report's path is printed
   * @return the report's directory
   * @throws InputException if {@code merge.json} is missing or invalid, or the results are of
   *     another schedule than the experiment's
   */
  static Path report(Experiment experiment, Path merged, Path reports, String target, String commandLine, PrintWriter stdout) {
    JsonNode merge = mergeJson(merged);
    LoadTestPlan plan = LoadTestPlan.of(experiment);
    String schedule = plan.scheduleSha256();
    if (!schedule.equals(merge.get("scheduleSha256").asText())) {
      throw problem(merged.resolve(ResultsMerge.MERGE_FILE), "the results are of another schedule than " + experiment.file()
          + " compiles (scheduleSha256 " + merge.get("scheduleSha256").asText() + ", the experiment's " + schedule
          + "): give the experiment the injectors ran, unchanged");
    }
    List<SecondResult> seconds = ResultFiles.read(merged);
    int injectors = merge.get("injectorCount").asInt();
    Instant start = Instant.ofEpochMilli(merge.get("startEpochMillis").asLong());
    ReplayGate gate = new ReplayGate(plan, InjectorShard.SINGLE, merge.get("replayFraction").asDouble());
    CodeProfiler.Result code = new CodeProfiler.Result(null, "the load test ran on " + injectors + " injector process"
        + (injectors == 1 ? "" : "es"));
    Path directory = finish(experiment, plan, seconds, gate, new LoadTestPipeline.LoadTestRun(
        RunFiles.runId(experiment.name(), start), start, reports,
        target + " (" + injectors + " injector" + (injectors == 1 ? "" : "s") + ")", commandLine, ""), code, null);
    stdout.printf(Locale.ROOT, "report: %s%n", directory.resolve("index.html"));
    return directory;
  }

  /**
   * Calibrates, simulates and reports results read back from disk, whose load test's process is
   * gone: its live dashboard is rebuilt from the seconds, each second's mean concurrency standing for
   * the in-flight gauge, without the system under test's gauges.
   *
   * @param experiment the experiment the load test ran
   * @param plan its plan
   * @param seconds the results read back, from second 0
   * @param gate the replay's gate, its fraction fixed or measured from the seconds' probe
   * @param run where the report goes and what it names
   * @param code what profiling found; nothing, when the process is gone
   * @param interruption how far an interrupted load test got; null when it ran to its end
   * @return the report's directory
   * @throws LoadTestPipeline.LoadTestFailedException as {@link LoadTestPipeline#finish} describes
   */
  static Path finish(Experiment experiment, LoadTestPlan plan, List<SecondResult> seconds, ReplayGate gate,
      LoadTestPipeline.LoadTestRun run, CodeProfiler.Result code, org.loadcast.report.LoadTestInterruption interruption) {
    // no process saw the run's requests in flight at a second's end, so the second's mean concurrency stands in for
    // that gauge
    List<DashboardSecond> dashboard = seconds.stream().map(r -> DashboardSecond.of(r, plan.phaseAt(r.second()),
        gate.targetRequestsPerSecond(r.second()), (int) Math.round(r.meanConcurrency()), null)).toList();
    return LoadTestPipeline.finish(run, experiment, plan, gate, seconds, code, dashboard, interruption);
  }

  private static JsonNode mergeJson(Path merged) {
    Path file = merged.resolve(ResultsMerge.MERGE_FILE);
    if (!Files.isRegularFile(file)) {
      throw problem(file, "a merged results directory must hold " + ResultsMerge.MERGE_FILE
          + " (loadcast results merge writes it), but '" + merged + "' has none");
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      if (e instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
        throw problem(file, "not valid JSON: " + json.getOriginalMessage());
      }
      throw new UncheckedIOException(e);
    }
    for (String field : List.of("scheduleSha256", "injectorCount", "startEpochMillis", "replayFraction")) {
      if (root == null || !root.hasNonNull(field)) {
        throw problem(file, field + " is required, but is missing");
      }
    }
    return root;
  }

  private static InputException problem(Path file, String message) {
    return new InputException(new InputProblem(file.toString(), 0, 0, message));
  }
}
