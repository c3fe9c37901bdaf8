package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a checkpoint costs at the main job's scale (nasa-reactive-vs-predictive.yaml: 195 planned
 * seconds, 12 request names, up to 140 requests per second): a full rewrite of every second against
 * {@link ResultsCheckpoint}'s, which copies and renders each settled second once. Both the whole
 * checkpoint and the part that holds the recorder's lock (and so stalls the injection) are timed,
 * at the run's end, where a full rewrite costs most. Fake clock; median of 5 after 2 unmeasured.
 */
@Tag("benchmark")
class ResultsCheckpointBenchmarkTest {
  private static final int SECONDS = 195;
  private static final int NAMES = 12;
  private static final int RATE_PER_SECOND = 140;
  @TempDir
  Path directory;

  @Test
  void checkpoint_atTheMainJobsScale_fullRewriteAgainstSettledSeconds() throws Exception {
    AtomicLong clock = new AtomicLong(0);
    LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
    RunState initial = new RunState(1, RunState.State.RUNNING, 0, SECONDS, "warmup", "simulations/nasa.yaml",
        "ab".repeat(32), "nasa-1", 1_700_000_000_000L, 0, 1, null);
    ResultsCheckpoint checkpoint = new ResultsCheckpoint(recorder, directory.resolve("incremental"),
        () -> 1_700_000_000_000L, s -> "probe", () -> null, initial);
    SplittableRandom random = new SplittableRandom(7);
    for (int s = 0; s < SECONDS; s++) {
      for (int i = 0; i < RATE_PER_SECOND; i++) {
        clock.set(s * 1_000_000_000L + i * (1_000_000_000L / RATE_PER_SECOND));
        long started = recorder.started(Phase.PROBE);
        clock.addAndGet(20_000_000L + random.nextLong(30_000_000L));
        recorder.completed("GET /name-" + random.nextInt(NAMES), started, 200, false);
      }
      if (s % ResultsCheckpoint.PERIOD_SECONDS == 0) {
        checkpoint.checkpoint();
      }
    }
    clock.set(SECONDS * 1_000_000_000L + 500_000_000L);
    double[] incremental = new double[5];
    double[] incrementalLock = new double[5];
    double[] full = new double[5];
    double[] fullLock = new double[5];
    for (int round = -2; round < 5; round++) {
      long t0 = System.nanoTime();
      checkpoint.checkpoint();
      long t1 = System.nanoTime();
      recorder.closedSecondsFrom(SECONDS - 1);
      long t2 = System.nanoTime();
      List<SecondResult> all = recorder.closedSecondsFrom(0);
      long t3 = System.nanoTime();
      ResultFiles.write(directory.resolve("full"), all, 1_700_000_000_000L);
      long t4 = System.nanoTime();
      if (round >= 0) {
        incremental[round] = (t1 - t0) / 1e6;
        incrementalLock[round] = (t2 - t1) / 1e6;
        fullLock[round] = (t3 - t2) / 1e6;
        full[round] = (t4 - t2) / 1e6;
      }
    }
    assertThat(Files.readString(directory.resolve("incremental").resolve(ResultFiles.LATENCY_LOG_FILE)))
        .isEqualTo(Files.readString(directory.resolve("full").resolve(ResultFiles.LATENCY_LOG_FILE)));
    System.out.printf(Locale.ROOT, "benchmark results-checkpoint: %d s x %d names at %d requests per second, %d KB of log%n",
        SECONDS, NAMES, RATE_PER_SECOND, Files.size(directory.resolve("full").resolve(ResultFiles.LATENCY_LOG_FILE)) / 1024);
    System.out.printf(Locale.ROOT, "  full rewrite: median %.1f ms, of which %.1f ms holding the recorder's lock%n",
        median(full), median(fullLock));
    System.out.printf(Locale.ROOT, "  checkpoint of settled seconds: median %.1f ms, of which %.2f ms holding the lock "
        + "(one new second's copy)%n", median(incremental), median(incrementalLock));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
