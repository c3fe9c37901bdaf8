package org.loadcast.capacity;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * The service model of one instance, calibrated from a load test's probe: what one instance can
 * really do, how long it takes per request, and how its throughput scales with concurrency.
 *
 * <p>Steps where more than 1 % of the requests failed are left out: a refused connection or an
 * error page says nothing of the service. Per-instance capacity is the highest throughput of
 * successful requests that a usable step reached. The service time is measured on the low-load
 * steps ({@link ServiceTimeFit}): their merged latency histogram, and a log-normal fitted to it by
 * maximum likelihood. The number of workers follows from Little's law at saturation, {@code k =
 * capacity × mean service time}. The latency the load test measures at the client is the service
 * time plus the time spent outside the server's workers (the client, the network, the HTTP server's
 * accept and parse), which is never negative, so {@code capacity × mean latency} bounds the workers
 * from above. The mean is measured on a few hundred requests, so k is the largest whole number not
 * above {@code capacity × (mean + 2 standard errors of the mean)}, a one-sided upper confidence bound
 * of about 97.5 %, and at least 1. (Rounding instead made 5 of the embedded system's 4 workers
 * whenever the outside time passed half a worker's worth, about 6 ms of 45, and then stretched the
 * histogram by 11 % instead of shrinking it; the plain floor made 3 of 4 when the sample's mean came
 * out a few percent low.) Both service-time models are
 * then scaled so that {@code k / mean} reproduces the measured capacity exactly: the log-normal's
 * median here, by {@code k / (capacity × its mean)}; the histogram by whoever samples it.
 * The Universal Scalability Law is fitted to the steps as {@link UslCalibration} says.
 *
 * @param capacityPerSecond the highest measured throughput, requests per second
 * @param saturated whether some step saturated; when not, the capacity is only a lower bound
 * @param workers the workers of one instance, {@code >= 1}
 * @param serviceTimeMedianSeconds the median of the log-normal service time, after scaling
 * @param serviceTimeSigma the standard deviation of its logarithm
 * @param fittedMedianSeconds the median as fitted, before scaling to the capacity
 * @param steps every probe step with its checks, in step order
 * @param serviceTime the low-load steps' histogram and fit, never null
 * @param usl the USL fitted to the steps, or why not, never null
 */
public record ServiceCalibration(
    double capacityPerSecond, boolean saturated, int workers, double serviceTimeMedianSeconds,
    double serviceTimeSigma, double fittedMedianSeconds, List<ProbeStepCheck> steps, ServiceTimeFit serviceTime,
    UslCalibration usl) {

  /**
   * Copies the step list.
   *
   * @throws NullPointerException if {@code serviceTime} or {@code usl} is null
   */
  public ServiceCalibration {
    steps = List.copyOf(steps);
    java.util.Objects.requireNonNull(serviceTime, "serviceTime");
    java.util.Objects.requireNonNull(usl, "usl");
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
    for (ProbeStepMeasurement step : steps) {
      ProbeStepCheck check = check(step);
      checks.add(check);
      if (check.usable()) {
        capacity = Math.max(capacity, step.throughputPerSecond());
        saturated |= check.saturated();
      }
    }
    boolean steady = checks.stream().anyMatch(c -> c.usable() && !c.measurementProblem());
    if (!steady || capacity <= 0) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "the probe completed no request without failures in a steady step (%.1f %% of its completions failed), "
              + "so nothing can be calibrated", 100 * failedShare(steps)));
    }
    ServiceTimeFit fit = ServiceTimeFit.fromLowLoad(steps, checks, capacity);
    double logNormalMean = fit.logNormalMeanSeconds();
    Histogram merged = fit.latencyMicros();
    double meanStandardErrorSeconds = merged.getStdDeviation() / 1e6 / Math.sqrt(fit.sampleCount());
    int workers = Math.max(1, (int) Math.floor(capacity * (fit.histogramMeanSeconds() + 2 * meanStandardErrorSeconds)));
    double scaledMedian = fit.medianSeconds() * workers / (capacity * logNormalMean);
    return new ServiceCalibration(capacity, saturated, workers, scaledMedian, fit.sigma(), fit.medianSeconds(), checks,
        fit, UslCalibration.fromSteps(checks));
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
}
