package org.loadcast.profile;

/**
 * A half-open stretch of profile time, {@code [fromSeconds, toSeconds)}.
 *
 * @param fromSeconds the start, in seconds since the profile starts; finite
 * @param toSeconds the end, in seconds since the profile starts; greater than {@code fromSeconds}
 */
public record TimeRange(double fromSeconds, double toSeconds) {

  /**
   * Validates the range.
   *
   * @throws IllegalArgumentException if a bound is not finite or {@code toSeconds <= fromSeconds}
   */
  public TimeRange {
    if (!Double.isFinite(fromSeconds)) {
      throw new IllegalArgumentException("fromSeconds must be finite, but was " + fromSeconds);
    }
    if (!Double.isFinite(toSeconds) || toSeconds <= fromSeconds) {
      throw new IllegalArgumentException(
          "toSeconds must be > fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
  }

  /** Returns the length of the range in seconds. */
  public double durationSeconds() {
    return toSeconds - fromSeconds;
  }

  /** Returns whether {@code atSeconds} lies in {@code [fromSeconds, toSeconds)}. */
  public boolean contains(double atSeconds) {
    return atSeconds >= fromSeconds && atSeconds < toSeconds;
  }

  /** Returns the seconds this range shares with {@code [from, to)}; 0 when they do not meet. */
  public double overlapSeconds(double from, double to) {
    return Math.max(0, Math.min(to, toSeconds) - Math.max(from, fromSeconds));
  }
}
