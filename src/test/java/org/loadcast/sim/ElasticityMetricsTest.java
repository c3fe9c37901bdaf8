package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ElasticityMetricsTest {
  private static final Offset<Double> EXACT = within(1e-9);

  /*
   * supply 2 4 4 3, demand 3 3 4 2, Δt = 60 s, T = 240 s, n = 4.
   *   t1: under by 1 of 3; t2: over by 1 of 3; t3: equal; t4: over by 1 of 2.
   *   θU = 100 · (1/3) / 4 = 8.3333 %        θO = 100 · (1/3 + 1/2) / 4 = 20.8333 %
   *   τU = 100 · 1 / 4 = 25 %                τO = 100 · 2 / 4 = 50 %
   */
  @Test
  void of_tinySeries_matchesHandComputedAccuracyAndTimeshare() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(2, 4, 4, 3), List.of(3, 3, 4, 2), 60);

    assertThat(m.thetaUPercent()).isCloseTo(100.0 / 3 / 4, EXACT);
    assertThat(m.thetaOPercent()).isCloseTo(100.0 * (1.0 / 3 + 1.0 / 2) / 4, EXACT);
    assertThat(m.tauUPercent()).isCloseTo(25, EXACT);
    assertThat(m.tauOPercent()).isCloseTo(50, EXACT);
  }

  /*
   * Same series. Steps 2..4: (Δs, Δd) = (+2, 0) differ, (0, +1) differ, (−1, −2) agree.
   *   υ = 100 · 2 / (4 − 1) = 66.667 %
   *   E_S = 2 (steps 2 and 4), E_D = 2 (steps 3 and 4): j = 0
   */
  @Test
  void of_tinySeries_matchesHandComputedInstabilityAndJitter() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(2, 4, 4, 3), List.of(3, 3, 4, 2), 60);

    assertThat(m.instabilityPercent()).isCloseTo(200.0 / 3, EXACT);
    assertThat(m.jitterPerHour()).isCloseTo(0, EXACT);
  }

  /*
   * supply 1 2 1 2, demand 1 1 1 2, Δt = 900 s: T = 3600 s = 1 h.
   *   E_S = 3 (every step), E_D = 1 (step 4): j = (3 − 1) / 1 h = 2 per hour.
   *   υ: (+1, 0) differ, (−1, 0) differ, (+1, +1) agree: 100 · 2 / 3.
   */
  @Test
  void of_oscillatingSupply_positiveJitter() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(1, 2, 1, 2), List.of(1, 1, 1, 2), 900);

    assertThat(m.jitterPerHour()).isCloseTo(2, EXACT);
    assertThat(m.instabilityPercent()).isCloseTo(200.0 / 3, EXACT);
  }

  /*
   * supply 3 3 3, demand 1 2 3, Δt = 1800 s: T = 1.5 h. E_S = 0, E_D = 2: j = −2 / 1.5 = −1.3333.
   */
  @Test
  void of_supplyThatNeverAdapts_negativeJitter() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(3, 3, 3), List.of(1, 2, 3), 1800);

    assertThat(m.jitterPerHour()).isCloseTo(-2 / 1.5, EXACT);
  }

  /*
   * supply 2 0, demand 0 0, Δt = 60 s. Step 1 is over by 2 with zero demand, normalised by one
   * instance: θO = 100 · 2 / 2 = 100 %, τO = 50 %. Nothing can be under-provisioned.
   * Step 2: (Δs, Δd) = (−2, 0): υ = 100 %. E_S = 1, E_D = 0 over T = 120 s: j = 30 per hour.
   */
  @Test
  void of_zeroDemandMinutes_normaliseByOneInstance() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(2, 0), List.of(0, 0), 60);

    assertThat(m.thetaOPercent()).isCloseTo(100, EXACT);
    assertThat(m.tauOPercent()).isCloseTo(50, EXACT);
    assertThat(m.thetaUPercent()).isZero();
    assertThat(m.tauUPercent()).isZero();
    assertThat(m.instabilityPercent()).isCloseTo(100, EXACT);
    assertThat(m.jitterPerHour()).isCloseTo(30, EXACT);
  }

  @Test
  void of_equalSeries_allZero() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(1, 2, 3, 3, 1), List.of(1, 2, 3, 3, 1), 60);

    assertThat(m).isEqualTo(new ElasticityMetrics(0, 0, 0, 0, 0, 0));
  }

  @Test
  void of_supplyOffByRounding_countsAsEqual() {
    ElasticityMetrics m = ElasticityMetrics.of(List.of(3.0000000001, 3.9999999999), List.of(3, 4), 60);

    assertThat(m).isEqualTo(new ElasticityMetrics(0, 0, 0, 0, 0, 0));
  }

  @Test
  void of_singleStep_hasNoInstabilityOrJitter() {
    ElasticityMetrics m = ElasticityMetrics.of(supply(1), List.of(4), 60);

    assertThat(m.thetaUPercent()).isCloseTo(75, EXACT);
    assertThat(m.tauUPercent()).isCloseTo(100, EXACT);
    assertThat(m.instabilityPercent()).isZero();
    assertThat(m.jitterPerHour()).isZero();
  }

  /*
   * Reference (θU, θO, τU, τO, υ) = (10, 20, 40, 50, 25), policy (5, 20, 20, 50, 25), no smoothing:
   * ratios 2, 1, 2, 1, 1, so ε = 4^(1/5) = 1.31951, the SPEC definition.
   */
  @Test
  void elasticSpeedup_unsmoothed_geometricMeanOfRatios() {
    ElasticityMetrics reference = new ElasticityMetrics(10, 20, 40, 50, 25, 0);
    ElasticityMetrics policy = new ElasticityMetrics(5, 20, 20, 50, 25, 3);

    assertThat(policy.elasticSpeedup(reference, 0)).isCloseTo(Math.pow(4, 0.2), EXACT);
    assertThat(reference.elasticSpeedup(policy, 0)).isCloseTo(Math.pow(4, -0.2), EXACT);
  }

  /*
   * Same runs with the default smoothing c = 1 point:
   * ε = ((11/6) · (21/21) · (41/21) · (51/51) · (26/26))^(1/5) = (11 · 41 / 126)^(1/5) = 1.29051.
   */
  @Test
  void elasticSpeedup_smoothed_addsOnePointToEverySide() {
    ElasticityMetrics reference = new ElasticityMetrics(10, 20, 40, 50, 25, 0);
    ElasticityMetrics policy = new ElasticityMetrics(5, 20, 20, 50, 25, 3);

    assertThat(policy.elasticSpeedup(reference)).isCloseTo(Math.pow(11.0 * 41 / 126, 0.2), EXACT);
  }

  @Test
  void elasticSpeedup_againstItself_isOne() {
    ElasticityMetrics m = new ElasticityMetrics(0, 20, 0, 50, 10, -1);

    assertThat(m.elasticSpeedup(m)).isCloseTo(1, EXACT);
  }

  /*
   * Reference (0, 20, 0, 50, 10), policy (0, 10, 10, 50, 10), c = 1:
   * ratios 1/1, 21/11, 1/11, 51/51, 11/11: ε = (21 / 121)^(1/5) = 0.704509.
   */
  @Test
  void elasticSpeedup_zeroMetrics_stayFinite() {
    ElasticityMetrics reference = new ElasticityMetrics(0, 20, 0, 50, 10, 0);
    ElasticityMetrics policy = new ElasticityMetrics(0, 10, 10, 50, 10, 0);

    assertThat(policy.elasticSpeedup(reference)).isCloseTo(Math.pow(21.0 / 121, 0.2), EXACT);
  }

  @Test
  void elasticSpeedup_negativeSmoothing_isRefused() {
    ElasticityMetrics m = new ElasticityMetrics(0, 0, 0, 0, 0, 0);

    assertThatThrownBy(() -> m.elasticSpeedup(m, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("smoothingPercent must be finite and >= 0, but was -1.0");
  }

  @Test
  void of_emptySeries_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(List.of(), List.of(), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("supplyInstances must hold at least one step, but was empty");
  }

  @Test
  void of_sizesDiffer_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(supply(1, 2), List.of(1), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demandInstances must hold as many steps as supplyInstances (2), but held 1");
  }

  @Test
  void of_negativeSupply_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(supply(1, -0.5), List.of(1, 1), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("supplyInstances[1] must be finite and >= 0, but was -0.5");
  }

  @Test
  void of_nanSupply_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(List.of(Double.NaN), List.of(1), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("supplyInstances[0] must be finite and >= 0, but was NaN");
  }

  @Test
  void of_negativeDemand_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(supply(1, 1), List.of(1, -2), 60))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("demandInstances[1] must be >= 0, but was -2");
  }

  @Test
  void of_zeroStep_isRefused() {
    assertThatThrownBy(() -> ElasticityMetrics.of(supply(1), List.of(1), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stepSeconds must be finite and > 0, but was 0.0");
  }

  @Test
  void new_timeshareAbove100_isRefused() {
    assertThatThrownBy(() -> new ElasticityMetrics(0, 0, 100.5, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tauUPercent must be finite and in [0, 100], but was 100.5");
  }

  @Test
  void new_negativeOverProvisioning_isRefused() {
    assertThatThrownBy(() -> new ElasticityMetrics(0, -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thetaOPercent must be finite and >= 0, but was -1.0");
  }

  @Test
  void new_infiniteJitter_isRefused() {
    assertThatThrownBy(() -> new ElasticityMetrics(0, 0, 0, 0, 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jitterPerHour must be finite, but was Infinity");
  }

  private static List<Double> supply(double... instances) {
    return Arrays.stream(instances).boxed().toList();
  }
}
