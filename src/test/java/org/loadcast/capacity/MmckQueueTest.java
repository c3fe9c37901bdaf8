package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** M/M/c/K against closed forms: a hand-computed case, M/M/1/K and Erlang B at K = c. */
class MmckQueueTest {

  @Test
  void blockingProbability_fourServersRoomForEightAtFourErlangs_isThirtyTwoOver231() {
    // q_0..q_8 = 1, 4, 8, 32/3, 32/3, 32/3, 32/3, 32/3, 32/3 (A/c = 1 beyond c): sum 77
    MmckQueue queue = new MmckQueue(4, 8, 4.0);
    assertThat(queue.blockingProbability()).isCloseTo(32.0 / 231, within(1e-15));
    assertThat(queue.meanInSystem()).isCloseTo((4 + 16 + 32 + 32.0 / 3 * (4 + 5 + 6 + 7 + 8)) / 77, within(1e-14));
  }

  @Test
  void blockingProbability_oneServer_matchesTheMm1kClosedForm() {
    // M/M/1/K: p_K = (1 − ρ)ρ^K / (1 − ρ^(K+1)) (Gross et al., 4th ed., §2.4)
    for (double rho : new double[] {0.5, 0.9, 1.5}) {
      for (int k : new int[] {1, 5, 20}) {
        double expected = (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
        assertThat(new MmckQueue(1, k, rho).blockingProbability()).as("rho %s, K %s", rho, k)
            .isCloseTo(expected, within(1e-14 * expected));
      }
    }
  }

  @Test
  void blockingProbability_noWaitingRoom_isErlangB() {
    for (int c : new int[] {1, 4, 10, 1000}) {
      for (double a : new double[] {0.5, 0.8 * c, 1.2 * c}) {
        double erlangB = new ErlangTraffic(c, a).blockingProbability();
        assertThat(new MmckQueue(c, c, a).blockingProbability()).as("c %s, A %s", c, a)
            .isCloseTo(erlangB, within(1e-12 * erlangB));
      }
    }
  }

  @Test
  void stateProbabilities_hugeLoad_neitherOverflowsNorLosesMass() {
    double[] p = new MmckQueue(1000, 1100, 1500).stateProbabilities();
    assertThat(p).hasSize(1101);
    assertThat(Arrays.stream(p).allMatch(Double::isFinite)).isTrue();
    assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
    // above c the ratio is A/c = 1.5, so the top state dominates
    assertThat(p[1100] / p[1099]).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void new_capacityBelowServers_isRefused() {
    assertThatThrownBy(() -> new MmckQueue(4, 3, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("systemCapacity must be in [servers (4), 10000000], but was 3");
    assertThatThrownBy(() -> new MmckQueue(0, 3, 1)).hasMessage("servers must be >= 1, but was 0");
    assertThatThrownBy(() -> new MmckQueue(1, 3, -2)).hasMessage("offeredLoadErlangs must be finite and > 0, but was -2.0");
  }
}
