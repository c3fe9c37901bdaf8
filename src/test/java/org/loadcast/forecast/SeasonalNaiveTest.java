package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** The seasonal naive benchmark and the MASE scale (REFERENCE.md §3.8). */
class SeasonalNaiveTest {

  @Test
  void inSampleMae_airPassengersTraining_matchesPublishedScales() {
    assertThat(new SeasonalNaive(12).inSampleMae(AirPassengers.training())).isCloseTo(28.5740740741, withinPercentage(1e-7));
    assertThat(new SeasonalNaive(1).inSampleMae(AirPassengers.training())).isCloseTo(22.1596638655, withinPercentage(1e-7));
  }

  @Test
  void forecast_beyondOnePeriod_repeatsLastCycle() {
    assertThat(new SeasonalNaive(3).forecast(new double[] {9, 1, 2, 3}, 7)).containsExactly(1, 2, 3, 1, 2, 3, 1);
  }

  @Test
  void forecast_periodOne_repeatsLastValue() {
    assertThat(new SeasonalNaive(1).forecast(new double[] {4, 7}, 3)).containsExactly(7, 7, 7);
  }

  @Test
  void forecast_horizonZero_isEmpty() {
    assertThat(new SeasonalNaive(2).forecast(new double[] {1, 2}, 0)).isEmpty();
  }

  @Test
  void forecast_historyShorterThanPeriod_throws() {
    assertThatThrownBy(() -> new SeasonalNaive(12).forecast(new double[] {1, 2}, 1))
        .hasMessage("series must hold more than 11 values for periodLength 12, but held 2");
  }

  @Test
  void forecast_negativeHorizon_throws() {
    assertThatThrownBy(() -> new SeasonalNaive(1).forecast(new double[] {1}, -2))
        .hasMessage("horizon must be >= 0, but was -2");
  }

  @Test
  void constructor_zeroPeriod_throws() {
    assertThatThrownBy(() -> new SeasonalNaive(0)).hasMessage("periodLength must be >= 1, but was 0");
  }
}
