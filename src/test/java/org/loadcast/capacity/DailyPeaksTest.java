package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DailyPeaksTest {
  private static final Instant MARCH_FIRST = Instant.parse("2024-03-01T00:00:00Z");

  /** Hourly rates: on day d (0-based) hour h has rate 100·d + h; the series ends at noon of day 2. */
  private static double[] hourly() {
    double[] rates = new double[24 + 24 + 12];
    for (int i = 0; i < rates.length; i++) {
      rates[i] = 100 * (i / 24) + i % 24;
    }
    return rates;
  }

  @Test
  void of_twoHourWindows_takesTheBusiestAlignedWindowOfEachFullDay() {
    DailyPeaks peaks = DailyPeaks.of(hourly(), MARCH_FIRST, 3600, ZoneOffset.UTC, 7200, 0);
    assertThat(peaks.peaks()).hasSize(2);
    assertThat(peaks.peaks().get(0).date()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(peaks.peaks().get(0).peakRatePerSecond()).isCloseTo(22.5, within(1e-12));
    assertThat(peaks.peaks().get(0).windowStart()).isEqualTo(Instant.parse("2024-03-01T22:00:00Z"));
    assertThat(peaks.peaks().get(1).peakRatePerSecond()).isCloseTo(122.5, within(1e-12));
    assertThat(peaks.skipped()).singleElement().satisfies(day -> {
      assertThat(day.date()).isEqualTo(LocalDate.of(2024, 3, 3));
      assertThat(day.missingSlots()).isEqualTo(12);
      assertThat(day.reason()).isEqualTo("the series covers only 12 of its 24 intervals");
    });
    assertThat(peaks.dailySeries()).containsExactly(22.5, 122.5);
  }

  @Test
  void of_dayWithAMissingHour_isSkippedOrKeptByTheThreshold() {
    double[] rates = hourly();
    rates[24 + 23] = Double.NaN;
    DailyPeaks strict = DailyPeaks.of(rates, MARCH_FIRST, 3600, ZoneOffset.UTC, 3600, 0);
    assertThat(strict.peaks()).extracting(DailyPeaks.Peak::date).containsExactly(LocalDate.of(2024, 3, 1));
    assertThat(strict.skipped().get(0).reason()).isEqualTo("1 of its 24 intervals are missing, more than 0.0 %");
    DailyPeaks lenient = DailyPeaks.of(rates, MARCH_FIRST, 3600, ZoneOffset.UTC, 3600, 0.05);
    assertThat(lenient.peaks()).hasSize(2);
    DailyPeaks.Peak second = lenient.peaks().get(1);
    assertThat(second.peakRatePerSecond()).isEqualTo(122);
    assertThat(second.missingSlots()).isEqualTo(1);
    assertThat(second.slots()).isEqualTo(24);
  }

  @Test
  void of_gapDayBetweenPeaks_isNaNInTheDailySeries() {
    double[] rates = new double[24 * 3];
    Arrays.fill(rates, 5);
    Arrays.fill(rates, 24, 48, Double.NaN);
    DailyPeaks peaks = DailyPeaks.of(rates, MARCH_FIRST, 3600, ZoneOffset.UTC, 3600, 0);
    double[] series = peaks.dailySeries();
    assertThat(series).hasSize(3);
    assertThat(series[0]).isEqualTo(5);
    assertThat(series[1]).isNaN();
    assertThat(series[2]).isEqualTo(5);
    assertThat(peaks.skipped()).extracting(DailyPeaks.SkippedDay::date).containsExactly(LocalDate.of(2024, 3, 2));
  }

  @Test
  void of_startOneSecondAfterMidnight_assignsEachIntervalToTheDayItStartsIn() {
    Instant start = OffsetDateTime.parse("1995-07-01T00:00:01-04:00").toInstant();
    double[] rates = new double[24 * 2];
    Arrays.fill(rates, 1);
    rates[23] = 9;
    DailyPeaks peaks = DailyPeaks.of(rates, start, 3600, ZoneId.of("America/New_York"), 3600, 0);
    assertThat(peaks.peaks()).hasSize(2);
    assertThat(peaks.peaks().get(0).peakRatePerSecond()).isEqualTo(9);
    assertThat(peaks.peaks().get(0).windowStart()).isEqualTo(OffsetDateTime.parse("1995-07-01T23:00:01-04:00").toInstant());
    assertThat(peaks.skipped()).isEmpty();
  }

  @Test
  void of_springForwardDay_hasTwentyThreeSlotsAndNoPartialWindow() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant start = LocalDate.of(2024, 3, 10).atStartOfDay(newYork).toInstant();
    double[] rates = new double[23];
    Arrays.fill(rates, 1);
    rates[22] = 50;
    DailyPeaks peaks = DailyPeaks.of(rates, start, 3600, newYork, 7200, 0);
    assertThat(peaks.peaks()).singleElement().satisfies(p -> {
      assertThat(p.slots()).isEqualTo(23);
      assertThat(p.peakRatePerSecond()).isEqualTo(1);
    });
  }

  @Test
  void of_emptySeries_hasNoDays() {
    DailyPeaks peaks = DailyPeaks.of(new double[0], MARCH_FIRST, 60, ZoneOffset.UTC, 3600, 0);
    assertThat(peaks.peaks()).isEmpty();
    assertThat(peaks.skipped()).isEmpty();
    assertThat(peaks.dailySeries()).isEmpty();
    assertThatThrownBy(peaks::firstDate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void of_rejectsBadArguments() {
    assertThatThrownBy(() -> DailyPeaks.of(hourly(), MARCH_FIRST, 3600, ZoneOffset.UTC, 5400, 0))
        .hasMessage("windowSeconds must be a multiple of stepSeconds (3600) and at most 86400, but was 5400");
    assertThatThrownBy(() -> DailyPeaks.of(hourly(), MARCH_FIRST, 0, ZoneOffset.UTC, 3600, 0))
        .hasMessage("stepSeconds must be >= 1, but was 0");
    assertThatThrownBy(() -> DailyPeaks.of(hourly(), MARCH_FIRST, 3600, ZoneOffset.UTC, 3600, 1))
        .hasMessage("maxMissingFraction must be in [0, 1), but was 1.0");
    assertThatThrownBy(() -> DailyPeaks.of(new double[] {1, Double.POSITIVE_INFINITY}, MARCH_FIRST, 3600,
        ZoneOffset.UTC, 3600, 0)).hasMessage("ratePerSecond[1] must be finite or NaN (unknown), but was Infinity");
  }
}
