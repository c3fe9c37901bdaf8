package org.loadcast.profile;

/**
 * Compiles a stretch of a rate curve into whole arrival counts per replay second.
 *
 * <p>The expected arrivals before replay second {@code k} are {@code E(k) = S·I(from, from + k·C)},
 * with {@code I} the exact integral of the piecewise curve ({@link RateCurve#integral}: whole
 * segments from precomputed sums, the partial ones in closed form, so no sampling and no arrival is
 * lost or counted twice at a breakpoint), {@code C} the compression and {@code S} the rate scale.
 * The {@link ArrivalMode} turns these into counts.
 *
 * <p>A replay whose length {@code (to − from) / C} is not a whole number of seconds gets one more,
 * partial, second at the end: it holds the arrivals of the window's remaining profile time, so the
 * total still covers the whole window (see {@link ReplaySettings#secondCount()}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ScheduleCompiler {
  private ScheduleCompiler() {}

  /**
   * Returns the schedule that replays a window of a curve.
   *
   * @param curve the profile's rate curve; its missing ranges are bridged first with {@link
   *     RateCurve#bridgedOverMissing()} (the caller should say how many seconds of the window were
   *     missing: {@code curve.missingSeconds(from, to)})
   * @param replay the window, compression and rate scale; the window must lie within the curve
   * @param mode deterministic or Poisson counts
   * @return one count per replay second, {@link ReplaySettings#secondCount()} of them; step length
   *     1 s
   * @throws IllegalArgumentException if the window reaches outside the curve, or a second would
   *     need more than {@link Integer#MAX_VALUE} arrivals
   */
  public static ArrivalSchedule compile(RateCurve curve, ReplaySettings replay, ArrivalMode mode) {
    checkWithin(curve, replay);
    double[] expected = expectedCumulative(curve.bridgedOverMissing(), replay);
    int[] counts = mode.counts(expected);
    return ArrivalSchedule.ofSeconds(replay.compressionFactor(), counts, expected[expected.length - 1]);
  }

  /**
   * Returns the expected arrivals before each replay second: {@code n + 1} values from 0 to the
   * window's whole expectation, for the {@code n = replay.secondCount()} seconds.
   *
   * @param curve a curve that covers the window
   * @param replay the window, compression and rate scale
   * @return the scaled cumulative integral at each replay-second boundary, non-decreasing
   * @throws IllegalArgumentException if the window reaches outside the curve
   */
  public static double[] expectedCumulative(RateCurve curve, ReplaySettings replay) {
    checkWithin(curve, replay);
    int n = replay.secondCount();
    double[] expected = new double[n + 1];
    for (int k = 1; k <= n; k++) {
      double integral = curve.integral(replay.fromSeconds(), replay.profileSecondsAt(k));
      expected[k] = Math.max(expected[k - 1], replay.rateScale() * integral);
    }
    return expected;
  }

  private static void checkWithin(RateCurve curve, ReplaySettings replay) {
    if (replay.fromSeconds() < curve.startSeconds() || replay.fromSeconds() >= curve.endSeconds()) {
      throw new IllegalArgumentException("fromSeconds must lie within the profile [" + curve.startSeconds() + ", "
          + curve.endSeconds() + "), but was " + replay.fromSeconds());
    }
    if (replay.toSeconds() > curve.endSeconds()) {
      throw new IllegalArgumentException("toSeconds must lie within the profile [" + curve.startSeconds() + ", "
          + curve.endSeconds() + "], but was " + replay.toSeconds());
    }
  }
}
