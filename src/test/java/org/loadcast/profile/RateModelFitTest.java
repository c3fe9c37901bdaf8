package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RateModel.Burst;
import org.loadcast.profile.RateModel.BurstShape;
import org.loadcast.profile.RateModel.SeasonalShape;
import org.loadcast.profile.RateModel.Trend;
import org.loadcast.profile.RateModel.TrendType;
import org.loadcast.profile.RateModelFit.FitOptions;
import org.loadcast.profile.RateModelFit.ModelFit;

class RateModelFitTest {
  private static final Path SERIES = Path.of("../shared/data/rate_series");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;

  /** A minute series with its missing mask. */
  record Minutes(double[] counts, boolean[] missing) {}

  /** Sums a per-second series into minutes; a minute with any missing second is missing. */
  private static Minutes perMinute(int[] perSecond) {
    boolean[] missingSecond = new boolean[perSecond.length];
    for (TimeRange range : ProfileDerivation.findMissing(perSecond, MissingDataRule.DEFAULT)) {
      for (int i = (int) range.fromSeconds(); i < (int) range.toSeconds(); i++) {
        missingSecond[i] = true;
      }
    }
    int minutes = perSecond.length / 60;
    double[] counts = new double[minutes];
    boolean[] missing = new boolean[minutes];
    for (int i = 0; i < minutes * 60; i++) {
      counts[i / 60] += perSecond[i];
      missing[i / 60] |= missingSecond[i];
    }
    return new Minutes(counts, missing);
  }

  private static ModelFit fitNasa(String file, String start) {
    Minutes minutes = perMinute(TrafficSources.readCountsPerSecond(SERIES.resolve(file)));
    return RateModelFit.fit(minutes.counts(), minutes.missing(), 60, OffsetDateTime.parse(start), NEW_YORK,
        FitOptions.DEFAULT);
  }

  private static void report(String name, ModelFit fit) {
    System.out.println(String.format(Locale.ROOT,
        "%s: smapeHourlyPercent=%.2f hoursScored=%d parameterCount=%d burstCount=%d growthPerDay=%.4f noise=%.3f",
        name, fit.smapeHourlyPercent(), fit.hoursScored(), fit.parameterCount(), fit.burstCount(),
        fit.growthPerDay(), fit.noiseRelativeStdDev()));
  }

  @Test
  void fit_nasaJuly_scoresWithinTenPercentHourlySmape() {
    ModelFit fit = fitNasa("nasa_ksc_1995-07_requests_per_second.txt.gz", "1995-07-01T00:00:01-04:00");
    report("NASA July", fit);
    assertThat(fit.smapeHourlyPercent()).isLessThanOrEqualTo(10);
    // 661 whole hours: 27 days, so at most 27 bursts at the default one per day
    assertThat(fit.burstCount()).isLessThanOrEqualTo(27);
    assertThat(fit.parameterCount()).isEqualTo(1 + 24 + 7 + 1 + 3 * fit.burstCount() + 2);
  }

  @Test
  void fit_nasaAugust_outageIsMissingAndScoresWithinTenPercent() {
    ModelFit fit = fitNasa("nasa_ksc_1995-08_requests_per_second.txt.gz", "1995-08-01T00:00:01-04:00");
    report("NASA August", fit);
    assertThat(fit.smapeHourlyPercent()).isLessThanOrEqualTo(10);
    // 744 hours less the 38 wholly or partly in Hurricane Erin's outage
    assertThat(fit.hoursScored()).isLessThan(744 - 37);
  }

  /**
   * Seasonality in Europe/Paris: the site and the matches were in France, so local evenings and match
   * days follow French time. The whole trace lies within CEST (UTC+2), so UTC would only move the
   * day boundaries (and the weekly factors' days) by two hours.
   */
  @Test
  void fit_worldCup98_scoresWithinTenPercentHourlySmape() {
    Minutes minutes = readWorldCup(SERIES.resolve("worldcup98_requests_per_minute.csv"));
    ModelFit fit = RateModelFit.fit(minutes.counts(), minutes.missing(), 60,
        OffsetDateTime.parse("1998-04-30T21:30:00Z"), ZoneId.of("Europe/Paris"), FitOptions.DEFAULT);
    report("WorldCup98", fit);
    assertThat(fit.smapeHourlyPercent()).isLessThanOrEqualTo(10);
    assertThat(fit.growthPerDay()).isPositive();
  }

  /** A known model: hourly daily shape, a weekday/weekend cycle, 2 %/day growth and two bursts. */
  private static RateModel knownModel() {
    List<Double> daily = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      daily.add(1 + 0.6 * Math.sin(2 * Math.PI * (h - 9) / 24));
    }
    List<Double> weekly = List.of(1.1, 1.1, 1.1, 1.1, 1.0, 0.8, 0.8);
    List<Burst> bursts = List.of(new Burst(9 * DAY, DAY, 1.5, BurstShape.RECTANGLE),
        new Burst(3 * DAY + 10 * HOUR, 6 * HOUR, 4, BurstShape.FLASH_CROWD));
    return new RateModel(21 * DAY, 5, new SeasonalShape(daily, Interpolation.STEP),
        new SeasonalShape(weekly, Interpolation.STEP), new Trend(TrendType.EXPONENTIAL, 0.02), bursts, null);
  }

  /** Draws Poisson counts per minute from the model's expected rate, with a fixed seed. */
  private static double[] poissonMinutes(RateModel model, OffsetDateTime start, ZoneId zone, long seed) {
    RateCurve curve = model.toCurve(start, zone, seed, 60);
    Well19937c random = new Well19937c(seed);
    double[] counts = new double[curve.pointCount() - 1];
    for (int i = 0; i < counts.length; i++) {
      double mean = curve.ratePerSecond(i) * 60;
      counts[i] = new PoissonDistribution(random, mean, PoissonDistribution.DEFAULT_EPSILON,
          PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
    }
    return counts;
  }

  @Test
  void fit_poissonSampleOfAKnownModel_recoversItsParameters() {
    RateModel truth = knownModel();
    OffsetDateTime start = OffsetDateTime.parse("2024-01-08T00:00:00-05:00"); // a Monday in New York
    double[] counts = poissonMinutes(truth, start, NEW_YORK, 2024);
    boolean[] missing = new boolean[counts.length];
    for (int i = 2 * 1440 + 600; i < 2 * 1440 + 900; i++) {
      missing[i] = true; // a 5-hour outage: recorded as zero, flagged missing
      counts[i] = 0;
    }
    ModelFit fit = RateModelFit.fit(counts, missing, 60, start, NEW_YORK, FitOptions.DEFAULT);
    report("synthetic", fit);

    assertThat(fit.hoursScored()).isEqualTo(21 * 24 - 5);
    // Poisson noise on ~3,000-30,000 requests per hour is 0.6-1.8 %; the shape factors are means of
    // 21 such hours, so 3 % is a loose bound for sampling error
    for (int h = 0; h < 24; h++) {
      double expected = truth.daily().factors().get(h) / 1.0; // the truth's daily shape has mean 1
      assertThat(fit.dailyFactors().get(h)).as("daily[%d]", h).isCloseTo(expected, within(0.03 * expected));
    }
    double weeklyMean = truth.weekly().factors().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    for (int d = 0; d < 7; d++) {
      double expected = truth.weekly().factors().get(d) / weeklyMean;
      assertThat(fit.weeklyFactors().get(d)).as("weekly[%d]", d).isCloseTo(expected, within(0.03));
    }
    assertThat(fit.growthPerDay()).isCloseTo(0.02, within(0.003));
    assertThat(fit.bursts()).anySatisfy(b -> {
      assertThat(b.shape()).isEqualTo(BurstShape.RECTANGLE);
      assertThat(b.startSeconds()).isCloseTo(9 * DAY, within(HOUR));
      assertThat(b.durationSeconds()).isCloseTo(DAY, within(2 * HOUR));
      assertThat(b.peakFactor()).isCloseTo(1.5, within(0.05));
    });
    assertThat(fit.bursts()).anySatisfy(b -> {
      assertThat(b.startSeconds()).isCloseTo(3 * DAY + 10 * HOUR, within(HOUR));
      assertThat(b.peakFactor()).isCloseTo(4, within(0.6));
    });
    assertThat(fit.smapeHourlyPercent()).isLessThan(2);
    assertThat(fit.noiseRelativeStdDev()).isLessThan(0.03);
  }

  @Test
  void fit_invalidInput_namesTheProblem() {
    OffsetDateTime start = OffsetDateTime.parse("2024-01-08T00:00:00Z");
    double[] day = new double[1440];
    java.util.Arrays.fill(day, 10);
    assertThatThrownBy(() -> RateModelFit.fit(day, new boolean[10], 60, start, ZoneOffset.UTC, FitOptions.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("missing must have the length of counts (1440), but had 10");
    assertThatThrownBy(() -> RateModelFit.fit(day, new boolean[1440], 7, start, ZoneOffset.UTC, FitOptions.DEFAULT))
        .hasMessage("stepSeconds must be a divisor of 3600, but was 7");
    double[] negative = day.clone();
    negative[5] = -1;
    assertThatThrownBy(() -> RateModelFit.fit(negative, new boolean[1440], 60, start, ZoneOffset.UTC,
        FitOptions.DEFAULT)).hasMessage("counts[5] must be >= 0, but was -1.0");
    assertThatThrownBy(() -> RateModelFit.fit(new double[600], new boolean[600], 60, start, ZoneOffset.UTC,
        FitOptions.DEFAULT)).hasMessage("counts must hold at least 24 observed whole hours, but held 10");
    assertThatThrownBy(() -> new FitOptions(-1, 24)).hasMessage("maxBurstsPerDay must be >= 0, but was -1.0");
    assertThatThrownBy(() -> new FitOptions(1, 5)).hasMessage("dailyFactorCount must be a divisor of 24, but was 5");
  }

  @Test
  void fit_flatSeries_findsNoBurstsAndAFlatShape() {
    double[] counts = new double[14 * 1440];
    java.util.Arrays.fill(counts, 600);
    ModelFit fit = RateModelFit.fit(counts, new boolean[counts.length], 60,
        OffsetDateTime.parse("2024-01-08T00:00:00Z"), ZoneOffset.UTC, FitOptions.DEFAULT);
    assertThat(fit.burstCount()).isZero();
    assertThat(fit.smapeHourlyPercent()).isCloseTo(0, within(1e-4));
    assertThat(fit.model().baseRatePerSecond()).isCloseTo(10, within(1e-5));
    assertThat(fit.dailyFactors()).allSatisfy(f -> assertThat(f).isCloseTo(1, within(1e-6)));
  }

  /** Reads {@code period,count} rows (UTC minutes); minutes absent from the file are missing. */
  private static Minutes readWorldCup(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    LocalDateTime first = null;
    List<long[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.indexOf(',');
      LocalDateTime period = LocalDateTime.parse(line.substring(0, comma), format);
      first = first == null ? period : first;
      long minute = java.time.Duration.between(first, period).toMinutes();
      rows.add(new long[] {minute, Long.parseLong(line.substring(comma + 1).trim())});
    }
    int n = (int) rows.get(rows.size() - 1)[0] + 1;
    double[] counts = new double[n];
    boolean[] missing = new boolean[n];
    java.util.Arrays.fill(missing, true);
    for (long[] row : rows) {
      counts[(int) row[0]] = row[1];
      missing[(int) row[0]] = false;
    }
    return new Minutes(counts, missing);
  }
}
