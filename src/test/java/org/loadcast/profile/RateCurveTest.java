package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateCurveTest {
  private static final RateCurve LINEAR =
      RateCurve.of(new double[] {0, 10, 20}, new double[] {0, 10, 0}, Interpolation.LINEAR, List.of());
  private static final RateCurve STEP =
      RateCurve.of(new double[] {0, 10, 20, 30}, new double[] {2, 4, 6, 6}, Interpolation.STEP, List.of());

  @Test
  void integral_linearTriangle_isHalfBaseTimesHeight() {
    assertThat(LINEAR.integral(0, 20)).isCloseTo(100, within(1e-12));
    assertThat(LINEAR.integral(0, 5)).isCloseTo(12.5, within(1e-12));
    assertThat(LINEAR.integral(5, 15)).isCloseTo(75, within(1e-12));
  }

  @Test
  void integral_step_sumsRateTimesWidth() {
    assertThat(STEP.integral(0, 30)).isCloseTo(20 + 40 + 60, within(1e-12));
    assertThat(STEP.integral(5, 25)).isCloseTo(10 + 40 + 30, within(1e-12));
  }

  @Test
  void rateAt_interpolatesOrHolds() {
    assertThat(LINEAR.rateAt(5)).isEqualTo(5);
    assertThat(LINEAR.rateAt(15)).isEqualTo(5);
    assertThat(STEP.rateAt(9.999)).isEqualTo(2);
    assertThat(STEP.rateAt(10)).isEqualTo(4);
  }

  @Test
  void peakRatePerSecond_findsTheHighestPointInTheRange() {
    assertThat(LINEAR.peakRatePerSecond(0, 20)).isEqualTo(10);
    assertThat(LINEAR.peakRatePerSecond(0, 5)).isEqualTo(5);
    assertThat(STEP.peakRatePerSecond(0, 15)).isEqualTo(4);
  }

  @Test
  void cursor_advanceByArea_landsWhereTheIntegralReachesIt() {
    for (RateCurve curve : List.of(LINEAR, STEP)) {
      RateCurve.Cursor cursor = curve.cursor(0);
      double time = 0;
      double area = 0;
      for (double step : new double[] {0.5, 3, 7.25, 11, 20}) {
        time = cursor.advance(step);
        area += step;
        assertThat(curve.integral(0, time)).isCloseTo(area, within(1e-9));
      }
      assertThat(cursor.advance(1e6)).isEqualTo(Double.POSITIVE_INFINITY);
    }
  }

  @Test
  void cursor_flatSegments_giveTheBitsOfTheGeneralQuadraticFormula() {
    // flat segments skip the square root of 2·area/(r0 + sqrt(r0² + 2·slope·area)); the shortcut
    // must not change a single arrival time
    java.util.SplittableRandom random = new java.util.SplittableRandom(9);
    for (int trial = 0; trial < 2_000; trial++) {
      double rate = trial % 2 == 0 ? Math.scalb(1 + random.nextDouble(), random.nextInt(-400, 400)) : random.nextDouble() * 1e5;
      double end = 1e9;
      RateCurve curve = RateCurve.of(new double[] {0, end}, new double[] {rate, rate},
          trial % 3 == 0 ? Interpolation.STEP : Interpolation.LINEAR, List.of());
      RateCurve.Cursor cursor = curve.cursor(0);
      double cumulative = 0;
      for (int k = 0; k < 50; k++) {
        double step = -Math.log1p(-random.nextDouble());
        double target = cumulative + step;
        double time = cursor.advance(step);
        if (rate * end < target) {
          assertThat(time).isEqualTo(Double.POSITIVE_INFINITY);
          break;
        }
        double general = Math.min(2 * target / (rate + Math.sqrt(Math.max(0, rate * rate))), end);
        assertThat(time).as("rate %s, area %s", rate, target).isEqualTo(general);
        cumulative = target;
      }
    }
  }

  @Test
  void bridgedOverMissing_drawsAStraightLineAcrossUnobservedPoints() {
    RateCurve gappy = RateCurve.of(new double[] {0, 60, 120, 180, 240}, new double[] {10, 0, 0, 40, 40},
        Interpolation.STEP, List.of(new TimeRange(60, 180)));
    RateCurve bridged = gappy.bridgedOverMissing();
    assertThat(bridged.missing()).isEmpty();
    assertThat(bridged.rateAt(60)).isCloseTo(20, within(1e-12));
    assertThat(bridged.rateAt(120)).isCloseTo(30, within(1e-12));
    assertThat(bridged.rateAt(0)).isEqualTo(10);
  }

  @Test
  void slice_keepsRatesAndClipsMissing() {
    RateCurve gappy = RateCurve.of(new double[] {0, 60, 120, 180}, new double[] {1, 2, 3, 3},
        Interpolation.STEP, List.of(new TimeRange(50, 70)));
    RateCurve part = gappy.slice(30, 90);
    assertThat(part.startSeconds()).isEqualTo(30);
    assertThat(part.endSeconds()).isEqualTo(90);
    assertThat(part.integral(30, 90)).isCloseTo(gappy.integral(30, 90), within(1e-12));
    assertThat(part.missing()).containsExactly(new TimeRange(50, 70));
  }

  @Test
  void of_decreasingTimes_namesTheIndexAndValue() {
    assertThatThrownBy(() -> RateCurve.of(new double[] {0, 10, 5}, new double[] {1, 1, 1}, Interpolation.LINEAR, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points[2].atSeconds must be > points[1].atSeconds (10.0), but was 5.0");
  }

  @Test
  void of_negativeRate_namesTheIndexAndValue() {
    assertThatThrownBy(() -> RateCurve.of(new double[] {0, 10}, new double[] {1, -5}, Interpolation.LINEAR, List.of()))
        .hasMessage("points[1].ratePerSecond must be a finite number >= 0, but was -5.0");
  }

  @Test
  void of_missingOutsideCurve_isRejected() {
    assertThatThrownBy(() -> RateCurve.of(new double[] {0, 10}, new double[] {1, 1}, Interpolation.STEP,
        List.of(new TimeRange(5, 20))))
        .hasMessageStartingWith("missing[0] must lie within the curve");
  }

  @Test
  void rateAt_outsideCurve_throws() {
    assertThatThrownBy(() -> LINEAR.rateAt(21)).hasMessageContaining("lies outside the rate curve");
  }

  @Test
  void intervalMeans_areIntegralsOverStepsAndNaNWhereMissing() {
    RateCurve curve = RateCurve.of(new double[] {0, 10, 20, 30}, new double[] {2, 4, 6, 6}, Interpolation.STEP,
        List.of(new TimeRange(21, 22)));
    double[] means = curve.intervalMeans(5);
    assertThat(means).hasSize(6);
    assertThat(means[0]).isEqualTo(2);
    assertThat(means[2]).isEqualTo(4);
    assertThat(means[4]).isNaN();
    assertThat(means[5]).isEqualTo(6);
    assertThat(curve.intervalMeans(20)).containsExactly(3.0);
    assertThat(curve.intervalMeans(40)).isEmpty();
    assertThatThrownBy(() -> curve.intervalMeans(0)).hasMessage("stepSeconds must be finite and > 0, but was 0.0");
  }
}
