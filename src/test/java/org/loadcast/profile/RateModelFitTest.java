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

  @Test
  void fit_worldCup98_scoresWithinTenPercentHourlySmape() {
    Minutes minutes = readWorldCup(SERIES.resolve("worldcup98_requests_per_minute.csv"));
    ModelFit fit = RateModelFit.fit(minutes.counts(), minutes.missing(), 60,
        OffsetDateTime.parse("1998-04-30T21:30:00Z"), ZoneId.of("Europe/Paris"), FitOptions.DEFAULT);
    report("WorldCup98", fit);
    assertThat(fit.smapeHourlyPercent()).isLessThanOrEqualTo(10);
    assertThat(fit.growthPerDay()).isPositive();
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
