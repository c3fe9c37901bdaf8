package org.loadcast.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.loadcast.hotspot.CodeProfiler;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.report.LoadTestInterruption;
import org.loadcast.report.LoadTestResultsPage;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.ResultsCheckpoint;
import org.loadcast.results.RunState;
import org.loadcast.results.SecondResult;

/**
 * The report of a load test from the results it left on disk ({@link ResultsCheckpoint}): a complete
 * run's normal report, or an interrupted one's partial report.
 *
 * <p>What a partial report holds depends on where the load test stopped. Once the probe has
 * completed, the calibration and the simulation are whole, and the replay's figures and the
 * fidelity check cover the replay seconds that ran (none, when it stopped in the drain). Before, there
 * is no calibration, so no simulation or verdict: the partial report holds the load test's results so
 * far ({@link LoadTestResultsPage}).
 */
final class CheckpointedRun {
  private CheckpointedRun() {}

  /**
   * Builds the report of the load test whose results a run directory holds.
   *
   * @param runDirectory a run directory holding {@code results/}, or a results directory
   * @param experimentFile the experiment the load test ran; null for the one {@code run-state.json} names
   * @param out the report directory; null for {@code runDirectory}
   * @param target the target, as the report names it
   * @param stdout where the one-line outcome goes
   * @return the report's directory
   * @throws InputException if there are no results, a file is corrupt, the state does not match the
   *     results or the experiment, or the results are one injector's shard
   * @throws UncheckedIOException if a file cannot be read or written
   */
  static Path report(Path runDirectory, Path experimentFile, Path out, String target, PrintWriter stdout) {
    Path results = Files.isDirectory(runDirectory.resolve("results")) ? runDirectory.resolve("results") : runDirectory;
    if (!Files.isDirectory(results) || !Files.exists(results.resolve(RunState.FILE))
        && !Files.isDirectory(results.resolve(ResultsCheckpoint.STAGING_DIRECTORY))) {
      throw problem(runDirectory, "no load-test results: a run directory must hold results/" + RunState.FILE
          + ", written while the load test runs (mvn gatling:test)");
    }
    try {
      ResultsCheckpoint.recover(results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RunState state = RunState.read(results);
    Path stateFile = results.resolve(RunState.FILE);
    if (state.injectorCount() > 1) {
      throw problem(stateFile, String.format(Locale.ROOT, "these are injector %d of %d's results, a shard of the schedule: "
          + "merge every injector's with loadcast results merge, then use loadcast results report",
          state.injectorIndex() + 1, state.injectorCount()));
    }
    Experiment experiment = Experiments.read(experimentFile != null ? experimentFile : Path.of(state.experiment()));
    LoadTestPlan plan = LoadTestPlan.of(experiment);
    if (!plan.scheduleSha256().equals(state.scheduleSha256())) {
      throw problem(stateFile, "the results are of another schedule than " + experiment.file() + " compiles (scheduleSha256 "
          + state.scheduleSha256() + ", the experiment's " + plan.scheduleSha256() + "): give the experiment the load test "
          + "ran, unchanged");
    }
    List<SecondResult> seconds = ResultFiles.read(results);
    if (seconds.size() != state.completedSeconds()) {
      throw problem(stateFile, String.format(Locale.ROOT, "completedSeconds is %d, but %s holds %d seconds: the files are "
          + "not of one checkpoint", state.completedSeconds(), results.resolve(ResultFiles.PER_SECOND_FILE), seconds.size()));
    }
    Path directory = (out != null ? out : runDirectory).toAbsolutePath().normalize();
    int probeEnd = plan.probeStartSecond() + plan.probeSeconds();
    if (state.state() != RunState.State.COMPLETE && state.completedSeconds() < probeEnd) {
      SimulateCommand.checkWritableDirectory(directory.getParent(), "loadcast report");
      LoadTestResultsPage.write(experiment.name(), experiment.description(), new LoadTestResultsPage.Stop(
          state.state().fileName(), state.completedSeconds(), state.plannedSeconds(), state.phase(), probeEnd), seconds, directory);
      stdout.println(String.format(Locale.ROOT, "partial report: %s (the load test %s at second %d of %d, in phase %s, "
          + "before its probe completed at second %d: its results only, no calibration or simulation)",
          directory.resolve("index.html"), stoppedHow(state), state.completedSeconds(), state.plannedSeconds(), state.phase(),
          probeEnd));
      return directory;
    }
    LoadTestInterruption interruption = state.state() == RunState.State.COMPLETE ? null : interruption(state, plan);
    ReplayGate gate = state.replayFraction() != null
        ? new ReplayGate(plan, InjectorShard.SINGLE, state.replayFraction())
        : new ReplayGate(plan, () -> LoadTestPipeline.calibrate(plan, seconds).capacityPerSecond());
    SimulateCommand.checkWritableDirectory(directory.getParent(), "loadcast report");
    LoadTestPipeline.LoadTestRun run = new LoadTestPipeline.LoadTestRun(directory.getFileName().toString(),
        Instant.ofEpochMilli(state.startEpochMillis()), directory.getParent(), target, "loadcast report " + runDirectory, "");
    try {
      MergedRun.finish(experiment, plan, seconds, gate, run, new CodeProfiler.Result(null, "the report was built after the "
          + "load test, from its results"), interruption);
    } catch (LoadTestPipeline.LoadTestFailedException e) {
      throw problem(results.resolve(ResultFiles.PER_SECOND_FILE), e.getMessage());
    }
    stdout.println(interruption == null ? "report: " + directory.resolve("index.html")
        : String.format(Locale.ROOT, "partial report: %s (the load test %s at second %d of %d, in phase %s)",
            directory.resolve("index.html"), stoppedHow(state), state.completedSeconds(), state.plannedSeconds(),
            state.phase()));
    return directory;
  }

  private static String stoppedHow(RunState state) {
    return state.state() == RunState.State.INTERRUPTED ? "was interrupted" : "was killed; its last checkpoint ends";
  }

  /** Returns how far an interrupted run whose probe completed got. */
  private static LoadTestInterruption interruption(RunState state, LoadTestPlan plan) {
    int replaySeconds = plan.upperSchedule().stepCount();
    int replayRun = Math.max(0, Math.min(replaySeconds, state.completedSeconds() - plan.replayStartSecond()));
    return new LoadTestInterruption(state.state().fileName(), state.completedSeconds(), state.plannedSeconds(),
        state.phase(), replayRun, replaySeconds);
  }

  private static InputException problem(Path file, String message) {
    return new InputException(new InputProblem(file.toString(), 0, 0, message));
  }
}
