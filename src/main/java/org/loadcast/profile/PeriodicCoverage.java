package org.loadcast.profile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sampled log's coverage: requests fall only in some fixed windows of every period, such as
 * minute :05 of each hour. Time outside the windows was not observed; it is missing data, not zero
 * traffic.
 *
 * @param periodSeconds the period, such as 3600 for "each hour"; {@code >= 2}
 * @param windowSeconds the width of one window, dividing the period; {@code >= 1}
 * @param coveredWindows the windows that hold requests, as indices {@code 0 .. period/window - 1}
 *     counted from the start of the period in the log's first offset (for an hourly period, the
 *     minute of the hour); sorted, not empty
 * @param coverageFraction the covered share of each period, {@code coveredWindows.size() * windowSeconds / periodSeconds}, in (0, 1)
 */
public record PeriodicCoverage(int periodSeconds, int windowSeconds, List<Integer> coveredWindows, double coverageFraction) {

  /**
   * Validates the coverage.
   *
   * @throws IllegalArgumentException if the window does not divide the period, a window is out of
   *     range, or the fraction does not match the windows
   */
  public PeriodicCoverage {
    if (periodSeconds < 2 || windowSeconds < 1 || periodSeconds % windowSeconds != 0) {
      throw new IllegalArgumentException("windowSeconds (" + windowSeconds + ") must divide periodSeconds, but periodSeconds was " + periodSeconds);
    }
    coveredWindows = List.copyOf(coveredWindows);
    int windows = periodSeconds / windowSeconds;
    if (coveredWindows.isEmpty() || coveredWindows.stream().anyMatch(w -> w < 0 || w >= windows)) {
      throw new IllegalArgumentException("coveredWindows must be 0.." + (windows - 1) + " and not empty, but was " + coveredWindows);
    }
    if (Math.abs(coverageFraction - (double) coveredWindows.size() / windows) > 1e-12) {
      throw new IllegalArgumentException("coverageFraction must be " + coveredWindows.size() + "/" + windows + ", but was " + coverageFraction);
    }
  }

  /** Returns the pattern in words, such as {@code minute(s) :05 of each hour}. */
  public String describe() {
    if (periodSeconds == 3_600 && windowSeconds == 60) {
      return "minute(s) " + coveredWindows.stream().map(m -> String.format(Locale.ROOT, ":%02d", m))
          .collect(Collectors.joining(", ")) + " of each hour";
    }
    return String.format(Locale.ROOT, "%d-second window(s) %s of each %d s", windowSeconds, coveredWindows, periodSeconds);
  }

  /**
   * Looks for sampling in per-step counts: whether all requests fall into a few fixed minutes of the
   * hour, too few for chance.
   *
   * <p>Let {@code M} be the number of distinct clock minutes with requests and {@code k} the number
   * of distinct minutes of the hour among them. If the log were continuous, the minute of the hour
   * of each active minute would be spread over all 60; the chance that all {@code M} fall into some
   * {@code k} of them is at most {@code C(60, k) (k/60)^M} (a union bound over the sets of {@code k}
   * minutes). The log is declared sampled when that chance is below 1e-9 (the threshold of {@link
   * MissingDataRule#DEFAULT}), {@code k <= 15} and requests appear in at least 3 clock hours. The
   * test is exact in one way: a single request outside the windows makes it another window.
   *
   * @param counts requests per step; {@code >= 0}
   * @param firstEpochSecond the UTC epoch second of index 0
   * @param stepSeconds the step, dividing 60
   * @param offsetSeconds the log's offset from UTC, in seconds, in which the minutes are numbered
   * @return the coverage, or null when the counts do not look sampled
   */
  static PeriodicCoverage detectHourly(long[] counts, long firstEpochSecond, int stepSeconds, int offsetSeconds) {
    int windows = 60;
    boolean[] coveredMinute = new boolean[windows];
    long lastHour = Long.MIN_VALUE;
    long lastMinute = Long.MIN_VALUE;
    int hoursWithRequests = 0;
    long activeMinutes = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      long local = firstEpochSecond + (long) i * stepSeconds + offsetSeconds;
      coveredMinute[(int) (Math.floorMod(local, 3_600) / 60)] = true;
      long minute = Math.floorDiv(local, 60);
      if (minute != lastMinute) {
        activeMinutes++;
        lastMinute = minute;
      }
      long hour = Math.floorDiv(local, 3_600);
      if (hour != lastHour) {
        hoursWithRequests++;
        lastHour = hour;
      }
    }
    List<Integer> covered = new java.util.ArrayList<>();
    for (int w = 0; w < windows; w++) {
      if (coveredMinute[w]) {
        covered.add(w);
      }
    }
    int k = covered.size();
    if (hoursWithRequests < 3 || k == 0 || k > windows / 4) {
      return null;
    }
    double logChance = logBinomial(windows, k) + activeMinutes * Math.log((double) k / windows);
    if (logChance > Math.log(1e-9)) {
      return null;
    }
    return new PeriodicCoverage(3_600, 60, covered, (double) k / windows);
  }

  private static double logBinomial(int n, int k) {
    double sum = 0;
    for (int i = 1; i <= k; i++) {
      sum += Math.log(n - k + i) - Math.log(i);
    }
    return sum;
  }

  /** Returns whether the second at {@code epochSecond} lies outside the covered windows. */
  boolean isUncovered(long epochSecond, int offsetSeconds) {
    int window = (int) (Math.floorMod(epochSecond + offsetSeconds, (long) periodSeconds) / windowSeconds);
    return java.util.Collections.binarySearch(coveredWindows, window) < 0;
  }
}
