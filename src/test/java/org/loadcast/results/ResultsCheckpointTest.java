package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoints of a running load test: only ended seconds, the same bytes as a full write, a
 * state file that says how far it got, and a set of files that a crash at any moment leaves whole.
 */
class ResultsCheckpointTest {
  private static final long START_EPOCH_MILLIS = 1_700_000_000_000L;
  private static final String SHA = "ab".repeat(32);
  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  private final LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
  @TempDir
  Path directory;

  private void at(double seconds) {
    clock.set(1_000_000_000_000L + Math.round(seconds * 1e9));
  }

  private ResultsCheckpoint checkpoint(Double fraction) {
    RunState initial = new RunState(RunState.FORMAT_VERSION, RunState.State.RUNNING, 0, 30, "warmup",
        "simulations/smoke.yaml", SHA, "smoke-1", START_EPOCH_MILLIS, 0, 1, null);
    return new ResultsCheckpoint(recorder, directory, () -> START_EPOCH_MILLIS,
        second -> second < 3 ? "warmup" : "probe", () -> fraction, initial);
  }

  /** Sends one request at {@code from} that ends at {@code to}, by the fake clock. */
  private void request(double from, double to, String name) {
    at(from);
    long started = recorder.started(from < 3 ? Phase.WARMUP : Phase.PROBE);
    at(to);
    recorder.completed(name, started, 200, false);
  }

  @Test
  void checkpoint_writesTheEndedSecondsOnly_readableWithTheirState() {
    ResultsCheckpoint checkpoint = checkpoint(null);
    request(0.1, 0.3, "home");
    request(1.2, 1.5, "img");
    request(3.4, 3.6, "home");
    at(3.9);

    assertThat(checkpoint.checkpoint()).isEqualTo(3);

    List<SecondResult> read = ResultFiles.read(directory);
    assertThat(read).extracting(SecondResult::started).containsExactly(1L, 1L, 0L);
    RunState state = RunState.read(directory);
    assertThat(state.state()).isEqualTo(RunState.State.RUNNING);
    assertThat(state.completedSeconds()).isEqualTo(3);
    assertThat(state.phase()).isEqualTo("warmup");
    assertThat(state.replayFraction()).isNull();
    assertThat(directory.resolve(ResultsCheckpoint.STAGING_DIRECTORY)).doesNotExist();
  }

  @Test
  void checkpoints_withLateResponses_equalAFullWriteOfTheEndedSeconds() throws IOException {
    ResultsCheckpoint checkpoint = checkpoint(0.5);
    request(0.1, 0.2, "home");
    at(0.5);
    long slow = recorder.started(Phase.WARMUP);
    request(1.1, 1.3, "img");
    at(2.5);
    checkpoint.checkpoint();
    request(2.6, 2.7, "home");
    at(4.2);
    // the request of second 0 ends in second 4: second 0's histogram changes after two checkpoints saw it
    recorder.completed("slow", slow, 200, false);
    checkpoint.checkpoint();
    request(4.3, 6.1, "img");
    at(7.05);
    assertThat(checkpoint.checkpoint()).isEqualTo(7);

    List<SecondResult> ended = recorder.closedSecondsFrom(0);
    assertThat(Files.readString(directory.resolve(ResultFiles.PER_SECOND_FILE), StandardCharsets.UTF_8))
        .isEqualTo(ResultFiles.perSecondCsv(ended));
    assertThat(Files.readString(directory.resolve(ResultFiles.LATENCY_LOG_FILE), StandardCharsets.UTF_8))
        .isEqualTo(ResultFiles.histogramLog(ended, START_EPOCH_MILLIS));
    assertThat(ResultFiles.read(directory).get(0).latencyMicros()).containsKeys("home", "slow");
    RunState state = RunState.read(directory);
    assertThat(state.phase()).isEqualTo("probe");
    assertThat(state.replayFraction()).isEqualTo(0.5);
  }

  @Test
  void interrupt_writesTheLastCheckpointOnce_andEndsTheWriter() throws IOException {
    ResultsCheckpoint checkpoint = checkpoint(null);
    request(0.1, 0.2, "home");
    request(3.1, 3.2, "home");
    at(4.5);

    assertThat(checkpoint.interrupt()).isEqualTo(4);
    String csv = Files.readString(directory.resolve(ResultFiles.PER_SECOND_FILE));
    request(4.6, 5.2, "img");
    at(6.5);

    assertThat(checkpoint.ended()).isTrue();
    assertThat(checkpoint.checkpoint()).isEqualTo(-1);
    assertThat(checkpoint.interrupt()).isEqualTo(-1);
    assertThat(checkpoint.complete(recorder.snapshot())).isFalse();
    assertThat(Files.readString(directory.resolve(ResultFiles.PER_SECOND_FILE))).isEqualTo(csv);
    RunState state = RunState.read(directory);
    assertThat(state.state()).isEqualTo(RunState.State.INTERRUPTED);
    assertThat(state.completedSeconds()).isEqualTo(4);
    assertThat(state.phase()).isEqualTo("probe");
  }

  @Test
  void complete_writesEverySecond_andTheShutdownHookThenDoesNothing() {
    ResultsCheckpoint checkpoint = checkpoint(1.0);
    request(0.1, 0.2, "home");
    request(1.1, 1.8, "home");
    at(1.9);
    checkpoint.checkpoint();
    List<SecondResult> all = recorder.snapshot();

    assertThat(checkpoint.complete(all)).isTrue();

    assertThat(checkpoint.interrupt()).isEqualTo(-1);
    assertThat(ResultFiles.read(directory)).hasSize(2);
    assertThat(RunState.read(directory).state()).isEqualTo(RunState.State.COMPLETE);
    assertThat(RunState.read(directory).completedSeconds()).isEqualTo(2);
  }

  @Test
  void crashBeforeTheStagedStateIsWritten_leavesTheOldCheckpointReadable_andRecoverDiscardsTheStage() throws IOException {
    ResultsCheckpoint checkpoint = checkpoint(null);
    request(0.1, 0.2, "home");
    at(1.5);
    checkpoint.checkpoint();
    String old = ResultFiles.perSecondCsv(ResultFiles.read(directory));
    // a killed write: the next checkpoint's files staged, one half-written as a temporary file, no state yet
    Path stage = Files.createDirectories(directory.resolve(ResultsCheckpoint.STAGING_DIRECTORY));
    Files.writeString(stage.resolve(ResultFiles.LATENCY_LOG_FILE), "#[garbage of a newer checkpoint]\n");
    Files.writeString(stage.resolve(".per-second.csv123.tmp"), "second,phase\n0,war");
    // and a temporary file beside the live CSV, as a killed atomic write leaves it
    Files.writeString(directory.resolve(".per-second.csv456.tmp"), "second,pha");

    assertThat(ResultFiles.perSecondCsv(ResultFiles.read(directory))).isEqualTo(old);
    assertThat(RunState.read(directory).completedSeconds()).isEqualTo(1);

    assertThat(ResultsCheckpoint.recover(directory)).isFalse();
    assertThat(stage).doesNotExist();
    assertThat(ResultFiles.read(directory)).hasSize(1);
    request(1.6, 1.7, "img");
    at(2.5);
    assertThat(checkpoint.checkpoint()).isEqualTo(2);
    assertThat(ResultFiles.read(directory)).hasSize(2);
  }

  @Test
  void crashWhileMovingAStagedCheckpoint_isRolledForwardByRecover() throws IOException {
    ResultsCheckpoint checkpoint = checkpoint(null);
    request(0.1, 0.2, "home");
    at(1.5);
    checkpoint.checkpoint();
    // the next checkpoint staged whole, its log already moved into place, its CSV and state not yet
    request(1.6, 1.7, "img");
    at(2.5);
    List<SecondResult> next = recorder.closedSecondsFrom(0);
    Path stage = Files.createDirectories(directory.resolve(ResultsCheckpoint.STAGING_DIRECTORY));
    Files.writeString(directory.resolve(ResultFiles.LATENCY_LOG_FILE), ResultFiles.histogramLog(next, START_EPOCH_MILLIS));
    Files.writeString(stage.resolve(ResultFiles.PER_SECOND_FILE), ResultFiles.perSecondCsv(next));
    Files.writeString(stage.resolve(RunState.FILE), RunState.read(directory).at(RunState.State.RUNNING, 2, "warmup",
        START_EPOCH_MILLIS, null).json());

    assertThat(ResultsCheckpoint.recover(directory)).isTrue();

    assertThat(stage).doesNotExist();
    assertThat(ResultFiles.read(directory)).extracting(SecondResult::started).containsExactly(1L, 1L);
    assertThat(RunState.read(directory).completedSeconds()).isEqualTo(2);
  }

  @Test
  void recover_withNothingStaged_doesNothing() throws IOException {
    assertThat(ResultsCheckpoint.recover(directory)).isFalse();
    assertThat(directory).isEmptyDirectory();
  }
}
