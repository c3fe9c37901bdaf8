package org.loadcast.hotspot;

import java.time.Duration;
import jdk.jfr.consumer.RecordingStream;

/**
 * Samples this JVM's threads with JDK Flight Recorder while it runs, streaming each {@code
 * jdk.ExecutionSample} into a {@link JfrHotMethods} ({@code jdk.jfr.consumer.RecordingStream}).
 *
 * <p>JFR delivers events in batches, about once a second; {@link #drain} waits until the samples
 * taken before it was called have been counted. Thread-safe.
 */
public final class JfrSampler implements AutoCloseable {

  private final RecordingStream stream;
  private long flushes;

  private JfrSampler(RecordingStream stream) {
    this.stream = stream;
  }

  /**
   * Starts sampling in the background.
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
    JfrSampler sampler = new JfrSampler(stream);
    stream.enable(JfrHotMethods.EXECUTION_SAMPLE).withPeriod(period).withStackTrace();
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
