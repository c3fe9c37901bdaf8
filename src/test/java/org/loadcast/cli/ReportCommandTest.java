package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.ResultsCheckpoint;
import org.loadcast.results.RunState;
import org.loadcast.results.SecondResult;

/**
 * {@code loadcast report RUN_DIR} on results it cannot report: each is one located line and exit 2,
 * and nothing is written. The partial reports themselves are built from real interrupted runs in
 * {@code InterruptIT}.
 */
class ReportCommandTest {
  private static final Path EXPERIMENT = Path.of("simulations/smoke.yaml");
  private static final LoadTestPlan PLAN = LoadTestPlan.of(Experiments.read(EXPERIMENT));
  @TempDir
  Path run;

  private record Outcome(int code, String out, String err) {}

  private static Outcome report(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("report"));
    all.addAll(List.of(args));
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  /** Writes a run directory whose results hold {@code rows} seconds of the smoke schedule and a state saying {@code completed}. */
  private Path results(int rows, int completed, String sha, int injectors) throws IOException {
    List<SecondResult> seconds = new ArrayList<>();
    for (int s = 0; s < rows; s++) {
      Histogram latency = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      latency.recordValue(40_000 + 100L * s);
      seconds.add(new SecondResult(s, s < PLAN.probeStartSecond() ? Phase.WARMUP : Phase.PROBE, 30, 30, 0, 1.2,
          new TreeMap<>(Map.of(200, 30L)), new TreeMap<>(Map.of("GET /", latency))));
    }
    Path results = run.resolve("results");
    ResultFiles.write(results, seconds, 1_764_466_475_000L);
    RunState state = new RunState(RunState.FORMAT_VERSION, RunState.State.INTERRUPTED, completed, PLAN.plannedSeconds(),
        PLAN.phaseAt(Math.max(0, completed - 1)), EXPERIMENT.toString(), sha, "smoke-1", 1_764_466_475_000L, 0, injectors,
        null);
    Files.writeString(results.resolve(RunState.FILE), state.json());
    return results;
  }

  private void assertOneLine(Outcome outcome, String... phrases) throws IOException {
    assertThat(outcome.code()).as(outcome.err()).isEqualTo(2);
    assertThat(outcome.err().lines()).as(outcome.err()).hasSize(1);
    assertThat(outcome.err()).contains(phrases);
    assertThat(outcome.out()).isEmpty();
    assertThat(run.resolve("index.html")).doesNotExist();
  }

  @Test
  void report_stoppedBeforeTheProbeCompleted_refusesNamingThePhaseAndWhatIsNeeded() throws IOException {
    results(10, 10, PLAN.scheduleSha256(), 1);

    assertOneLine(report(run.toString()), "results/run-state.json: the load test stopped at second 10 of "
        + PLAN.plannedSeconds() + ", in phase probe, before its probe completed at second 18: a report needs the probe's "
        + "calibration");
  }

  @Test
  void report_stoppedInTheDrain_isPartial_withTheProbesCalibrationAndNoReplaySecond() throws IOException {
    results(20, 20, PLAN.scheduleSha256(), 1);

    Outcome outcome = report(run.toString(), "--out", run.resolve("partial").toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).isEqualTo("partial report: " + run.resolve("partial/index.html").toAbsolutePath()
        + " (the load test was interrupted at second 20 of " + PLAN.plannedSeconds() + ", in phase drain)\n");
    assertThat(run.resolve("partial/index.html")).content().contains("Partial report: the load test was interrupted at "
        + "second 20 of " + PLAN.plannedSeconds() + ", in phase drain; the probe completed", "no replay second ran");
    com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(run.resolve("partial/summary.json").toFile());
    assertThat(summary.get("partial").asBoolean()).isTrue();
    assertThat(summary.get("interruption").get("replaySecondsRun").asInt()).isZero();
    assertThat(summary.get("calibration")).isNotNull();
    // the replay's per-second export holds only seconds that ran: none
    assertThat(Files.readAllLines(run.resolve("partial/results/replay.csv"))).hasSize(1);
  }

  @Test
  void report_ofADirectoryWithoutResults_saysWhatARunDirectoryHolds() throws IOException {
    assertOneLine(report(run.toString()), run + ": no load-test results: a run directory must hold results/run-state.json");
  }

  @Test
  void report_whoseStateDoesNotMatchTheResults_refusesAtTheStateFile() throws IOException {
    results(20, 22, PLAN.scheduleSha256(), 1);

    assertOneLine(report(run.toString()), "run-state.json: completedSeconds is 22, but ", "per-second.csv holds 20 seconds");
  }

  @Test
  void report_ofAnotherSchedule_refusesNamingBothDigests() throws IOException {
    results(20, 20, "0".repeat(64), 1);

    assertOneLine(report(run.toString()), "run-state.json: the results are of another schedule than simulations/smoke.yaml",
        PLAN.scheduleSha256());
  }

  @Test
  void report_ofOneInjectorsShard_pointsToTheMerge() throws IOException {
    results(20, 20, PLAN.scheduleSha256(), 3);

    assertOneLine(report(run.toString()), "these are injector 1 of 3's results", "loadcast results merge");
  }

  @Test
  void report_withACorruptRow_givesItsLineAndColumn() throws IOException {
    Path results = results(20, 20, PLAN.scheduleSha256(), 1);
    Path csv = results.resolve(ResultFiles.PER_SECOND_FILE);
    Files.writeString(csv, Files.readString(csv).replaceFirst("\n5,probe,30,", "\n5,probe,thirty,"));

    assertOneLine(report(run.toString()), "per-second.csv:7:");
  }

  @Test
  void report_withACorruptState_givesItsLineAndColumn() throws IOException {
    Path results = results(20, 20, PLAN.scheduleSha256(), 1);
    Files.writeString(results.resolve(RunState.FILE), "{\n  \"formatVersion\" : 1,\n  \"state\" : ");

    assertOneLine(report(run.toString()), "run-state.json:3:", "not valid JSON");
  }

  @Test
  void report_withAStageLeftWithoutItsState_discardsItAndReadsTheCheckpoint() throws IOException {
    Path results = results(10, 10, PLAN.scheduleSha256(), 1);
    Files.createDirectories(results.resolve(ResultsCheckpoint.STAGING_DIRECTORY)).resolve("x");
    Files.writeString(results.resolve(ResultsCheckpoint.STAGING_DIRECTORY).resolve(ResultFiles.PER_SECOND_FILE), "garbage");

    // the checkpoint read is the one in place (10 seconds), so the refusal is the probe's, not the garbage's
    assertOneLine(report(run.toString()), "before its probe completed at second 18");
    assertThat(results.resolve(ResultsCheckpoint.STAGING_DIRECTORY)).doesNotExist();
  }

  @Test
  void report_withNeitherRunDirectoryNorSubcommand_isAUsageError() {
    Outcome outcome = report();

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("loadcast report needs RUN_DIR, a load test's run directory, or a subcommand (compare)");
  }
}
