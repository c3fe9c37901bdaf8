package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Checks the USL formulas against {@code REFERENCE.md} §2.1 and row U6. */
class UslModelTest {

  private static final UslModel U6 = new UslModel(0.06, 0.06, 40);
  /** The book's coefficients for the Cisco data (§2.1a). */
  private static final UslModel CISCO_BOOK = new UslModel(0.02671591, 7.690945e-4, 995.6486);

  @Test
  void latencySecondsAtThroughput_publishedValues() {
    // U6 and usl4j's test: R(X) at 400, 500 and 600 requests per second.
    assertThat(U6.latencySecondsAtThroughput(400)).isCloseTo(0.05875, within(1e-9));
    assertThat(U6.latencySecondsAtThroughput(500)).isCloseTo(0.094, within(1e-9));
    assertThat(U6.latencySecondsAtThroughput(600)).isCloseTo(0.235, within(1e-9));
  }

  @Test
  void throughputPerSecondAtLatency_publishedValues() {
    // U6 and usl4j's test: X(R) at 30, 40 and 50 ms.
    assertThat(U6.throughputPerSecondAtLatency(0.03)).isCloseTo(69.38886664887109, within(1e-9));
    assertThat(U6.throughputPerSecondAtLatency(0.04)).isCloseTo(82.91561975888501, within(1e-9));
    assertThat(U6.throughputPerSecondAtLatency(0.05)).isCloseTo(84.06346808612327, within(1e-9));
  }

  @Test
  void throughputPerSecondAtLatency_invertsLatencyAtConcurrency() {
    double latencySeconds = U6.latencySecondsAt(2.5);
    assertThat(U6.throughputPerSecondAtLatency(latencySeconds))
        .isCloseTo(U6.throughputPerSecondAt(2.5), within(1e-9));
  }

  @Test
  void peakConcurrency_ciscoBook() {
    // §2.1a: √((1−σ)/κ) = 35.574, floor 35.
    assertThat(CISCO_BOOK.peakConcurrency()).isCloseTo(35.574, within(1e-3));
    assertThat(Math.floor(CISCO_BOOK.peakConcurrency())).isEqualTo(35);
  }

  @Test
  void concurrencyAtThroughput_ciscoBook() {
    // usl4j's pinned N(X) values, abs 1e-5 (with the book's rounded coefficients).
    assertThat(CISCO_BOOK.concurrencyAtThroughput(955)).isCloseTo(0.95810, within(1e-5));
    assertThat(CISCO_BOOK.concurrencyAtThroughput(11048)).isCloseTo(15.35044, within(1e-5));
    assertThat(CISCO_BOOK.concurrencyAtThroughput(12201)).isCloseTo(17.73221, within(1e-5));
  }

  @Test
  void latencySecondsAt_isConcurrencyOverThroughput() {
    double n = 20;
    double expected = (1 + CISCO_BOOK.sigma() * (n - 1) + CISCO_BOOK.kappa() * n * (n - 1))
        / CISCO_BOOK.lambdaPerSecond();
    assertThat(CISCO_BOOK.latencySecondsAt(n)).isCloseTo(expected, within(1e-15));
  }

  @Test
  void peakThroughputPerSecond_amdahlLimitWithoutCoherency() {
    UslModel amdahl = new UslModel(0.05, 0, 100);
    assertThat(amdahl.peakConcurrency()).isInfinite();
    assertThat(amdahl.peakThroughputPerSecond()).isCloseTo(2000, within(1e-9));
  }

  @Test
  void throughputPerSecondAtLatency_withoutCoherency() {
    assertThatThrownBy(() -> new UslModel(0.05, 0, 100).throughputPerSecondAtLatency(0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs kappa > 0");
  }

  @Test
  void constructor_sigmaOutsideRange() {
    assertThatThrownBy(() -> new UslModel(1, 0.01, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sigma must be in [0, 1), but was 1.0");
  }

  @Test
  void constructor_kappaNegative() {
    assertThatThrownBy(() -> new UslModel(0.1, -0.01, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kappa must be finite and >= 0, but was -0.01");
  }

  @Test
  void constructor_lambdaNotPositive() {
    assertThatThrownBy(() -> new UslModel(0.1, 0.01, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambdaPerSecond must be finite and > 0, but was 0.0");
  }
}
