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
 * {@code loadcast report RUN_DIR} on hand-made results: a run stopped before its probe completed gets
 * the results-only partial report; results it cannot report are each one located line and exit 2,
 * with nothing written. Partial reports of real interrupted runs are built in {@code InterruptIT}.
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

  /**
   * Stopped in the probe, at second 10: the results-only partial report. Hand-computed from the
   * fixture: 30 requests a second for 10 seconds, one recorded latency a second of 40,000 + 100 s µs;
   * warm-up is seconds 0 to {@code probeStartSecond - 1}.
   */
  @Test
  void report_stoppedBeforeTheProbeCompleted_isPartial_withTheResultsSoFar() throws IOException {
    results(10, 10, PLAN.scheduleSha256(), 1);

    Outcome outcome = report(run.toString(), "--out", run.resolve("partial").toString());

    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).isEqualTo("partial report: " + run.resolve("partial/index.html").toAbsolutePath()
        + " (the load test was interrupted at second 10 of " + PLAN.plannedSeconds() + ", in phase probe, before its probe "
        + "completed at second 18: its results only, no calibration or simulation)\n");
    assertThat(run.resolve("partial/index.html")).content().contains("Partial report: the load test was interrupted at "
        + "second 10 of " + PLAN.plannedSeconds() + ", in phase probe, before its probe completed at second 18.",
        "<td>GET /</td><td>10</td>");
    assertThat(run.resolve("partial/summary.json")).doesNotExist();
    com.fasterxml.jackson.databind.JsonNode summary = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(run.resolve("partial/" + org.loadcast.report.LoadTestResultsPage.SUMMARY_FILE).toFile());
    assertThat(summary.get("partial").asBoolean()).isTrue();
    assertThat(summary.get("interruption").get("completedSeconds").asInt()).isEqualTo(10);
    assertThat(summary.get("all").get("requests").asLong()).isEqualTo(300);
    assertThat(summary.get("all").get("failed").asLong()).isZero();
    int warmup = PLAN.probeStartSecond();
    assertThat(summary.get("byPhase").get(0).get("name").asText()).isEqualTo("warmup");
    assertThat(summary.get("byPhase").get(0).get("requests").asLong()).isEqualTo(30L * warmup);
    assertThat(summary.get("byPhase").get(1).get("requests").asLong()).isEqualTo(30L * (10 - warmup));
    // ten values 40.0 to 40.9 ms: the largest is 40.9 ms, within HdrHistogram's 3 digits
    assertThat(summary.get("all").get("maxLatencyMillis").asDouble()).isEqualTo(40.9);
    assertThat(summary.get("byRequest").get(0).get("requests").asLong()).isEqualTo(10);
    assertThat(summary.get("byRequest").get(0).has("failed")).isFalse();
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

    // the checkpoint read is the one in place (10 seconds): a results-only partial report, not the garbage's error
    Outcome outcome = report(run.toString());
    assertThat(outcome.code()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("before its probe completed at second 18");
    assertThat(results.resolve(ResultsCheckpoint.STAGING_DIRECTORY)).doesNotExist();
  }

  @Test
  void report_withNeitherRunDirectoryNorSubcommand_isAUsageError() {
    Outcome outcome = report();

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("loadcast report needs RUN_DIR, a load test's run directory, or a subcommand (compare)");
  }
}
