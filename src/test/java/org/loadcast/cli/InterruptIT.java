package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;
import org.loadcast.report.SummarySchema;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.RunState;
import org.loadcast.results.SecondResult;

/**
 * An interrupted load test end to end: smoke.yaml run in a child JVM (Gatling on the build's test
 * classpath, the embedded system under test in the same process), stopped once the probe has
 * completed and a few more seconds have passed: by SIGTERM ({@link Process#destroy}), whose shutdown
 * hook writes a last checkpoint, and by SIGKILL ({@link Process#destroyForcibly}), which leaves the
 * last periodic one. Each leaves readable results, and {@code loadcast report RUN_DIR} builds a
 * partial report from them. Slow: about a minute and a half.
 */
@Tag("slow")
class InterruptIT {
  private static final Path EXPERIMENT = Path.of("simulations/smoke.yaml");
  private static final Path RUNS = Path.of("target/it-interrupt");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LoadTestPlan plan;
  private static Stopped terminated;
  private static Stopped killed;

  /** A stopped load test: its run directory, how its JVM ended, and its log. */
  private record Stopped(Path runDirectory, int exitCode, String log) {
    Path results() {
      return runDirectory.resolve("results");
    }
  }

  @BeforeAll
  static void runAndStop() throws Exception {
    if (Files.exists(RUNS)) {
      try (Stream<Path> old = Files.walk(RUNS)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    plan = LoadTestPlan.of(Experiments.read(EXPERIMENT));
    terminated = runAndStop("sigterm", false);
    killed = runAndStop("sigkill", true);
  }

  /**
   * Starts the load test, waits for a checkpoint past the probe's end, waits 3 s more and stops the
   * JVM.
   */
  private static Stopped runAndStop(String name, boolean forcibly) throws Exception {
    Path out = RUNS.resolve(name);
    Files.createDirectories(out);
    Path log = out.resolve("loadtest.log");
    List<String> command = new ArrayList<>(List.of(InjectCommand.java(),
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=", "-Dexperiment=" + EXPERIMENT,
        "-Dreports=" + out.resolve("reports"), "-Dprofile=false",
        "-cp", InjectCommand.classpath(Path.of("target")), "io.gatling.app.Gatling", "--simulation",
        InjectCommand.SIMULATION, "--results-folder", out.resolve("gatling").toAbsolutePath().toString(), "--no-reports",
        "--launcher", "maven"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int probeEnd = plan.probeStartSecond() + plan.probeSeconds();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Optional<RunState> state = Optional.empty();
    // 3 s past the probe: second 0 starts a moment before Gatling's first arrival, so the probe's last ones fall late
    while (state.map(RunState::completedSeconds).orElse(0) < probeEnd + 3) {
      assertThat(process.isAlive()).as("the load test ended before it was stopped:%n%s", Files.readString(log)).isTrue();
      assertThat(System.nanoTime()).as("no checkpoint past the probe within 90 s").isLessThan(deadline);
      Thread.sleep(200);
      state = checkpoint(out.resolve("reports"));
    }
    Thread.sleep(3000);
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the JVM ended within 30 s of the signal").isTrue();
    try (Stream<Path> runs = Files.list(out.resolve("reports"))) {
      return new Stopped(runs.findFirst().orElseThrow(), process.exitValue(), Files.readString(log));
    }
  }

  /** Returns the run's state as its last checkpoint says, if one was written. */
  private static Optional<RunState> checkpoint(Path reports) throws IOException {
    if (!Files.isDirectory(reports)) {
      return Optional.empty();
    }
    try (Stream<Path> runs = Files.list(reports)) {
      return runs.map(r -> r.resolve("results")).filter(r -> Files.exists(r.resolve(RunState.FILE))).findFirst()
          .map(r -> {
            try {
              return RunState.read(r);
            } catch (InputException e) {
              // read between two moves of a checkpoint: the next poll reads it whole
              return null;
            }
          });
    }
  }

  @Test
  void sigterm_endsTheJvm_withTheLastCheckpointInterrupted_pastTheProbe() {
    RunState state = RunState.read(terminated.results());

    assertThat(state.state()).isEqualTo(RunState.State.INTERRUPTED);
    assertThat(state.completedSeconds()).isBetween(plan.probeStartSecond() + plan.probeSeconds() + 3, plan.plannedSeconds());
    assertThat(state.plannedSeconds()).isEqualTo(plan.plannedSeconds());
    assertThat(state.phase()).isEqualTo(plan.phaseAt(state.completedSeconds() - 1));
    assertThat(state.scheduleSha256()).isEqualTo(plan.scheduleSha256());
    // the shutdown hook said so, and the JVM ended as a SIGTERM ends it
    assertThat(terminated.log()).contains("loadcast: interrupted at second " + state.completedSeconds() + " of "
        + plan.plannedSeconds());
    assertThat(terminated.exitCode()).isEqualTo(143);
  }

  @Test
  void sigkill_leavesTheLastPeriodicCheckpoint_running() {
    RunState state = RunState.read(killed.results());

    assertThat(state.state()).isEqualTo(RunState.State.RUNNING);
    assertThat(state.completedSeconds()).isGreaterThan(plan.probeStartSecond() + plan.probeSeconds());
    assertThat(killed.log()).doesNotContain("loadcast: interrupted");
    assertThat(killed.results().resolve("checkpoint.next")).doesNotExist();
  }

  @Test
  void stoppedRuns_leaveReadableResults_whoseCountsAreTheSchedules() {
    for (Stopped stopped : List.of(terminated, killed)) {
      RunState state = RunState.read(stopped.results());
      List<SecondResult> seconds = ResultFiles.read(stopped.results());
      assertThat(seconds).as(stopped.runDirectory().toString()).hasSize(state.completedSeconds());
      // every arrival of the warm-up and the probe was sent, none beyond the schedule's in the seconds that ran
      long[] scheduled = scheduledPerSecond(state.replayFraction());
      int probeEnd = plan.probeStartSecond() + plan.probeSeconds();
      long sent = seconds.stream().mapToLong(SecondResult::started).sum();
      assertThat(sent).isBetween(Arrays.stream(scheduled, 0, probeEnd).sum(),
          Arrays.stream(scheduled, 0, Math.min(scheduled.length, seconds.size())).sum());
      assertThat(seconds.subList(plan.probeStartSecond(), probeEnd)).allSatisfy(s ->
          assertThat(s.allLatencyMicros().getTotalCount()).isPositive());
    }
  }

  /** Returns the arrivals the schedule has in each second, the replay at the run's admitted fraction. */
  private static long[] scheduledPerSecond(Double replayFraction) {
    long[] replay = replayFraction == null ? new long[plan.upperSchedule().stepCount()]
        : new ReplayGate(plan, InjectorShard.SINGLE, replayFraction).targetPerSecond();
    long[] all = new long[plan.plannedSeconds()];
    int[] warmup = plan.warmupCounts();
    int[] probe = plan.probeCounts();
    for (int i = 0; i < warmup.length; i++) {
      all[i] = warmup[i];
    }
    for (int i = 0; i < probe.length; i++) {
      all[plan.probeStartSecond() + i] = probe[i];
    }
    for (int i = 0; i < replay.length; i++) {
      all[plan.replayStartSecond() + i] = replay[i];
    }
    return all;
  }

  @Test
  void report_ofEachStoppedRun_isPartial_inTheBannerSummaryAndOutput() throws IOException {
    for (Stopped stopped : List.of(terminated, killed)) {
      RunState state = RunState.read(stopped.results());
      StringWriter stdout = new StringWriter();
      StringWriter stderr = new StringWriter();
      int code = Main.run(new String[] {"report", stopped.runDirectory().toString()}, new PrintWriter(stdout, true),
          new PrintWriter(stderr, true));

      assertThat(code).as("%s%n%s", stdout, stderr).isZero();
      assertThat(stdout.toString()).startsWith("partial report: ").contains(String.format(
          "at second %d of %d, in phase %s", state.completedSeconds(), state.plannedSeconds(), state.phase()));
      assertThat(stdout.toString().lines()).hasSize(1);
      String html = Files.readString(stopped.runDirectory().resolve("index.html"));
      assertThat(html).contains("id=\"partial-banner\"", "Partial report: the load test "
          + (stopped == terminated ? "was interrupted" : "was killed, and its results end") + " at second "
          + state.completedSeconds() + " of " + state.plannedSeconds() + ", in phase " + state.phase(),
          "the probe completed, so the calibration and the simulation are whole");
      String summary = Files.readString(stopped.runDirectory().resolve("summary.json"));
      JsonNode json = JSON.readTree(summary);
      assertThat(json.get("partial").asBoolean()).isTrue();
      assertThat(json.get("interruption").get("completedSeconds").asInt()).isEqualTo(state.completedSeconds());
      assertThat(json.get("interruption").get("plannedSeconds").asInt()).isEqualTo(plan.plannedSeconds());
      assertThat(json.get("interruption").get("state").asText()).isEqualTo(state.state().fileName());
      assertThat(SummarySchema.validate(summary)).isEmpty();
      // the load test's results stay as they were
      assertThat(ResultFiles.read(stopped.results())).hasSize(state.completedSeconds());
    }
  }
}
