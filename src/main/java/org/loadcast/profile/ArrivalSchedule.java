package org.loadcast.profile;

import java.util.Arrays;

/**
 * Whole-step arrival counts for replaying a stretch of a rate curve, possibly compressed in time.
 *
 * <p>Step {@code i} replays profile time {@code [from + i·Δ, from + (i+1)·Δ)} with {@code Δ =
 * compressionFactor() × stepSeconds()}. Its count is the rounded cumulative integral of the scaled
 * rate, so that the counts add up to the rounded integral of the whole window and no step is off by
 * a whole request or more: {@code count[i] = round(S(i+1)) − round(S(i))}, with {@code S(i)} the
 * expected arrivals before step {@code i} (see {@link ArrivalMode.Deterministic}). Gatling truncates
 * sub-second injection steps, so the replay injects whole steps of {@code stepSeconds()} instead.
 * {@link ScheduleCompiler} compiles one-second schedules by compression factor, deterministic or
 * Poisson.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ArrivalSchedule {
  private final double stepSeconds;
  private final double compressionFactor;
  private final int[] counts;
  private final double expectedTotal;

  private ArrivalSchedule(double stepSeconds, double compressionFactor, int[] counts, double expectedTotal) {
    this.stepSeconds = stepSeconds;
    this.compressionFactor = compressionFactor;
    this.counts = counts;
    this.expectedTotal = expectedTotal;
  }

  /**
   * Compiles the schedule that replays {@code [fromSeconds, toSeconds)} of a curve in {@code steps}
   * steps of {@code stepSeconds} each.
   *
   * @param curve the rate curve; must have no missing range inside the window (bridge it first with
   *     {@link RateCurve#bridgedOverMissing()})
   * @param fromSeconds start of the window in profile seconds, within the curve
   * @param toSeconds end of the window in profile seconds, within the curve, {@code > fromSeconds}
   * @param steps number of replay steps, {@code >= 1}
   * @param stepSeconds replay duration of each step in seconds, {@code > 0}; 1 for Gatling
   * @param rateScale multiplier applied to the rate, {@code >= 0}
   * @return the schedule; its total equals {@code round(rateScale × integral)} of the window
   * @throws IllegalArgumentException if a rule above is broken or the window has missing data
   */
  public static ArrivalSchedule compile(
      RateCurve curve, double fromSeconds, double toSeconds, int steps, double stepSeconds, double rateScale) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, but was " + steps);
    }
    if (!(stepSeconds > 0) || !Double.isFinite(stepSeconds)) {
      throw new IllegalArgumentException("stepSeconds must be > 0, but was " + stepSeconds);
    }
    if (!(rateScale >= 0) || !Double.isFinite(rateScale)) {
      throw new IllegalArgumentException("rateScale must be a finite number >= 0, but was " + rateScale);
    }
    double missingSeconds = curve.missingSeconds(fromSeconds, toSeconds);
    if (missingSeconds > 0) {
      throw new IllegalArgumentException("the replay window [" + fromSeconds + ", " + toSeconds
          + ") has " + missingSeconds + " s of missing data; bridge the curve first");
    }
    double stepProfileSeconds = (toSeconds - fromSeconds) / steps;
    double[] expected = new double[steps + 1];
    for (int i = 1; i <= steps; i++) {
      double end = i == steps ? toSeconds : fromSeconds + i * stepProfileSeconds;
      expected[i] = rateScale * curve.integral(fromSeconds, end);
    }
    int[] counts = new ArrivalMode.Deterministic().counts(expected);
    return new ArrivalSchedule(stepSeconds, stepProfileSeconds / stepSeconds, counts, expected[steps]);
  }

  /**
   * Returns a schedule of one-second steps with the given counts; {@link ScheduleCompiler} makes
   * them.
   */
  static ArrivalSchedule ofSeconds(double compressionFactor, int[] counts, double expectedTotal) {
    return new ArrivalSchedule(1, compressionFactor, counts.clone(), expectedTotal);
  }

  /** Returns the replay duration of each step, in seconds. */
  public double stepSeconds() {
    return stepSeconds;
  }

  /** Returns how many profile seconds one replay second covers; 1 for real time. */
  public double compressionFactor() {
    return compressionFactor;
  }

  /** Returns the number of steps. */
  public int stepCount() {
    return counts.length;
  }

  /** Returns the arrivals of step {@code index}, {@code >= 0}. */
  public int count(int index) {
    return counts[index];
  }

  /** Returns a copy of all step counts, in step order. */
  public int[] counts() {
    return counts.clone();
  }

  /** Returns the sum of all step counts. */
  public long totalArrivals() {
    return Arrays.stream(counts).asLongStream().sum();
  }

  /** Returns the unrounded expected arrivals of the whole window: rate scale × integral. */
  public double expectedArrivals() {
    return expectedTotal;
  }

  /** Returns the highest step count divided by the step duration: the peak replay rate per second. */
  public double peakRatePerSecond() {
    return Arrays.stream(counts).max().orElse(0) / stepSeconds;
  }
}
