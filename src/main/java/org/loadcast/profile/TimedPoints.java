package org.loadcast.profile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Timestamped values of one or more series (CSV rows, Prometheus points), gathered so that the step
 * can be inferred before they are placed in steps. Memory is a few numbers per point, which is per
 * step of the span, not per request.
 *
 * <p>Mutable and not thread-safe: one per reading.
 */
final class TimedPoints {
  /** The earliest time a point may have: 0000-01-01T00:00:00Z, in milliseconds since the epoch. */
  static final long EARLIEST_MILLIS = -62_167_219_200_000L;
  /** The latest time a point may have: 9999-12-31T23:59:59.999Z, in milliseconds since the epoch. */
  static final long LATEST_MILLIS = 253_402_300_799_999L;
  /** The most requests one step may hold: {@link Integer#MAX_VALUE}, as the rate models count in {@code int}. */
  static final long MAX_COUNT_PER_STEP = Integer.MAX_VALUE;

  private long[] timeMillis = new long[1 << 10];
  private double[] values = new double[1 << 10];
  private long[] lines = new long[1 << 10];
  private boolean[] seriesStart = new boolean[1 << 10];
  private boolean[] leftOut = new boolean[1 << 10];
  private int size;
  private boolean nextStartsSeries = true;
  private int[] offsets = new int[1 << 10];

  /** Marks that the next point begins another series (differences are not taken across series). */
  void newSeries() {
    nextStartsSeries = true;
  }

  /** Adds a point; a NaN value is a missing point. */
  void add(long atMillis, double value, long line, int offsetSeconds) {
    if (size == timeMillis.length) {
      int length = size + size / 2;
      timeMillis = Arrays.copyOf(timeMillis, length);
      values = Arrays.copyOf(values, length);
      lines = Arrays.copyOf(lines, length);
      seriesStart = Arrays.copyOf(seriesStart, length);
      leftOut = Arrays.copyOf(leftOut, length);
      offsets = Arrays.copyOf(offsets, length);
    }
    offsets[size] = offsetSeconds;
    timeMillis[size] = atMillis;
    values[size] = value;
    lines[size] = line;
    seriesStart[size] = nextStartsSeries;
    leftOut[size] = false;
    nextStartsSeries = false;
    size++;
  }

  /**
   * Adds the time of a point whose value was left out (and counted malformed by the reader): its
   * step is missing data, and its time still counts in inferring the step, so that leaving out a
   * value does not change the grid of the others.
   */
  void addLeftOut(long atMillis, long line, int offsetSeconds) {
    add(atMillis, Double.NaN, line, offsetSeconds);
    leftOut[size - 1] = true;
  }

  /** Returns the time of the last point added, or {@link Long#MIN_VALUE} at the start of a series. */
  long previousMillis() {
    return size == 0 || nextStartsSeries ? Long.MIN_VALUE : timeMillis[size - 1];
  }

  /**
   * Places the points in steps: absent steps and NaN points are missing; several points in one step
   * add up; a point off the step grid is malformed.
   *
   * @param valuesAreRates whether values are requests per second (times the step gives the count,
   *     rounded to the nearest whole request) rather than requests per step
   */
  TrafficSeries series(String source, TrafficReadOptions options, QualityTally tally, boolean valuesAreRates) {
    return series(source, options, tally, valuesAreRates, false);
  }

  /**
   * Returns the series of the points.
   *
   * @param stampsEndSteps whether a point's timestamp ends the step it counts, as a Prometheus
   *     sample of {@code rate(x[w])} or {@code increase(x[w])} at {@code t} covers {@code (t − w, t]};
   *     false when it starts the step, as a CSV's period does
   */
  TrafficSeries series(String source, TrafficReadOptions options, QualityTally tally, boolean valuesAreRates,
      boolean stampsEndSteps) {
    if (size == 0) {
      throw new InputException(new InputProblem(source, 0, 0, "the input holds no data point"));
    }
    long stepMillis = options.stepSeconds() > 0 ? options.stepSeconds() * 1000L : inferStepMillis(source);
    if (stepMillis % 1000 != 0) {
      throw new InputException(new InputProblem(source, 0, 0, String.format(java.util.Locale.ROOT,
          "the most common difference between timestamps must be whole seconds, but was %.3f s; give --step-seconds",
          stepMillis / 1000.0)));
    }
    if (stepMillis / 1000 > 366 * 86_400) {
      throw new InputException(new InputProblem(source, 0, 0, "the most common difference between timestamps is "
          + stepMillis / 1000 + " s, more than a year; give --step-seconds"));
    }
    int step = (int) (stepMillis / 1000);
    long phase = commonPhase(stepMillis);
    long origin = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int originOffsetSeconds = 0;
    for (int i = 0; i < size; i++) {
      if (Math.floorMod(timeMillis[i], stepMillis) == phase) {
        if (timeMillis[i] < origin) {
          origin = timeMillis[i];
          originOffsetSeconds = offsets[i];
        }
        max = Math.max(max, timeMillis[i]);
      }
    }
    long stepCount = (max - origin) / stepMillis + 1;
    if (stepCount > Integer.MAX_VALUE - 16) {
      throw new InputException(new InputProblem(source, 0, 0, "the input spans " + stepCount + " steps of " + step
          + " s, more than can be held; give a larger --step-seconds"));
    }
    int n = (int) stepCount;
    double[] sums = new double[n];
    boolean[] present = new boolean[n];
    boolean[] missing = new boolean[n];
    for (int i = 0; i < size; i++) {
      long offset = timeMillis[i] - origin;
      if (Math.floorMod(timeMillis[i], stepMillis) != phase) {
        if (leftOut[i]) {
          continue; // counted once, when its value was left out
        }
        tally.malformed(lines[i], String.format(java.util.Locale.ROOT,
            "the timestamp must fall on the grid of %d s steps that most points share, but is %.3f s after a grid time", step,
            Math.floorMod(offset, stepMillis) / 1000.0));
        continue;
      }
      int index = (int) (offset / stepMillis);
      present[index] = true;
      if (Double.isNaN(values[i])) {
        missing[index] = true;
      } else {
        sums[index] += valuesAreRates ? values[i] * step : values[i];
      }
    }
    long[] counts = new long[n];
    for (int i = 0; i < n; i++) {
      if (!present[i]) {
        missing[i] = true;
      }
      counts[i] = missing[i] ? 0 : Math.round(sums[i]);
      if (counts[i] > MAX_COUNT_PER_STEP) {
        throw new InputException(new InputProblem(source, 0, 0, String.format(java.util.Locale.ROOT,
            "the points of the step %s add up to %.0f requests, more than %d; give a smaller --step-seconds",
            Instant.ofEpochMilli(origin + i * stepMillis), sums[i], MAX_COUNT_PER_STEP)));
      }
    }
    long startMillis = stampsEndSteps ? origin - stepMillis : origin;
    OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochMilli(startMillis), ZoneOffset.ofTotalSeconds(originOffsetSeconds));
    return tally.series(start, step, counts, missing, options.missingDataRule(), null);
  }

  /**
   * Returns the grid's phase, the time modulo the step shared by most points (ties go to the smaller),
   * so that one point off the grid, however early, does not move the grid of the others.
   */
  private long commonPhase(long stepMillis) {
    Map<Long, Integer> phases = new HashMap<>();
    for (int i = 0; i < size; i++) {
      phases.merge(Math.floorMod(timeMillis[i], stepMillis), 1, Integer::sum);
    }
    return phases.entrySet().stream()
        .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .orElseThrow().getKey();
  }

  /**
   * Returns the most common positive difference between points of a series next in time (not in
   * input order, so that a row out of order does not change the step); ties go to the smaller.
   */
  private long inferStepMillis(String source) {
    Map<Long, Integer> differences = new HashMap<>();
    for (int from = 0; from < size; ) {
      int to = from + 1;
      while (to < size && !seriesStart[to]) {
        to++;
      }
      long[] sorted = Arrays.copyOfRange(timeMillis, from, to);
      Arrays.sort(sorted);
      for (int i = 1; i < sorted.length; i++) {
        long d = sorted[i] - sorted[i - 1];
        if (d > 0) {
          differences.merge(d, 1, Integer::sum);
        }
      }
      from = to;
    }
    return differences.entrySet().stream()
        .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElseThrow(() -> new InputException(new InputProblem(source, 0, 0,
            "the step cannot be inferred from fewer than two increasing timestamps; give --step-seconds")));
  }
}
