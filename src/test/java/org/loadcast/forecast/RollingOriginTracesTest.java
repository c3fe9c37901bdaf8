package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;


/**
 * Rolling-origin evaluation on the real traces of ../shared/data at the autoscaling horizon: 15
 * minutes ahead in 5-minute buckets (h = 3), a sliding two-week training window refitted daily, the
 * seasonal naive baseline with a daily lag. One method for every trace: Gardner-McKenzie damped
 * trend with its weights fitted, on each training window only, to the SSE of 3-step-ahead forecasts.
 * The goal is MAE at most 0.85 × the better baseline's; where it is not met the test holds the
 * measured ratio (in the comment) within a bound, so that a regression fails. The mean of simple
 * smoothing, damped trend and double seasonal smoothing is measured beside it.
 */
class RollingOriginTracesTest {
  static final int DAY = 288;
  static final int WEEK = 7 * DAY;
  static final RollingOrigin EVALUATION = new RollingOrigin(3, 2 * WEEK, DAY, DAY);
  static final ForecastMethod DAMPED = DampedTrend.standard().fittedAt(3);
  static final ForecastMethod COMBINATION =
      new Combination(List.of(HoltWinters.simple(), DAMPED, new DoubleSeasonal(DAY, WEEK)));

  private static RollingOrigin.Comparison compare(String trace, double[] series, ForecastMethod method) {
    RollingOrigin.Comparison c = EVALUATION.compare(series, method);
    System.out.println(String.format(Locale.ROOT,
        "%s %s: MAE %.4f, naive %.4f, seasonal naive %.4f requests/s; ratio %.4f; MASE(m=288) %.4f; sMAPE %.2f%%",
        trace, method.getClass().getSimpleName(), c.method().accuracy().mae(), c.naive().accuracy().mae(),
        c.seasonalNaive().accuracy().mae(), c.maeRatioToBetterBaseline(), c.method().mase(),
        c.method().accuracy().smapePercent()));
    return c;
  }

  @Test
  void compare_nasaJuly_meetsGoal() throws IOException {
    double[] series = RateTraces.nasaJuly();
    RollingOrigin.Comparison damped = compare("NASA July", series, DAMPED);
    RollingOrigin.Comparison combined = compare("NASA July", series, COMBINATION);

    assertThat(damped.naive().accuracy().mae()).isCloseTo(0.164, within(0.005));
    // measured 0.843 and 0.851
    assertThat(damped.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(combined.maeRatioToBetterBaseline()).isLessThan(0.86);
  }

  @Test
  void compare_nasaAugust_meetsGoal() throws IOException {
    double[] series = RateTraces.nasaAugust();
    RollingOrigin.Comparison damped = compare("NASA August", series, DAMPED);
    RollingOrigin.Comparison combined = compare("NASA August", series, COMBINATION);

    // measured 0.841 and 0.820
    assertThat(damped.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(combined.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
  }

  @Test
  void compare_worldCup_beatsNaiveButMissesGoal() throws IOException {
    RollingOrigin.Comparison damped = compare("WorldCup98", RateTraces.worldCup(), DAMPED);

    // measured 0.925: goal 0.85 missed by 0.075 (the combination measured 1.027, worse than naive)
    assertThat(damped.maeRatioToBetterBaseline()).isLessThan(0.94);
  }
}
