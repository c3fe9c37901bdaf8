package org.loadcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Agrees on one start time among injectors that share a file system (a directory on one machine, a
 * ReadWriteMany volume in Kubernetes): the first injector to arrive creates the start file, which
 * only one can (an exclusive create, {@code O_CREAT | O_EXCL}), and writes into it its clock plus a
 * lead, in epoch milliseconds and a newline; the others wait until the file holds a whole line and
 * read it. Each injector then starts at that time by its own clock, so the injectors' clocks must be
 * synchronised (NTP); each records how late it actually started.
 */
public final class StartAgreement {
  /** How long an injector waits for the first one to finish writing the file, milliseconds. */
  static final long READ_TIMEOUT_MILLIS = 30_000;

  private StartAgreement() {}

  /**
   * Returns the agreed start, creating the file if this injector is the first.
   *
   * @param file the start file; its directory must exist
   * @param clockMillis this injector's clock, epoch milliseconds
   * @param leadSeconds how far ahead of the first arrival the start is set, {@code >= 1}
   * @return the agreed start, epoch milliseconds
   * @throws IllegalArgumentException if the file holds something other than epoch milliseconds, or
   *     stays incomplete for {@value #READ_TIMEOUT_MILLIS} ms
   * @throws UncheckedIOException if the file cannot be created or read
   */
  public static long agree(Path file, LongSupplier clockMillis, int leadSeconds) {
    if (leadSeconds < 1) {
      throw new IllegalArgumentException("leadSeconds must be >= 1, but was " + leadSeconds);
    }
    long proposed = clockMillis.getAsLong() + leadSeconds * 1000L;
    try {
      Files.writeString(file, proposed + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE, StandardOpenOption.SYNC);
      return proposed;
    } catch (FileAlreadyExistsException e) {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the start file " + file + ": " + e.getMessage(), e);
    }
  }

  private static long read(Path file) {
    long deadline = System.nanoTime() + READ_TIMEOUT_MILLIS * 1_000_000;
    while (true) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.US_ASCII);
      } catch (NoSuchFileException e) {
        text = "";
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the start file " + file + ": " + e.getMessage(), e);
      }
      if (text.endsWith("\n")) {
        String line = text.strip();
        if (!line.matches("[0-9]{1,18}")) {
          throw new IllegalArgumentException("the start file " + file + " must hold a time in epoch milliseconds, but holds '"
              + line + "'");
        }
        return Long.parseLong(line);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalArgumentException("the start file " + file + " was still incomplete after " + READ_TIMEOUT_MILLIS
            + " ms: '" + text + "'");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the start file " + file, e);
      }
    }
  }
}
