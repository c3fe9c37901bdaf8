package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rolling-origin evaluation on hand-checkable series. */
class RollingOriginTest {
  private static final double NAN = Double.NaN;

  @Test
  void forecasts_naive_usesOnlyDataUpToOrigin() {
    double[] f = new RollingOrigin(2, 3, 1, 1).forecasts(new double[] {1, 2, 3, 4, 5, 6}, new SeasonalNaive(1));

    assertThat(f).containsExactly(NAN, NAN, NAN, NAN, 3, 4);
  }

  @Test
  void forecasts_missingValues_passedOn() {
    double[] f = new RollingOrigin(1, 2, 10, 1).forecasts(new double[] {1, 2, NAN, 4, 5}, new SeasonalNaive(1));

    assertThat(f).containsExactly(NAN, NAN, 2, 2, 4);
  }

  @Test
  void compare_skipsMissingTargetsAndScoresBaselines() {
    double[] y = {1, 2, 1, 2, 1, NAN, 1, 2};
    RollingOrigin.Comparison c = new RollingOrigin(1, 4, 1, 1).compare(y, new SeasonalNaive(2));

    assertThat(c.method().accuracy().actual()).containsExactly(1.0, 1.0, 2.0);
    assertThat(c.method().accuracy().mae()).isZero();
    assertThat(c.naive().accuracy().mae()).isEqualTo(2.0 / 3);  // last observed value: errors 1, 0, 1
    assertThat(c.maeRatioToBetterBaseline()).isZero();
    assertThat(c.naive().mase()).isEqualTo(2.0 / 3);  // scale: mean |y_t − y_{t−1}| = 1 over 1, 2, 1, 2
  }

  @Test
  void compare_tooShort_throws() {
    assertThatThrownBy(() -> new RollingOrigin(3, 4, 1, 1).compare(new double[6], new SeasonalNaive(1)))
        .hasMessage("series must leave a target to score after 4 training values and horizon 3, but had 6 values");
  }

  @Test
  void constructor_zeroHorizon_throws() {
    assertThatThrownBy(() -> new RollingOrigin(0, 4, 1, 1)).hasMessage("horizonSteps must be >= 1, but was 0");
  }

  @Test
  void constructor_zeroRefit_throws() {
    assertThatThrownBy(() -> new RollingOrigin(1, 4, 0, 1)).hasMessage("refitEvery must be >= 1, but was 0");
  }
}
