package org.loadcast.profile;

/**
 * How a stretch of a profile is replayed: which profile seconds, how fast, and at what rate.
 *
 * <p>Replay second {@code k} plays profile time {@code [fromSeconds + k·C, fromSeconds + (k+1)·C)},
 * with {@code C = compressionFactor}, clipped to {@code toSeconds}. The rate scale multiplies the
 * intensity (the expected arrivals), never the drawn counts.
 *
 * @param fromSeconds start of the replayed window, in seconds since the profile starts; finite
 * @param toSeconds end of the window (exclusive), in seconds since the profile starts; finite and
 *     {@code > fromSeconds}
 * @param compressionFactor profile seconds per replay second, finite and {@code > 0}; 1 is real
 *     time, 720 plays a day in 120 s
 * @param rateScale multiplier of the profile's rate, finite and {@code >= 0}
 */
public record ReplaySettings(double fromSeconds, double toSeconds, double compressionFactor, double rateScale) {
  /**
   * The longest replay compiled, in replay seconds: a bit under 3 years, so that a schedule's array
   * fits in memory.
   */
  public static final int MAX_REPLAY_SECONDS = 100_000_000;

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value breaks its rule above, or the replay would last
   *     more than {@link #MAX_REPLAY_SECONDS}
   */
  public ReplaySettings {
    if (!Double.isFinite(fromSeconds)) {
      throw new IllegalArgumentException("fromSeconds must be finite, but was " + fromSeconds);
    }
    if (!Double.isFinite(toSeconds) || toSeconds <= fromSeconds) {
      throw new IllegalArgumentException("toSeconds must be > fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
    if (!Double.isFinite(compressionFactor) || compressionFactor <= 0) {
      throw new IllegalArgumentException("compressionFactor must be a finite number > 0, but was " + compressionFactor);
    }
    if (!Double.isFinite(rateScale) || rateScale < 0) {
      throw new IllegalArgumentException("rateScale must be a finite number >= 0, but was " + rateScale);
    }
    double replaySeconds = (toSeconds - fromSeconds) / compressionFactor;
    if (replaySeconds > MAX_REPLAY_SECONDS) {
      throw new IllegalArgumentException("the replay must last at most " + MAX_REPLAY_SECONDS
          + " s (window / compressionFactor), but was " + replaySeconds + " s");
    }
  }

  /** Returns the replay's length in seconds, {@code (toSeconds − fromSeconds) / compressionFactor}; may have a fraction. */
  public double replaySeconds() {
    return (toSeconds - fromSeconds) / compressionFactor;
  }

  /**
   * Returns the number of whole replay seconds the schedule has: the replay length rounded up, so
   * that a final partial second keeps the arrivals of the window's last profile seconds. A length
   * within 1e-9 s of a whole number counts as that number, so that {@code 86400 / 720} gives 120
   * and not 121 through rounding error.
   *
   * @return {@code >= 1}
   */
  public int secondCount() {
    double length = replaySeconds();
    return (int) Math.max(1, Math.ceil(length - 1e-9 * Math.max(1, length)));
  }

  /**
   * Returns the profile time at which replay second {@code k} starts, clipped to the window's end.
   *
   * @param k a replay second, {@code 0..secondCount()}; {@code secondCount()} gives {@code toSeconds}
   * @return seconds since the profile starts
   */
  public double profileSecondsAt(int k) {
    return k >= secondCount() ? toSeconds : Math.min(toSeconds, fromSeconds + k * compressionFactor);
  }
}
