package org.loadcast.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long work: it appears only once the work has taken
 * {@link #DELAY_NANOS} (2 s), and redraws at most every 250 ms. The work is counted in units of its
 * own: bytes read of a file as stored (compressed or not), or simulated seconds.
 *
 * <p>Mutable and not thread-safe: one per task, fed by one thread.
 */
final class ProgressMeter {
  /** How long a reading runs before the bar appears: 2 s. */
  static final long DELAY_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final LongFunction<String> amount;
  private final LongSupplier nanoClock;
  private final PrintWriter err;
  private final long startNanos;
  private long lastDrawNanos;
  private boolean shown;
  private long lastDone;

  /**
   * Starts a meter for reading a file: "reading NAME [###   ] 40 % 12 MB 3 s".
   *
   * @param fileName what is read, such as the file name
   * @param totalBytes the size of the file in bytes, {@code >= 0}
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @param err where the bar is drawn
   */
  ProgressMeter(String fileName, long totalBytes, LongSupplier nanoClock, PrintWriter err) {
    this("reading " + fileName, totalBytes, bytes -> String.format(Locale.ROOT, "%,d MB", bytes >> 20), nanoClock, err);
  }

  /**
   * Starts a meter.
   *
   * @param label what is done, such as "simulating 20 runs"
   * @param total the units of the whole work, {@code >= 0}
   * @param amount the units done so far for people, such as "12 MB"
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @param err where the bar is drawn
   */
  ProgressMeter(String label, long total, LongFunction<String> amount, LongSupplier nanoClock, PrintWriter err) {
    this.label = label;
    this.total = total;
    this.amount = amount;
    this.nanoClock = nanoClock;
    this.err = err;
    this.startNanos = nanoClock.getAsLong();
  }

  /** Notes that {@code done} units are done so far, and redraws when due. */
  void update(long done) {
    lastDone = done;
    long now = nanoClock.getAsLong();
    if (now - startNanos < DELAY_NANOS || (shown && now - lastDrawNanos < REDRAW_NANOS)) {
      return;
    }
    draw(done, now);
  }

  private void draw(long done, long now) {
    lastDrawNanos = now;
    shown = true;
    double fraction = total > 0 ? Math.min(1.0, (double) done / total) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (now - startNanos) / 1e9;
    err.printf(Locale.ROOT, "\r%s [%s%s] %3.0f %% %s %.0f s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
        100 * fraction, amount.apply(done), seconds);
    err.flush();
  }

  /** Draws the final state and ends the bar's line, if the bar was drawn. */
  void finish() {
    if (shown) {
      draw(lastDone, nanoClock.getAsLong());
      err.println();
      err.flush();
    }
  }

  /** Returns a stream that reports its bytes read to the meter. */
  InputStream watch(InputStream in) {
    return new FilterInputStream(in) {
      private long read;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          update(++read);
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          read += n;
          update(read);
        }
        return n;
      }
    };
  }
}
