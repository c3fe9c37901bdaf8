package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EtsModelTest {

  /** R 4.2.2 {@code HoltWinters(Nile, gamma = FALSE, beta = FALSE)}: α = 0.2466 lies inside [0.1, 0.3]. */
  @Test
  void fit_simpleOnNile_matchesRsUnrestrictedOptimum() {
    EtsFit fit = EtsModel.SIMPLE.fit(Nile.FLOW);
    assertThat(fit.alpha()).isCloseTo(0.246557877458459, within(1e-4));
    assertThat(fit.sse()).isCloseTo(2038871.83288585, within(2038871.83288585 * 1e-9));
    assertThat(fit.level()).isCloseTo(805.038857706042, within(0.01));
    assertThat(fit.errorCount()).isEqualTo(99);
    // forecast::ets's sigma2 = SSE / (ny − np) with np = 2 (α, ℓ0): 100 − 2 = 98
    assertThat(fit.residualVariance()).isCloseTo(2038871.83288585 / 98, within(1e-3));
  }

  /** R 4.2.2 {@code HoltWinters(Nile, gamma = FALSE)}: SSE 2267504.07066982 at α = 0.4191, β = 0.0599. */
  @Test
  void fit_holtOnNile_reachesRsSse() {
    EtsFit fit = EtsModel.LINEAR_TREND.fit(Nile.FLOW);
    assertThat(fit.sse()).isLessThanOrEqualTo(2267504.07066982 * 1.0001);
    assertThat(fit.alpha()).isCloseTo(0.419064307973046, within(0.02));
    assertThat(fit.beta()).isCloseTo(0.059877045769446, within(0.02));
    assertThat(fit.damping()).isEqualTo(1);
    assertThat(fit.errorCount()).isEqualTo(98);
    assertThat(fit.residualVariance()).isCloseTo(fit.sse() / 96, within(1e-6));
  }

  @Test
  void fit_dampedOnNile_keepsDampingWithinBounds() {
    EtsFit fit = EtsModel.DAMPED_TREND.fit(Nile.FLOW);
    assertThat(fit.damping()).isBetween(0.8, 0.98);
    assertThat(fit.alpha()).isBetween(0.0, 1.0);
    assertThat(fit.residualVariance()).isCloseTo(fit.sse() / 95, within(1e-6));
  }

  @Test
  void fit_simpleOnARandomWalkWithDrift_stopsAtTheUpperAlpha() {
    double[] y = IntStream.range(0, 60).mapToDouble(t -> 10 * t + (t % 2 == 0 ? 3 : -3)).toArray();
    assertThat(EtsModel.SIMPLE.fit(y).alpha()).isCloseTo(0.3, within(1e-6));
  }

  @Test
  void fit_simpleOnAlternatingNoise_stopsAtTheLowerAlpha() {
    double[] y = IntStream.range(0, 60).mapToDouble(t -> 100 + (t % 2 == 0 ? 5 : -5)).toArray();
    assertThat(EtsModel.SIMPLE.fit(y).alpha()).isCloseTo(0.1, within(1e-6));
  }

  @Test
  void fit_linearSeries_holtForecastsTheLine() {
    double[] y = IntStream.range(0, 20).mapToDouble(t -> 5 + 2.0 * t).toArray();
    EtsFit fit = EtsModel.LINEAR_TREND.fit(y);
    assertThat(fit.forecast(3)).isCloseTo(5 + 2.0 * 22, within(1e-6));
  }

  @Test
  void fit_rejectsShortSeriesAndMissingStart() {
    assertThatThrownBy(() -> EtsModel.DAMPED_TREND.fit(new double[] {1, 2, 3, 4, 5}))
        .hasMessageContaining("at least 6 values for ETS(A,Ad,N)").hasMessageContaining("held 5");
    assertThatThrownBy(() -> EtsModel.LINEAR_TREND.fit(new double[] {1, 2, Double.NaN, 4, 5, 6}))
        .hasMessage("y[2] must be finite, but was NaN");
  }

  @Test
  void ofYamlName_mapsNamesAndRejectsOthers() {
    assertThat(EtsModel.ofYamlName("ses")).isEqualTo(EtsModel.SIMPLE);
    assertThat(EtsModel.ofYamlName("holt")).isEqualTo(EtsModel.LINEAR_TREND);
    assertThat(EtsModel.ofYamlName("damped")).isEqualTo(EtsModel.DAMPED_TREND);
    assertThatThrownBy(() -> EtsModel.ofYamlName("Damped")).hasMessage("method must be one of ses, holt, damped, but was 'Damped'");
  }
}
