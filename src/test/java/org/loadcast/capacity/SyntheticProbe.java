package org.loadcast.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * A probe of a service with 4 workers and log-normal service times (median 40 ms, σ 0.5, mean 45.3
 * ms, capacity 88.3 per second), as the embedded system under test gives, without a load test: each
 * step's latencies are drawn, and its concurrency follows from Little's law. Below capacity the
 * latencies are the service times stretched by the M/M/4 mean wait; past it the throughput stays at
 * the capacity and the surplus queues, growing linearly over the step.
 */
public final class SyntheticProbe {
  /** The probe's rates: ten steps from 10 to 140 per second. */
  public static final List<Double> RATES = List.of(10.0, 20.0, 30.0, 45.0, 60.0, 75.0, 90.0, 105.0, 120.0, 140.0);
  /** The measured seconds of a step. */
  public static final int SECONDS = 4;

  private SyntheticProbe() {}

  /** Returns the steps, seeded. */
  public static List<ProbeStepMeasurement> steps(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double mean = 0.040 * Math.exp(0.125);
    double capacity = 4 / mean;
    List<ProbeStepMeasurement> steps = new ArrayList<>();
    double queued = 0;
    for (double rate : RATES) {
      double throughput = Math.min(rate, capacity);
      double latencySeconds;
      if (rate < capacity) {
        latencySeconds = new MmcQueue(rate, mean, 4).meanSojournSeconds();
      } else {
        double start = queued;
        queued += (rate - capacity) * (SECONDS + 1);
        latencySeconds = mean + (start + queued) / 2 / capacity;
      }
      int n = (int) Math.round(rate * SECONDS);
      Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      double stretch = latencySeconds / mean;
      for (int i = 0; i < n; i++) {
        h.recordValue(Math.round(1e6 * stretch * 0.040 * Math.exp(0.5 * random.nextGaussian())));
      }
      steps.add(new ProbeStepMeasurement(rate, rate, throughput, 0, throughput * h.getMean() / 1e6, h, SECONDS));
    }
    return steps;
  }
}
