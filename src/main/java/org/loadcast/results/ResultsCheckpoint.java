package org.loadcast.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Writes a running load test's results to its results directory every {@value #PERIOD_SECONDS}
 * seconds, so that an interrupted or killed load test leaves what it recorded readable: {@code
 * per-second.csv} and {@code latency.hlog} as {@link ResultFiles#write} writes them, over the whole
 * seconds that have ended, and {@code run-state.json} ({@link RunState}) saying how far it got.
 *
 * <p>Atomic as a set. The three files are staged in {@value #STAGING_DIRECTORY}/, the state last, then
 * moved into place one by one (the log, the CSV, the state). A crash before the staged state exists
 * leaves the previous checkpoint in place, whole; a crash after it leaves a staged checkpoint that
 * {@link #recover} moves into place. Readers of an interrupted run call {@link #recover} first.
 *
 * <p>Cheap for the load test. A second's entry is final once it has ended and every request started
 * in it has completed ({@link LoadTestRecorder#firstUnsettledSecond}); such seconds are copied from
 * the recorder and rendered once, and kept as text. Each checkpoint copies only the seconds that
 * ended since, and those still waiting for a response, so the recorder's lock is held for a few
 * seconds' histograms, not the whole run's; the files are rewritten from the kept text.
 *
 * <p>Thread-safe: the timer, the shutdown hook and the simulation's end call it; writes are
 * serialised, and after {@link #interrupt} or {@link #complete} no other write happens.
 */
public final class ResultsCheckpoint {
  /**
   * How often a checkpoint is written, seconds: 5. A killed run loses at most the last 5 seconds, a
   * small part of any probe step or replay window worth reporting, while a checkpoint (a few
   * milliseconds, see {@code ResultsCheckpointBenchmarkTest}) costs well under 1 % of the period.
   */
  public static final int PERIOD_SECONDS = 5;
  /** The directory, inside the results directory, where a checkpoint is staged before it is moved into place. */
  public static final String STAGING_DIRECTORY = "checkpoint.next";

  private final LoadTestRecorder recorder;
  private final Path directory;
  private final LongSupplier startEpochMillis;
  private final IntFunction<String> phaseAt;
  private final Supplier<Double> replayFraction;
  private final RunState initial;
  private final StringBuilder settledRows = new StringBuilder();
  private final StringBuilder settledIntervals = new StringBuilder();
  private int settledSeconds;
  private long settledStartEpochMillis = -1;
  private boolean ended;
  private ScheduledExecutorService timer;

  /**
   * Creates a checkpoint writer; nothing is written until {@link #start} or a write.
   *
   * @param recorder the load test's recorder
   * @param directory the results directory; created if absent
   * @param startEpochMillis wall-clock time of second 0, read at each write (an injector moves its
   *     second 0 before the first request)
   * @param phaseAt the planned phase of a second, such as {@code LoadTestPlan::phaseAt}
   * @param replayFraction the replay's admitted fraction once it is fixed, else null
   * @param initial the state to write, whose state, completed seconds, phase and fraction each write
   *     replaces
   */
  public ResultsCheckpoint(LoadTestRecorder recorder, Path directory, LongSupplier startEpochMillis,
      IntFunction<String> phaseAt, Supplier<Double> replayFraction, RunState initial) {
    this.recorder = recorder;
    this.directory = directory;
    this.startEpochMillis = startEpochMillis;
    this.phaseAt = phaseAt;
    this.replayFraction = replayFraction;
    this.initial = initial;
  }

  /** Starts writing a checkpoint every {@value #PERIOD_SECONDS} seconds, on a daemon thread; a failed write is printed and the next one tried. */
  public synchronized void start() {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "loadcast-checkpoint");
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> {
      try {
        checkpoint();
      } catch (RuntimeException e) {
        System.err.println("loadcast: checkpoint of " + directory + " failed: " + e.getMessage());
      }
    }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  /** Stops the timer; a checkpoint being written finishes. */
  public void stop() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
    }
    if (t != null) {
      t.shutdown();
    }
  }

  /**
   * Writes a checkpoint of the seconds ended so far, in state {@code running}.
   *
   * @return the completed seconds written; -1 when the run has ended and nothing was written
   * @throws UncheckedIOException if a file cannot be written
   */
  public synchronized int checkpoint() {
    return ended ? -1 : write(RunState.State.RUNNING, recorder.closedSecondsFrom(settledSeconds));
  }

  /**
   * Writes the last checkpoint of an interrupted run, in state {@code interrupted}, and ends the
   * writer: for a JVM shutdown hook.
   *
   * @return the completed seconds written; -1 when the run had ended already (it completed, or was
   *     interrupted before) and nothing was written
   * @throws UncheckedIOException if a file cannot be written
   */
  public synchronized int interrupt() {
    if (ended) {
      return -1;
    }
    ended = true;
    return write(RunState.State.INTERRUPTED, recorder.closedSecondsFrom(settledSeconds));
  }

  /**
   * Writes the whole run's results in state {@code complete} and ends the writer: for the
   * simulation's end, before the report.
   *
   * @param seconds every second of the run, from 0, such as {@link LoadTestRecorder#snapshot()}
   * @return whether they were written; false when the run was interrupted before
   * @throws UncheckedIOException if a file cannot be written
   */
  public synchronized boolean complete(List<SecondResult> seconds) {
    if (ended) {
      return false;
    }
    ended = true;
    clearSettled(startEpochMillis.getAsLong());
    write(RunState.State.COMPLETE, seconds);
    return true;
  }

  /** Returns whether the run ended: it completed or was interrupted, and no more checkpoint is written. */
  public synchronized boolean ended() {
    return ended;
  }

  /**
   * Writes the settled text plus {@code fresh}, the seconds from {@code settledSeconds} on; keeps those
   * of them that are settled.
   */
  private int write(RunState.State state, List<SecondResult> fresh) {
    long start = startEpochMillis.getAsLong();
    if (start != settledStartEpochMillis) {
      clearSettled(start);
      fresh = state == RunState.State.COMPLETE ? fresh : recorder.closedSecondsFrom(0);
    }
    int settled = state == RunState.State.COMPLETE ? 0 : recorder.firstUnsettledSecond();
    int keep = 0;
    while (keep < fresh.size() && fresh.get(keep).second() < settled) {
      keep++;
    }
    settledRows.append(ResultFiles.perSecondRows(fresh.subList(0, keep)));
    settledIntervals.append(ResultFiles.histogramLogIntervals(fresh.subList(0, keep), start));
    settledSeconds += keep;
    List<SecondResult> tail = fresh.subList(keep, fresh.size());
    int completed = settledSeconds + tail.size();
    RunState runState = initial.at(state, completed, completed == 0 ? "warmup" : phaseAt.apply(completed - 1),
        start, replayFraction.get());
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ResultFiles.LATENCY_LOG_FILE, ResultFiles.histogramLogHeader(start) + settledIntervals
        + ResultFiles.histogramLogIntervals(tail, start));
    files.put(ResultFiles.PER_SECOND_FILE, ResultFiles.PER_SECOND_HEADER + "\n" + settledRows + ResultFiles.perSecondRows(tail));
    files.put(RunState.FILE, runState.json());
    try {
      commit(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return completed;
  }

  private void clearSettled(long start) {
    settledRows.setLength(0);
    settledIntervals.setLength(0);
    settledSeconds = 0;
    settledStartEpochMillis = start;
  }

  /**
   * Writes files into a directory as one checkpoint: staged, the last file of the map marking the
   * stage complete, then moved into place in the map's order.
   *
   * @param directory the results directory; created if absent
   * @param files file name to text; the last entry is the marker
   * @throws IOException if a file cannot be written or moved
   */
  static void commit(Path directory, Map<String, String> files) throws IOException {
    recover(directory);
    Path staging = directory.resolve(STAGING_DIRECTORY);
    Files.createDirectories(staging);
    for (Map.Entry<String, String> file : files.entrySet()) {
      // the marker atomically, so that it exists only whole; the others are whole before it is written
      ResultFiles.writeAtomically(staging.resolve(file.getKey()), file.getValue());
    }
    moveInto(directory, staging, files.keySet());
    deleteStage(staging);
  }

  /**
   * Finishes or discards a checkpoint that a killed process left staged in a results directory: with
   * its {@code run-state.json} staged, its files still staged are moved into place; without it, the
   * stage is deleted and the previous checkpoint stays. Does nothing when nothing is staged.
   *
   * @param directory a results directory
   * @return whether a staged checkpoint was moved into place
   * @throws IOException if a file cannot be moved or deleted
   */
  public static boolean recover(Path directory) throws IOException {
    Path staging = directory.resolve(STAGING_DIRECTORY);
    if (!Files.isDirectory(staging)) {
      return false;
    }
    boolean committed = Files.isRegularFile(staging.resolve(RunState.FILE));
    if (committed) {
      moveInto(directory, staging, List.of(ResultFiles.LATENCY_LOG_FILE, ResultFiles.PER_SECOND_FILE, RunState.FILE));
    }
    deleteStage(staging);
    return committed;
  }

  private static void moveInto(Path directory, Path staging, Iterable<String> names) throws IOException {
    for (String name : names) {
      Path staged = staging.resolve(name);
      if (Files.exists(staged)) {
        Files.move(staged, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Deletes the stage and whatever a killed write left in it, such as a temporary file. */
  private static void deleteStage(Path staging) throws IOException {
    try (var left = Files.list(staging)) {
      for (Path p : left.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(staging);
  }
}
