package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The online forecaster must agree exactly with the batch path, and cope with missing data. */
class OnlineForecasterTest {
  private static final double[] Y = AirPassengers.all();
  private static final HoltWinters MULT = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.R_CLASSIC);
  private static final SmoothingParameters WEIGHTS = new SmoothingParameters(0.2756, 0.0327, 0.8707);

  static List<HoltWinters> models() {
    return List.of(MULT, HoltWinters.seasonal(Seasonality.ADDITIVE, 12, Formulation.R_CLASSIC),
        HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.ETS),
        HoltWinters.seasonal(Seasonality.ADDITIVE, 7, Formulation.ETS),
        new HoltWinters(Seasonality.MULTIPLICATIVE, false, 4, Formulation.R_CLASSIC),
        HoltWinters.linearTrend(), HoltWinters.simple());
  }

  @ParameterizedTest
  @MethodSource("models")
  void observe_seriesOneByOne_reproducesBatchExactly(HoltWinters model) {
    for (double[] series : List.of(Y, syntheticSeries(200, 11))) {
      HoltWintersFit batch = model.smooth(series, WEIGHTS);
      OnlineForecaster online = new OnlineForecaster(model, WEIGHTS, batch.initialState());
      for (int t = model.warmUpLength(); t < series.length; t++) {
        assertThat(online.forecast(1)).isEqualTo(batch.fittedValues().get(t - model.warmUpLength()));
        online.observe(series[t]);
      }
      assertThat(online.state()).isEqualTo(batch.finalState());
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void observe_afterFitOnPrefix_matchesBatchOnWholeSeries(HoltWinters model) {
    OnlineForecaster online = model.smooth(Arrays.copyOf(Y, 100), WEIGHTS).onlineForecaster();
    IntStream.range(100, Y.length).forEach(t -> online.observe(Y[t]));
    HoltWintersFit whole = model.smooth(Y, WEIGHTS);
    assertThat(online.state()).isEqualTo(whole.finalState());
    assertThat(online.forecast(5)).isEqualTo(whole.forecast(5));
  }

  @Test
  void forecast_fromFit_equalsBatchForecasts() {
    HoltWintersFit fit = MULT.smooth(Y, WEIGHTS);
    OnlineForecaster online = fit.onlineForecaster();
    assertThat(IntStream.rangeClosed(1, 30).mapToDouble(online::forecast).toArray()).containsExactly(fit.forecasts(30));
  }

  @Test
  void observe_nan_actsAsSkip() {
    OnlineForecaster observed = MULT.smooth(Y, WEIGHTS).onlineForecaster();
    OnlineForecaster skipped = MULT.smooth(Y, WEIGHTS).onlineForecaster();
    observed.observe(Double.NaN);
    skipped.skip();
    assertThat(observed.state()).isEqualTo(skipped.state());
  }

  @ParameterizedTest
  @MethodSource("models")
  void skip_movesStateOnAsItsOwnForecast(HoltWinters model) {
    OnlineForecaster skipped = model.smooth(Y, WEIGHTS).onlineForecaster();
    OnlineForecaster fed = model.smooth(Y, WEIGHTS).onlineForecaster();
    double twoAhead = skipped.forecast(2);
    skipped.skip();
    fed.observe(fed.forecast(1));
    assertThat(skipped.forecast(1)).isCloseTo(twoAhead, withinPercentage(1e-10));
    assertThat(skipped.forecast(1)).isCloseTo(fed.forecast(1), withinPercentage(1e-10));
    assertThat(skipped.state().seasonals()).hasSameSizeAs(fed.state().seasonals());
  }

  @ParameterizedTest
  @MethodSource("models")
  void skip_onSeriesWithGaps_keepsForecastsFinite(HoltWinters model) {
    double[] series = syntheticSeries(300, 3);
    OnlineForecaster online = model.smooth(Arrays.copyOf(series, 48), WEIGHTS).onlineForecaster();
    for (int t = 48; t < series.length; t++) {
      if (t % 5 == 0 || (t >= 150 && t < 190)) {
        online.skip();
      } else {
        online.observe(series[t]);
      }
      assertThat(IntStream.rangeClosed(1, 24).mapToDouble(online::forecast)).allMatch(Double::isFinite);
    }
  }

  @Test
  void observe_nonPositiveOnMultiplicative_throwsAndKeepsState() {
    OnlineForecaster online = MULT.smooth(Y, WEIGHTS).onlineForecaster();
    HoltWintersState before = online.state();
    assertThatThrownBy(() -> online.observe(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y must be finite and > 0 for multiplicative seasonality, but was -1.0");
    assertThat(online.state()).isEqualTo(before);
  }

  @Test
  void observe_infinity_throws() {
    OnlineForecaster online = HoltWinters.simple().smooth(Y, WEIGHTS).onlineForecaster();
    assertThatThrownBy(() -> online.observe(Double.POSITIVE_INFINITY)).hasMessage("y must be finite, but was Infinity");
  }

  @Test
  void forecast_zeroStepsAhead_throws() {
    OnlineForecaster online = MULT.smooth(Y, WEIGHTS).onlineForecaster();
    assertThatThrownBy(() -> online.forecast(0)).hasMessage("stepsAhead must be >= 1, but was 0");
  }

  @Test
  void constructor_stateWithWrongSeasonCount_throws() {
    HoltWintersState state = new HoltWintersState(100, 1, List.of(1.0, 1.0));
    assertThatThrownBy(() -> new OnlineForecaster(MULT, WEIGHTS, state))
        .hasMessage("state.seasonals must hold 12 indices for this model, but held 2");
  }

  @Test
  void constructor_trendForModelWithoutTrend_throws() {
    HoltWintersState state = new HoltWintersState(100, 1.5, List.of());
    assertThatThrownBy(() -> new OnlineForecaster(HoltWinters.simple(), WEIGHTS, state))
        .hasMessage("state.trend must be 0 for a model without trend, but was 1.5");
  }

  /** A positive seasonal series with trend and noise from a fixed seed. */
  private static double[] syntheticSeries(int length, long seed) {
    Random random = new Random(seed);
    return IntStream.range(0, length)
        .mapToDouble(t -> 200 + t + 40 * Math.sin(2 * Math.PI * t / 12) + 10 * random.nextGaussian()).toArray();
  }
}
