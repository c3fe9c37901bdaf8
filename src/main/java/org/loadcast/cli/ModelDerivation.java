package org.loadcast.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.profile.DataQuality;
import org.loadcast.profile.PeriodicCoverage;
import org.loadcast.profile.RateModel;
import org.loadcast.profile.RateModelFit;
import org.loadcast.profile.SessionExtraction;
import org.loadcast.profile.TrafficSeries;

/**
 * The decomposition step of {@code profile derive}: fits a {@link RateModel} to a measured series
 * and writes {@code FILE.fit.json}, the account of how well it fits and what the data held.
 */
final class ModelDerivation {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final int SECONDS_PER_HOUR = 3600;

  private ModelDerivation() {}

  /**
   * The counts a fit sees.
   *
   * @param counts requests per step
   * @param missing unobserved steps
   * @param stepSeconds the step, a divisor of 3600
   * @param note how the counts were made from the series, for people
   */
  record FitInput(double[] counts, boolean[] missing, int stepSeconds, String note) {}

  /**
   * Returns the counts to fit. A continuous series is fitted as it is. A sampled log, which kept only
   * some windows of each period (the minute :05 of each hour, say), is fitted on one count per period:
   * the sampled requests divided by the fraction of the period the sample covers, the Horvitz-Thompson
   * estimator of the period's total (Horvitz and Thompson, JASA 47(260), 1952). Periods whose sampled
   * windows were not observed stay missing.
   *
   * @param series the measured series
   * @return the counts to fit
   * @throws IllegalArgumentException if the step does not divide an hour, which the fit needs
   */
  static FitInput fitInput(TrafficSeries series) {
    if (series.quality().periodicCoverage().isPresent()) {
      return sampled(series, series.quality().periodicCoverage().get());
    }
    if (SECONDS_PER_HOUR % series.stepSeconds() != 0) {
      throw new IllegalArgumentException("the series' step of " + series.stepSeconds()
          + " s must divide an hour for the model fit; give --step-seconds with a divisor of 3600 or --rate curve");
    }
    double[] counts = new double[series.stepCount()];
    boolean[] missing = new boolean[series.stepCount()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = series.count(i);
      missing[i] = series.isMissing(i);
    }
    return new FitInput(counts, missing, series.stepSeconds(), "the series as measured");
  }

  private static FitInput sampled(TrafficSeries series, PeriodicCoverage coverage) {
    int period = coverage.periodSeconds();
    int step = series.stepSeconds();
    int stepsPerPeriod = period / step;
    int periods = series.stepCount() / stepsPerPeriod;
    double[] counts = new double[periods];
    boolean[] missing = new boolean[periods];
    for (int p = 0; p < periods; p++) {
      long sum = 0;
      int observed = 0;
      for (int i = p * stepsPerPeriod; i < (p + 1) * stepsPerPeriod; i++) {
        if (!series.isMissing(i)) {
          sum += series.count(i);
          observed++;
        }
      }
      missing[p] = observed == 0;
      counts[p] = missing[p] ? 0 : sum * (double) stepsPerPeriod / observed;
    }
    String note = String.format(java.util.Locale.ROOT, "a sampled log (%s): each %d-second period's count is its sampled "
        + "requests divided by the fraction of the period observed (Horvitz-Thompson)", coverage.describe(), period);
    return new FitInput(counts, missing, period, note);
  }

  /**
   * Fits the model.
   *
   * @param input the counts
   * @param series the series they came from, for its start
   * @param zone the zone of the profile's days
   * @param options how to fit
   * @return the fit
   * @throws IllegalArgumentException if the fit cannot be made, such as with less than a day of data
   */
  static RateModelFit.ModelFit fit(FitInput input, TrafficSeries series, ZoneId zone, RateModelFit.FitOptions options) {
    return RateModelFit.fit(input.counts(), input.missing(), input.stepSeconds(), series.start(), zone, options);
  }

  /**
   * Returns the text of {@code FILE.fit.json}.
   *
   * @param profile the profile file it describes
   * @param fit the fit, or null when none could be made
   * @param fitProblem why no fit could be made, or null
   * @param input what was fitted, or null
   * @param series the measured series, for its data quality
   * @param sessions the session extraction, or null
   * @param sessionsPerRequest the factor that turned the request rate into a session rate; 1 without sessions
   * @return the JSON text, ending with a line break
   */
  static String fitJson(Path profile, RateModelFit.ModelFit fit, String fitProblem, FitInput input,
      TrafficSeries series, SessionExtraction sessions, double sessionsPerRequest) {
    DataQuality quality = series.quality();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("profile", profile.getFileName().toString());
    json.put("smapeHourlyPercent", fit == null ? null : fit.smapeHourlyPercent());
    json.put("hoursScored", fit == null ? 0 : fit.hoursScored());
    json.put("parameterCount", fit == null ? 0 : fit.parameterCount());
    json.put("burstCount", fit == null ? 0 : fit.burstCount());
    json.put("burstsPerDay", fit == null ? 0 : fit.burstCount() / Math.max(1e-9, series.spanSeconds() / 86400.0));
    json.put("totalRequests", quality.totalRequests());
    json.put("malformedLines", quality.malformedLines());
    json.put("missingSeconds", quality.missingSeconds());
    if (fit == null) {
      json.put("fitProblem", fitProblem);
    } else {
      json.put("fittedOn", input.note());
      json.put("fittedStepSeconds", input.stepSeconds());
      json.put("components", components(fit));
    }
    json.put("dataQuality", quality.toFields());
    if (sessions != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("sessionCount", sessions.sessionCount());
      s.put("meanRequestsPerSession", sessions.meanRequestsPerSession());
      s.put("meanSessionSeconds", sessions.meanSessionSeconds());
      s.put("requestsRead", sessions.requestsRead());
      s.put("requestsInSessions", sessions.requestsInSessions());
      s.put("sessionsPerRequest", sessionsPerRequest);
      s.put("summary", sessions.summary());
      json.put("sessions", s);
    }
    try {
      return JSON.writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fit.json holds only plain values", e);
    }
  }

  private static Map<String, Object> components(RateModelFit.ModelFit fit) {
    RateModel model = fit.model();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("baseRatePerSecond", model.baseRatePerSecond());
    c.put("dailyFactors", fit.dailyFactors());
    c.put("weeklyFactors", fit.weeklyFactors());
    Map<String, Object> trend = new LinkedHashMap<>();
    trend.put("type", model.trend() == null ? "none" : model.trend().type().yamlName());
    trend.put("growthPerDay", fit.growthPerDay());
    c.put("trend", trend);
    List<Map<String, Object>> bursts = fit.bursts().stream().map(b -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("startSeconds", b.startSeconds());
      m.put("durationSeconds", b.durationSeconds());
      m.put("peakFactor", b.peakFactor());
      m.put("shape", b.shape().yamlName());
      return m;
    }).toList();
    c.put("bursts", bursts);
    Map<String, Object> noise = new LinkedHashMap<>();
    noise.put("relativeStdDev", fit.noiseRelativeStdDev());
    noise.put("intervalSeconds", model.noise() == null ? null : model.noise().intervalSeconds());
    c.put("noise", noise);
    return c;
  }

  /** Returns the model with its rate multiplied by a factor: the base rate carries it. */
  static RateModel scaled(RateModel model, double factor) {
    return new RateModel(model.durationSeconds(), model.baseRatePerSecond() * factor, model.daily(), model.weekly(),
        model.trend(), model.bursts(), model.noise());
  }
}
