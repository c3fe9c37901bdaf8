package org.loadcast.autoscale;

import java.util.Arrays;
import org.loadcast.forecast.Formulation;
import org.loadcast.forecast.HoltWinters;
import org.loadcast.forecast.SeasonalNaive;
import org.loadcast.forecast.Seasonality;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ScalingView;

/**
 * The running state of an {@link AwsPredictivePolicy}: the hourly series seen so far, the latest
 * 48-hour forecast, and the dynamic policy's autoscaler.
 *
 * <p>Mutable and not thread-safe: one per simulation run.
 */
final class AwsPredictiveScaling implements Autoscaler {
  private static final int HOUR_SECONDS = 3600;
  private static final int DAY_HOURS = 24;

  private final AwsPredictivePolicy policy;
  private final ScalingContext context;
  private final Autoscaler dynamic;
  private final CapacitySchedule bounds;
  private double[] series;
  private int seriesLength;
  private double nextHourEnd = HOUR_SECONDS;
  private double nextRefreshAt;
  /** Requests per forecast hour, step 1 first; null without a forecast. */
  private double[] forecast;
  private double forecastFrom;

  AwsPredictiveScaling(AwsPredictivePolicy policy, ScalingContext context, Autoscaler dynamic) {
    this.policy = policy;
    this.context = context;
    this.dynamic = dynamic;
    this.bounds = policy.bounds();
    this.series = context.history().arrivals();
    this.seriesLength = series.length;
  }

  @Override
  public double decisionPeriodSeconds() {
    return dynamic.decisionPeriodSeconds();
  }

  @Override
  public MetricWindow metricWindow() {
    return dynamic.metricWindow();
  }

  @Override
  public int desiredReplicas(ScalingView view) {
    double now = view.nowSeconds();
    observeCompletedHours(view);
    if (now >= nextRefreshAt) {
      refresh();
      nextRefreshAt += AwsPredictivePolicy.REFRESH_SECONDS;
    }
    int reactive = dynamic.desiredReplicas(view);
    return bounds.clamp(Math.max(reactive, predictedCapacity(now)), context.wallClock(now));
  }

  /**
   * Returns the capacity the forecast asks for at {@code now}: that of the hour holding {@code now +
   * buffer}, or 0 without a forecast or past its 48 hours.
   */
  int predictedCapacity(double now) {
    if (forecast == null) {
      return 0;
    }
    int step = (int) Math.floor((now + policy.schedulingBufferSeconds() - forecastFrom) / HOUR_SECONDS);
    if (step < 0 || step >= forecast.length) {
      return 0;
    }
    double ratePerSecond = Math.max(0, forecast[step]) / HOUR_SECONDS;
    double perInstance = context.capacityPerInstancePerSecond() * policy.targetUtilizationPercent() / 100;
    return TargetTracking.ceil(ratePerSecond / perInstance);
  }

  private void observeCompletedHours(ScalingView view) {
    while (nextHourEnd <= view.nowSeconds()) {
      append(view.arrivalsBetween(nextHourEnd - HOUR_SECONDS, nextHourEnd));
      nextHourEnd += HOUR_SECONDS;
    }
  }

  private void append(double count) {
    if (seriesLength == series.length) {
      series = Arrays.copyOf(series, Math.max(16, seriesLength * 2));
    }
    series[seriesLength++] = count;
  }

  /**
   * Forecasts the 48 hours after the last completed one from up to 14 days before it, after the
   * last missing hour; no forecast with fewer than 24 such hours.
   */
  private void refresh() {
    int from = Math.max(0, seriesLength - AwsPredictivePolicy.MAX_HISTORY_HOURS);
    for (int i = seriesLength - 1; i >= from; i--) {
      if (Double.isNaN(series[i])) {
        from = i + 1;
        break;
      }
    }
    double[] window = Arrays.copyOfRange(series, from, seriesLength);
    forecastFrom = nextHourEnd - HOUR_SECONDS;
    if (window.length < AwsPredictivePolicy.MIN_HISTORY_HOURS) {
      forecast = null;
      return;
    }
    HoltWinters model = HoltWinters.seasonal(Seasonality.ADDITIVE, DAY_HOURS, Formulation.R_CLASSIC);
    forecast = window.length >= model.minimumLength()
        ? model.fit(window).forecasts(AwsPredictivePolicy.FORECAST_HOURS)
        : new SeasonalNaive(DAY_HOURS).forecast(window, AwsPredictivePolicy.FORECAST_HOURS);
  }
}
