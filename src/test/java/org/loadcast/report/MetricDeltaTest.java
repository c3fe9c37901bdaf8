package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.loadcast.report.MetricDelta.Direction;

class MetricDeltaTest {
  @Test
  void of_integers_deltaIsAnInteger() {
    MetricDelta m = MetricDelta.of("droppedRequests", "requests", Direction.LOWER, 10L, 4);
    assertThat(m.delta()).isEqualTo(-6L);
    assertThat(m.deltaPercent()).isEqualTo(-60.0);
    assertThat(m.better()).isEqualTo("B");
  }

  @Test
  void of_higherIsBetter_smallerBLosesToA() {
    assertThat(MetricDelta.of("elasticSpeedup", "", Direction.HIGHER, 1.5, 1.2).better()).isEqualTo("A");
  }

  @Test
  void of_closerToZero_equalMagnitudesAreTheSame() {
    assertThat(MetricDelta.of("jitter", "", Direction.CLOSER_TO_ZERO, -2.0, 2.0).better()).isEqualTo("same");
    assertThat(MetricDelta.of("jitter", "", Direction.CLOSER_TO_ZERO, -2.0, 3.0).better()).isEqualTo("A");
  }

  @Test
  void of_neutral_hasNoVerdict() {
    MetricDelta m = MetricDelta.of("arrivals", "requests", Direction.NONE, 100, 90);
    assertThat(m.better()).isNull();
    assertThat(m.delta()).isEqualTo(-10L);
  }

  @Test
  void of_notFinite_isRefusedByName() {
    assertThatThrownBy(() -> MetricDelta.of("cost", "", Direction.LOWER, Double.NaN, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cost must be finite, but was NaN");
  }

  @Test
  void change_negativeValuesAndPercent_useTheMinusSign() {
    // -0.19 -> -0.25: delta -0.06, -0.06 / |-0.19| = -31.6 %
    assertThat(MetricDelta.of("costSaved", "", Direction.HIGHER, -0.19, -0.25).change(2))
        .isEqualTo("−0.19 → −0.25 (−0.06, −31.6 %)");
    assertThat(MetricDelta.of("sloViolationMinutes", "", Direction.LOWER, 0, 5).change(0)).isEqualTo("0 → 5 (+5)");
    assertThat(MetricDelta.of("p99LatencyMillis", "", Direction.LOWER, null, 5.0).change(1)).isEqualTo("– → 5.0");
  }
}
