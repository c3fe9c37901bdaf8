package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegressionRuleTest {

  @Test
  void new_windowOfZeroSeconds_isRejected() {
    assertThatThrownBy(() -> new RegressionRule(0, 10, 50, 50)).hasMessage("windowSeconds must be >= 1, but was 0");
  }

  @Test
  void new_negativeTolerance_isRejected() {
    assertThatThrownBy(() -> new RegressionRule(10, -1, 50, 50))
        .hasMessage("loadTolerancePercent must be finite and >= 0, but was -1.0");
  }

  @Test
  void new_noSamples_isRejected() {
    assertThatThrownBy(() -> new RegressionRule(10, 10, 0, 50)).hasMessage("minSamples must be >= 1, but was 0");
  }

  @Test
  void new_nanThreshold_isRejected() {
    assertThatThrownBy(() -> new RegressionRule(10, 10, 50, Double.NaN))
        .hasMessage("riseThresholdPercent must be finite and >= 0, but was NaN");
  }
}
