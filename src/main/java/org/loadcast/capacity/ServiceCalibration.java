package org.loadcast.capacity;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * The service model of one instance, calibrated from a load test's probe: what one instance can
 * really do, and how long it takes per request.
 *
 * <p>Steps where more than 1 % of the requests failed are left out: a refused connection or an
 * error page says nothing of the service. Per-instance capacity is the highest throughput of
 * successful requests that a usable step reached. The service-time
 * distribution is a log-normal fitted by maximum likelihood (the mean and standard deviation of
 * the log-latencies; Johnson, Kotz and Balakrishnan, "Continuous Univariate Distributions", vol. 1,
 * 2nd ed., §14.5) to the latencies of the lowest-rate step, where queueing is smallest. The number
 * of workers follows from Little's law at saturation, {@code k = capacity × mean service time},
 * rounded; the fitted median is then scaled by {@code k / (capacity × mean)} so that {@code k /
 * mean} reproduces the measured capacity exactly.
 *
 * @param capacityPerSecond the highest measured throughput, requests per second
 * @param saturated whether some step saturated; when not, the capacity is only a lower bound
 * @param workers the workers of one instance, {@code >= 1}
 * @param serviceTimeMedianSeconds the median of the log-normal service time, after scaling
 * @param serviceTimeSigma the standard deviation of its logarithm
 * @param fittedMedianSeconds the median as fitted, before scaling to the capacity
 * @param steps every probe step with its checks, in step order
 */
public record ServiceCalibration(
    double capacityPerSecond, boolean saturated, int workers, double serviceTimeMedianSeconds,
    double serviceTimeSigma, double fittedMedianSeconds, List<ProbeStepCheck> steps) {

  /** Copies the step list. */
  public ServiceCalibration {
    steps = List.copyOf(steps);
  }

  /** Returns the mean of the log-normal service time, {@code median · e^(σ²/2)}, in seconds. */
  public double meanServiceSeconds() {
    return serviceTimeMedianSeconds * Math.exp(serviceTimeSigma * serviceTimeSigma / 2);
  }

  /**
   * Calibrates from a probe's steps.
   *
   * @param steps the measured steps in increasing rate order; at least one with completions
   * @return the calibration
   * @throws IllegalArgumentException if no step completed requests without failures, or no such
   *     step was steady; the message gives the share of failed requests
   */
  public static ServiceCalibration fromProbe(List<ProbeStepMeasurement> steps) {
    List<ProbeStepCheck> checks = new ArrayList<>();
    double capacity = 0;
    boolean saturated = false;
    ProbeStepMeasurement lowest = null;
    for (ProbeStepMeasurement step : steps) {
      ProbeStepCheck check = check(step);
      checks.add(check);
      if (!check.usable()) {
        continue;
      }
      capacity = Math.max(capacity, step.throughputPerSecond());
      saturated |= check.saturated();
      if (lowest == null && step.latencyMicros().getTotalCount() > 0 && !check.measurementProblem()) {
        lowest = step;
      }
    }
    if (lowest == null || capacity <= 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the probe completed no request without failures in a steady step (%.1f %% of its completions failed), "
              + "so nothing can be calibrated", 100 * failedShare(steps)));
    }
    double[] fit = logNormalFit(lowest.latencyMicros());
    double median = fit[0];
    double sigma = fit[1];
    double mean = median * Math.exp(sigma * sigma / 2);
    int workers = Math.max(1, (int) Math.round(capacity * mean));
    double scaledMedian = median * workers / (capacity * mean);
    return new ServiceCalibration(capacity, saturated, workers, scaledMedian, sigma, median, checks);
  }

  /** Returns the failed share of all the probe's completions; 0 when none completed. */
  public static double failedShare(List<ProbeStepMeasurement> steps) {
    double ok = steps.stream().mapToDouble(s -> s.throughputPerSecond() * s.seconds()).sum();
    double failed = steps.stream().mapToDouble(s -> s.failedPerSecond() * s.seconds()).sum();
    return ok + failed == 0 ? 0 : failed / (ok + failed);
  }

  private static ProbeStepCheck check(ProbeStepMeasurement step) {
    double meanLatency = step.meanLatencySeconds();
    double discrepancy = Double.NaN;
    boolean problem = false;
    if (step.throughputPerSecond() > 0 && meanLatency > 0) {
      LittlesLawCheck little = new LittlesLawCheck(step.meanConcurrency(), step.throughputPerSecond(), meanLatency);
      discrepancy = little.relativeDiscrepancyFraction();
      problem = !little.holdsWithin(LittlesLawCheck.LOAD_TEST_TOLERANCE_FRACTION);
    }
    double completed = step.throughputPerSecond() + step.failedPerSecond();
    double failedFraction = completed == 0 ? 0 : step.failedPerSecond() / completed;
    boolean saturated = step.throughputPerSecond() < 0.95 * step.arrivalRatePerSecond();
    return new ProbeStepCheck(step.offeredRatePerSecond(), step.throughputPerSecond(), failedFraction,
        step.meanConcurrency(), meanLatency * 1000, step.latencyMillisAt(50), step.latencyMillisAt(95),
        step.latencyMillisAt(99), discrepancy, saturated, problem && !saturated,
        failedFraction > ProbeStepCheck.MAX_FAILED_FRACTION);
  }

  /** Returns {median seconds, sigma}: the MLE of a log-normal from a histogram of microseconds. */
  static double[] logNormalFit(Histogram micros) {
    double n = 0;
    double sum = 0;
    for (HistogramIterationValue v : micros.recordedValues()) {
      double x = Math.log(micros.medianEquivalentValue(v.getValueIteratedTo()) / 1e6);
      n += v.getCountAtValueIteratedTo();
      sum += v.getCountAtValueIteratedTo() * x;
    }
    double mu = sum / n;
    double squares = 0;
    for (HistogramIterationValue v : micros.recordedValues()) {
      double d = Math.log(micros.medianEquivalentValue(v.getValueIteratedTo()) / 1e6) - mu;
      squares += v.getCountAtValueIteratedTo() * d * d;
    }
    return new double[] {Math.exp(mu), Math.sqrt(squares / n)};
  }
}
