package org.loadcast.autoscale;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import org.loadcast.forecast.DampedTrend;
import org.loadcast.forecast.ForecastMethod;
import org.loadcast.forecast.InverseMseCombination;
import org.loadcast.forecast.SeasonallyAdjusted;

/**
 * Which forecaster a predictive or hybrid policy runs on its arrival buckets. The YAML name is the
 * constant in lower case with hyphens ({@code adaptive-combination}, {@code holt-winters}).
 */
public enum ArrivalForecast {
  /**
   * The default: the inverse discounted-MSE combination (δ = 0.95) of the seasonally adjusted damped
   * trend (a multiplicative profile over the season) and the damped trend, both fitted to the SSE of
   * forecasts at the policy's lead ({@link InverseMseCombination}, {@link SeasonallyAdjusted},
   * {@link DampedTrend}), on the last 14 seasons. 15 minutes ahead in 5-minute buckets its MAE is
   * 0.83, 0.82 and 0.82 × the better of the naive and seasonal naive forecasts on NASA July, NASA
   * August and WorldCup98, where Holt-Winters (additive) is at 0.98 and 1.84. Zero counts are fine.
   */
  ADAPTIVE_COMBINATION,
  /**
   * Holt-Winters with additive or multiplicative seasons (R's formulation), fitted to the one-step
   * SSE on everything seen from the first two complete seasons.
   */
  HOLT_WINTERS;

  /** The discount δ of the combination's squared errors. */
  static final double ERROR_DISCOUNT = 0.95;
  /** How many seasons the adaptive combination is trained on, at most. */
  static final int TRAINING_SEASONS = 14;

  /**
   * Returns the YAML name: the constant in lower case, with hyphens.
   *
   * @return such as {@code adaptive-combination}
   */
  @JsonValue
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Returns the YAML name, as {@link #yamlName()}, so that messages listing the constants show it.
   *
   * @return such as {@code holt-winters}
   */
  @Override
  public String toString() {
    return yamlName();
  }

  /**
   * Returns the adaptive combination for a season length and a horizon.
   *
   * @param periodBuckets buckets per season, {@code >= 2}
   * @param horizonSteps the buckets ahead its weights are fitted at, {@code >= 1}
   * @return the method
   */
  static InverseMseCombination adaptive(int periodBuckets, int horizonSteps) {
    DampedTrend trend = DampedTrend.standard().fittedAt(horizonSteps);
    return new InverseMseCombination(List.of(new SeasonallyAdjusted(periodBuckets, trend), trend), horizonSteps,
        ERROR_DISCOUNT);
  }

  /**
   * Returns the buckets ahead a policy forecasts at least: ⌈lead / bucket⌉, and at least 1.
   *
   * @param leadSeconds the lead, {@code >= 0}
   * @param bucketSeconds the bucket, {@code >= 1}
   * @return the horizon, in buckets
   */
  static int horizonSteps(double leadSeconds, int bucketSeconds) {
    return Math.max(1, (int) Math.ceil(leadSeconds / bucketSeconds));
  }
}
