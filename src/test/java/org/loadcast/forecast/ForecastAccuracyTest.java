package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Accuracy metrics against REFERENCE.md §3.8, rows F11-F13. */
class ForecastAccuracyTest {
  private static final Percentage REL_1E_3 = withinPercentage(1e-1);
  private static final Percentage REL_1E_6 = withinPercentage(1e-4);
  private static final Percentage REL_1E_9 = withinPercentage(1e-7);
  private static final Percentage REL_1E_12 = withinPercentage(1e-10);
  /** R's {@code predict(HoltWinters(train, seasonal = "mult"), 24)}, as published in §3.8. */
  private static final double[] R_HW_FORECASTS = {349.708949, 331.378125, 384.037961, 375.65175, 393.901068,
    471.73072, 527.770147, 533.207189, 430.749186, 380.98391, 329.399294, 360.505155, 373.959578, 354.225569,
    410.364867, 401.257479, 420.599082, 503.524331, 563.142026, 568.744984, 459.299672, 406.097193,
    350.993658, 384.010311};

  @Test
  void metrics_toyVector_matchF13() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(new double[] {1.1, 1.9, 3.0, 4.4, 5.0, 5.6},
        new double[] {0.9, 1.8, 2.5, 4.5, 5.0, 6.2});
    assertThat(accuracy.mae()).isCloseTo(0.25, REL_1E_12);
    assertThat(accuracy.rmse()).isCloseTo(0.33416562759605717, REL_1E_12);
    assertThat(accuracy.mapePercent()).isCloseTo(8.849775955039114, REL_1E_12);
    assertThat(accuracy.smapePercent()).isCloseTo(9.333984353980545, REL_1E_12);
    assertThat(accuracy.maseNaiveOnSelf(1)).isCloseTo(0.2777777777777778, REL_1E_12);
  }

  @Test
  void metrics_publishedHoltWintersForecasts_matchF11() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(AirPassengers.test(), R_HW_FORECASTS);
    assertThat(accuracy.mae()).isCloseTo(32.8649081179, REL_1E_6);
    assertThat(accuracy.rmse()).isCloseTo(36.6142560676, REL_1E_6);
    assertThat(accuracy.mapePercent()).isCloseTo(7.25733471662, REL_1E_6);
    assertThat(accuracy.smapePercent()).isCloseTo(7.59531748446, REL_1E_6);
    assertThat(accuracy.mase(AirPassengers.training(), 12)).isCloseTo(1.15016528734, REL_1E_6);
    assertThat(accuracy.mase(AirPassengers.training(), 1)).isCloseTo(1.4830959674, REL_1E_6);
  }

  @Test
  void metrics_refittedHoltWinters_matchF11() {
    HoltWinters model = HoltWinters.seasonal(Seasonality.MULTIPLICATIVE, 12, Formulation.R_CLASSIC);
    HoltWintersFit fit = model.fit(AirPassengers.training());
    assertThat(fit.sse()).isLessThanOrEqualTo(11365.6580086 * 1.0001);
    assertThat(fit.parameters().alpha()).isCloseTo(0.309283028508, within(2e-3));
    assertThat(fit.parameters().beta()).isCloseTo(0.0292772430451, within(2e-3));
    assertThat(fit.parameters().gamma()).isCloseTo(1, within(2e-3));
    ForecastAccuracy accuracy = ForecastAccuracy.of(AirPassengers.test(), fit.forecasts(24));
    assertThat(accuracy.mase(AirPassengers.training(), 12)).isCloseTo(1.15016528734, REL_1E_3);
    assertThat(accuracy.smapePercent()).isCloseTo(7.59531748446, REL_1E_3);
    assertThat(accuracy.mapePercent()).isCloseTo(7.25733471662, REL_1E_3);
    assertThat(accuracy.rmse()).isCloseTo(36.6142560676, REL_1E_3);
  }

  @Test
  void metrics_seasonalNaive_matchF12() {
    double[] forecasts = new SeasonalNaive(12).forecast(AirPassengers.training(), 24);
    ForecastAccuracy accuracy = ForecastAccuracy.of(AirPassengers.test(), forecasts);
    assertThat(accuracy.mae()).isCloseTo(71.25, REL_1E_9);
    assertThat(accuracy.rmse()).isCloseTo(76.9945885544, REL_1E_9);
    assertThat(accuracy.mapePercent()).isCloseTo(15.5233551624, REL_1E_9);
    assertThat(accuracy.smapePercent()).isCloseTo(17.0126253617, REL_1E_9);
    assertThat(accuracy.mase(AirPassengers.training(), 12)).isCloseTo(2.4935191186, REL_1E_9);
  }

  @Test
  void constructor_empty_throws() {
    assertThatThrownBy(() -> ForecastAccuracy.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("actual must not be empty");
  }

  @Test
  void constructor_lengthsDiffer_throws() {
    assertThatThrownBy(() -> ForecastAccuracy.of(new double[] {1, 2, 3}, new double[] {1, 2}))
        .hasMessage("predicted must have the length of actual (3), but had 2");
  }

  @Test
  void constructor_nanPrediction_throwsNamingIt() {
    assertThatThrownBy(() -> ForecastAccuracy.of(new double[] {1, 2}, new double[] {1, Double.NaN}))
        .hasMessage("predicted[1] must be finite, but was NaN");
  }

  @Test
  void constructor_copiesLists() {
    List<Double> actual = new java.util.ArrayList<>(List.of(1.0, 2.0));
    ForecastAccuracy accuracy = new ForecastAccuracy(actual, List.of(1.0, 1.0));
    actual.set(1, 100.0);
    assertThat(accuracy.mae()).isEqualTo(0.5);
  }

  @Test
  void mapePercent_zeroActual_throwsNamingIt() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(new double[] {1, 0}, new double[] {1, 1});
    assertThatThrownBy(accuracy::mapePercent).hasMessage("actual[1] must be non-zero for MAPE, but was 0.0");
  }

  @Test
  void smapePercent_bothZero_throws() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(new double[] {0, 1}, new double[] {0, 2});
    assertThatThrownBy(accuracy::smapePercent).hasMessage("actual[0] and predicted[0] must not both be 0 for sMAPE");
  }

  @Test
  void smapePercent_oppositeForecast_isTwoHundred() {
    assertThat(ForecastAccuracy.of(new double[] {5}, new double[] {0}).smapePercent()).isEqualTo(200);
  }

  @Test
  void mase_constantTraining_throws() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(new double[] {1, 2}, new double[] {1, 1});
    assertThatThrownBy(() -> accuracy.mase(new double[] {3, 3, 3}, 1))
        .hasMessage("training must not be constant at lag 1 for MASE (scale 0)");
  }

  @Test
  void mase_trainingNotLongerThanLag_throws() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(new double[] {1, 2}, new double[] {1, 1});
    assertThatThrownBy(() -> accuracy.mase(new double[] {1, 2, 3}, 3))
        .hasMessage("series must hold more than 3 values for periodLength 3, but held 3");
  }
}
