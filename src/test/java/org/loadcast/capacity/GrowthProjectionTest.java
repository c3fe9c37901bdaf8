package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.loadcast.forecast.EtsModel;
import org.junit.jupiter.api.Test;

class GrowthProjectionTest {
  private static final Instant START = Instant.parse("1995-07-01T00:00:00Z");

  /** Daily peaks from one value per day (a window of one whole day, step one day). */
  static DailyPeaks daily(double... peaks) {
    return DailyPeaks.of(peaks, START, 86_400, ZoneOffset.UTC, 86_400, 0);
  }

  private static double[] line(int days) {
    double[] y = new double[days];
    for (int t = 0; t < days; t++) {
      y[t] = 100 + 2.0 * t + (t % 2 == 0 ? 1 : -1);
    }
    return y;
  }

  @Test
  void of_holtOnALine_forecastsTheLineAndWidensWithH() {
    GrowthProjection projection = GrowthProjection.of(daily(line(40)), EtsModel.LINEAR_TREND, 30, 95, GrowthAssumptions.NONE);
    assertThat(projection.origin()).isEqualTo(LocalDate.of(1995, 8, 9));
    assertThat(projection.historyStart()).isEqualTo(LocalDate.of(1995, 7, 1));
    assertThat(projection.days()).hasSize(30);
    assertThat(projection.days().get(0).date()).isEqualTo(LocalDate.of(1995, 8, 10));
    assertThat(projection.horizonEnd()).isEqualTo(LocalDate.of(1995, 9, 8));
    for (int i = 0; i < 30; i++) {
      GrowthProjection.ProjectedDay day = projection.days().get(i);
      assertThat(day.peak().point()).isCloseTo(100 + 2.0 * (40 + i), org.assertj.core.data.Percentage.withPercentage(5));
      assertThat(day.growthFactor()).isEqualTo(1);
      if (i > 0) {
        assertThat(day.peak().width()).isGreaterThanOrEqualTo(projection.days().get(i - 1).peak().width());
      }
    }
  }

  @Test
  void of_statedGrowth_scalesPointAndBoundsAlike() {
    GrowthAssumptions growth = new GrowthAssumptions(3, List.of(
        new GrowthAssumptions.Launch("new region", LocalDate.of(1995, 8, 20), 30, Optional.empty())));
    GrowthProjection plain = GrowthProjection.of(daily(line(40)), EtsModel.DAMPED_TREND, 30, 80, GrowthAssumptions.NONE);
    GrowthProjection grown = GrowthProjection.of(daily(line(40)), EtsModel.DAMPED_TREND, 30, 80, growth);
    for (int i = 0; i < 30; i++) {
      GrowthProjection.ProjectedDay day = grown.days().get(i);
      double factor = Math.pow(1.03, (i + 1) / 30.436875) * (day.date().isBefore(LocalDate.of(1995, 8, 20)) ? 1 : 1.3);
      assertThat(day.growthFactor()).isCloseTo(factor, within(1e-12));
      assertThat(day.fitted()).isEqualTo(plain.days().get(i).fitted());
      assertThat(day.peak().point()).isCloseTo(day.fitted().point() * factor, within(1e-9));
      assertThat(day.peak().lower()).isCloseTo(day.fitted().lower() * factor, within(1e-9));
      assertThat(day.peak().upper()).isCloseTo(day.fitted().upper() * factor, within(1e-9));
    }
  }

  @Test
  void of_gapNearTheStart_fitsFromTheFirstThreeConsecutiveDays() {
    double[] y = line(20);
    y[1] = Double.NaN;
    double[] rates = y.clone();
    GrowthProjection projection = GrowthProjection.of(daily(rates), EtsModel.SIMPLE, 5, 95, GrowthAssumptions.NONE);
    assertThat(projection.historyStart()).isEqualTo(LocalDate.of(1995, 7, 3));
    assertThat(projection.fit().errorCount()).isEqualTo(17);
  }

  @Test
  void ofMonths_coversWholeCalendarMonthsFromTheDayAfterTheOrigin() {
    double[] y = line(62);
    GrowthProjection projection = GrowthProjection.ofMonths(daily(y), EtsModel.DAMPED_TREND, 12, 95, GrowthAssumptions.NONE);
    assertThat(projection.origin()).isEqualTo(LocalDate.of(1995, 8, 31));
    assertThat(projection.days()).hasSize(366);
    assertThat(projection.horizonEnd()).isEqualTo(LocalDate.of(1996, 8, 31));
  }

  @Test
  void of_historyTooShortForTheMethod_namesTheDaysItSpansAndTheMinimum() {
    // damped: the start (2 days), 3 weights and one degree of freedom = 6 days; 5 given, 1995-07-01 to 05
    assertThatThrownBy(() -> GrowthProjection.of(daily(line(5)), EtsModel.DAMPED_TREND, 5, 95, GrowthAssumptions.NONE))
        .hasMessage("the daily peaks must span at least 6 days to fit ETS(A,Ad,N) (damped: the start, 3 weight(s) and "
            + "one degree of freedom), but span 5 (" + daily(line(5)).firstDate() + " to "
            + daily(line(5)).firstDate().plusDays(4) + "); ses needs 3");
    // the history counts from the first of three consecutive peaks: 2 + 3 days span 3, too few for holt's 5
    assertThatThrownBy(() -> GrowthProjection.of(daily(1, Double.NaN, 2, 3, 4), EtsModel.LINEAR_TREND, 5, 95,
        GrowthAssumptions.NONE)).hasMessageContaining("must span at least 5 days to fit ETS(A,A,N) (holt: ")
        .hasMessageContaining("but span 3 (");
    assertThat(GrowthProjection.of(daily(line(6)), EtsModel.DAMPED_TREND, 5, 95, GrowthAssumptions.NONE).days()).hasSize(5);
  }

  @Test
  void of_rejectsHistoryWithoutThreeConsecutiveDays() {
    assertThatThrownBy(() -> GrowthProjection.of(daily(1, Double.NaN, 2, 3, Double.NaN, 4), EtsModel.SIMPLE, 5, 95,
        GrowthAssumptions.NONE)).hasMessage("the daily peaks must hold three consecutive days with a peak to fit "
            + "ETS(A,N,N), but hold 4 day(s) with a peak and no three in a row");
    assertThatThrownBy(() -> GrowthProjection.of(daily(line(10)), EtsModel.SIMPLE, 0, 95, GrowthAssumptions.NONE))
        .hasMessage("horizonDays must be >= 1, but was 0");
  }
}
