package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;
import org.loadcast.profile.RateModel.Burst;
import org.loadcast.profile.RateModel.BurstShape;
import org.loadcast.profile.RateModel.Noise;
import org.loadcast.profile.RateModel.SeasonalShape;
import org.loadcast.profile.RateModel.Trend;
import org.loadcast.profile.RateModel.TrendType;

/**
 * Decomposes a measured request-count series into a {@link RateModel}: daily and weekly shapes, a
 * compound-growth trend, a few bursts and residual noise.
 *
 * <p><b>Algorithm.</b> The series is summed into whole hours from its start; an hour with any missing
 * step is left out of the fit and the score (a gap is unknown load, never zero). On the log scale,
 * {@code y_h = ln(A_h + 1)} for the count {@code A_h} of hour {@code h}, the model
 * <pre>
 *   ln F_h ≈ daily[bin] + weekly[day] + ln(1 + g)·d + Σ bursts
 * </pre>
 * is linear in its log factors, so it is
 * <ol>
 *   <li>fitted by iteratively reweighted least squares with weights {@code 1 / max(|r|, 0.02)}, which
 *       approximates least absolute deviations (the median-based fit that the error measure, sMAPE,
 *       rewards and that outlier hours cannot drag; Schlossmacher 1973, "An iterative technique for
 *       absolute deviations curve fitting", JASA 68(344):857-859), solved by a QR decomposition of the
 *       normal equations;
 *   <li>extended by bursts chosen greedily, one at a time, as the window (start hour, length of 1 h to
 *       30 days, shape) whose single log amplitude most reduces the weighted residual sum of squares,
 *       a matching-pursuit step (Mallat and Zhang 1993, "Matching pursuits with time-frequency
 *       dictionaries", IEEE Trans. Signal Processing 41(12)), refitting all coefficients after each;
 *       a day-long rectangle is a level shift for the day. Bursts stop at {@code maxBurstsPerDay ×
 *       days}, or when the chosen burst would not pay for its 3 parameters: its drop in Pearson
 *       chi-square under Poisson counts (log-count variance {@code 1/(A + 1)}) must exceed the
 *       Bayesian information criterion's {@code 3·ln n} (Schwarz 1978, "Estimating the dimension of a
 *       model", Ann. Statist. 6(2):461-464) plus {@code 2·ln(candidates)} for having searched them all
 *       (the Bonferroni-like bound on the largest of many chi-square(1) draws);
 *   <li>refined on the exact model ({@code 1 + (p − 1)·s(u)} bursts, hour means of 12 sub-samples in
 *       local time) by Levenberg-Marquardt on the weighted log residuals (commons-math3
 *       {@link LevenbergMarquardtOptimizer}; Moré 1978, "The Levenberg-Marquardt algorithm:
 *       implementation and theory", Lecture Notes in Mathematics 630), three times, reweighting as in
 *       step 1 between rounds; burst windows stay fixed, and log burst peaks and log weekly factors are
 *       held within {@code ±ln 1000}, the log growth within {@code ±1} per day (a burst over a
 *       near-empty stretch, such as a partly recovered server, would otherwise run to 0).
 * </ol>
 * The daily and weekly factors are then normalized to mean 1, the base rate taking up the scale.
 *
 * <p>All methods are pure functions of their arguments.
 */
public final class RateModelFit {
  private static final int SECONDS_PER_HOUR = 3600;
  private static final int SAMPLES_PER_HOUR = 12;
  private static final double SAMPLE_SECONDS = (double) SECONDS_PER_HOUR / SAMPLES_PER_HOUR;
  /** Candidate burst lengths, in hours: up to 30 days. */
  private static final int[] BURST_HOURS =
      {1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 20, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720};
  private static final BurstShape[] SHAPES = BurstShape.values();
  /** The floor of |residual| in the IRLS weights: 2 % on the log scale. */
  private static final double IRLS_FLOOR = 0.02;
  private static final int IRLS_ROUNDS = 8;
  /** Levenberg-Marquardt fits, each after reweighting from the previous one's residuals. */
  private static final int REFINE_ROUNDS = 3;
  private static final double MAX_LOG_FACTOR = Math.log(1000);

  private RateModelFit() {}

  /**
   * How a fit is made.
   *
   * @param maxBurstsPerDay most bursts per day of data on average; finite and {@code >= 0}; the fit
   *     takes at most {@code floor(maxBurstsPerDay × hours / 24)}
   * @param dailyFactorCount number of daily factors (STEP, equal bins of the local day); a divisor of
   *     24, since the fit sees whole hours
   */
  public record FitOptions(double maxBurstsPerDay, int dailyFactorCount) {
    /** One burst per day on average and one daily factor per hour. */
    public static final FitOptions DEFAULT = new FitOptions(1.0, 24);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if a field is out of its range (the message names it)
     */
    public FitOptions {
      if (!Double.isFinite(maxBurstsPerDay) || maxBurstsPerDay < 0) {
        throw new IllegalArgumentException("maxBurstsPerDay must be >= 0, but was " + maxBurstsPerDay);
      }
      if (dailyFactorCount < 1 || 24 % dailyFactorCount != 0) {
        throw new IllegalArgumentException("dailyFactorCount must be a divisor of 24, but was " + dailyFactorCount);
      }
    }
  }

  /**
   * A fitted model and how well it fits.
   *
   * @param model the fitted model: STEP daily and weekly factors (each normalized to mean 1), an
   *     exponential trend, the bursts and hourly log-normal noise
   * @param smapeHourlyPercent sMAPE of the model's expected hourly counts (noise excluded) against the
   *     measured hourly counts, over the scored hours: {@code 100/n·Σ|F − A| / ((|A| + |F|)/2)}, with
   *     {@code 0/0 = 0} (Hyndman and Koehler 2006, "Another look at measures of forecast accuracy", Int.
   *     J. Forecasting 22(4):679-688); 0 to 200
   * @param hoursScored whole hours from the start with no missing step
   * @param parameterCount {@link RateModel#parameterCount()} of the model
   * @param burstCount the number of bursts
   * @param dailyFactors the daily factors, local midnight first, mean 1
   * @param weeklyFactors the weekly factors, Monday first, mean 1
   * @param growthPerDay the compound growth {@code g} per day
   * @param bursts the bursts, in the order the fit chose them (largest gain first)
   * @param noiseRelativeStdDev the hourly relative standard deviation beyond Poisson noise, see {@link
   *     RateModelFit#fit}
   */
  public record ModelFit(
      RateModel model,
      double smapeHourlyPercent,
      int hoursScored,
      int parameterCount,
      int burstCount,
      List<Double> dailyFactors,
      List<Double> weeklyFactors,
      double growthPerDay,
      List<Burst> bursts,
      double noiseRelativeStdDev) {

    /** Copies the lists. */
    public ModelFit {
      dailyFactors = List.copyOf(dailyFactors);
      weeklyFactors = List.copyOf(weeklyFactors);
      bursts = List.copyOf(bursts);
    }
  }

  /**
   * Fits a rate model to a measured count series.
   *
   * <p>The noise component is estimated by the method of moments on the scored hours: if the hourly
   * count is Poisson with a mean {@code F·ε} and {@code ε} has mean 1 and variance {@code σ²}, then
   * {@code E[(A − F)²] = F + σ²F²}, so {@code σ² = max(0, mean_h(((A_h − F_h)² − F_h) / F_h²))},
   * capped at {@code 2²}. It also absorbs whatever the model misses, so it is an upper bound on the
   * true extra-Poisson variability. The noise interval is 3600 s.
   *
   * @param counts requests in each step: {@code counts[i]} in {@code [start + i·step, start + (i+1)·step)};
   *     each finite and {@code >= 0} (ignored where missing); at least one day of whole hours
   * @param missing {@code true} for steps that were not observed; same length as counts
   * @param stepSeconds the step in seconds, a divisor of 3600
   * @param start the wall-clock instant of {@code counts[0]}
   * @param zone the zone whose local time drives the daily and weekly shapes
   * @param options how to fit
   * @return the fit; its model lasts {@code counts.length × stepSeconds} seconds
   * @throws IllegalArgumentException if the lengths differ, a count is negative or not finite, the
   *     step does not divide 3600, or fewer than 24 whole hours are observed
   * @throws NullPointerException if an argument is null
   */
  public static ModelFit fit(double[] counts, boolean[] missing, int stepSeconds, OffsetDateTime start,
      ZoneId zone, FitOptions options) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(options, "options");
    HourlyTrace trace = HourlyTrace.of(counts, missing, stepSeconds);
    double durationSeconds = (double) counts.length * stepSeconds;
    Layout layout = new Layout(trace.hours(), new LocalClock(start, zone, durationSeconds),
        options.dailyFactorCount());
    int maxBursts = (int) Math.floor(options.maxBurstsPerDay() * trace.hours() / 24.0 + 1e-9);
    Design design = new Design(layout, trace);
    design.fitWithBursts(maxBursts);
    design.refine();
    RateModel expected = design.toModel(durationSeconds, null);
    double[] expectedCounts = expectedHourlyCounts(expected, start, zone, trace.hours());
    double noise = noiseRelativeStdDev(trace, expectedCounts);
    RateModel model = design.toModel(durationSeconds, new Noise(noise, SECONDS_PER_HOUR));
    return new ModelFit(model, smapePercent(trace, expectedCounts), trace.observedHours(),
        model.parameterCount(), model.bursts().size(), model.daily().factors(), model.weekly().factors(),
        model.trend().growthPerDay(), model.bursts(), noise);
  }

  private static double[] expectedHourlyCounts(RateModel model, OffsetDateTime start, ZoneId zone, int hours) {
    double[] edges = new double[hours + 1];
    for (int h = 0; h <= hours; h++) {
      edges[h] = (double) h * SECONDS_PER_HOUR;
    }
    double[] means = model.evaluator(model.clock(start, zone)).binMeans(edges, 1, null);
    for (int h = 0; h < hours; h++) {
      means[h] *= SECONDS_PER_HOUR;
    }
    return means;
  }

  /** sMAPE over the observed hours, 0/0 counted as 0 (Hyndman and Koehler 2006). */
  static double smapePercent(HourlyTrace trace, double[] forecast) {
    double sum = 0;
    int n = 0;
    for (int h = 0; h < trace.hours(); h++) {
      if (trace.observed()[h]) {
        double a = trace.counts()[h];
        double denominator = (Math.abs(a) + Math.abs(forecast[h])) / 2;
        sum += denominator == 0 ? 0 : Math.abs(forecast[h] - a) / denominator;
        n++;
      }
    }
    return 100 * sum / n;
  }

  private static double noiseRelativeStdDev(HourlyTrace trace, double[] forecast) {
    double sum = 0;
    int n = 0;
    for (int h = 0; h < trace.hours(); h++) {
      if (trace.observed()[h] && forecast[h] > 0) {
        double e = trace.counts()[h] - forecast[h];
        sum += (e * e - forecast[h]) / (forecast[h] * forecast[h]);
        n++;
      }
    }
    double variance = n == 0 ? 0 : Math.max(0, sum / n);
    return Math.min(2, Math.sqrt(variance));
  }

  /** Hourly sums of a step series and which hours were wholly observed. */
  record HourlyTrace(double[] counts, boolean[] observed, int hours, int observedHours) {

    static HourlyTrace of(double[] counts, boolean[] missing, int stepSeconds) {
      Objects.requireNonNull(counts, "counts");
      Objects.requireNonNull(missing, "missing");
      if (missing.length != counts.length) {
        throw new IllegalArgumentException("missing must have the length of counts (" + counts.length
            + "), but had " + missing.length);
      }
      if (stepSeconds < 1 || SECONDS_PER_HOUR % stepSeconds != 0) {
        throw new IllegalArgumentException("stepSeconds must be a divisor of 3600, but was " + stepSeconds);
      }
      int perHour = SECONDS_PER_HOUR / stepSeconds;
      int hours = counts.length / perHour;
      double[] sums = new double[hours];
      boolean[] observed = new boolean[hours];
      int observedHours = 0;
      for (int h = 0; h < hours; h++) {
        boolean whole = true;
        for (int i = h * perHour; i < (h + 1) * perHour; i++) {
          if (!missing[i] && (!Double.isFinite(counts[i]) || counts[i] < 0)) {
            throw new IllegalArgumentException("counts[" + i + "] must be >= 0, but was " + counts[i]);
          }
          whole &= !missing[i];
          sums[h] += missing[i] ? 0 : counts[i];
        }
        observed[h] = whole;
        observedHours += whole ? 1 : 0;
      }
      if (observedHours < 24) {
        throw new IllegalArgumentException(
            "counts must hold at least 24 observed whole hours, but held " + observedHours);
      }
      return new HourlyTrace(sums, observed, hours, observedHours);
    }
  }

  /** Where each sub-sample of each hour falls in local time. */
  static final class Layout {
    final int hours;
    final int dailyBins;
    /** Per sample (hour·12 + k): the daily bin, the local day of week (Monday 0), days since start. */
    final int[] dailyBin;
    final int[] weekday;
    final double[] days;

    Layout(int hours, LocalClock clock, int dailyBins) {
      this.hours = hours;
      this.dailyBins = dailyBins;
      int samples = hours * SAMPLES_PER_HOUR;
      dailyBin = new int[samples];
      weekday = new int[samples];
      days = new double[samples];
      double binSeconds = (double) LocalClock.SECONDS_PER_DAY / dailyBins;
      for (int i = 0; i < samples; i++) {
        double t = (i + 0.5) * SAMPLE_SECONDS;
        double secondOfWeek = clock.secondOfWeek(t);
        weekday[i] = Math.min(6, (int) (secondOfWeek / LocalClock.SECONDS_PER_DAY));
        dailyBin[i] = Math.min(dailyBins - 1, (int) ((secondOfWeek % LocalClock.SECONDS_PER_DAY) / binSeconds));
        days[i] = t / LocalClock.SECONDS_PER_DAY;
      }
    }
  }

  /** A burst window on the hour grid. */
  record Window(int startHour, int lengthHours, BurstShape shape) {

    /** Returns s at sample k (0 .. 12·length − 1) of the window. */
    double intensity(int sample) {
      return shape.intensity((sample + 0.5) / (lengthHours * SAMPLES_PER_HOUR));
    }

    /** Returns the mean s over each hour of the window. */
    double[] hourlyMeans() {
      double[] means = new double[lengthHours];
      for (int k = 0; k < lengthHours * SAMPLES_PER_HOUR; k++) {
        means[k / SAMPLES_PER_HOUR] += intensity(k) / SAMPLES_PER_HOUR;
      }
      return means;
    }
  }

  /**
   * The working state of one fit: coefficients on the log scale, laid out as daily bins, weekly days
   * Tuesday..Sunday (Monday is the reference), the log growth per day, then one per burst.
   * Mutable; confined to one call of {@link #fit}.
   */
  static final class Design {
    private final Layout layout;
    private final HourlyTrace trace;
    private final double[] y;
    private final List<Window> windows = new ArrayList<>();
    private double[] coefficients;
    private double[] weights;

    Design(Layout layout, HourlyTrace trace) {
      this.layout = layout;
      this.trace = trace;
      this.y = new double[trace.hours()];
      for (int h = 0; h < y.length; h++) {
        y[h] = Math.log(trace.counts()[h] + 1);
      }
    }

    private int trendColumn() {
      return layout.dailyBins + 6;
    }

    private int columns() {
      return trendColumn() + 1 + windows.size();
    }

    /** Returns the linearized design row of hour h: the mean of each log component over its samples. */
    private double[] row(int h) {
      double[] x = new double[columns()];
      for (int k = 0; k < SAMPLES_PER_HOUR; k++) {
        int i = h * SAMPLES_PER_HOUR + k;
        x[layout.dailyBin[i]] += 1.0 / SAMPLES_PER_HOUR;
        if (layout.weekday[i] > 0) {
          x[layout.dailyBins + layout.weekday[i] - 1] += 1.0 / SAMPLES_PER_HOUR;
        }
        x[trendColumn()] += layout.days[i] / SAMPLES_PER_HOUR;
      }
      for (int m = 0; m < windows.size(); m++) {
        Window w = windows.get(m);
        int offset = h - w.startHour();
        if (offset >= 0 && offset < w.lengthHours()) {
          for (int k = 0; k < SAMPLES_PER_HOUR; k++) {
            x[trendColumn() + 1 + m] += w.intensity(offset * SAMPLES_PER_HOUR + k) / SAMPLES_PER_HOUR;
          }
        }
      }
      return x;
    }

    /** Fits the linearized model by IRLS, adding bursts greedily; leaves residual weights for refine. */
    void fitWithBursts(int maxBursts) {
      double[] residual = fitLinear();
      double threshold = 3 * Math.log(trace.observedHours()) + 2 * Math.log(candidateCount());
      while (windows.size() < maxBursts) {
        Candidate best = bestWindow(residual);
        if (best == null || !(poissonGain(best.window(), residual) > threshold)) {
          break;
        }
        windows.add(best.window());
        residual = fitLinear();
      }
    }

    /**
     * Returns the drop in Pearson chi-square that the window's best amplitude gives when the hourly
     * counts are Poisson: ln(A + 1) then has variance about 1/(A + 1).
     */
    private double poissonGain(Window window, double[] residual) {
      double[] s = window.hourlyMeans();
      double num = 0;
      double den = 0;
      for (int j = 0; j < s.length; j++) {
        int h = window.startHour() + j;
        if (trace.observed()[h]) {
          double w = trace.counts()[h] + 1;
          num += w * residual[h] * s[j];
          den += w * s[j] * s[j];
        }
      }
      return den > 0 ? num * num / den : 0;
    }

    private int candidateCount() {
      int count = 0;
      for (int length : BURST_HOURS) {
        int stride = Math.max(1, length / 24);
        count += length > trace.hours() ? 0 : SHAPES.length * ((trace.hours() - length) / stride + 1);
      }
      return count;
    }

    private double[] fitLinear() {
      weights = new double[trace.hours()];
      for (int h = 0; h < weights.length; h++) {
        weights[h] = trace.observed()[h] ? 1 : 0;
      }
      double[][] rows = new double[trace.hours()][];
      for (int h = 0; h < rows.length; h++) {
        rows[h] = trace.observed()[h] ? row(h) : null;
      }
      double[] residual = new double[trace.hours()];
      for (int round = 0; round < IRLS_ROUNDS; round++) {
        coefficients = solveWeighted(rows);
        for (int h = 0; h < residual.length; h++) {
          if (rows[h] != null) {
            residual[h] = y[h] - dot(rows[h], coefficients);
            weights[h] = 1 / Math.max(Math.abs(residual[h]), IRLS_FLOOR);
          }
        }
      }
      return residual;
    }

    private double[] solveWeighted(double[][] rows) {
      int p = columns();
      double[][] normal = new double[p][p];
      double[] right = new double[p];
      for (int h = 0; h < rows.length; h++) {
        double[] x = rows[h];
        if (x == null) {
          continue;
        }
        double w = weights[h];
        for (int a = 0; a < p; a++) {
          if (x[a] == 0) {
            continue;
          }
          double wx = w * x[a];
          right[a] += wx * y[h];
          for (int b = a; b < p; b++) {
            normal[a][b] += wx * x[b];
          }
        }
      }
      for (int a = 0; a < p; a++) {
        normal[a][a] += 1e-9 * (1 + normal[a][a]); // a whisper of ridge: keeps unobserved bins solvable
        for (int b = 0; b < a; b++) {
          normal[a][b] = normal[b][a];
        }
      }
      RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(normal, false))
          .getSolver().solve(new ArrayRealVector(right, false));
      return solution.toArray();
    }

    private double weightedSquares(double[] residual) {
      double sum = 0;
      for (int h = 0; h < residual.length; h++) {
        if (trace.observed()[h]) {
          sum += weights[h] * residual[h] * residual[h];
        }
      }
      return sum;
    }

    record Candidate(Window window, double gain) {}

    /** Returns the window whose single amplitude most reduces the weighted squared residual. */
    private Candidate bestWindow(double[] residual) {
      int hours = trace.hours();
      double[] wr = new double[hours];
      double[] w = new double[hours];
      for (int h = 0; h < hours; h++) {
        if (trace.observed()[h]) {
          w[h] = weights[h];
          wr[h] = weights[h] * residual[h];
        }
      }
      Candidate best = null;
      for (int length : BURST_HOURS) {
        if (length > hours) {
          break;
        }
        int stride = Math.max(1, length / 24);
        for (BurstShape shape : SHAPES) {
          double[] s = new Window(0, length, shape).hourlyMeans();
          for (int start = 0; start + length <= hours; start += stride) {
            Window window = new Window(start, length, shape);
            if (windows.contains(window)) {
              continue;
            }
            double num = 0;
            double den = 0;
            for (int j = 0; j < length; j++) {
              num += wr[start + j] * s[j];
              den += w[start + j] * s[j] * s[j];
            }
            double gain = den > 0 ? num * num / den : 0;
            if (best == null || gain > best.gain()) {
              best = new Candidate(window, gain);
            }
          }
        }
      }
      return best;
    }

    private static double dot(double[] a, double[] b) {
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += a[i] * b[i];
      }
      return sum;
    }

    /** Refines all coefficients on the exact model by Levenberg-Marquardt, burst windows fixed. */
    void refine() {
      int[] hoursUsed = observedHourIndices();
      for (int round = 0; round < REFINE_ROUNDS; round++) {
        if (round > 0) {
          reweight(hoursUsed);
        }
        double[] target = new double[hoursUsed.length];
        for (int r = 0; r < hoursUsed.length; r++) {
          target[r] = Math.sqrt(weights[hoursUsed[r]]) * y[hoursUsed[r]];
        }
        LeastSquaresProblem problem = new LeastSquaresBuilder()
            .start(coefficients)
            .model(theta -> valueAndJacobian(theta.toArray(), hoursUsed))
            .target(target)
            .parameterValidator(this::withinBounds)
            .maxEvaluations(200)
            .maxIterations(100)
            .build();
        coefficients = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
      }
    }

    /**
     * Clamps the coefficients that weak data could drive to infinity: each log burst peak to
     * {@code ±ln 1000}, the log growth to {@code ±1} per day, the log weekly factors to {@code ±ln 1000}.
     */
    private RealVector withinBounds(RealVector theta) {
      double[] clamped = theta.toArray();
      for (int j = layout.dailyBins; j < clamped.length; j++) {
        double bound = j == trendColumn() ? 1 : MAX_LOG_FACTOR;
        clamped[j] = Math.max(-bound, Math.min(bound, clamped[j]));
      }
      return new ArrayRealVector(clamped, false);
    }

    /** Sets the IRLS weights from the exact model's log residuals at the current coefficients. */
    private void reweight(int[] hoursUsed) {
      double[] fitted = valueAndJacobian(coefficients, hoursUsed).getFirst().toArray();
      for (int r = 0; r < hoursUsed.length; r++) {
        int h = hoursUsed[r];
        double residual = y[h] - fitted[r] / Math.sqrt(weights[h]);
        weights[h] = 1 / Math.max(Math.abs(residual), IRLS_FLOOR);
      }
    }

    private int[] observedHourIndices() {
      int[] used = new int[trace.observedHours()];
      int r = 0;
      for (int h = 0; h < trace.hours(); h++) {
        if (trace.observed()[h]) {
          used[r++] = h;
        }
      }
      return used;
    }

    /** Returns sqrt(w)·ln(F_h + 1) and its Jacobian for the exact model at theta. */
    private Pair<RealVector, RealMatrix> valueAndJacobian(double[] theta, int[] hoursUsed) {
      int p = theta.length;
      double[] value = new double[hoursUsed.length];
      double[][] jacobian = new double[hoursUsed.length][p];
      double growth = theta[trendColumn()];
      double[] peaks = new double[windows.size()];
      for (int m = 0; m < peaks.length; m++) {
        peaks[m] = Math.exp(theta[trendColumn() + 1 + m]);
      }
      for (int r = 0; r < hoursUsed.length; r++) {
        int h = hoursUsed[r];
        double[] gradient = jacobian[r];
        double total = 0;
        for (int k = 0; k < SAMPLES_PER_HOUR; k++) {
          int i = h * SAMPLES_PER_HOUR + k;
          int weekday = layout.weekday[i];
          double log = theta[layout.dailyBin[i]] + growth * layout.days[i]
              + (weekday > 0 ? theta[layout.dailyBins + weekday - 1] : 0);
          double sample = Math.exp(log) / SAMPLES_PER_HOUR;
          double[] burstDerivative = new double[windows.size()];
          for (int m = 0; m < windows.size(); m++) {
            Window w = windows.get(m);
            int offset = h - w.startHour();
            if (offset >= 0 && offset < w.lengthHours()) {
              double s = w.intensity(offset * SAMPLES_PER_HOUR + k);
              double factor = 1 + (peaks[m] - 1) * s;
              sample *= factor;
              burstDerivative[m] = peaks[m] * s / factor;
            }
          }
          total += sample;
          gradient[layout.dailyBin[i]] += sample;
          if (weekday > 0) {
            gradient[layout.dailyBins + weekday - 1] += sample;
          }
          gradient[trendColumn()] += sample * layout.days[i];
          for (int m = 0; m < windows.size(); m++) {
            gradient[trendColumn() + 1 + m] += sample * burstDerivative[m];
          }
        }
        double scale = Math.sqrt(weights[h]);
        value[r] = scale * Math.log(total + 1);
        for (int j = 0; j < p; j++) {
          gradient[j] *= scale / (total + 1);
        }
      }
      return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }

    /** Returns the model of the current coefficients, factors normalized to mean 1. */
    RateModel toModel(double durationSeconds, Noise noise) {
      List<Double> daily = new ArrayList<>();
      double dailyMean = 0;
      for (int j = 0; j < layout.dailyBins; j++) {
        dailyMean += Math.exp(coefficients[j]) / layout.dailyBins;
      }
      for (int j = 0; j < layout.dailyBins; j++) {
        daily.add(Math.exp(coefficients[j]) / dailyMean);
      }
      double[] weeklyRaw = new double[7];
      double weeklyMean = 0;
      for (int d = 0; d < 7; d++) {
        weeklyRaw[d] = d == 0 ? 1 : Math.exp(coefficients[layout.dailyBins + d - 1]);
        weeklyMean += weeklyRaw[d] / 7;
      }
      List<Double> weekly = new ArrayList<>();
      for (int d = 0; d < 7; d++) {
        weekly.add(weeklyRaw[d] / weeklyMean);
      }
      List<Burst> bursts = new ArrayList<>();
      for (int m = 0; m < windows.size(); m++) {
        Window w = windows.get(m);
        bursts.add(new Burst((double) w.startHour() * SECONDS_PER_HOUR, (double) w.lengthHours() * SECONDS_PER_HOUR,
            Math.exp(coefficients[trendColumn() + 1 + m]), w.shape()));
      }
      double growthPerDay = Math.expm1(coefficients[trendColumn()]);
      double basePerSecond = dailyMean * weeklyMean / SECONDS_PER_HOUR;
      return new RateModel(durationSeconds, basePerSecond, new SeasonalShape(daily, Interpolation.STEP),
          new SeasonalShape(weekly, Interpolation.STEP), new Trend(TrendType.EXPONENTIAL, growthPerDay), bursts, noise);
    }
  }
}
