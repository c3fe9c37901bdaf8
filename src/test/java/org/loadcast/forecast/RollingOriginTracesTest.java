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
 * seasonal naive baseline with a daily lag. The goal is MAE at most 0.85 × the better baseline's on
 * every trace, met by one method for all of them: {@link #ADAPTIVE}, the inverse-MSE combination
 * (δ = 0.95) of the seasonally adjusted damped trend (daily multiplicative profile) and the damped
 * trend, each fitted on its training window only to the SSE of 3-step-ahead forecasts.
 *
 * <p>The damped trend alone misses the goal on WorldCup98: the naive forecast is already hard to beat
 * 15 minutes ahead, and what is left is the match-day ramps and drops, which recur at the same time
 * of day on consecutive match days. The multiplicative profile forecasts them; the inverse-MSE weights
 * hand the forecast back to the damped trend where the profile is misleading (the opening day, the
 * quiet days between match days, after the final). The damped trend and the equal-weight mean of
 * simple smoothing, damped trend and double seasonal smoothing are measured beside it, and so is
 * Holt-Winters, the predictive policies' forecaster before the combination.
 */
class RollingOriginTracesTest {
  static final int DAY = 288;
  static final int WEEK = 7 * DAY;
  static final RollingOrigin EVALUATION = new RollingOrigin(3, 2 * WEEK, DAY, DAY);
  static final DampedTrend DAMPED = DampedTrend.standard().fittedAt(3);
  static final ForecastMethod ADAPTIVE =
      new InverseMseCombination(List.of(new SeasonallyAdjusted(DAY, DAMPED), DAMPED), 3, 0.95);
  static final ForecastMethod HOLT_WINTERS = HoltWinters.seasonal(Seasonality.ADDITIVE, DAY, Formulation.R_CLASSIC);
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
    RollingOrigin.Comparison adaptive = compare("NASA July", series, ADAPTIVE);
    RollingOrigin.Comparison damped = compare("NASA July", series, DAMPED);
    RollingOrigin.Comparison combined = compare("NASA July", series, COMBINATION);

    assertThat(adaptive.naive().accuracy().mae()).isCloseTo(0.164, within(0.005));
    // measured 0.830, 0.843 and 0.851
    assertThat(adaptive.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(damped.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(combined.maeRatioToBetterBaseline()).isLessThan(0.86);
  }

  @Test
  void compare_nasaAugust_meetsGoal() throws IOException {
    double[] series = RateTraces.nasaAugust();
    RollingOrigin.Comparison adaptive = compare("NASA August", series, ADAPTIVE);
    RollingOrigin.Comparison damped = compare("NASA August", series, DAMPED);
    RollingOrigin.Comparison combined = compare("NASA August", series, COMBINATION);

    // measured 0.822, 0.841 and 0.820
    assertThat(adaptive.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(damped.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(combined.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
  }

  @Test
  void compare_worldCup_meetsGoal() throws IOException {
    double[] series = RateTraces.worldCup();
    RollingOrigin.Comparison adaptive = compare("WorldCup98", series, ADAPTIVE);
    RollingOrigin.Comparison damped = compare("WorldCup98", series, DAMPED);

    assertThat(adaptive.naive().accuracy().mae()).isCloseTo(20.32, within(0.01));
    // measured 0.820; the damped trend alone 0.925, the equal-weight combination 1.027
    assertThat(adaptive.maeRatioToBetterBaseline()).isLessThanOrEqualTo(0.85);
    assertThat(damped.maeRatioToBetterBaseline()).isGreaterThan(0.85).isLessThan(0.94);
  }

  /**
   * The predictive policies' forecaster before the adaptive combination became their default:
   * additive Holt-Winters with a daily season, fitted to the one-step SSE. (August is left out: its
   * first training window holds the outage, which R's initialisation cannot take.)
   */
  @Test
  void compare_holtWinters_missesGoal() throws IOException {
    RollingOrigin.Comparison july = compare("NASA July", RateTraces.nasaJuly(), HOLT_WINTERS);
    RollingOrigin.Comparison worldCup = compare("WorldCup98", RateTraces.worldCup(), HOLT_WINTERS);

    // measured 0.976 and 1.838
    assertThat(july.maeRatioToBetterBaseline()).isGreaterThan(0.95);
    assertThat(worldCup.maeRatioToBetterBaseline()).isGreaterThan(1.5);
  }
}
