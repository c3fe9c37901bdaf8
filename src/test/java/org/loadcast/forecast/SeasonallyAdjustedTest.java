package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link SeasonallyAdjusted}: the recursion by hand, exact cycles, growth, and its input rules. */
class SeasonallyAdjustedTest {
  private static final SeasonallyAdjusted HOLT_PERIOD_2 = new SeasonallyAdjusted(2, new DampedTrend(1, 1, 1));

  /**
   * m = 2, y = 2, 4, 3, 5; α = 0.5, β = 0, φ = 1, γ = 0.5, κ = 1. Profile start (2.5, 4.5).
   * t=1: a = 2/2.5 = 0.8, P_0 = 2.25. t=2: a = 4/4.5 = 8/9: ℓ = 8/9, b = 8/9 − 0.8 = 4/45, P_1 = 4.25.
   * t=3: a = 3/2.25 = 4/3: ℓ = (4/3 + 8/9 + 4/45)/2 = 52/45, P_0 = 2.625.
   * t=4: a = 5/4.25 = 20/17: ℓ = (20/17 + 56/45)/2, P_1 = 4.625.
   * ŷ_5 = (ℓ + b)·2.625, ŷ_6 = (ℓ + 2b)·4.625.
   */
  @Test
  void trainAt_handComputed() {
    Forecaster f = HOLT_PERIOD_2.trainAt(new double[] {2, 4, 3, 5}, 0.5, 0, 1, 0.5, 1);
    double level = (20.0 / 17 + 56.0 / 45) / 2;
    double trend = 4.0 / 45;

    assertThat(f.forecast(1)).isCloseTo((level + trend) * 2.625, within(1e-12));
    assertThat(f.forecast(2)).isCloseTo((level + 2 * trend) * 4.625, within(1e-12));
  }

  @Test
  void trainAt_noSeasonalStrength_isTheDampedTrendOnTheSeries() {
    double[] y = {5, 7, 6, 9, 8, 11, 10, 12};
    Forecaster adjusted = new SeasonallyAdjusted(4, new DampedTrend(0.9, 0.9, 1)).trainAt(y, 0.4, 0.2, 0.9, 0.3, 0);
    double level = 7;
    double trend = 2;
    for (int t = 2; t < y.length; t++) {
      double previous = level + 0.9 * trend;
      double newLevel = 0.4 * y[t] + 0.6 * previous;
      trend = 0.2 * (newLevel - level) + 0.8 * 0.9 * trend;
      level = newLevel;
    }

    assertThat(adjusted.forecast(2)).isCloseTo(level + (0.9 + 0.81) * trend, within(1e-12));
  }

  @Test
  void train_growingMultiplicativeCycle_followsIt() {
    double[] shape = {1, 3, 6, 2};
    double[] y = IntStream.range(0, 40).mapToDouble(t -> 10 * Math.pow(1.01, t) * shape[t % 4]).toArray();
    Forecaster f = new SeasonallyAdjusted(4, DampedTrend.standard()).train(y);

    for (int h = 1; h <= 4; h++) {
      double actual = 10 * Math.pow(1.01, 39 + h) * shape[(39 + h) % 4];
      assertThat(f.forecast(h)).isCloseTo(actual, within(0.03 * actual));
    }
  }

  @Test
  void train_missingValueInTheFirstCycles_positionTakesTheOtherCycle() {
    double[] y = {2, 4, Double.NaN, 4, 2, 4, 2, 4};
    Forecaster f = HOLT_PERIOD_2.trainAt(y, 1, 0, 1, 0, 1);

    assertThat(f.forecast(1)).isCloseTo(2, within(1e-12));
    assertThat(f.forecast(2)).isCloseTo(4, within(1e-12));
  }

  @Test
  void train_zeroProfile_forecastsZeroThere() {
    Forecaster f = HOLT_PERIOD_2.trainAt(new double[] {3, 0, 3, 0, 3, 0}, 0.5, 0.1, 1, 0.5, 1);

    assertThat(f.forecast(2)).isZero();
    assertThat(f.forecast(1)).isCloseTo(3, within(1e-12));
  }

  @Test
  void train_tooShort_throws() {
    assertThatThrownBy(() -> HOLT_PERIOD_2.train(new double[] {1, 2, 3}))
        .hasMessage("training must hold at least 4 values (2 cycles of 2), but held 3");
  }

  @Test
  void train_negativeValue_throws() {
    assertThatThrownBy(() -> HOLT_PERIOD_2.train(new double[] {1, 2, -3, 4}))
        .hasMessage("training[2] must be finite and >= 0, or NaN (missing), but was -3.0");
  }

  @Test
  void train_missingFirstValue_throws() {
    assertThatThrownBy(() -> HOLT_PERIOD_2.train(new double[] {Double.NaN, 2, 3, 4}))
        .hasMessage("training[0] must be finite and >= 0, but was NaN");
  }

  @Test
  void train_allZero_throws() {
    assertThatThrownBy(() -> HOLT_PERIOD_2.train(new double[4]))
        .hasMessage("training must hold a value > 0 in its first 4 values (2 cycles), but held none");
  }

  @Test
  void observe_negative_throws() {
    Forecaster f = HOLT_PERIOD_2.train(new double[] {1, 2, 3, 4});

    assertThatThrownBy(() -> f.observe(-1)).hasMessage("y must be finite and >= 0, or NaN (missing), but was -1.0");
  }

  @Test
  void constructor_periodOne_throws() {
    assertThatThrownBy(() -> new SeasonallyAdjusted(1, DampedTrend.standard()))
        .hasMessage("periodLength must be >= 2, but was 1");
  }
}
