package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decomposition behind R's Holt-Winters start values (REFERENCE.md §3.3 steps 1-3). */
class ClassicalDecompositionTest {
  private static final double[] FIRST_TWO_YEARS = Arrays.copyOf(AirPassengers.all(), 24);

  @Test
  void of_airPassengersFirstTwoYears_matchesRTrend() {
    ClassicalDecomposition decomposition = ClassicalDecomposition.of(FIRST_TWO_YEARS, 12, Seasonality.MULTIPLICATIVE);
    HoltWintersTest.assertRelative(decomposition.definedTrend(), new double[] {126.791666666667, 127.25,
      127.958333333333, 128.583333333333, 129, 129.75, 131.25, 133.083333333333, 134.916666666667,
      136.416666666667, 137.416666666667, 138.75}, 1e-12);
  }

  @Test
  void of_evenPeriod_leavesHalfAPeriodUndefinedAtEachEnd() {
    ClassicalDecomposition decomposition = ClassicalDecomposition.of(FIRST_TWO_YEARS, 12, Seasonality.ADDITIVE);
    assertThat(decomposition.trend()).hasSize(24);
    assertThat(decomposition.trend().subList(0, 6)).allMatch(v -> v.isNaN());
    assertThat(decomposition.trend().subList(18, 24)).allMatch(v -> v.isNaN());
    assertThat(decomposition.trend().get(6)).isCloseTo(126.791666666667, within(1e-9));
  }

  @Test
  void of_oddPeriod_usesPlainMovingAverage() {
    ClassicalDecomposition decomposition = ClassicalDecomposition.of(new double[] {1, 5, 3, 2, 6, 4}, 3, Seasonality.ADDITIVE);
    assertThat(decomposition.definedTrend()).containsExactly(new double[] {3, 10.0 / 3, 11.0 / 3, 4}, within(1e-12));
    assertThat(HoltWintersTest.unboxed(decomposition.figure()))
        .containsExactly(new double[] {-5.0 / 3, 2, -1.0 / 3}, within(1e-12));
  }

  @Test
  void of_multiplicative_figureHasMeanOne() {
    ClassicalDecomposition decomposition = ClassicalDecomposition.of(FIRST_TWO_YEARS, 12, Seasonality.MULTIPLICATIVE);
    assertThat(decomposition.figure().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
        .isCloseTo(1, within(1e-14));
  }

  @Test
  void of_noSeasonality_throws() {
    assertThatThrownBy(() -> ClassicalDecomposition.of(FIRST_TWO_YEARS, 12, Seasonality.NONE))
        .hasMessage("seasonality must be ADDITIVE or MULTIPLICATIVE for a seasonal model, but was NONE");
  }

  @Test
  void of_shorterThanTwoPeriods_throws() {
    assertThatThrownBy(() -> ClassicalDecomposition.of(new double[] {1, 2, 3, 4, 5}, 3, Seasonality.ADDITIVE))
        .hasMessage("y must hold at least 6 observations (2 full periods of 3) for a seasonal model, but held 5");
  }
}
