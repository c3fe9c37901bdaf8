package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GrowthAssumptionsTest {
  private static final LocalDate ORIGIN = LocalDate.of(1995, 8, 31);

  @Test
  void factor_compoundsMonthlyGrowthOverMeanMonths() {
    GrowthAssumptions growth = new GrowthAssumptions(3, List.of());
    assertThat(growth.factor(ORIGIN, ORIGIN.plusDays(1))).isCloseTo(Math.pow(1.03, 1 / 30.436875), within(1e-12));
    // 365 days: 11.9921... mean months
    assertThat(growth.factor(ORIGIN, ORIGIN.plusDays(365))).isCloseTo(Math.pow(1.03, 365 / 30.436875), within(1e-12));
    assertThat(GrowthAssumptions.NONE.factor(ORIGIN, ORIGIN.plusDays(400))).isEqualTo(1);
  }

  @Test
  void factor_launchStepsMultiplyWhileActive() {
    GrowthAssumptions growth = new GrowthAssumptions(0, List.of(
        new GrowthAssumptions.Launch("new region", LocalDate.of(1995, 9, 10), 30, Optional.empty()),
        new GrowthAssumptions.Launch("promotion", LocalDate.of(1995, 9, 20), 10, Optional.of(LocalDate.of(1995, 9, 25)))));
    assertThat(growth.factor(ORIGIN, LocalDate.of(1995, 9, 9))).isEqualTo(1);
    assertThat(growth.factor(ORIGIN, LocalDate.of(1995, 9, 10))).isCloseTo(1.3, within(1e-12));
    assertThat(growth.factor(ORIGIN, LocalDate.of(1995, 9, 24))).isCloseTo(1.43, within(1e-12));
    assertThat(growth.factor(ORIGIN, LocalDate.of(1995, 9, 25))).isCloseTo(1.3, within(1e-12));
  }

  @Test
  void constructors_rejectOutOfRangeValues() {
    assertThatThrownBy(() -> new GrowthAssumptions(-100, List.of()))
        .hasMessage("expectedGrowthPercentPerMonth must be a finite number > -100, but was -100.0");
    assertThatThrownBy(() -> new GrowthAssumptions.Launch("x", ORIGIN, Double.NaN, Optional.empty()))
        .hasMessage("peakIncreasePercent must be a finite number > -100, but was NaN");
    assertThatThrownBy(() -> new GrowthAssumptions.Launch("x", ORIGIN, 5, Optional.of(ORIGIN)))
        .hasMessage("endDate must be after date (1995-08-31), but was 1995-08-31");
    assertThatThrownBy(() -> new GrowthAssumptions.Launch(" ", ORIGIN, 5, Optional.empty()))
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> GrowthAssumptions.NONE.factor(ORIGIN, ORIGIN))
        .hasMessage("day must be after the origin 1995-08-31, but was 1995-08-31");
  }
}
