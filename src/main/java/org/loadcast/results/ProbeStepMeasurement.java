package org.loadcast.results;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one constant-rate step of a probe measured, over its steady part.
 *
 * @param offeredRatePerSecond the rate the step injected
 * @param arrivalRatePerSecond requests sent per second, as achieved
 * @param throughputPerSecond successful completions per second
 * @param failedPerSecond failed completions per second
 * @param meanConcurrency time-average of requests in flight
 * @param latencyMicros latencies of the requests sent in the step; a copy
 * @param seconds the length of the steady part measured, in seconds
 */
public record ProbeStepMeasurement(
    double offeredRatePerSecond, double arrivalRatePerSecond, double throughputPerSecond, double failedPerSecond,
    double meanConcurrency, Histogram latencyMicros, int seconds) {

  /** Copies the histogram. */
  public ProbeStepMeasurement {
    latencyMicros = latencyMicros.copy();
  }

  /** Returns the mean latency in seconds; NaN when nothing completed. */
  public double meanLatencySeconds() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMean() / 1e6;
  }

  /** Returns the latency at a percentile in milliseconds; NaN when nothing completed. */
  public double latencyMillisAt(double percentile) {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  /**
   * Measures each step of a probe from per-second results. Step {@code i} covers seconds {@code
   * [startSecond + i·stepSeconds, startSecond + (i+1)·stepSeconds)}; its first second is left out
   * as the transition from the step before, when a step has 3 seconds or more.
   *
   * @param seconds the load test's seconds, indexed from 0
   * @param startSecond the second the probe began
   * @param ratesPerSecond the offered rate of each step
   * @param stepSeconds the length of each step, {@code >= 1}
   * @return one measurement per step, in step order; steps beyond the results are left out
   * @throws IllegalArgumentException if {@code stepSeconds < 1}
   */
  public static List<ProbeStepMeasurement> measure(
      List<SecondResult> seconds, int startSecond, List<Double> ratesPerSecond, int stepSeconds) {
    requireStepSeconds(stepSeconds);
    List<ProbeStepMeasurement> steps = new ArrayList<>();
    for (int i = 0; i < ratesPerSecond.size(); i++) {
      List<SecondResult> steady = steadySeconds(seconds, startSecond, i, stepSeconds);
      if (steady.isEmpty()) {
        break;
      }
      steps.add(measureWindow(steady, ratesPerSecond.get(i)));
    }
    return steps;
  }

  /**
   * Returns the steady part of one probe step, the seconds {@link #measure} measures: step {@code
   * stepIndex} covers {@code [startSecond + i·stepSeconds, startSecond + (i+1)·stepSeconds)}, less
   * its first second when a step has 3 seconds or more.
   *
   * @param seconds the load test's seconds, indexed from 0
   * @param startSecond the second the probe began
   * @param stepIndex the step, from 0
   * @param stepSeconds the length of each step, {@code >= 1}
   * @return a view of the step's steady seconds, in order; empty when the step ends beyond the results
   * @throws IllegalArgumentException if {@code stepSeconds < 1}
   */
  public static List<SecondResult> steadySeconds(
      List<SecondResult> seconds, int startSecond, int stepIndex, int stepSeconds) {
    requireStepSeconds(stepSeconds);
    int skip = stepSeconds >= 3 ? 1 : 0;
    int from = startSecond + stepIndex * stepSeconds + skip;
    int to = startSecond + (stepIndex + 1) * stepSeconds;
    return to > seconds.size() ? List.of() : seconds.subList(from, to);
  }

  private static void requireStepSeconds(int stepSeconds) {
    if (stepSeconds < 1) {
      throw new IllegalArgumentException("stepSeconds must be >= 1, but was " + stepSeconds);
    }
  }

  private static ProbeStepMeasurement measureWindow(List<SecondResult> window, double offered) {
    Histogram latency = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    long started = 0;
    long completed = 0;
    long failed = 0;
    double concurrency = 0;
    for (SecondResult s : window) {
      started += s.started();
      completed += s.completed();
      failed += s.failed();
      concurrency += s.meanConcurrency();
      latency.add(s.allLatencyMicros());
    }
    int n = window.size();
    return new ProbeStepMeasurement(offered, (double) started / n, (double) (completed - failed) / n,
        (double) failed / n, concurrency / n, latency, n);
  }
}
