package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The variants of {@link ForecastMethod} on small series whose forecasts are known. */
class ForecastMethodTest {

  @Test
  void train_holtWinters_forecastsAsFit() {
    double[] y = AirPassengers.all();
    HoltWinters model = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.R_CLASSIC);

    assertThat(model.train(y).forecast(5)).isEqualTo(model.fit(y).forecast(5));
  }

  @Test
  void train_seasonalNaive_repeatsLastValueAtEachPosition() {
    Forecaster f = new SeasonalNaive(3).train(new double[] {1, 2, 3, 4, Double.NaN, 6});

    assertThat(IntStream.rangeClosed(1, 4).mapToDouble(f::forecast).toArray()).containsExactly(4, 2, 6, 4);
  }

  @Test
  void train_seasonalNaiveAllMissing_throws() {
    assertThatThrownBy(() -> new SeasonalNaive(1).train(new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training must hold a finite value");
  }

  @Test
  void train_dampedTrendOnLine_extrapolatesDampedSlope() {
    double[] line = IntStream.range(0, 50).mapToDouble(t -> 10 + 2 * t).toArray();
    Forecaster f = DampedTrend.standard().train(line);

    assertThat(f.forecast(1)).isCloseTo(108 + 2 * 0.98 - 0.98 * 2 + 2, within(1.0));
    assertThat(f.forecast(10) - f.forecast(1)).isLessThan(18.0 + 1e-9);
  }

  @Test
  void constructor_dampingOutOfRange_throws() {
    assertThatThrownBy(() -> new DampedTrend(0, 0.9, 1)).hasMessage("minDamping must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> new DampedTrend(0.9, 0.8, 1))
        .hasMessage("maxDamping must be in [minDamping, 1], but was 0.8");
  }

  @Test
  void fittedAt_zeroSteps_throws() {
    assertThatThrownBy(() -> DampedTrend.standard().fittedAt(0)).hasMessage("fitHorizonSteps must be >= 1, but was 0");
  }

  @Test
  void train_dampedTrendFittedAtOneStep_isStandard() {
    double[] y = Nile.FLOW;

    assertThat(DampedTrend.standard().fittedAt(1).train(y).forecast(3))
        .isEqualTo(DampedTrend.standard().train(y).forecast(3));
  }

  @Test
  void train_dampingFixedAtOne_isHoltOnALine() {
    double[] line = IntStream.range(0, 30).mapToDouble(t -> 5 - t).toArray();

    assertThat(new DampedTrend(1, 1, 1).train(line).forecast(4)).isCloseTo(5 - 33, within(1e-9));
  }

  @Test
  void train_dampedTrendFittedAtThreeStepsOnLine_followsIt() {
    double[] line = IntStream.range(0, 50).mapToDouble(t -> 10 + 2 * t).toArray();

    assertThat(DampedTrend.standard().fittedAt(3).train(line).forecast(1)).isCloseTo(110, within(1.0));
  }

  @Test
  void train_doubleSeasonalOnExactCycles_forecastsThem() {
    int day = 4;
    int week = 12;
    double[] y = IntStream.range(0, 5 * week).mapToDouble(t -> 100 + 10 * (t % day) + (t % week < day ? 30 : 0)).toArray();
    Forecaster f = new DoubleSeasonal(day, week).train(y);

    for (int h = 1; h <= week; h++) {
      int t = y.length - 1 + h;
      assertThat(f.forecast(h)).isCloseTo(100 + 10 * (t % day) + (t % week < day ? 30 : 0), within(1e-6));
    }
  }

  @Test
  void constructor_weeklyNotMultipleOfDaily_throws() {
    assertThatThrownBy(() -> new DoubleSeasonal(4, 10))
        .hasMessage("weeklyPeriod must be a multiple of dailyPeriod (4) of at least twice it, but was 10");
  }

  @Test
  void train_doubleSeasonalTooShort_throws() {
    assertThatThrownBy(() -> new DoubleSeasonal(2, 4).train(new double[7]))
        .hasMessage("training must hold at least 8 values (2 weekly cycles), but held 7");
  }

  @Test
  void train_combination_averagesMembers() {
    Forecaster f = new Combination(List.of(new SeasonalNaive(1), new SeasonalNaive(2))).train(new double[] {1, 5, 3});

    assertThat(f.forecast(1)).isEqualTo((3 + 5) / 2.0);
  }

  @Test
  void constructor_emptyCombination_throws() {
    assertThatThrownBy(() -> new Combination(List.of())).hasMessage("methods must not be empty");
  }
}
