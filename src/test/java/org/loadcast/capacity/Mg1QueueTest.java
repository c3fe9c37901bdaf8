package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the Pollaczek–Khinchine formula against {@code REFERENCE.md} §1.6 and row Q17. */
class Mg1QueueTest {

  private static final double[] UTILIZATIONS = {0.5, 0.7, 0.8, 0.9, 0.95};

  @Test
  void meanWaitSeconds_deterministicAndHyperexponentialService() {
    // Q17: M/D/1 and M/H2/1 (Cs² = 4) at ρ = 0.8, rel 1e-12.
    assertThat(new Mg1Queue(0.8, 1, 0).meanWaitSeconds()).isCloseTo(2.0, withinPercentage(1e-10));
    assertThat(new Mg1Queue(0.8, 1, 4).meanWaitSeconds()).isCloseTo(10.0, withinPercentage(1e-10));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0.5, 1.166667, 2.0, 4.5, 9.5",
      "0.25, 0.625, 1.458333, 2.5, 5.625, 11.875",
      "0.5, 0.75, 1.75, 3.0, 6.75, 14.25",
      "1, 1, 2.333333, 4, 9, 19",
      "4, 2.5, 5.833333, 10, 22.5, 47.5"})
  void meanWaitSeconds_table16(double squaredCv, double w50, double w70, double w80, double w90,
      double w95) {
    double[] expected = {w50, w70, w80, w90, w95};
    for (int i = 0; i < UTILIZATIONS.length; i++) {
      assertThat(new Mg1Queue(UTILIZATIONS[i], 1, squaredCv).meanWaitSeconds())
          .as("Cs2=%s rho=%s", squaredCv, UTILIZATIONS[i]).isCloseTo(expected[i], within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({"0.8, 1.6, 3.0, 2.4", "0.9, 4.05, 5.5, 4.95"})
  void metrics_deterministicServiceExtras(double rho, double lq, double w, double l) {
    Mg1Queue queue = new Mg1Queue(rho, 1, 0);
    assertThat(queue.meanQueueLength()).isCloseTo(lq, within(1e-12));
    assertThat(queue.meanSojournSeconds()).isCloseTo(w, within(1e-12));
    assertThat(queue.meanNumberInSystem()).isCloseTo(l, within(1e-12));
  }

  @Test
  void meanWaitSeconds_exponentialServiceMatchesMm1() {
    assertThat(new Mg1Queue(30, 0.02, 1).meanWaitSeconds())
        .isCloseTo(MmcQueue.singleServer(30, 0.02).meanWaitSeconds(), withinPercentage(1e-10));
  }

  @Test
  void noWaitProbability_oneMinusUtilization() {
    assertThat(new Mg1Queue(0.5, 1.5, 2).noWaitProbability()).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void constructor_arrivalRateNotPositive() {
    assertThatThrownBy(() -> new Mg1Queue(-2, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("arrivalRatePerSecond must be finite and > 0, but was -2.0");
  }

  @Test
  void constructor_serviceTimeNotPositive() {
    assertThatThrownBy(() -> new Mg1Queue(2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("meanServiceTimeSeconds must be finite and > 0, but was 0.0");
  }

  @Test
  void constructor_squaredCvNegative() {
    assertThatThrownBy(() -> new Mg1Queue(2, 0.1, -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceTimeSquaredCv must be finite and >= 0, but was -0.5");
  }

  @Test
  void constructor_unstable() {
    assertThatThrownBy(() -> new Mg1Queue(20, 0.1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("utilization 2.0")
        .hasMessageContaining("must be < 1 for a stable queue");
  }
}
