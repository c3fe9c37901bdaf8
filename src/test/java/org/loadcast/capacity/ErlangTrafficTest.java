package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks Erlang B and C against {@code REFERENCE.md} §1.3, §1.8, §1.9 and rows Q6, Q11, Q13. */
class ErlangTrafficTest {

  private static final double[] UTILIZATIONS = {0.5, 0.7, 0.8, 0.9, 0.95};

  @Test
  void waitingProbability_wolframBasicExample() {
    // Q6: ErlangC(3, 2) = 4/9, rel 1e-14.
    assertThat(new ErlangTraffic(3, 2).waitingProbability())
        .isCloseTo(4.0 / 9, withinPercentage(1e-12));
  }

  @ParameterizedTest
  @CsvSource({
      "10, 8, 0.409180150796443",
      "100, 95, 0.506456853913021",
      "2, 1.5, 0.642857142857143",
      "55, 48, 0.238700936378009"})
  void waitingProbability_publishedValues(int servers, double offeredLoadErlangs, double expected) {
    // Q11 (and the C of Q7), rel 1e-12.
    assertThat(new ErlangTraffic(servers, offeredLoadErlangs).waitingProbability())
        .isCloseTo(expected, withinPercentage(1e-10));
  }

  @ParameterizedTest
  @CsvSource({
      "1, 0.500000, 0.700000, 0.800000, 0.900000, 0.950000",
      "2, 0.333333, 0.576471, 0.711111, 0.852632, 0.925641",
      "3, 0.236842, 0.492344, 0.647191, 0.817061, 0.907009",
      "4, 0.173913, 0.428654, 0.596432, 0.787753, 0.891419",
      "5, 0.130371, 0.377838, 0.554113, 0.762493, 0.877799",
      "6, 0.099143, 0.335978, 0.517772, 0.740126, 0.865589",
      "7, 0.076198, 0.300739, 0.485938, 0.719957, 0.854452",
      "8, 0.059044, 0.270603, 0.457645, 0.701533, 0.844169",
      "9, 0.046050, 0.244520, 0.432222, 0.684535, 0.834584",
      "10, 0.036105, 0.221731, 0.409180, 0.668732, 0.825586"})
  void waitingProbability_table13(int servers, double p50, double p70, double p80, double p90,
      double p95) {
    // Q13: every cell of §1.3, abs 1e-6.
    double[] expected = {p50, p70, p80, p90, p95};
    for (int i = 0; i < UTILIZATIONS.length; i++) {
      ErlangTraffic traffic = new ErlangTraffic(servers, servers * UTILIZATIONS[i]);
      assertThat(traffic.waitingProbability()).as("c=%d rho=%s", servers, UTILIZATIONS[i])
          .isCloseTo(expected[i], within(1e-6));
    }
  }

  @ParameterizedTest
  @CsvSource({
      "14, 10, 0.174132",
      "110, 100, 0.237008",
      "1016, 1000, 0.503704",
      "1032, 1000, 0.223063",
      "1064, 1000, 0.027246"})
  void waitingProbability_squareRootStaffingAtThousandServers(int servers, double offeredLoad,
      double expected) {
    // §1.9: numerically stable at c ≈ 1000, abs 1e-6.
    assertThat(new ErlangTraffic(servers, offeredLoad).waitingProbability())
        .isCloseTo(expected, within(1e-6));
  }

  @Test
  void blockingProbability_singleServerIsLoadOverOnePlusLoad() {
    assertThat(new ErlangTraffic(1, 3).blockingProbability()).isCloseTo(0.75, within(1e-15));
  }

  @Test
  void blockingProbability_overloadedGroupStillDefined() {
    // B(2, 2) = (2²/2!) / (1 + 2 + 2²/2!) = 2/5.
    assertThat(new ErlangTraffic(2, 2).blockingProbability()).isCloseTo(0.4, within(1e-15));
  }

  @Test
  void constructor_serversBelowOne() {
    assertThatThrownBy(() -> new ErlangTraffic(0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("servers must be >= 1, but was 0");
  }

  @Test
  void constructor_offeredLoadNotPositive() {
    assertThatThrownBy(() -> new ErlangTraffic(2, -1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offeredLoadErlangs must be finite and > 0, but was -1.5");
  }

  @Test
  void waitingProbability_unstableLoad() {
    assertThatThrownBy(() -> new ErlangTraffic(4, 4.2).waitingProbability())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offered load 4.2 Erlangs must be < servers (4) for a stable queue");
  }
}
