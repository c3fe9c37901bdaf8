package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A parametric arrival-rate model: a base rate shaped by daily and weekly seasonality, a trend,
 * bursts and multiplicative noise.
 *
 * <p><b>Time.</b> Profile second {@code t} ({@code 0 <= t < durationSeconds}) is the wall-clock
 * instant {@code startTime + t}, read in the profile's {@link ZoneId} with daylight saving time
 * respected: the "local time of day" is the local wall-clock reading in seconds after local
 * midnight, so on a 23-hour spring-forward day the skipped local hour never occurs and on a 25-hour
 * fall-back day the repeated local hour occurs twice.
 *
 * <p><b>Expected rate</b> (noise excluded):
 * <pre>
 *   rate(t) = baseRatePerSecond × daily(local time of day) × weekly(local day of week) × trend(t)
 *             × Π over bursts b(t)
 * </pre>
 * where an absent ({@code null}) daily shape, weekly shape or trend is the constant 1.
 * <ul>
 *   <li>daily: {@code N} factors over {@code N} equal bins of the local day ({@link SeasonalShape});
 *   <li>weekly: 7 factors, Monday to Sunday, one bin per local day;
 *   <li>trend: {@link TrendType#LINEAR} {@code 1 + g·d} or {@link TrendType#EXPONENTIAL}
 *       {@code (1 + g)^d}, with {@code d = t / 86400} days since the start and {@code g =
 *       growthPerDay};
 *   <li>burst: {@code 1 + (peakFactor − 1)·s(u)} for {@code u = (t − startSeconds) / durationSeconds}
 *       in {@code [0, 1)}, else 1 ({@link BurstShape} gives {@code s}).
 * </ul>
 *
 * <p><b>Noise</b> ({@link Noise}) multiplies the expected rate by a log-normal factor that is constant
 * over consecutive blocks of {@code intervalSeconds} from {@code t = 0}; it is drawn only when a curve
 * is materialized ({@link #toCurve}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param durationSeconds length of the modelled period in seconds; finite and {@code > 0}
 * @param baseRatePerSecond the rate when every factor is 1, in requests per second; finite and
 *     {@code >= 0}
 * @param daily the shape over the local day, 1 to 1440 factors; {@code null} for flat
 * @param weekly the shape over the local week, exactly 7 factors Monday..Sunday; {@code null} for flat
 * @param trend growth over the profile; {@code null} for none
 * @param bursts transient multiplicative events, in any order; {@code null} for none; copied
 * @param noise multiplicative noise; {@code null} for none
 */
public record RateModel(
    double durationSeconds,
    double baseRatePerSecond,
    SeasonalShape daily,
    SeasonalShape weekly,
    Trend trend,
    List<Burst> bursts,
    Noise noise) {
  /**
   * The longest model, in seconds: 731 days, two years with a leap day. The curve holds a point per
   * minute, about a million for two years; a longer model would hold more than the heap allows.
   */
  public static final double MAX_DURATION_SECONDS = 731 * 86_400.0;
  /** Most daily factors: one per minute of the day. */
  public static final int MAX_DAILY_FACTORS = 1440;
  private static final double SECONDS_PER_DAY = LocalClock.SECONDS_PER_DAY;

  /**
   * Validates the model and copies the bursts.
   *
   * @throws IllegalArgumentException if {@code durationSeconds} is not finite, {@code <= 0} or more than
   *     {@link #MAX_DURATION_SECONDS}, the base
   *     rate is negative or not finite, the daily shape has more than 1440 factors, the weekly shape
   *     does not have exactly 7, a burst is {@code null}, or a linear trend reaches {@code <= 0} by the
   *     end ({@code 1 + g·durationSeconds/86400 <= 0}); the message names the field and the value
   */
  public RateModel {
    if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
      throw new IllegalArgumentException("durationSeconds must be > 0, but was " + durationSeconds);
    }
    if (durationSeconds > MAX_DURATION_SECONDS) {
      throw new IllegalArgumentException("durationSeconds must be <= 63158400 (731 days), but was " + durationSeconds);
    }
    if (!Double.isFinite(baseRatePerSecond) || baseRatePerSecond < 0) {
      throw new IllegalArgumentException("baseRatePerSecond must be >= 0, but was " + baseRatePerSecond);
    }
    if (daily != null && daily.factors().size() > MAX_DAILY_FACTORS) {
      throw new IllegalArgumentException("daily.factors must have 1 to " + MAX_DAILY_FACTORS
          + " values, but had " + daily.factors().size());
    }
    if (weekly != null && weekly.factors().size() != 7) {
      throw new IllegalArgumentException(
          "weekly.factors must have exactly 7 values (Monday..Sunday), but had " + weekly.factors().size());
    }
    if (trend != null && trend.type() == TrendType.LINEAR) {
      double end = 1 + trend.growthPerDay() * durationSeconds / SECONDS_PER_DAY;
      if (!(end > 0)) {
        throw new IllegalArgumentException("trend.growthPerDay must keep the linear trend > 0 until "
            + "durationSeconds (1 + g·durationSeconds/86400 = " + end + "), but was " + trend.growthPerDay());
      }
    }
    bursts = bursts == null ? List.of() : copyBursts(bursts);
  }

  private static List<Burst> copyBursts(List<Burst> bursts) {
    for (int i = 0; i < bursts.size(); i++) {
      if (bursts.get(i) == null) {
        throw new IllegalArgumentException("bursts[" + i + "] must not be null, but was null");
      }
    }
    return List.copyOf(bursts);
  }

  /**
   * Returns the expected arrival rate at a profile second, noise excluded.
   *
   * @param atSeconds seconds since the profile starts, in {@code [0, durationSeconds)}
   * @param startTime the wall-clock instant of profile second 0
   * @param zone the zone whose local time drives the daily and weekly shapes
   * @return requests per second, {@code >= 0}
   * @throws IllegalArgumentException if {@code atSeconds} lies outside {@code [0, durationSeconds)}
   * @throws NullPointerException if {@code startTime} or {@code zone} is null
   */
  public double expectedRatePerSecond(double atSeconds, OffsetDateTime startTime, ZoneId zone) {
    if (!(atSeconds >= 0 && atSeconds < durationSeconds)) {
      throw new IllegalArgumentException(
          "atSeconds must be in [0, " + durationSeconds + "), but was " + atSeconds);
    }
    return evaluator(clock(startTime, zone)).rateAt(atSeconds);
  }

  /**
   * Returns this model materialized as a {@link Interpolation#STEP} curve, noise included.
   *
   * <p>Bin {@code i} covers {@code [i·resolutionSeconds, min((i + 1)·resolutionSeconds,
   * durationSeconds))}; the last bin may be shorter and the curve ends at {@code durationSeconds}. Each
   * bin's rate is the mean of the rate over the bin by the midpoint rule: the bin is cut into {@code
   * ceil(length)} equal sub-steps (1 s each when the length is whole) and the rate is averaged at their
   * midpoints. The noise factor of each block comes from the stream {@code (seed, "noise")}, see
   * {@link Noise}.
   *
   * @param startTime the wall-clock instant of profile second 0
   * @param zone the zone whose local time drives the daily and weekly shapes
   * @param seed the run seed
   * @param resolutionSeconds bin width in seconds; finite and {@code > 0}
   * @return a curve from 0 to {@code durationSeconds} with one point per bin plus the end point; no
   *     missing ranges
   * @throws IllegalArgumentException if {@code resolutionSeconds} is not finite or {@code <= 0}
   * @throws NullPointerException if {@code startTime} or {@code zone} is null
   */
  public RateCurve toCurve(OffsetDateTime startTime, ZoneId zone, long seed, double resolutionSeconds) {
    if (!Double.isFinite(resolutionSeconds) || resolutionSeconds <= 0) {
      throw new IllegalArgumentException("resolutionSeconds must be > 0, but was " + resolutionSeconds);
    }
    int bins = (int) Math.ceil(durationSeconds / resolutionSeconds - 1e-9);
    double[] at = new double[bins + 1];
    for (int i = 0; i < bins; i++) {
      at[i] = i * resolutionSeconds;
    }
    at[bins] = durationSeconds;
    double[] noiseFactors = noise == null ? null : noise.factors(seed, durationSeconds);
    double[] means = evaluator(clock(startTime, zone)).binMeans(at, 1, noiseFactors);
    double[] rate = new double[bins + 1];
    System.arraycopy(means, 0, rate, 0, bins);
    rate[bins] = means[bins - 1];
    return RateCurve.of(at, rate, Interpolation.STEP, List.of());
  }

  /**
   * Returns the number of free numbers in this model: the base rate, each daily and weekly factor, the
   * trend's growth, 3 per burst (start, duration, peak) and 2 for noise (deviation, interval). The
   * duration and the enum choices are structure, not parameters.
   *
   * @return {@code >= 1}
   */
  public int parameterCount() {
    int count = 1;
    count += daily == null ? 0 : daily.factors().size();
    count += weekly == null ? 0 : weekly.factors().size();
    count += trend == null ? 0 : 1;
    count += 3 * bursts.size();
    count += noise == null ? 0 : 2;
    return count;
  }

  LocalClock clock(OffsetDateTime startTime, ZoneId zone) {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(zone, "zone");
    return new LocalClock(startTime, zone, durationSeconds);
  }

  Evaluator evaluator(LocalClock clock) {
    return new Evaluator(this, clock);
  }

  /**
   * A seasonal shape: factors over equal bins of a cycle (the local day, or the local week in days).
   *
   * <p>With {@code N} factors and cycle length {@code P}, bin {@code i} covers {@code [i·P/N, (i+1)·P/N)}.
   * {@link Interpolation#STEP}: the factor is constant within its bin. {@link Interpolation#LINEAR}:
   * the factor is piecewise linear between bin midpoints, cyclic (the segment between the last and the
   * first midpoint wraps around the cycle's end, such as midnight).
   *
   * <p>Messages name the field relative to this record ({@code factors[3]}); the enclosing reader adds
   * the path ({@code daily.}).
   *
   * @param factors the multipliers, at least 1, each finite and {@code >= 0}, at least one {@code > 0};
   *     copied
   * @param interpolation how the factor moves within the cycle; {@code null} for LINEAR
   */
  public record SeasonalShape(List<Double> factors, Interpolation interpolation) {

    /**
     * Validates and copies the factors.
     *
     * @throws IllegalArgumentException if factors is null or empty, a factor is null, negative or not
     *     finite, or every factor is 0
     */
    public SeasonalShape {
      if (factors == null || factors.isEmpty()) {
        throw new IllegalArgumentException("factors must have at least 1 value, but had 0");
      }
      boolean anyPositive = false;
      for (int i = 0; i < factors.size(); i++) {
        Double f = factors.get(i);
        if (f == null || !Double.isFinite(f) || f < 0) {
          throw new IllegalArgumentException("factors[" + i + "] must be >= 0, but was " + f);
        }
        anyPositive |= f > 0;
      }
      if (!anyPositive) {
        throw new IllegalArgumentException("factors must have at least one value > 0, but were all 0");
      }
      factors = List.copyOf(factors);
      interpolation = interpolation == null ? Interpolation.LINEAR : interpolation;
    }

    double[] toArray() {
      return factors.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the factor at a position in a cycle of {@code cycleLength} (same units). */
    static double factorAt(double[] factors, Interpolation interpolation, double position, double cycleLength) {
      int n = factors.length;
      double bin = position / cycleLength * n;
      if (interpolation == Interpolation.STEP) {
        return factors[Math.min(n - 1, Math.max(0, (int) bin))];
      }
      double fromMidpoint = bin - 0.5;
      double floor = Math.floor(fromMidpoint);
      double w = fromMidpoint - floor;
      int i = Math.floorMod((int) floor, n);
      int j = i + 1 == n ? 0 : i + 1;
      return factors[i] + w * (factors[j] - factors[i]);
    }
  }

  /** How a {@link Trend} grows. */
  public enum TrendType {
    /** {@code 1 + g·d}: a constant number of extra requests per day, relative to the base. */
    LINEAR,
    /** {@code (1 + g)^d}: compound growth, {@code g} per day. */
    EXPONENTIAL;

    /** Returns the YAML name: the constant in lower case. */
    @JsonValue
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Growth over the profile: factor {@code 1 + g·d} (LINEAR) or {@code (1 + g)^d} (EXPONENTIAL) with
   * {@code d = t / 86400} days since the start.
   *
   * @param type the kind of growth; required
   * @param growthPerDay {@code g}, the relative growth per day; finite and {@code > -1}
   */
  public record Trend(TrendType type, double growthPerDay) {

    /**
     * Validates the trend.
     *
     * @throws IllegalArgumentException if the type is null or {@code growthPerDay} is not finite or
     *     {@code <= -1}
     */
    public Trend {
      if (type == null) {
        throw new IllegalArgumentException("type must be linear or exponential, but was null");
      }
      if (!Double.isFinite(growthPerDay) || growthPerDay <= -1) {
        throw new IllegalArgumentException("growthPerDay must be a finite number > -1, but was " + growthPerDay);
      }
    }

    double factorAt(double atSeconds) {
      double days = atSeconds / SECONDS_PER_DAY;
      return type == TrendType.LINEAR ? 1 + growthPerDay * days : Math.exp(days * Math.log1p(growthPerDay));
    }
  }

  /** The time course {@code s(u)} of a burst, {@code u} in {@code [0, 1)} its elapsed fraction. */
  public enum BurstShape {
    /** {@code s = 1}: a level shift for the burst's duration. */
    RECTANGLE("rectangle"),
    /** {@code s = 1 − |2u − 1|}: linear rise to the peak at mid-burst, linear fall. */
    TRIANGLE("triangle"),
    /** {@code s = exp(−5u)}: instant rise, exponential decay to e⁻⁵ (0.7 %) by the end. */
    FLASH_CROWD("flashCrowd");

    private final String yamlName;

    BurstShape(String yamlName) {
      this.yamlName = yamlName;
    }

    /** Returns the YAML name: {@code rectangle}, {@code triangle} or {@code flashCrowd}. */
    @JsonValue
    public String yamlName() {
      return yamlName;
    }

    /** Returns {@code s(u)} for {@code u} in {@code [0, 1)}. */
    public double intensity(double u) {
      switch (this) {
        case TRIANGLE:
          return 1 - Math.abs(2 * u - 1);
        case FLASH_CROWD:
          return Math.exp(-5 * u);
        default:
          return 1;
      }
    }
  }

  /**
   * A transient multiplicative event: factor {@code 1 + (peakFactor − 1)·s(u)} while {@code u = (t −
   * startSeconds) / durationSeconds} lies in {@code [0, 1)}, else 1.
   *
   * @param startSeconds when it begins, in profile seconds; finite and {@code >= 0}
   * @param durationSeconds how long it lasts, in seconds; finite and {@code > 0}
   * @param peakFactor the factor at {@code s = 1}; finite and {@code > 0} (below 1 is a dip)
   * @param shape the time course; required
   */
  public record Burst(double startSeconds, double durationSeconds, double peakFactor, BurstShape shape) {

    /**
     * Validates the burst.
     *
     * @throws IllegalArgumentException if a field is out of its range (the message names it)
     */
    public Burst {
      if (!Double.isFinite(startSeconds) || startSeconds < 0) {
        throw new IllegalArgumentException("startSeconds must be >= 0, but was " + startSeconds);
      }
      if (!Double.isFinite(durationSeconds) || durationSeconds <= 0) {
        throw new IllegalArgumentException("durationSeconds must be > 0, but was " + durationSeconds);
      }
      if (!Double.isFinite(peakFactor) || peakFactor <= 0) {
        throw new IllegalArgumentException("peakFactor must be > 0, but was " + peakFactor);
      }
      if (shape == null) {
        throw new IllegalArgumentException("shape must be rectangle, triangle or flashCrowd, but was null");
      }
    }

    /** Returns the end of the burst, {@code startSeconds + durationSeconds}. */
    public double endSeconds() {
      return startSeconds + durationSeconds;
    }

    /** Returns the burst's factor at profile second {@code atSeconds}; 1 outside the burst. */
    public double factorAt(double atSeconds) {
      double u = (atSeconds - startSeconds) / durationSeconds;
      if (!(u >= 0 && u < 1)) {
        return 1;
      }
      return 1 + (peakFactor - 1) * shape.intensity(u);
    }
  }

  /**
   * Multiplicative log-normal noise, constant over consecutive blocks of {@code intervalSeconds} from
   * {@code t = 0}: block {@code k} has factor {@code exp(σ·Z_k − σ²/2)} with {@code σ² = ln(1 +
   * relativeStdDev²)}, so each factor has mean 1 and standard deviation {@code relativeStdDev} (the
   * log-normal moments, Johnson, Kotz and Balakrishnan, "Continuous Univariate Distributions" vol. 1,
   * 2nd ed., ch. 14). {@code Z_0, Z_1, …} are consecutive {@link SplittableRandom#nextGaussian()} draws
   * of the stream seeded by {@link StreamSeed#of StreamSeed.of(seed, "noise")}, as the simulator
   * seeds its named streams, so noise never shifts another source's draws.
   *
   * @param relativeStdDev standard deviation of the factor (coefficient of variation); in {@code [0, 2]}
   * @param intervalSeconds block length in seconds; finite and {@code >= 1}
   */
  public record Noise(double relativeStdDev, double intervalSeconds) {

    /**
     * Validates the noise.
     *
     * @throws IllegalArgumentException if a field is out of its range (the message names it)
     */
    public Noise {
      if (!(relativeStdDev >= 0 && relativeStdDev <= 2)) {
        throw new IllegalArgumentException("relativeStdDev must be in [0, 2], but was " + relativeStdDev);
      }
      if (!Double.isFinite(intervalSeconds) || intervalSeconds < 1) {
        throw new IllegalArgumentException("intervalSeconds must be >= 1, but was " + intervalSeconds);
      }
    }

    /**
     * Returns the factors of the blocks that cover {@code [0, durationSeconds)}, block 0 first.
     *
     * @param seed the run seed
     * @param durationSeconds the length to cover, {@code > 0}
     * @return one factor per block, each {@code > 0}
     */
    public double[] factors(long seed, double durationSeconds) {
      int blocks = (int) Math.ceil(durationSeconds / intervalSeconds);
      double logSigma = Math.sqrt(Math.log1p(relativeStdDev * relativeStdDev));
      SplittableRandom random = new SplittableRandom(StreamSeed.of(seed, "noise"));
      double[] factors = new double[blocks];
      for (int k = 0; k < blocks; k++) {
        factors[k] = Math.exp(logSigma * random.nextGaussian() - logSigma * logSigma / 2);
      }
      return factors;
    }
  }

  /**
   * Evaluates one model in one clock fast: factor arrays are unboxed once, and each bin only looks at
   * the bursts that overlap it. Immutable; thread-safe.
   */
  static final class Evaluator {
    private final double base;
    private final double[] daily;
    private final Interpolation dailyInterpolation;
    private final double[] weekly;
    private final Interpolation weeklyInterpolation;
    private final Trend trend;
    private final List<Burst> bursts;
    private final double noiseIntervalSeconds;
    private final LocalClock clock;

    Evaluator(RateModel model, LocalClock clock) {
      this.base = model.baseRatePerSecond;
      this.daily = model.daily == null ? null : model.daily.toArray();
      this.dailyInterpolation = model.daily == null ? null : model.daily.interpolation();
      this.weekly = model.weekly == null ? null : model.weekly.toArray();
      this.weeklyInterpolation = model.weekly == null ? null : model.weekly.interpolation();
      this.trend = model.trend;
      this.bursts = model.bursts;
      this.noiseIntervalSeconds = model.noise == null ? 0 : model.noise.intervalSeconds();
      this.clock = clock;
    }

    double rateAt(double atSeconds) {
      return seasonalRate(atSeconds) * burstFactor(bursts, atSeconds);
    }

    /** Returns the rate without bursts. */
    double seasonalRate(double atSeconds) {
      double rate = base;
      if (daily != null || weekly != null) {
        double secondOfWeek = clock.secondOfWeek(atSeconds);
        if (daily != null) {
          double secondOfDay = secondOfWeek % SECONDS_PER_DAY;
          rate *= SeasonalShape.factorAt(daily, dailyInterpolation, secondOfDay, SECONDS_PER_DAY);
        }
        if (weekly != null) {
          rate *= SeasonalShape.factorAt(weekly, weeklyInterpolation, secondOfWeek, LocalClock.SECONDS_PER_WEEK);
        }
      }
      return trend == null ? rate : rate * trend.factorAt(atSeconds);
    }

    private static double burstFactor(List<Burst> active, double atSeconds) {
      double factor = 1;
      for (Burst burst : active) {
        factor *= burst.factorAt(atSeconds);
      }
      return factor;
    }

    /**
     * Returns the mean rate over each bin {@code [edges[i], edges[i + 1])} by the midpoint rule with
     * sub-steps of at most {@code subStepSeconds}; noise factors per block when not null.
     */
    double[] binMeans(double[] edges, double subStepSeconds, double[] noiseFactors) {
      double[] means = new double[edges.length - 1];
      for (int i = 0; i < means.length; i++) {
        double from = edges[i];
        double length = edges[i + 1] - from;
        int steps = Math.max(1, (int) Math.ceil(length / subStepSeconds - 1e-9));
        double step = length / steps;
        List<Burst> active = overlapping(from, edges[i + 1]);
        double sum = 0;
        for (int k = 0; k < steps; k++) {
          double t = from + (k + 0.5) * step;
          double rate = seasonalRate(t) * burstFactor(active, t);
          if (noiseFactors != null) {
            rate *= noiseFactors[Math.min(noiseFactors.length - 1, (int) (t / noiseIntervalSeconds))];
          }
          sum += rate;
        }
        means[i] = sum / steps;
      }
      return means;
    }

    private List<Burst> overlapping(double from, double to) {
      List<Burst> active = new ArrayList<>();
      for (Burst burst : bursts) {
        if (burst.startSeconds() < to && burst.endSeconds() > from) {
          active.add(burst);
        }
      }
      return active;
    }
  }
}
