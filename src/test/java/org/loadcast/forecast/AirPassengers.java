package org.loadcast.forecast;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Test fixture: Box and Jenkins series G, monthly international airline passengers in thousands,
 * 1949-01 … 1960-12 (R {@code datasets::AirPassengers}), read from the shared reference directory.
 */
final class AirPassengers {
  static final Path CSV = Path.of("..", "shared", "reference", "airpassengers.csv");
  static final int MONTHS_PER_YEAR = 12;
  static final int TRAINING_MONTHS = 120;

  private AirPassengers() {
  }

  /** All 144 values, in time order. */
  static double[] all() {
    try (var lines = Files.lines(CSV)) {
      return lines.skip(1).filter(line -> !line.isBlank())
          .mapToDouble(line -> Double.parseDouble(line.split(",")[1].trim())).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 1949-01 … 1958-12, the training window of REFERENCE.md §3.8. */
  static double[] training() {
    return Arrays.copyOf(all(), TRAINING_MONTHS);
  }

  /** 1959-01 … 1960-12, the test window of REFERENCE.md §3.8. */
  static double[] test() {
    double[] all = all();
    return Arrays.copyOfRange(all, TRAINING_MONTHS, all.length);
  }
}
