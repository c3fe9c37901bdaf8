package org.loadcast.hotspot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingStream;

/**
 * Streams JDK Flight Recorder execution samples ({@code jdk.ExecutionSample}) into a {@link
 * JfrHotMethods} while a load test runs, from one of two sources ({@code jdk.jfr.consumer}):
 *
 * <ul>
 *   <li>{@link #start}: this JVM, sampled by a {@code RecordingStream} it starts, e.g. the embedded
 *       system under test inside the Gatling JVM;
 *   <li>{@link #openRepository}: another JVM on this machine that records with {@code
 *       -XX:StartFlightRecording}, read from its disk repository ({@code EventStream.openRepository})
 *       as its chunks are written; its own settings decide the sampling period (20 ms in the JDK's
 *       {@code default.jfc}).
 * </ul>
 *
 * <p>JFR delivers events in batches, about once a second; {@link #drain} waits until the samples
 * taken before it was called have been counted. Thread-safe.
 */
public final class JfrSampler implements AutoCloseable {

  private final EventStream stream;
  private long flushes;

  private JfrSampler(EventStream stream) {
    this.stream = stream;
  }

  /**
   * Starts sampling this JVM's threads in the background.
   *
   * @param period the sampling period of each thread, e.g. 10 or 20 ms; JFR's minimum is 1 ms
   * @param into the counts to feed
   * @return the running sampler; close it to stop
   * @throws IllegalArgumentException if the period is not positive
   */
  public static JfrSampler start(Duration period, JfrHotMethods into) {
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be > 0, but was " + period);
    }
    RecordingStream stream = new RecordingStream();
    stream.enable(JfrHotMethods.EXECUTION_SAMPLE).withPeriod(period).withStackTrace();
    return listen(stream, into);
  }

  /**
   * Starts reading, in the background, the execution samples another JVM writes to its JFR disk
   * repository from a given time on.
   *
   * <p>The directory is the one that holds the recording's chunk files ({@code *.jfr}), as {@code
   * jcmd PID JFR.configure} prints it ("Repository path"). Given the directory named by {@code
   * -XX:FlightRecorderOptions:repository=DIR} instead, its one subdirectory holding chunks is taken:
   * the JVM makes one per run there, named after its start time and process id.
   *
   * @param repository the repository directory, or the parent of exactly one
   * @param from the first event time wanted; earlier events in the repository are skipped
   * @param into the counts to feed
   * @return the running reader; close it to stop
   * @throws IOException if the directory cannot be listed or opened as a repository, holds no chunk
   *     file and no subdirectory with one, or holds several subdirectories with chunks (the message
   *     names them)
   */
  public static JfrSampler openRepository(Path repository, Instant from, JfrHotMethods into) throws IOException {
    EventStream stream = EventStream.openRepository(chunkDirectory(repository));
    stream.setStartTime(from);
    return listen(stream, into);
  }

  /**
   * Returns the directory of a repository that holds the chunk files: the directory itself when it
   * holds a {@code .jfr} file, else its only subdirectory that does.
   *
   * @param repository a repository or its parent
   * @return the directory with the chunks
   * @throws IOException as {@link #openRepository} says
   */
  static Path chunkDirectory(Path repository) throws IOException {
    if (!Files.isDirectory(repository)) {
      throw new IOException(repository + " is not a directory: name a JFR repository (jcmd PID JFR.configure prints it)");
    }
    if (hasChunks(repository)) {
      return repository;
    }
    List<Path> runs;
    try (Stream<Path> children = Files.list(repository)) {
      runs = children.filter(Files::isDirectory).filter(JfrSampler::hasChunksQuietly).sorted().toList();
    }
    if (runs.size() == 1) {
      return runs.get(0);
    }
    if (runs.isEmpty()) {
      throw new IOException(repository + " holds no JFR chunk file (*.jfr), nor a subdirectory with one: is the JVM "
          + "running with -XX:StartFlightRecording?");
    }
    throw new IOException(repository + " holds " + runs.size() + " JVMs' repositories (" + String.join(", ",
        runs.stream().map(p -> p.getFileName().toString()).toList()) + "): name the one of the system under test");
  }

  private static boolean hasChunks(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".jfr") && Files.isRegularFile(p));
    }
  }

  private static boolean hasChunksQuietly(Path directory) {
    try {
      return hasChunks(directory);
    } catch (IOException e) {
      return false;
    }
  }

  private static JfrSampler listen(EventStream stream, JfrHotMethods into) {
    JfrSampler sampler = new JfrSampler(stream);
    stream.onEvent(JfrHotMethods.EXECUTION_SAMPLE, into::accept);
    stream.onFlush(sampler::flushed);
    stream.startAsync();
    return sampler;
  }

  /**
   * Waits until two more batches of events have been delivered, so that every sample taken before
   * this call has been counted.
   *
   * @param timeout the longest wait
   * @return whether the batches came within the timeout
   * @throws InterruptedException if interrupted while waiting
   */
  public synchronized boolean drain(Duration timeout) throws InterruptedException {
    long target = flushes + 2;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (flushes < target) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private synchronized void flushed() {
    flushes++;
    notifyAll();
  }

  /** Stops sampling; samples not yet delivered are lost (call {@link #drain} first). */
  @Override
  public void close() {
    stream.close();
  }
}
