package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Rolling-origin evaluation on the real traces of ../shared/data at the autoscaling horizon: 15
 * minutes ahead in 5-minute buckets (h = 3), a sliding two-week training window refitted daily, the
 * seasonal naive baseline with a daily lag. One method for every trace, chosen before looking at the
 * test part: the mean of simple exponential smoothing, damped trend and double seasonal smoothing.
 * The goal is MAE at most 0.85 × the better baseline's; where it is not met the test holds the
 * measured ratio (in the comment) within a bound, so that a regression fails.
 */
class RollingOriginTracesTest {
  static final int DAY = 288;
  static final int WEEK = 7 * DAY;
  static final RollingOrigin EVALUATION = new RollingOrigin(3, 2 * WEEK, DAY, DAY);
  static final ForecastMethod COMBINATION =
      new Combination(List.of(HoltWinters.simple(), DampedTrend.standard(), new DoubleSeasonal(DAY, WEEK)));

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
  void compare_nasaJuly_beatsNaiveButMissesGoalByLittle() throws IOException {
    RollingOrigin.Comparison c = compare("NASA July", RateTraces.nasaJuly(), COMBINATION);

    assertThat(c.naive().accuracy().mae()).isCloseTo(0.164, org.assertj.core.data.Offset.offset(0.005));
    // measured 0.857: goal 0.85 missed by 0.007
    assertThat(c.maeRatioToBetterBaseline()).isLessThan(0.87);
  }

  @Test
  void compare_nasaAugust_meetsGoal() throws IOException {
    RollingOrigin.Comparison c = compare("NASA August", RateTraces.nasaAugust(), COMBINATION);

    // measured 0.821
    assertThat(c.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
  }

  @Test
  void compare_worldCup_doesNotBeatNaive() throws IOException {
    double[] series = RateTraces.worldCup();
    RollingOrigin.Comparison combined = compare("WorldCup98", series, COMBINATION);
    RollingOrigin.Comparison damped = compare("WorldCup98", series, DampedTrend.standard());

    // measured 1.019 and 0.988: goal 0.85 missed by 0.17 and 0.14
    assertThat(combined.maeRatioToBetterBaseline()).isLessThan(1.04);
    assertThat(damped.maeRatioToBetterBaseline()).isLessThan(1.0);
  }
}
