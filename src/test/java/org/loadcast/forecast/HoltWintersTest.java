package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Holt-Winters against R 4.2.2 {@code stats::HoltWinters}: REFERENCE.md §3.3-3.4 and rows F1-F6. */
class HoltWintersTest {
  /** rel 1e-9, the tolerance of F1-F4 (Percentage takes percent). */
  private static final Percentage REL_1E_9 = withinPercentage(1e-7);
  private static final Percentage REL_1E_8 = withinPercentage(1e-6);
  private static final Percentage REL_1E_12 = withinPercentage(1e-10);
  private static final double[] Y = AirPassengers.all();
  private static final HoltWinters MULT = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.R_CLASSIC);
  private static final HoltWinters ADD = HoltWinters.seasonal(Seasonality.ADDITIVE, 12, Formulation.R_CLASSIC);
  private static final SmoothingParameters R_MULT_OPTIMUM =
      new SmoothingParameters(0.275592474736428, 0.0326929527336513, 0.870729222265149);
  private static final SmoothingParameters R_ADD_OPTIMUM = new SmoothingParameters(0.247959489735667, 0.03453372964885, 1);

  @Test
  void all_matchesPublishedChecksums() {
    assertThat(Y).hasSize(144);
    assertThat(Arrays.stream(Y).sum()).isEqualTo(40363);
    assertThat(Y[143]).isEqualTo(432);
  }

  @Test
  void initialState_multiplicative_matchesRStartValues() {
    HoltWintersState start = MULT.initialState(Y);
    assertThat(start.level()).isCloseTo(124.316919191919, REL_1E_12);
    assertThat(start.trend()).isCloseTo(1.14568764568765, REL_1E_12);
    assertClose(start.seasonals(), new double[] {0.885377815022177, 0.956702662008391, 1.05604790005129,
      0.99999180855271, 0.919180306022048, 1.08513403180744, 1.17950860096112, 1.17526020717901,
      1.07399050289666, 0.935173924204861, 0.814655016855593, 0.918977224438701}, 1e-13);
  }

  @Test
  void initialState_additive_matchesRStartValues() {
    HoltWintersState start = ADD.initialState(Y);
    assertThat(start.level()).isCloseTo(124.316919191919, REL_1E_12);
    assertThat(start.trend()).isCloseTo(1.14568764568765, REL_1E_12);
    assertClose(start.seasonals(), new double[] {-14.8194444444445, -5.65277777777777, 7.51388888888889,
      0.0138888888888882, -10.9861111111111, 11.6805555555555, 22.6388888888889, 22.1805555555556,
      9.47222222222223, -8.15277777777777, -23.5694444444444, -10.3194444444445}, 1e-11);
  }

  @Test
  void initialState_holt_isSecondValueAndFirstDifference() {
    HoltWintersState start = HoltWinters.linearTrend().initialState(new double[] {10, 13, 11});
    assertThat(start).isEqualTo(new HoltWintersState(13, 3, List.of()));
  }

  @Test
  void initialState_simple_isFirstValue() {
    HoltWintersState start = HoltWinters.simple().initialState(new double[] {10, 13});
    assertThat(start).isEqualTo(new HoltWintersState(10, 0, List.of()));
  }

  @Test
  void smooth_multiplicativeAtStartWeights_matchesF1() {
    HoltWintersFit fit = MULT.smooth(Y, SmoothingParameters.OPTIMISER_START);
    assertThat(fit.sse()).isCloseTo(43636.5692918033, REL_1E_9);
    assertThat(fit.fittedValues()).hasSize(132);
    assertRelative(unboxed(fit.fittedValues().subList(0, 3)), new double[] {111.081808708867, 122.523658084852, 137.863097049405}, 1e-9);
  }

  @Test
  void smooth_additiveAtStartWeights_matchesF2() {
    HoltWintersFit fit = ADD.smooth(Y, SmoothingParameters.OPTIMISER_START);
    assertThat(fit.sse()).isCloseTo(135466.207181166, REL_1E_9);
    assertRelative(unboxed(fit.fittedValues().subList(0, 3)), new double[] {110.643162393162, 122.393273115773, 138.026552428127}, 1e-9);
  }

  @Test
  void smooth_multiplicativeAtROptimum_matchesF3() {
    HoltWintersFit fit = MULT.smooth(Y, R_MULT_OPTIMUM);
    assertThat(fit.sse()).isCloseTo(16570.7778669999, REL_1E_9);
    assertThat(fit.finalState().level()).isCloseTo(469.323220567159, REL_1E_9);
    assertThat(fit.finalState().trend()).isCloseTo(3.02153914012523, REL_1E_9);
    assertRelative(fit.forecasts(12), new double[] {447.055931344913, 419.712279855696, 464.867131095763,
      496.083937621018, 507.532637500569, 575.450895961048, 666.592293420416, 657.913718340469,
      550.308766449001, 492.985309235296, 420.207279555460, 465.634500936805}, 1e-9);
    assertRelative(unboxed(fit.finalState().seasonals()), new double[] {0.946461079873010, 0.882923928081031,
      0.971736934307005, 1.030482498244871, 1.047688370946196, 1.180527227992931, 1.359077750971631,
      1.333170562707067, 1.108338054347869, 0.986881288901188, 0.836133303901186, 0.920987666123334}, 1e-9);
  }

  @Test
  void smooth_additiveAtROptimum_matchesF4() {
    HoltWintersFit fit = ADD.smooth(Y, R_ADD_OPTIMUM);
    assertThat(fit.sse()).isCloseTo(21860.18462185, REL_1E_9);
    assertThat(fit.finalState().level()).isCloseTo(477.827780540156, REL_1E_9);
    assertThat(fit.finalState().trend()).isCloseTo(3.12762656581616, REL_1E_9);
    assertRelative(fit.forecasts(12), new double[] {453.497721751321, 429.390569251949, 467.036052088741,
      503.257406653861, 512.339520167001, 571.887965749639, 652.609534991379, 637.462256917306,
      539.754768946301, 490.724986086209, 424.459265263962, 469.531518789794}, 1e-9);
  }

  @Test
  void smooth_etsFormulation_matchesF6() {
    HoltWinters etsMult = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.ETS);
    HoltWinters etsAdd = HoltWinters.seasonal(Seasonality.ADDITIVE, 12, Formulation.ETS);
    assertThat(etsMult.smooth(Y, R_MULT_OPTIMUM).sse()).isCloseTo(18466.098522, REL_1E_8);
    assertThat(etsAdd.smooth(Y, R_ADD_OPTIMUM).sse()).isCloseTo(21873.182149, REL_1E_8);
  }

  @Test
  void fit_multiplicative_reachesRsSseF5() {
    HoltWintersFit fit = MULT.fit(Y);
    assertThat(fit.sse()).isLessThanOrEqualTo(16570.7778669999 * 1.0001);
    assertThat(fit.parameters().alpha()).isCloseTo(0.2756, within(2e-3));
    assertThat(fit.parameters().beta()).isCloseTo(0.0327, within(2e-3));
    assertThat(fit.parameters().gamma()).isCloseTo(0.8707, within(2e-3));
  }

  @Test
  void fit_additive_reachesRsSse() {
    HoltWintersFit fit = ADD.fit(Y);
    assertThat(fit.sse()).isLessThanOrEqualTo(21860.18462185 * 1.0001);
    assertThat(fit.parameters().gamma()).isCloseTo(1, within(2e-3));
  }

  @Test
  void smooth_simpleOnNileAtROptimum_matchesR() {
    HoltWintersFit fit = HoltWinters.simple().smooth(Nile.FLOW, new SmoothingParameters(0.246557877458459, 0, 0));
    assertThat(fit.sse()).isCloseTo(2038871.83288585, REL_1E_9);
    assertThat(fit.finalState().level()).isCloseTo(805.038857706042, REL_1E_9);
    assertThat(fit.fittedValues()).hasSize(99);
  }

  @Test
  void smooth_holtOnNileAtROptimum_matchesR() {
    SmoothingParameters rOptimum = new SmoothingParameters(0.419064307973046, 0.059877045769446, 0);
    HoltWintersFit fit = HoltWinters.linearTrend().smooth(Nile.FLOW, rOptimum);
    assertThat(fit.sse()).isCloseTo(2267504.07066982, REL_1E_9);
    assertThat(fit.finalState().level()).isCloseTo(756.91373999838, REL_1E_9);
    assertThat(fit.finalState().trend()).isCloseTo(-7.42459658518325, REL_1E_9);
    assertThat(fit.fittedValues()).hasSize(98);
  }

  @Test
  void fit_simpleOnNile_reachesRsSse() {
    HoltWintersFit fit = HoltWinters.simple().fit(Nile.FLOW);
    assertThat(fit.sse()).isLessThanOrEqualTo(2038871.83288585 * 1.0001);
    assertThat(fit.parameters().alpha()).isCloseTo(0.246557877458459, within(2e-3));
    assertThat(fit.parameters().beta()).isZero();
    assertThat(fit.parameters().gamma()).isZero();
  }

  @Test
  void fit_holtOnNile_reachesRsSse() {
    HoltWintersFit fit = HoltWinters.linearTrend().fit(Nile.FLOW);
    assertThat(fit.sse()).isLessThanOrEqualTo(2267504.07066982 * 1.0001);
  }

  @Test
  void smooth_multiplicativeWithZero_throwsNamingIndexAndValue() {
    double[] y = Y.clone();
    y[30] = 0;
    assertThatThrownBy(() -> MULT.smooth(y, SmoothingParameters.OPTIMISER_START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y[30] must be finite and > 0 for multiplicative seasonality or NaN (missing), but was 0.0");
  }

  @Test
  void fit_multiplicativeWithNegative_throwsNamingIndexAndValue() {
    double[] y = Y.clone();
    y[5] = -3;
    assertThatThrownBy(() -> MULT.fit(y)).hasMessage("y[5] must be finite and > 0 for multiplicative seasonality, but was -3.0");
  }

  @Test
  void smooth_additiveWithNegative_accepts() {
    double[] y = Arrays.stream(Y).map(v -> v - 300).toArray();
    assertThat(ADD.smooth(y, SmoothingParameters.OPTIMISER_START).sse()).isCloseTo(135466.207181166, REL_1E_8);
  }

  @Test
  void smooth_nanInSeries_throwsNamingIndex() {
    double[] y = Y.clone();
    y[7] = Double.NaN;
    assertThatThrownBy(() -> ADD.smooth(y, SmoothingParameters.OPTIMISER_START)).hasMessage("y[7] must be finite, but was NaN");
  }

  @Test
  void smooth_seasonalShorterThanTwoPeriods_throws() {
    assertThatThrownBy(() -> MULT.smooth(Arrays.copyOf(Y, 23), SmoothingParameters.OPTIMISER_START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y must hold at least 24 observations (2 full periods of 12) for a seasonal model, but held 23");
  }

  @Test
  void smooth_holtWithTwoValues_throws() {
    assertThatThrownBy(() -> HoltWinters.linearTrend().fit(new double[] {1, 2}))
        .hasMessage("y must hold at least 3 observations for Holt's linear trend method, but held 2");
  }

  @Test
  void smooth_simpleWithOneValue_throws() {
    assertThatThrownBy(() -> HoltWinters.simple().fit(new double[] {1}))
        .hasMessage("y must hold at least 2 observations for simple exponential smoothing, but held 1");
  }

  @Test
  void smooth_exactlyTwoPeriods_fitsOnePeriod() {
    assertThat(MULT.smooth(Arrays.copyOf(Y, 24), SmoothingParameters.OPTIMISER_START).fittedValues()).hasSize(12);
  }

  @Test
  void constructor_seasonalWithPeriodOne_throws() {
    assertThatThrownBy(() -> new HoltWinters(Seasonality.ADDITIVE, true, 1, Formulation.R_CLASSIC))
        .hasMessage("periodLength must be >= 2 for seasonality ADDITIVE, but was 1");
  }

  @Test
  void seasonal_withNone_throws() {
    assertThatThrownBy(() -> HoltWinters.seasonal(Seasonality.NONE, 12, Formulation.R_CLASSIC))
        .hasMessage("seasonality must be ADDITIVE or MULTIPLICATIVE for a seasonal model, but was NONE");
  }

  @Test
  void forecasts_negativeHorizon_throws() {
    HoltWintersFit fit = ADD.smooth(Y, R_ADD_OPTIMUM);
    assertThatThrownBy(() -> fit.forecasts(-1)).hasMessage("horizon must be >= 0, but was -1");
    assertThat(fit.forecasts(0)).isEmpty();
  }

  @Test
  void smooth_seasonalWithoutTrend_keepsTrendZero() {
    HoltWinters noTrend = new HoltWinters(Seasonality.ADDITIVE, false, 12, Formulation.R_CLASSIC);
    HoltWintersFit fit = noTrend.smooth(Y, SmoothingParameters.OPTIMISER_START);
    assertThat(fit.initialState().level()).isCloseTo(124.316919191919, REL_1E_12);
    assertThat(fit.finalState().trend()).isZero();
  }

  private static void assertClose(List<Double> actual, double[] expected, double absolute) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual.get(i)).as("index %d", i).isCloseTo(expected[i], Offset.offset(absolute));
    }
  }

  static void assertRelative(double[] actual, double[] expected, double relative) {
    assertThat(actual).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("index %d", i).isCloseTo(expected[i], withinPercentage(100 * relative));
    }
  }

  static double[] unboxed(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
