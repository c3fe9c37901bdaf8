package org.loadcast.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An arrival-rate curve: requests per second against seconds since the profile starts.
 *
 * <p>The curve is defined on {@code [startSeconds(), endSeconds()]} by its points, joined by
 * {@link Interpolation#LINEAR} segments or held by {@link Interpolation#STEP} (the rate of a point
 * holds until the next point; the last point only marks the end). Stretches of the source that were
 * not observed are listed as {@link #missing()} ranges: their rate is unknown, not zero.
 *
 * <p>Instances are immutable and thread-safe. Queries that fall outside the curve throw rather
 * than guess.
 */
public final class RateCurve {
  private final double[] atSeconds;
  private final double[] ratePerSecond;
  private final Interpolation interpolation;
  private final List<TimeRange> missing;
  /** cumulative[i] = integral of the rate from the first point to point i, in requests. */
  private final double[] cumulative;

  private RateCurve(double[] at, double[] rate, Interpolation interpolation, List<TimeRange> missing) {
    this.atSeconds = at;
    this.ratePerSecond = rate;
    this.interpolation = interpolation;
    this.missing = List.copyOf(missing);
    this.cumulative = new double[at.length];
    for (int i = 1; i < at.length; i++) {
      cumulative[i] = cumulative[i - 1] + segmentIntegral(i - 1, at[i]);
    }
  }

  /**
   * Returns a curve through the given points.
   *
   * @param atSeconds point times in seconds since the profile starts; at least 2, finite, strictly
   *     increasing
   * @param ratePerSecond the arrival rate at each point, in requests per second; finite and {@code
   *     >= 0}; same length as {@code atSeconds}
   * @param interpolation how the rate fills the time between points
   * @param missing unobserved ranges, sorted, not overlapping, within the curve
   * @return the curve; the arrays are copied
   * @throws IllegalArgumentException if any of the rules above is broken; the message names the
   *     index and the value
   */
  public static RateCurve of(
      double[] atSeconds, double[] ratePerSecond, Interpolation interpolation, List<TimeRange> missing) {
    if (atSeconds.length != ratePerSecond.length) {
      throw new IllegalArgumentException("atSeconds (" + atSeconds.length
          + " values) and ratePerSecond (" + ratePerSecond.length + " values) must have the same length");
    }
    if (atSeconds.length < 2) {
      throw new IllegalArgumentException("a rate curve needs at least 2 points, but had " + atSeconds.length);
    }
    if (interpolation == null) {
      throw new IllegalArgumentException("interpolation is required");
    }
    checkPoints(atSeconds, ratePerSecond);
    checkMissing(missing, atSeconds[0], atSeconds[atSeconds.length - 1]);
    return new RateCurve(atSeconds.clone(), ratePerSecond.clone(), interpolation, missing);
  }

  private static void checkPoints(double[] at, double[] rate) {
    for (int i = 0; i < at.length; i++) {
      if (!Double.isFinite(at[i])) {
        throw new IllegalArgumentException("points[" + i + "].atSeconds must be finite, but was " + at[i]);
      }
      if (i > 0 && at[i] <= at[i - 1]) {
        throw new IllegalArgumentException("points[" + i + "].atSeconds must be > points[" + (i - 1)
            + "].atSeconds (" + at[i - 1] + "), but was " + at[i]);
      }
      if (!Double.isFinite(rate[i]) || rate[i] < 0) {
        throw new IllegalArgumentException(
            "points[" + i + "].ratePerSecond must be a finite number >= 0, but was " + rate[i]);
      }
    }
  }

  private static void checkMissing(List<TimeRange> missing, double start, double end) {
    double previousEnd = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < missing.size(); i++) {
      TimeRange range = missing.get(i);
      if (range.fromSeconds() < start || range.toSeconds() > end) {
        throw new IllegalArgumentException("missing[" + i + "] must lie within the curve [" + start
            + ", " + end + "], but was [" + range.fromSeconds() + ", " + range.toSeconds() + ")");
      }
      if (range.fromSeconds() < previousEnd) {
        throw new IllegalArgumentException("missing[" + i + "] must start at or after the end of missing["
            + (i - 1) + "] (" + previousEnd + "), but started at " + range.fromSeconds());
      }
      previousEnd = range.toSeconds();
    }
  }

  /** Returns the time of the first point, in seconds since the profile starts. */
  public double startSeconds() {
    return atSeconds[0];
  }

  /** Returns the time of the last point, in seconds since the profile starts. */
  public double endSeconds() {
    return atSeconds[atSeconds.length - 1];
  }

  /** Returns the number of points, at least 2. */
  public int pointCount() {
    return atSeconds.length;
  }

  /** Returns the time of point {@code index}, in seconds. */
  public double atSeconds(int index) {
    return atSeconds[index];
  }

  /** Returns the rate of point {@code index}, in requests per second. */
  public double ratePerSecond(int index) {
    return ratePerSecond[index];
  }

  /** Returns how the rate fills the time between points. */
  public Interpolation interpolation() {
    return interpolation;
  }

  /** Returns the unobserved ranges, sorted by time; empty when the source was complete. */
  public List<TimeRange> missing() {
    return missing;
  }

  /**
   * Returns the rate at a time.
   *
   * @param at seconds since the profile starts, within {@code [startSeconds(), endSeconds()]}
   * @return requests per second, {@code >= 0}
   * @throws IllegalArgumentException if {@code at} lies outside the curve
   */
  public double rateAt(double at) {
    int i = segmentIndex(at);
    return rateWithin(i, at);
  }

  /**
   * Returns the expected number of arrivals between two times: the integral of the rate.
   *
   * @param fromSeconds start, within the curve
   * @param toSeconds end, within the curve and {@code >= fromSeconds}
   * @return requests; 0 when the bounds are equal
   * @throws IllegalArgumentException if a bound lies outside the curve or the bounds are reversed
   */
  public double integral(double fromSeconds, double toSeconds) {
    if (toSeconds < fromSeconds) {
      throw new IllegalArgumentException(
          "toSeconds must be >= fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
    return cumulativeAt(toSeconds) - cumulativeAt(fromSeconds);
  }

  /**
   * Returns the highest rate the curve reaches between two times.
   *
   * @param fromSeconds start, within the curve
   * @param toSeconds end, within the curve and {@code > fromSeconds}
   * @return requests per second
   * @throws IllegalArgumentException if a bound lies outside the curve or the range is empty
   */
  public double peakRatePerSecond(double fromSeconds, double toSeconds) {
    if (toSeconds <= fromSeconds) {
      throw new IllegalArgumentException(
          "toSeconds must be > fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
    int first = segmentIndex(fromSeconds);
    int last = segmentIndex(toSeconds);
    double peak = rateWithin(first, fromSeconds);
    for (int i = first + 1; i <= last; i++) {
      peak = Math.max(peak, ratePerSecond[i]);
    }
    if (interpolation == Interpolation.LINEAR) {
      peak = Math.max(peak, rateWithin(last, toSeconds));
    }
    return peak;
  }

  /**
   * Returns the mean rate over consecutive intervals of equal length from the start of the curve:
   * element k is {@code integral(start + k·step, start + (k+1)·step) / step}, or NaN when any part
   * of that interval lies in a {@link #missing()} range (its mean is unknown, not smaller).
   *
   * <p>This is the plain-array form that the capacity model's daily peaks take.
   *
   * @param stepSeconds the interval length, in seconds; finite and {@code > 0}
   * @return ⌊(end − start) / step⌋ means in time order, in requests per second; a trailing part
   *     shorter than a step is left out; empty when the curve is shorter than one step
   * @throws IllegalArgumentException if stepSeconds is not a finite number {@literal >} 0
   */
  public double[] intervalMeans(double stepSeconds) {
    if (!(stepSeconds > 0 && Double.isFinite(stepSeconds))) {
      throw new IllegalArgumentException("stepSeconds must be finite and > 0, but was " + stepSeconds);
    }
    int count = (int) Math.floor((endSeconds() - startSeconds()) / stepSeconds);
    double[] means = new double[count];
    for (int k = 0; k < count; k++) {
      double from = startSeconds() + k * stepSeconds;
      double to = Math.min(from + stepSeconds, endSeconds());
      means[k] = missingSeconds(from, to) > 0 ? Double.NaN : integral(from, to) / stepSeconds;
    }
    return means;
  }

  /** Returns whether {@code atSeconds} lies in a missing range. */
  public boolean isMissing(double at) {
    for (TimeRange range : missing) {
      if (range.contains(at)) {
        return true;
      }
    }
    return false;
  }

  /** Returns how many seconds of {@code [fromSeconds, toSeconds)} are missing; 0 when none. */
  public double missingSeconds(double fromSeconds, double toSeconds) {
    double total = 0;
    for (TimeRange range : missing) {
      total += range.overlapSeconds(fromSeconds, toSeconds);
    }
    return total;
  }

  /**
   * Returns this curve with every rate multiplied by a factor.
   *
   * @param factor the multiplier; finite and {@code >= 0}
   * @return a new curve with the same times, interpolation and missing ranges
   * @throws IllegalArgumentException if the factor is negative or not finite
   */
  public RateCurve scaled(double factor) {
    if (!Double.isFinite(factor) || factor < 0) {
      throw new IllegalArgumentException("factor must be a finite number >= 0, but was " + factor);
    }
    double[] rate = ratePerSecond.clone();
    for (int i = 0; i < rate.length; i++) {
      rate[i] *= factor;
    }
    return new RateCurve(atSeconds, rate, interpolation, missing);
  }

  /**
   * Returns this curve with its unobserved points bridged: each point inside a missing range takes
   * the rate on the straight line between the nearest observed points before and after it.
   *
   * <p>A simulator needs some demand during a gap in the record; the straight line is the least
   * informed guess. Callers must say that they bridged, and how many seconds.
   *
   * @return a curve with no missing ranges; this curve when none were missing
   */
  public RateCurve bridgedOverMissing() {
    if (missing.isEmpty()) {
      return this;
    }
    double[] rate = ratePerSecond.clone();
    boolean[] unobserved = unobservedPoints();
    for (int i = 0; i < rate.length; i++) {
      if (unobserved[i]) {
        rate[i] = bridgeRate(unobserved, i);
      }
    }
    return new RateCurve(atSeconds, rate, interpolation, List.of());
  }

  /**
   * Returns the part of this curve between two times, with missing ranges clipped to it.
   *
   * @param fromSeconds start, within the curve
   * @param toSeconds end, within the curve and {@code > fromSeconds}
   * @return a curve on {@code [fromSeconds, toSeconds]} with the same rates and interpolation
   * @throws IllegalArgumentException if a bound lies outside the curve or the range is empty
   */
  public RateCurve slice(double fromSeconds, double toSeconds) {
    if (toSeconds <= fromSeconds) {
      throw new IllegalArgumentException(
          "toSeconds must be > fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
    int first = segmentIndex(fromSeconds);
    int last = segmentIndex(toSeconds);
    int inner = Math.max(0, last - first);
    double[] at = new double[inner + 2];
    double[] rate = new double[inner + 2];
    at[0] = fromSeconds;
    rate[0] = rateWithin(first, fromSeconds);
    for (int k = 1; k <= inner; k++) {
      at[k] = atSeconds[first + k];
      rate[k] = ratePerSecond[first + k];
    }
    at[inner + 1] = toSeconds;
    rate[inner + 1] = rateWithin(last, toSeconds);
    double[][] points = dedupe(at, rate);
    return new RateCurve(points[0], points[1], interpolation, clippedMissing(fromSeconds, toSeconds));
  }

  private static double[][] dedupe(double[] at, double[] rate) {
    int n = 0;
    double[] a = new double[at.length];
    double[] r = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      if (n > 0 && at[i] <= a[n - 1]) {
        continue;
      }
      a[n] = at[i];
      r[n++] = rate[i];
    }
    return new double[][] {Arrays.copyOf(a, n), Arrays.copyOf(r, n)};
  }

  private List<TimeRange> clippedMissing(double from, double to) {
    List<TimeRange> clipped = new ArrayList<>();
    for (TimeRange range : missing) {
      if (range.overlapSeconds(from, to) > 0) {
        clipped.add(new TimeRange(Math.max(from, range.fromSeconds()), Math.min(to, range.toSeconds())));
      }
    }
    return clipped;
  }

  private boolean[] unobservedPoints() {
    boolean[] unobserved = new boolean[atSeconds.length];
    for (int i = 0; i < atSeconds.length; i++) {
      double segmentEnd = i + 1 < atSeconds.length ? atSeconds[i + 1] : atSeconds[i];
      for (TimeRange range : missing) {
        boolean wholly = interpolation == Interpolation.STEP
            ? range.contains(atSeconds[i]) && segmentEnd <= range.toSeconds()
            : range.contains(atSeconds[i]);
        unobserved[i] |= wholly;
      }
    }
    return unobserved;
  }

  private double bridgeRate(boolean[] unobserved, int i) {
    int before = i;
    while (before >= 0 && unobserved[before]) {
      before--;
    }
    int after = i;
    while (after < unobserved.length && unobserved[after]) {
      after++;
    }
    if (before < 0 && after >= unobserved.length) {
      return 0;
    }
    if (before < 0) {
      return ratePerSecond[after];
    }
    if (after >= unobserved.length) {
      return ratePerSecond[before];
    }
    double w = (atSeconds[i] - atSeconds[before]) / (atSeconds[after] - atSeconds[before]);
    return ratePerSecond[before] + w * (ratePerSecond[after] - ratePerSecond[before]);
  }

  /**
   * Returns a cursor that walks the cumulative integral of this curve forward from a time: the
   * inversion step of drawing a non-homogeneous Poisson process (Çinlar 1975; Law, "Simulation
   * Modeling and Analysis", 5th ed., §8.6.2).
   *
   * @param fromSeconds where the cursor starts, within the curve
   * @return a new cursor; it is not thread-safe
   * @throws IllegalArgumentException if {@code fromSeconds} lies outside the curve
   */
  public Cursor cursor(double fromSeconds) {
    return new Cursor(fromSeconds);
  }

  /**
   * Walks the cumulative integral of a curve forward. Each call to {@link #advance(double)} costs
   * amortised constant time, however many points the curve has.
   *
   * <p>Mutable and not thread-safe: one cursor per stream of arrivals.
   */
  public final class Cursor {
    private int segment;
    private double cumulativeNow;

    private Cursor(double fromSeconds) {
      segment = segmentIndex(fromSeconds);
      cumulativeNow = cumulativeAt(fromSeconds);
    }

    /**
     * Moves forward until {@code requests} more arrivals are expected, and returns that time.
     *
     * @param requests expected arrivals to move past, {@code >= 0}; an Exp(1) draw gives the next
     *     arrival of a Poisson process with this curve as intensity
     * @return the time in profile seconds, or {@link Double#POSITIVE_INFINITY} past the end of the
     *     curve
     */
    public double advance(double requests) {
      double target = cumulativeNow + requests;
      int last = atSeconds.length - 1;
      while (segment < last - 1 && cumulative[segment + 1] < target) {
        segment++;
      }
      if (cumulative[last] < target) {
        segment = last - 1;
        cumulativeNow = cumulative[last];
        return Double.POSITIVE_INFINITY;
      }
      cumulativeNow = target;
      return timeWithin(segment, target - cumulative[segment]);
    }
  }

  /**
   * Returns the time in segment i at which the integral from the segment start reaches {@code area}.
   *
   * <p>On a flat segment (slope exactly 0, a rate between 0 and 1e150) the general formula
   * {@code 2·area/(r0 + sqrt(r0²))} is computed as {@code area/r0}: in binary floating point with
   * rounding to nearest, {@code sqrt(fl(r0²)) = r0} exactly when r0² neither overflows nor
   * underflows, and scaling by 2 is exact, so both give the same bits without the square root.
   */
  private double timeWithin(int i, double area) {
    double r0 = ratePerSecond[i];
    double dt = atSeconds[i + 1] - atSeconds[i];
    double slope = interpolation == Interpolation.LINEAR ? (ratePerSecond[i + 1] - r0) / dt : 0;
    if (slope == 0 && r0 > 1e-150 && r0 < 1e150) {
      return Math.min(atSeconds[i] + area / r0, atSeconds[i + 1]);
    }
    double denominator = r0 + Math.sqrt(Math.max(0, r0 * r0 + 2 * slope * area));
    double x = denominator > 0 ? 2 * area / denominator : dt;
    return Math.min(atSeconds[i] + x, atSeconds[i + 1]);
  }

  /** Returns i such that at lies in [atSeconds[i], atSeconds[i+1]], the last segment for the end. */
  private int segmentIndex(double at) {
    if (!(at >= startSeconds() && at <= endSeconds())) {
      throw new IllegalArgumentException("time " + at + " s lies outside the rate curve ["
          + startSeconds() + ", " + endSeconds() + "]");
    }
    int i = Arrays.binarySearch(atSeconds, at);
    int index = i >= 0 ? i : -i - 2;
    return Math.min(index, atSeconds.length - 2);
  }

  private double rateWithin(int i, double at) {
    if (interpolation == Interpolation.STEP) {
      return at >= atSeconds[i + 1] ? ratePerSecond[i + 1] : ratePerSecond[i];
    }
    double w = (at - atSeconds[i]) / (atSeconds[i + 1] - atSeconds[i]);
    return ratePerSecond[i] + w * (ratePerSecond[i + 1] - ratePerSecond[i]);
  }

  private double segmentIntegral(int i, double to) {
    double dt = to - atSeconds[i];
    if (interpolation == Interpolation.STEP) {
      return ratePerSecond[i] * dt;
    }
    return dt * (ratePerSecond[i] + rateWithin(i, to)) / 2;
  }

  private double cumulativeAt(double at) {
    int i = segmentIndex(at);
    return cumulative[i] + segmentIntegral(i, at);
  }
}
