package org.loadcast.capacity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The peak arrival rate of each calendar day of a rate series, the input of a growth projection.
 *
 * <p><b>The rule.</b> The series is a grid of equal intervals: interval k covers
 * {@code [start + k·step, start + (k+1)·step)} and holds its mean rate, NaN when unknown. Each
 * interval belongs to the local calendar day (in {@code zone}) in which it <em>starts</em>. A day's
 * slots are the grid points that fall in {@code [its local midnight, the next local midnight)}; a day
 * lies in the series only if all its slots do (the partial first and last days do not). The day's
 * slots are cut, from its first slot, into consecutive windows of {@code windowSeconds / step} slots
 * (a trailing group shorter than a window, possible only on a daylight-saving day, is not a window).
 * A window is complete when none of its slots is NaN; its mean is the peak candidate. The day's peak
 * is the largest mean among its complete windows: the busiest clock-aligned window of the day, such
 * as the busiest hour.
 *
 * <p><b>Missing data.</b> A day is {@linkplain #skipped() skipped}, with its reason, when the series
 * covers it only in part (the first and last day, usually), when more than {@code maxMissingFraction} of its slots are NaN, or when no
 * window is complete. A day with a few missing slots is kept, with their count in its {@link Peak}:
 * its peak is then the largest mean among the complete windows, a lower bound if the busiest
 * window was the one not observed. Nothing is filled in.
 *
 * @param zone the zone whose calendar days are used
 * @param windowSeconds the averaging window of the peak, in seconds
 * @param peaks the days with a peak, in date order; consecutive dates unless a day between was
 *     skipped
 * @param skipped the days of the series that have no peak, partial first and last days included,
 *     in date order, each with its reason
 */
public record DailyPeaks(ZoneId zone, long windowSeconds, List<Peak> peaks, List<SkippedDay> skipped) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a component is null
   */
  public DailyPeaks {
    Objects.requireNonNull(zone, "zone");
    peaks = List.copyOf(peaks);
    skipped = List.copyOf(skipped);
  }

  /**
   * The peak of one day.
   *
   * @param date the local calendar day
   * @param peakRatePerSecond the largest window mean of the day, in requests per second; {@code >= 0}
   *     for a rate series
   * @param windowStart the instant the peak window starts
   * @param missingSlots how many of the day's intervals were NaN; 0 for a complete day
   * @param slots how many intervals the day has
   */
  public record Peak(LocalDate date, double peakRatePerSecond, Instant windowStart, int missingSlots, int slots) {}

  /**
   * A day without a peak.
   *
   * @param date the local calendar day
   * @param missingSlots how many of its intervals are NaN or outside the series
   * @param slots how many intervals the day has
   * @param reason why it has no peak, naming the numbers
   */
  public record SkippedDay(LocalDate date, int missingSlots, int slots, String reason) {}

  /**
   * Finds the daily peaks of a rate series.
   *
   * @param ratePerSecond the mean rate of each interval, in requests per second, in time order; NaN
   *     marks an unknown interval; no infinite values; may be empty
   * @param start the instant the first interval starts
   * @param stepSeconds the interval length, in seconds; {@code >= 1}
   * @param zone the zone whose calendar days are used, such as the profile's {@code timezone}
   * @param windowSeconds the averaging window of a peak, in seconds; a multiple of stepSeconds, at
   *     most 86400 (3600 for the peak hour)
   * @param maxMissingFraction the largest share of a day's intervals that may be NaN for the day to
   *     be kept; in [0, 1); 0 keeps only complete days
   * @return the peaks and skipped days; both empty when no whole day lies in the series
   * @throws IllegalArgumentException if a rule above is broken; the message names the value
   * @throws NullPointerException if an argument is null
   */
  public static DailyPeaks of(double[] ratePerSecond, Instant start, long stepSeconds, ZoneId zone,
      long windowSeconds, double maxMissingFraction) {
    Objects.requireNonNull(ratePerSecond, "ratePerSecond");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    requireArguments(ratePerSecond, stepSeconds, windowSeconds, maxMissingFraction);
    List<Peak> peaks = new ArrayList<>();
    List<SkippedDay> skipped = new ArrayList<>();
    if (ratePerSecond.length > 0) {
      LocalDate last = start.plusSeconds(stepSeconds * (ratePerSecond.length - 1)).atZone(zone).toLocalDate();
      for (LocalDate day = start.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
        Day d = new Day(day, zone, start, stepSeconds);
        if (d.firstSlot >= 0 && d.endSlot <= ratePerSecond.length) {
          d.judge(ratePerSecond, windowSeconds / stepSeconds, maxMissingFraction, start, stepSeconds, peaks, skipped);
        } else {
          long inside = Math.min(d.endSlot, ratePerSecond.length) - Math.max(d.firstSlot, 0);
          int slots = (int) (d.endSlot - d.firstSlot);
          skipped.add(new SkippedDay(day, (int) (slots - inside), slots, "the series covers only " + inside + " of its "
              + slots + " intervals"));
        }
      }
    }
    return new DailyPeaks(zone, windowSeconds, peaks, skipped);
  }

  /**
   * Returns the peaks as a daily series from the first day with a peak to the last, NaN for each
   * skipped day between: the input of {@link GrowthProjection}.
   *
   * @return one value per calendar day from {@link #firstDate()}, requests per second; empty when
   *     there are no peaks
   */
  public double[] dailySeries() {
    if (peaks.isEmpty()) {
      return new double[0];
    }
    LocalDate first = firstDate();
    double[] series = new double[(int) ChronoUnit.DAYS.between(first, peaks.get(peaks.size() - 1).date()) + 1];
    Arrays.fill(series, Double.NaN);
    for (Peak peak : peaks) {
      series[(int) ChronoUnit.DAYS.between(first, peak.date())] = peak.peakRatePerSecond();
    }
    return series;
  }

  /**
   * {@return the date of the first peak}
   *
   * @throws IllegalStateException if there are no peaks
   */
  public LocalDate firstDate() {
    if (peaks.isEmpty()) {
      throw new IllegalStateException("no day of the series has a peak");
    }
    return peaks.get(0).date();
  }

  private static void requireArguments(double[] rates, long stepSeconds, long windowSeconds, double maxMissingFraction) {
    if (stepSeconds < 1) {
      throw new IllegalArgumentException("stepSeconds must be >= 1, but was " + stepSeconds);
    }
    if (windowSeconds < stepSeconds || windowSeconds % stepSeconds != 0 || windowSeconds > 86_400) {
      throw new IllegalArgumentException("windowSeconds must be a multiple of stepSeconds (" + stepSeconds
          + ") and at most 86400, but was " + windowSeconds);
    }
    if (!(maxMissingFraction >= 0 && maxMissingFraction < 1)) {
      throw new IllegalArgumentException("maxMissingFraction must be in [0, 1), but was " + maxMissingFraction);
    }
    for (int i = 0; i < rates.length; i++) {
      if (Double.isInfinite(rates[i])) {
        throw new IllegalArgumentException("ratePerSecond[" + i + "] must be finite or NaN (unknown), but was " + rates[i]);
      }
    }
  }

  /** The slots of one local day: grid indices {@code [firstSlot, endSlot)}. */
  private static final class Day {
    final LocalDate date;
    final long firstSlot;
    final long endSlot;

    Day(LocalDate date, ZoneId zone, Instant start, long stepSeconds) {
      this.date = date;
      this.firstSlot = firstSlotAtOrAfter(date.atStartOfDay(zone).toInstant(), start, stepSeconds);
      this.endSlot = firstSlotAtOrAfter(date.plusDays(1).atStartOfDay(zone).toInstant(), start, stepSeconds);
    }

    private static long firstSlotAtOrAfter(Instant instant, Instant start, long stepSeconds) {
      long offset = instant.getEpochSecond() - start.getEpochSecond();
      boolean fraction = instant.getNano() > start.getNano();
      return Math.floorDiv(offset + (fraction ? 1 : 0) + stepSeconds - 1, stepSeconds);
    }

    void judge(double[] rates, long windowSlots, double maxMissingFraction, Instant start, long stepSeconds,
        List<Peak> peaks, List<SkippedDay> skipped) {
      int slots = (int) (endSlot - firstSlot);
      int missing = 0;
      for (long k = firstSlot; k < endSlot; k++) {
        missing += Double.isNaN(rates[(int) k]) ? 1 : 0;
      }
      if (missing > maxMissingFraction * slots) {
        skipped.add(new SkippedDay(date, missing, slots, missing + " of its " + slots + " intervals are missing, more than "
            + maxMissingFraction * 100 + " %"));
        return;
      }
      double best = Double.NEGATIVE_INFINITY;
      long bestSlot = -1;
      for (long w = firstSlot; w + windowSlots <= endSlot; w += windowSlots) {
        double mean = windowMean(rates, (int) w, (int) windowSlots);
        if (mean > best) {
          best = mean;
          bestSlot = w;
        }
      }
      if (bestSlot < 0) {
        skipped.add(new SkippedDay(date, missing, slots, "none of its windows of " + windowSlots
            + " intervals is complete"));
        return;
      }
      peaks.add(new Peak(date, best, start.plusSeconds(bestSlot * stepSeconds), missing, slots));
    }

    /** Returns the mean of a window, or NaN if one of its slots is. */
    private static double windowMean(double[] rates, int from, int length) {
      double sum = 0;
      for (int k = from; k < from + length; k++) {
        sum += rates[k];
      }
      return sum / length;
    }
  }
}
