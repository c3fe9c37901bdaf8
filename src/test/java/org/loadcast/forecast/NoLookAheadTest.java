package org.loadcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No look-ahead: in a rolling-origin evaluation on a real trace (the first six days of NASA July, a
 * training window of two days and a bit, refitted every 37 origins), changing every value after an
 * origin leaves every forecast made at or before it bit for bit the same, and does change later ones.
 */
class NoLookAheadTest {
  private static final int DAY = 288;
  private static final int HORIZON = 3;
  private static final RollingOrigin EVALUATION = new RollingOrigin(HORIZON, 2 * DAY + 100, 37, DAY);
  private static final DampedTrend DAMPED = DampedTrend.standard().fittedAt(HORIZON);
  private static final SeasonallyAdjusted ADJUSTED = new SeasonallyAdjusted(DAY, DAMPED);

  @Test
  void forecasts_futureChanged_forecastsUpToTheOriginUnchanged() throws IOException {
    double[] series = Arrays.copyOf(RateTraces.nasaJuly(), 6 * DAY);
    int origin = 4 * DAY + 17;
    double[] changed = series.clone();
    for (int t = origin + 1; t < changed.length; t++) {
      changed[t] = 3 * changed[t] + (t % 7 == 0 ? 40 : 0);
    }
    changed[origin + 1] = Double.NaN;
    for (ForecastMethod method : List.of(ADJUSTED, DAMPED, new InverseMseCombination(List.of(ADJUSTED, DAMPED), HORIZON, 0.95))) {
      double[] before = EVALUATION.forecasts(series, method);
      double[] after = EVALUATION.forecasts(changed, method);

      assertThat(Arrays.copyOf(after, origin + HORIZON + 1)).containsExactly(Arrays.copyOf(before, origin + HORIZON + 1));
      assertThat(after[origin + HORIZON + 2]).isNotEqualTo(before[origin + HORIZON + 2]);
    }
  }
}
