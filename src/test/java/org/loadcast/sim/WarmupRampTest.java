package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The warm-up ramp against hand-computed completion times. */
class WarmupRampTest {

  @Test
  void elapsedSeconds_requestWithinTheRamp_solvesTheQuadratic() {
    // f0 = 0.5, W = 10: F(T) = 0.5 T + 0.025 T² = 1 gives T = (−0.5 + √(0.25 + 0.1)) / 0.05 = 1.8321596...
    WarmupRamp ramp = new WarmupRamp(10, 0.5);
    double expected = (-0.5 + Math.sqrt(0.35)) / 0.05;
    assertThat(expected).isCloseTo(1.83216, within(1e-5));
    assertThat(ramp.elapsedSeconds(0, 1)).isCloseTo(expected, within(1e-12));
  }

  @Test
  void elapsedSeconds_requestRunningPastTheRamp_finishesAtFullSpeed() {
    // t0 = 8: F(8) = 4 + 1.6 = 5.6 and F(10) = 7.5, so 1.9 s of work by t = 10 and 3.1 s after: 2 + 3.1
    assertThat(new WarmupRamp(10, 0.5).elapsedSeconds(8, 5)).isCloseTo(5.1, within(1e-12));
  }

  @Test
  void elapsedSeconds_fromZeroCapacity_isTheSquareRootLaw() {
    // f0 = 0, W = 4: F(T) = T² / 8 = 2 gives T = 4, exactly the end of the ramp
    assertThat(new WarmupRamp(4, 0).elapsedSeconds(0, 2)).isCloseTo(4, within(1e-12));
    assertThat(new WarmupRamp(4, 0).elapsedSeconds(0, 0)).isZero();
  }

  @Test
  void elapsedSeconds_flatOrAfterTheRamp_isTheServiceTimeExactly() {
    assertThat(new WarmupRamp(10, 1).elapsedSeconds(0, 0.123)).isEqualTo(0.123);
    assertThat(new WarmupRamp(0, 0.2).elapsedSeconds(0, 0.123)).isEqualTo(0.123);
    assertThat(new WarmupRamp(10, 0.2).elapsedSeconds(10, 0.123)).isEqualTo(0.123);
  }

  @Test
  void capacityFraction_rampsLinearlyToOne() {
    WarmupRamp ramp = new WarmupRamp(10, 0.4);
    assertThat(ramp.capacityFraction(0)).isEqualTo(0.4);
    assertThat(ramp.capacityFraction(5)).isCloseTo(0.7, within(1e-12));
    assertThat(ramp.capacityFraction(10)).isEqualTo(1);
  }

  @Test
  void new_fractionAboveOne_isRejected() {
    assertThatThrownBy(() -> new WarmupRamp(10, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialCapacityFraction must be in [0, 1], but was 1.5");
  }
}
