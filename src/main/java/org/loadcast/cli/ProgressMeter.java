package org.loadcast.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for reading a large input: it appears only once the
 * reading has taken {@link #DELAY_NANOS} (2 s), and redraws at most every 250 ms, by bytes read of
 * the file as stored (compressed or not).
 *
 * <p>Mutable and not thread-safe: one per input, fed by the reading thread.
 */
final class ProgressMeter {
  /** How long a reading runs before the bar appears: 2 s. */
  static final long DELAY_NANOS = 2_000_000_000L;
  private static final long REDRAW_NANOS = 250_000_000L;
  private static final int WIDTH = 30;

  private final String label;
  private final long totalBytes;
  private final LongSupplier nanoClock;
  private final PrintWriter err;
  private final long startNanos;
  private long lastDrawNanos;
  private boolean shown;
  private long lastBytes;

  /**
   * Starts the meter.
   *
   * @param label what is read, such as the file name
   * @param totalBytes the size of the file in bytes, {@code >= 0}
   * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
   * @param err where the bar is drawn
   */
  ProgressMeter(String label, long totalBytes, LongSupplier nanoClock, PrintWriter err) {
    this.label = label;
    this.totalBytes = totalBytes;
    this.nanoClock = nanoClock;
    this.err = err;
    this.startNanos = nanoClock.getAsLong();
  }

  /** Notes that {@code bytesRead} bytes have been read so far, and redraws when due. */
  void update(long bytesRead) {
    lastBytes = bytesRead;
    long now = nanoClock.getAsLong();
    if (now - startNanos < DELAY_NANOS || (shown && now - lastDrawNanos < REDRAW_NANOS)) {
      return;
    }
    draw(bytesRead, now);
  }

  private void draw(long bytesRead, long now) {
    lastDrawNanos = now;
    shown = true;
    double fraction = totalBytes > 0 ? Math.min(1.0, (double) bytesRead / totalBytes) : 0;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (now - startNanos) / 1e9;
    err.printf(Locale.ROOT, "\rreading %s [%s%s] %3.0f %% %,d MB %.0f s", label, "#".repeat(filled), " ".repeat(WIDTH - filled),
        100 * fraction, bytesRead >> 20, seconds);
    err.flush();
  }

  /** Draws the final state and ends the bar's line, if the bar was drawn. */
  void finish() {
    if (shown) {
      draw(lastBytes, nanoClock.getAsLong());
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
