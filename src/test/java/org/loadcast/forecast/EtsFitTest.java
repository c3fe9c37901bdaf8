package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EtsFitTest {
  private static final double Z95 = 1.959963984540054;

  /** α = 0.3, β = 0.1 (state space β* = 0.03), φ = 0.9; σ² = 70 / (10 − 3) = 10. */
  private static final EtsFit DAMPED = new EtsFit(EtsModel.DAMPED_TREND, 0.3, 0.1, 0.9, 100, 2, 70, 10);

  @Test
  void residualVariance_divisorIsErrorsLessWeights() {
    assertThat(DAMPED.residualVariance()).isCloseTo(10, within(1e-12));
    assertThat(new EtsFit(EtsModel.SIMPLE, 0.2, 0, 1, 5, 0, 18, 10).residualVariance()).isCloseTo(2, within(1e-12));
    assertThat(new EtsFit(EtsModel.LINEAR_TREND, 0.2, 0.1, 1, 5, 1, 16, 10).residualVariance()).isCloseTo(2, within(1e-12));
  }

  @Test
  void forecastVariance_handComputedForSmallH() {
    // c1 = 0.3 + 0.03·0.9 = 0.327; c2 = 0.3 + 0.03·(0.9 + 0.81) = 0.3513
    assertThat(DAMPED.forecastVariance(1)).isCloseTo(10, within(1e-12));
    assertThat(DAMPED.forecastVariance(2)).isCloseTo(10 * (1 + 0.327 * 0.327), within(1e-12));
    assertThat(DAMPED.forecastVariance(3)).isCloseTo(12.3034069, within(1e-9));
    assertThat(DAMPED.forecast(1)).isCloseTo(101.8, within(1e-12));
    assertThat(DAMPED.forecast(2)).isCloseTo(103.42, within(1e-12));
  }

  @Test
  void forecastVariance_matchesTheClosedFormsOfHyndmanEtAlTable61() {
    EtsFit simple = new EtsFit(EtsModel.SIMPLE, 0.25, 0, 1, 50, 0, 90, 10);
    EtsFit holt = new EtsFit(EtsModel.LINEAR_TREND, 0.4, 0.15, 1, 50, 1, 80, 10);
    for (int h = 1; h <= 40; h++) {
      double s2 = simple.residualVariance();
      assertThat(simple.forecastVariance(h)).isCloseTo(s2 * (1 + 0.25 * 0.25 * (h - 1)), within(1e-9));
      double a = 0.4;
      double b = 0.4 * 0.15;
      double holtForm = holt.residualVariance() * (1 + (h - 1) * (a * a + a * b * h + b * b * h * (2.0 * h - 1) / 6));
      assertThat(holt.forecastVariance(h)).isCloseTo(holtForm, within(1e-9 * holtForm));
      double a2 = DAMPED.alpha();
      double b2 = DAMPED.alpha() * DAMPED.beta();
      double p = DAMPED.damping();
      double damped = DAMPED.residualVariance() * (1 + a2 * a2 * (h - 1)
          + b2 * p * h / ((1 - p) * (1 - p)) * (2 * a2 * (1 - p) + b2 * p)
          - b2 * p * (1 - Math.pow(p, h)) / ((1 - p) * (1 - p) * (1 - p * p))
              * (2 * a2 * (1 - p * p) + b2 * p * (1 + 2 * p - Math.pow(p, h))));
      assertThat(DAMPED.forecastVariance(h)).isCloseTo(damped, within(1e-9 * damped));
    }
  }

  @Test
  void interval_atOneStep_isPointPlusMinusZSigma() {
    PredictionInterval one = DAMPED.interval(1, 95);
    assertThat(one.point()).isCloseTo(101.8, within(1e-12));
    assertThat(one.upper() - one.point()).isCloseTo(Z95 * Math.sqrt(10), within(1e-9));
    assertThat(one.point() - one.lower()).isCloseTo(Z95 * Math.sqrt(10), within(1e-9));
    assertThat(DAMPED.interval(1, 80).upper() - 101.8).isCloseTo(1.2815515655446004 * Math.sqrt(10), within(1e-9));
  }

  @ParameterizedTest
  @EnumSource(EtsModel.class)
  void intervals_widthsNonDecreasingAndEqualToSingleCalls(EtsModel model) {
    EtsFit fit = new EtsFit(model, 0.3, model == EtsModel.SIMPLE ? 0 : 0.2, model == EtsModel.DAMPED_TREND ? 0.85 : 1,
        10, model == EtsModel.SIMPLE ? 0 : 0.5, 40, 20);
    List<PredictionInterval> all = fit.intervals(60, 95);
    assertThat(all).hasSize(60);
    for (int h = 1; h <= 60; h++) {
      PredictionInterval one = fit.interval(h, 95);
      assertThat(all.get(h - 1).stepsAhead()).isEqualTo(h);
      assertThat(all.get(h - 1).upper()).isCloseTo(one.upper(), within(1e-9));
      assertThat(all.get(h - 1).lower()).isCloseTo(one.lower(), within(1e-9));
      if (h > 1) {
        assertThat(all.get(h - 1).width()).isGreaterThanOrEqualTo(all.get(h - 2).width());
      }
    }
    assertThat(fit.intervals(0, 95)).isEmpty();
  }

  /**
   * Simulates the fitted state space model (independent code, seeded) and checks that the 95 %
   * interval holds the simulated value in 95 % of 20000 paths, within 0.6 points (about 4 standard
   * errors of a binomial proportion).
   */
  @ParameterizedTest
  @EnumSource(EtsModel.class)
  void interval_coverageOfSimulatedPaths_isNominal(EtsModel model) {
    EtsFit fit = switch (model) {
      case SIMPLE -> new EtsFit(model, 0.2, 0, 1, 100, 0, 4 * 19, 20);
      case LINEAR_TREND -> new EtsFit(model, 0.5, 0.3, 1, 100, 1.5, 4 * 18, 20);
      case DAMPED_TREND -> new EtsFit(model, 0.4, 0.2, 0.9, 100, 1.5, 4 * 17, 20);
    };
    int[] horizons = {1, 7, 30};
    int[] inside = new int[horizons.length];
    int paths = 20_000;
    RandomGenerator random = new Well19937c(20_260_501L + model.ordinal());
    double sigma = Math.sqrt(fit.residualVariance());
    for (int path = 0; path < paths; path++) {
      double level = fit.level();
      double trend = fit.trend();
      int next = 0;
      for (int h = 1; h <= horizons[horizons.length - 1]; h++) {
        double error = sigma * random.nextGaussian();
        double y = level + fit.damping() * trend + error;
        level = level + fit.damping() * trend + fit.alpha() * error;
        trend = fit.damping() * trend + fit.alpha() * fit.beta() * error;
        if (h == horizons[next]) {
          PredictionInterval interval = fit.interval(h, 95);
          inside[next] += y >= interval.lower() && y <= interval.upper() ? 1 : 0;
          next++;
        }
      }
    }
    for (int i = 0; i < horizons.length; i++) {
      assertThat((double) inside[i] / paths).as("coverage at h = %d", horizons[i]).isCloseTo(0.95, within(0.006));
    }
  }

  @Test
  void constructor_rejectsNoDegreeOfFreedom() {
    assertThatThrownBy(() -> new EtsFit(EtsModel.DAMPED_TREND, 0.3, 0.1, 0.9, 1, 1, 1, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("errorCount must be > 3");
    assertThatThrownBy(() -> new EtsFit(EtsModel.SIMPLE, 1.3, 0, 1, 1, 0, 1, 9))
        .hasMessage("alpha must be in [0.0, 1.0], but was 1.3");
    assertThatThrownBy(() -> DAMPED.interval(1, 100)).hasMessage("levelPercent must be in (0, 100), but was 100.0");
    assertThatThrownBy(() -> DAMPED.forecast(0)).hasMessage("stepsAhead must be >= 1, but was 0");
  }
}
