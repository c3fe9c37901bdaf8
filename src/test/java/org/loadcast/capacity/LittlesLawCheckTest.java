package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LittlesLawCheckTest {

  private static final double TOLERANCE = LittlesLawCheck.LOAD_TEST_TOLERANCE_FRACTION;

  @Test
  void holdsWithin_exactQueueModel() {
    // The PDQ bank (Q8): L = 8.665027658 = 0.35 × 24.757221881.
    MmcQueue bank = new MmcQueue(0.35, 10, 4);
    LittlesLawCheck check = new LittlesLawCheck(bank.meanNumberInSystem(), 0.35,
        bank.meanSojournSeconds());
    assertThat(check.relativeDiscrepancyFraction()).isCloseTo(0, within(1e-15));
    assertThat(check.holdsWithin(0)).isTrue();
  }

  @Test
  void holdsWithin_fourPercentOffIsAccepted() {
    // 200 rps × 0.25 s = 50 in flight; 52 is 4 % off.
    LittlesLawCheck check = new LittlesLawCheck(52, 200, 0.25);
    assertThat(check.predictedConcurrency()).isCloseTo(50, within(1e-12));
    assertThat(check.relativeDiscrepancyFraction()).isCloseTo(0.04, within(1e-12));
    assertThat(check.holdsWithin(TOLERANCE)).isTrue();
  }

  @Test
  void holdsWithin_sixPercentUnderIsFlagged() {
    LittlesLawCheck check = new LittlesLawCheck(47, 200, 0.25);
    assertThat(check.relativeDiscrepancyFraction()).isCloseTo(-0.06, within(1e-12));
    assertThat(check.holdsWithin(TOLERANCE)).isFalse();
  }

  @Test
  void constructor_concurrencyNegative() {
    assertThatThrownBy(() -> new LittlesLawCheck(-1, 200, 0.25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanConcurrency must be finite and >= 0, but was -1.0");
  }

  @Test
  void constructor_throughputNotPositive() {
    assertThatThrownBy(() -> new LittlesLawCheck(50, 0, 0.25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("throughputPerSecond must be finite and > 0, but was 0.0");
  }

  @Test
  void constructor_latencyNotPositive() {
    assertThatThrownBy(() -> new LittlesLawCheck(50, 200, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanLatencySeconds must be finite and > 0, but was NaN");
  }

  @Test
  void holdsWithin_toleranceNegative() {
    assertThatThrownBy(() -> new LittlesLawCheck(50, 200, 0.25).holdsWithin(-0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("toleranceFraction must be finite and >= 0, but was -0.05");
  }
}
