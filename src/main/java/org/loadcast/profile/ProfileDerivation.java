package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Derives the parts of a traffic profile from historical data: a rate curve from per-second request
 * counts, and a request mix from an access log.
 *
 * <p>All methods are pure functions of their arguments.
 */
public final class ProfileDerivation {
  private ProfileDerivation() {}

  /**
   * Finds the runs of empty seconds that are missing data rather than quiet traffic.
   *
   * @param countsPerSecond requests in each second; values {@code >= 0}
   * @param rule when a run is missing
   * @return the missing ranges in seconds since the first count, sorted; empty when none
   */
  public static List<TimeRange> findMissing(int[] countsPerSecond, MissingDataRule rule) {
    long[] prefix = prefixSums(countsPerSecond);
    int n = countsPerSecond.length;
    List<TimeRange> missing = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (countsPerSecond[i] != 0) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && countsPerSecond[end] == 0) {
        end++;
      }
      if (rule.isMissing(end - i, localRate(prefix, i, end, rule.neighbourhoodSeconds()))) {
        missing.add(new TimeRange(i, end));
      }
      i = end;
    }
    return missing;
  }

  private static double localRate(long[] prefix, int from, int to, int window) {
    int n = prefix.length - 1;
    int before = Math.max(0, from - window);
    int after = Math.min(n, to + window);
    int seconds = (from - before) + (after - to);
    if (seconds == 0) {
      return 0;
    }
    return (double) (prefix[from] - prefix[before] + prefix[after] - prefix[to]) / seconds;
  }

  /**
   * Builds a step curve of the mean rate per bucket from per-second counts.
   *
   * <p>Each bucket's rate is its count divided by its <em>observed</em> seconds, so that missing
   * seconds do not dilute the rate; a wholly missing bucket has rate 0 and lies in a missing range.
   * The curve ends at the last second of the series; its integral over observed time equals the
   * series total.
   *
   * @param countsPerSecond requests in each second; at least 1 value, each {@code >= 0}
   * @param bucketSeconds bucket width, {@code >= 1}
   * @param rule when a run of empty seconds is missing
   * @return a {@link Interpolation#STEP} curve starting at 0 with the missing ranges found
   * @throws IllegalArgumentException if the series is empty, a count is negative or the bucket is
   *     less than 1 s
   */
  public static RateCurve curveFromCounts(int[] countsPerSecond, int bucketSeconds, MissingDataRule rule) {
    if (countsPerSecond.length == 0) {
      throw new IllegalArgumentException("the series must have at least one value, but was empty");
    }
    if (bucketSeconds < 1) {
      throw new IllegalArgumentException("bucketSeconds must be >= 1, but was " + bucketSeconds);
    }
    for (int i = 0; i < countsPerSecond.length; i++) {
      if (countsPerSecond[i] < 0) {
        throw new IllegalArgumentException("counts[" + i + "] must be >= 0, but was " + countsPerSecond[i]);
      }
    }
    List<TimeRange> missing = findMissing(countsPerSecond, rule);
    return bucketed(countsPerSecond, bucketSeconds, missing);
  }

  /** Gaussian kernel widths tried by cross-validation, in buckets. */
  private static final double[] CANDIDATE_BANDWIDTHS = {0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48};

  /**
   * A rate curve estimated from counts, and how it was smoothed.
   *
   * @param curve the step curve of the estimated intensity, one point per bucket
   * @param bandwidthSeconds the standard deviation of the Gaussian kernel, in seconds; 0 when the
   *     curve is the raw bucket means
   * @param bandwidthChosen whether cross-validation chose the bandwidth
   */
  public record DerivedCurve(RateCurve curve, double bandwidthSeconds, boolean bandwidthChosen) {}

  /**
   * Estimates the arrival intensity from per-second counts: a Gaussian-kernel estimate over buckets
   * that divides kernel-weighted counts by kernel-weighted observed seconds, so missing seconds
   * neither count as zero load nor dilute the rate (Diggle, "A kernel method for smoothing point
   * process data", Applied Statistics 34(2), 1985).
   *
   * <p>Raw counts of a low-rate trace carry Poisson sampling noise (at one request per second, a
   * minute's count varies by ±13 %); scaling them up would scale the noise too. The estimate keeps
   * the intensity and drops the noise. Unless given, the bandwidth is the candidate that maximises
   * the leave-one-out Poisson log-likelihood of the bucket counts (likelihood cross-validation).
   *
   * @param countsPerSecond requests in each second; at least 1 value, each {@code >= 0}
   * @param bucketSeconds bucket width and curve resolution, {@code >= 1}
   * @param rule when a run of empty seconds is missing
   * @param bandwidthSeconds the kernel's standard deviation in seconds; NaN to choose it by
   *     cross-validation; 0 for no smoothing (the raw bucket means)
   * @return the step curve of the estimate, with the missing ranges found, and the bandwidth
   * @throws IllegalArgumentException as {@link #curveFromCounts}, or if the bandwidth is negative
   */
  public static DerivedCurve intensityFromCounts(
      int[] countsPerSecond, int bucketSeconds, MissingDataRule rule, double bandwidthSeconds) {
    if (bandwidthSeconds < 0) {
      throw new IllegalArgumentException("bandwidthSeconds must be >= 0, but was " + bandwidthSeconds);
    }
    return smoothed(curveFromCounts(countsPerSecond, bucketSeconds, rule), bucketSeconds, bandwidthSeconds);
  }

  /**
   * Estimates the arrival intensity of a series read from any input, as {@link #intensityFromCounts}
   * does, with the series' own missing steps (sampling windows, gaps, outages) as the missing ranges.
   *
   * <p>For a per-second series whose missing steps are exactly the runs {@link #findMissing} finds,
   * the result equals {@code intensityFromCounts(series.intCounts(), ...)}.
   *
   * @param series the series; its counts are the requests per step
   * @param bucketSeconds bucket width and curve resolution, a whole multiple of the series' step
   * @param bandwidthSeconds the kernel's standard deviation in seconds; NaN to choose it by
   *     cross-validation; 0 for the raw bucket means
   * @return the step curve of the estimate, starting at 0 (the series start), with the missing
   *     ranges of the series
   * @throws IllegalArgumentException if the bucket is not a multiple of the step or the bandwidth is
   *     negative
   */
  public static DerivedCurve intensityFromSeries(TrafficSeries series, int bucketSeconds, double bandwidthSeconds) {
    int step = series.stepSeconds();
    if (bucketSeconds < 1 || bucketSeconds % step != 0) {
      throw new IllegalArgumentException("bucketSeconds must be a whole multiple of the series' step (" + step
          + " s), but was " + bucketSeconds);
    }
    if (bandwidthSeconds < 0) {
      throw new IllegalArgumentException("bandwidthSeconds must be >= 0, but was " + bandwidthSeconds);
    }
    int n = series.stepCount();
    int perBucket = bucketSeconds / step;
    int buckets = (n + perBucket - 1) / perBucket;
    double[] at = new double[buckets + 1];
    double[] rate = new double[buckets + 1];
    for (int b = 0; b < buckets; b++) {
      long count = 0;
      long observedSteps = 0;
      for (int i = b * perBucket; i < Math.min(n, (b + 1) * perBucket); i++) {
        if (!series.isMissing(i)) {
          count += series.count(i);
          observedSteps++;
        }
      }
      at[b] = (double) b * bucketSeconds;
      rate[b] = observedSteps > 0 ? (double) count / (observedSteps * step) : 0;
    }
    at[buckets] = (double) n * step;
    rate[buckets] = rate[buckets - 1];
    RateCurve raw = RateCurve.of(at, rate, Interpolation.STEP, series.missingRanges());
    return smoothed(raw, bucketSeconds, bandwidthSeconds);
  }

  private static DerivedCurve smoothed(RateCurve raw, int bucketSeconds, double bandwidthSeconds) {
    if (bandwidthSeconds == 0) {
      return new DerivedCurve(raw, 0, false);
    }
    int buckets = raw.pointCount() - 1;
    double[] counts = new double[buckets];
    double[] exposure = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      double from = raw.atSeconds(b);
      double to = raw.atSeconds(b + 1);
      exposure[b] = (to - from) - raw.missingSeconds(from, to);
      counts[b] = raw.ratePerSecond(b) * exposure[b];
    }
    boolean chosen = Double.isNaN(bandwidthSeconds);
    double sigma = chosen ? chooseBandwidth(counts, exposure) : bandwidthSeconds / bucketSeconds;
    double[] at = new double[buckets + 1];
    double[] rate = new double[buckets + 1];
    for (int b = 0; b < buckets; b++) {
      at[b] = raw.atSeconds(b);
      rate[b] = kernelRate(counts, exposure, sigma, b, true);
    }
    at[buckets] = raw.endSeconds();
    rate[buckets] = rate[buckets - 1];
    return new DerivedCurve(RateCurve.of(at, rate, Interpolation.STEP, raw.missing()), sigma * bucketSeconds, chosen);
  }

  /** Returns the candidate bandwidth, in buckets, with the highest leave-one-out Poisson log-likelihood. */
  static double chooseBandwidth(double[] counts, double[] exposure) {
    double best = CANDIDATE_BANDWIDTHS[0];
    double bestScore = Double.NEGATIVE_INFINITY;
    for (double sigma : CANDIDATE_BANDWIDTHS) {
      double score = leaveOneOutLogLikelihood(counts, exposure, sigma);
      if (score > bestScore) {
        bestScore = score;
        best = sigma;
      }
    }
    return best;
  }

  private static double leaveOneOutLogLikelihood(double[] counts, double[] exposure, double sigma) {
    double sum = 0;
    for (int b = 0; b < counts.length; b++) {
      if (exposure[b] <= 0) {
        continue;
      }
      double expected = kernelRate(counts, exposure, sigma, b, false) * exposure[b];
      if (expected <= 0) {
        if (counts[b] > 0) {
          return Double.NEGATIVE_INFINITY;
        }
        continue;
      }
      sum += counts[b] * Math.log(expected) - expected;
    }
    return sum;
  }

  /** Kernel-weighted counts over kernel-weighted exposure around bucket b, within 4 sigma. */
  private static double kernelRate(double[] counts, double[] exposure, double sigma, int b, boolean includeSelf) {
    int reach = (int) Math.ceil(4 * sigma);
    double weightedCounts = 0;
    double weightedExposure = 0;
    for (int j = Math.max(0, b - reach); j <= Math.min(counts.length - 1, b + reach); j++) {
      if (j == b && !includeSelf) {
        continue;
      }
      double d = (j - b) / sigma;
      double w = Math.exp(-0.5 * d * d);
      weightedCounts += w * counts[j];
      weightedExposure += w * exposure[j];
    }
    return weightedExposure > 0 ? weightedCounts / weightedExposure : 0;
  }

  private static RateCurve bucketed(int[] counts, int bucketSeconds, List<TimeRange> missing) {
    int n = counts.length;
    int buckets = (n + bucketSeconds - 1) / bucketSeconds;
    double[] at = new double[buckets + 1];
    double[] rate = new double[buckets + 1];
    long[] prefix = prefixSums(counts);
    for (int b = 0; b < buckets; b++) {
      int from = b * bucketSeconds;
      int to = Math.min(n, from + bucketSeconds);
      double observed = (to - from) - overlap(missing, from, to);
      at[b] = from;
      rate[b] = observed > 0 ? (prefix[to] - prefix[from]) / observed : 0;
    }
    at[buckets] = n;
    rate[buckets] = rate[buckets - 1];
    return RateCurve.of(at, rate, Interpolation.STEP, missing);
  }

  private static double overlap(List<TimeRange> ranges, double from, double to) {
    double total = 0;
    for (TimeRange range : ranges) {
      total += range.overlapSeconds(from, to);
    }
    return total;
  }

  /**
   * Counts the requests of a log in each second from the earliest entry's second.
   *
   * @param entries the log entries, in any order; at least one
   * @return index 0 is the second of the earliest entry; lines out of order are counted where they
   *     belong
   * @throws IllegalArgumentException if there are no entries
   */
  public static int[] countsPerSecond(List<AccessLogEntry> entries) {
    OffsetDateTime start = firstTime(entries);
    long last = entries.stream().mapToLong(e -> e.time().toEpochSecond()).max().orElseThrow();
    int[] counts = new int[Math.toIntExact(last - start.toEpochSecond() + 1)];
    for (AccessLogEntry entry : entries) {
      counts[(int) (entry.time().toEpochSecond() - start.toEpochSecond())]++;
    }
    return counts;
  }

  /**
   * Returns the time of the earliest entry.
   *
   * @throws IllegalArgumentException if there are no entries
   */
  public static OffsetDateTime firstTime(List<AccessLogEntry> entries) {
    return entries.stream().map(AccessLogEntry::time)
        .min(Comparator.comparing(OffsetDateTime::toInstant))
        .orElseThrow(() -> new IllegalArgumentException("the log has no entries"));
  }

  /**
   * Builds a request mix from the most requested paths of a log.
   *
   * <p>Requests are grouped by method and path (query strings dropped). The {@code topPaths} largest
   * groups become templates named {@code "METHOD /path"}, weighted by their request count in the log
   * (weights are relative). Ties are broken by name, so the result is deterministic.
   * Methods that a template does not accept (such as malformed request lines) are left out.
   *
   * @param entries the log entries; at least one with an accepted method
   * @param topPaths how many groups to keep, {@code >= 1}
   * @return the mix, heaviest first
   * @throws IllegalArgumentException if {@code topPaths < 1} or no entry has an accepted method
   */
  public static RequestMix mixFromLog(List<AccessLogEntry> entries, int topPaths) {
    RequestTally tally = new RequestTally();
    entries.forEach(tally);
    return tally.toMix(topPaths);
  }

  private static long[] prefixSums(int[] counts) {
    long[] prefix = new long[counts.length + 1];
    for (int i = 0; i < counts.length; i++) {
      prefix[i + 1] = prefix[i] + counts[i];
    }
    return prefix;
  }
}
