package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One invalid value per validation rule of the value records. */
class SmoothingParametersTest {

  @Test
  void constructor_alphaAboveOne_throws() {
    assertThatThrownBy(() -> new SmoothingParameters(1.5, 0.1, 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("alpha must be in [0, 1], but was 1.5");
  }

  @Test
  void constructor_negativeBeta_throws() {
    assertThatThrownBy(() -> new SmoothingParameters(0.3, -0.1, 0.1)).hasMessage("beta must be in [0, 1], but was -0.1");
  }

  @Test
  void constructor_nanGamma_throws() {
    assertThatThrownBy(() -> new SmoothingParameters(0.3, 0.1, Double.NaN)).hasMessage("gamma must be in [0, 1], but was NaN");
  }

  @Test
  void constructor_bounds_accepted() {
    assertThat(new SmoothingParameters(0, 1, 0)).isEqualTo(new SmoothingParameters(0.0, 1.0, 0.0));
  }

  @Test
  void stateConstructor_infiniteLevel_throws() {
    assertThatThrownBy(() -> new HoltWintersState(Double.POSITIVE_INFINITY, 0, List.of()))
        .hasMessage("level must be finite, but was Infinity");
  }

  @Test
  void stateConstructor_nanSeasonal_throwsNamingIndex() {
    assertThatThrownBy(() -> new HoltWintersState(1, 0, List.of(1.0, Double.NaN)))
        .hasMessage("seasonals[1] must be finite, but was NaN");
  }

  @Test
  void stateConstructor_copiesSeasonals() {
    List<Double> seasonals = new ArrayList<>(List.of(1.0, 2.0));
    HoltWintersState state = new HoltWintersState(1, 0, seasonals);
    seasonals.set(0, 5.0);
    assertThat(state.seasonals()).containsExactly(1.0, 2.0);
  }
}
