package org.loadcast.capacity;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * The service-time distribution measured at low load: the merged latency histogram of the probe's
 * low-load steps, and the log-normal fitted to it.
 *
 * <p><b>Which steps.</b> A step is low-load when it is usable, not a measurement problem, has latencies, and its
 * utilization, throughput over the measured capacity, is at most {@value
 * #LOW_LOAD_UTILIZATION_FRACTION}. At that load a queue of several workers barely waits: an M/M/4
 * queue at ρ = 0.3 makes 3 % of its requests wait (Erlang C, {@code REFERENCE.md} §1), so latency is
 * close to the service time. The lowest such step is always taken, even above the threshold, so a
 * probe that starts high still gives a fit.
 *
 * <p><b>The fit.</b> The log-normal's maximum-likelihood estimates are the mean and the
 * (population) standard deviation of the log-latencies (Johnson, Kotz and Balakrishnan,
 * "Continuous Univariate Distributions", vol. 1, 2nd ed., §14.5), here over the histogram's buckets,
 * each at its median-equivalent value.
 *
 * @param medianSeconds the fitted median {@code e^μ}, in seconds, &gt; 0
 * @param sigma the fitted standard deviation of the log-latency, &gt;= 0
 * @param stepOfferedRatesPerSecond the offered rates of the steps merged, in step order; at least one
 * @param latencyMicros the merged latencies of those steps in microseconds; copied in and out
 */
public record ServiceTimeFit(double medianSeconds, double sigma, List<Double> stepOfferedRatesPerSecond,
    Histogram latencyMicros) {

  /** The highest utilization at which a step counts as low-load, 0.3. */
  public static final double LOW_LOAD_UTILIZATION_FRACTION = 0.3;

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException if the median is not finite and &gt; 0, σ is negative or not
   *     finite, no step is named, or the histogram is empty
   */
  public ServiceTimeFit {
    if (!(medianSeconds > 0 && Double.isFinite(medianSeconds))) {
      throw new IllegalArgumentException("medianSeconds must be finite and > 0, but was " + medianSeconds);
    }
    if (!(sigma >= 0 && Double.isFinite(sigma))) {
      throw new IllegalArgumentException("sigma must be finite and >= 0, but was " + sigma);
    }
    if (stepOfferedRatesPerSecond.isEmpty() || latencyMicros.getTotalCount() == 0) {
      throw new IllegalArgumentException("a service-time fit needs at least one step with latencies, but had "
          + stepOfferedRatesPerSecond.size() + " steps and " + latencyMicros.getTotalCount() + " latencies");
    }
    stepOfferedRatesPerSecond = List.copyOf(stepOfferedRatesPerSecond);
    latencyMicros = latencyMicros.copy();
  }

  /** {@return a copy of the merged latencies, in microseconds} */
  @Override
  public Histogram latencyMicros() {
    return latencyMicros.copy();
  }

  /** {@return the latencies merged, at least 1} */
  public long sampleCount() {
    return latencyMicros.getTotalCount();
  }

  /** {@return the mean of the merged histogram, in seconds} */
  public double histogramMeanSeconds() {
    return latencyMicros.getMean() / 1e6;
  }

  /** {@return the mean of the fitted log-normal, {@code median · e^(σ²/2)}, in seconds} */
  public double logNormalMeanSeconds() {
    return medianSeconds * Math.exp(sigma * sigma / 2);
  }

  /**
   * Returns the indices of the low-load steps, by the rule of the class comment.
   *
   * @param checks the probe's steps in step order
   * @param capacityPerSecond the measured capacity the utilization is relative to, &gt; 0
   * @return indices into {@code checks}, increasing; empty only when no step is usable and steady
   */
  public static List<Integer> lowLoadSteps(List<ProbeStepCheck> checks, double capacityPerSecond) {
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      ProbeStepCheck c = checks.get(i);
      if (!c.usable() || c.measurementProblem() || Double.isNaN(c.p50LatencyMillis())) {
        continue;
      }
      if (chosen.isEmpty() || c.throughputPerSecond() <= LOW_LOAD_UTILIZATION_FRACTION * capacityPerSecond) {
        chosen.add(i);
      }
    }
    return chosen;
  }

  /**
   * Fits the low-load steps of a probe.
   *
   * @param steps the measured steps in step order
   * @param checks their checks, one per step, in the same order
   * @param capacityPerSecond the measured capacity, &gt; 0
   * @return the fit of the merged low-load latencies
   * @throws IllegalArgumentException if the lists differ in length, or no step is low-load with latencies
   */
  public static ServiceTimeFit fromLowLoad(
      List<ProbeStepMeasurement> steps, List<ProbeStepCheck> checks, double capacityPerSecond) {
    if (steps.size() != checks.size()) {
      throw new IllegalArgumentException("steps (" + steps.size() + ") and checks (" + checks.size()
          + ") must have the same length");
    }
    Histogram merged = null;
    List<Double> rates = new ArrayList<>();
    for (int i : lowLoadSteps(checks, capacityPerSecond)) {
      Histogram h = steps.get(i).latencyMicros();
      if (merged == null) {
        merged = h.copy();
      } else {
        merged.add(h);
      }
      rates.add(steps.get(i).offeredRatePerSecond());
    }
    if (merged == null) {
      throw new IllegalArgumentException("no probe step is usable and steady, so no service time can be fitted");
    }
    return of(merged, rates);
  }

  /**
   * Fits a log-normal by maximum likelihood to a histogram of latencies.
   *
   * @param micros latencies in microseconds, at least one
   * @param stepOfferedRatesPerSecond the steps it merges, at least one
   * @return the fit, keeping a copy of the histogram
   * @throws IllegalArgumentException if the histogram is empty or no step is named
   */
  public static ServiceTimeFit of(Histogram micros, List<Double> stepOfferedRatesPerSecond) {
    double n = 0;
    double sum = 0;
    for (HistogramIterationValue v : micros.recordedValues()) {
      n += v.getCountAtValueIteratedTo();
      sum += v.getCountAtValueIteratedTo() * logSeconds(micros, v);
    }
    double mu = n == 0 ? 0 : sum / n;
    double squares = 0;
    for (HistogramIterationValue v : micros.recordedValues()) {
      double d = logSeconds(micros, v) - mu;
      squares += v.getCountAtValueIteratedTo() * d * d;
    }
    return new ServiceTimeFit(Math.exp(mu), n == 0 ? 0 : Math.sqrt(squares / n), stepOfferedRatesPerSecond, micros);
  }

  private static double logSeconds(Histogram micros, HistogramIterationValue v) {
    return Math.log(micros.medianEquivalentValue(v.getValueIteratedTo()) / 1e6);
  }
}
