package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoLineTest {

  @Test
  void of_handComputedCases_findTheSmallestCoveringPrefix() {
    List<Double> w = List.of(80.0, 10.0, 5.0, 5.0);
    // cumulative 80, 90, 95, 100
    assertThat(ParetoLine.of(w, 90).covering()).isEqualTo(2);
    assertThat(ParetoLine.of(w, 80).covering()).isEqualTo(1);
    assertThat(ParetoLine.of(w, 80.5).covering()).isEqualTo(2);
    assertThat(ParetoLine.of(w, 95.5).covering()).isEqualTo(4);
    assertThat(ParetoLine.of(w, 100).covering()).isEqualTo(4);
    // equal weights: 90 % needs ceil(0.9 · 10) = 9 of 10
    assertThat(ParetoLine.of(java.util.Collections.nCopies(10, 3.0), 90)).isEqualTo(new ParetoLine(9, 10, 90));
  }

  @Test
  void of_noWeights_isZeroOfZero() {
    assertThat(ParetoLine.of(List.of(), 90)).isEqualTo(new ParetoLine(0, 0, 90));
    assertThat(ParetoLine.of(List.of(), 90).sentence("endpoints", "the time"))
        .isEqualTo("0 of 0 endpoints account for 90 % of the time");
  }

  @Test
  void of_allZero_isEveryItem() {
    assertThat(ParetoLine.of(List.of(0.0, 0.0), 90)).isEqualTo(new ParetoLine(2, 2, 90));
  }

  @Test
  void sentence_fractionalThreshold_keepsItsDigits() {
    assertThat(new ParetoLine(3, 7, 99.5).sentence("methods", "the CPU samples"))
        .isEqualTo("3 of 7 methods account for 99.5 % of the CPU samples");
  }

  @Test
  void of_weightsNotDescending_isRejected() {
    assertThatThrownBy(() -> ParetoLine.of(List.of(1.0, 2.0), 90))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightsDescending[1]").hasMessageContaining("2.0");
  }

  @Test
  void of_negativeWeight_isRejected() {
    assertThatThrownBy(() -> ParetoLine.of(List.of(-1.0), 90))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weightsDescending[0]").hasMessageContaining(">= 0");
  }

  @Test
  void of_thresholdOutOfRange_isRejected() {
    assertThatThrownBy(() -> ParetoLine.of(List.of(1.0), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("thresholdPercent must be in (0, 100], but was 0.0");
    assertThatThrownBy(() -> ParetoLine.of(List.of(1.0), 100.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100.1");
  }
}
