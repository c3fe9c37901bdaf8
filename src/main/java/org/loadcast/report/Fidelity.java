package org.loadcast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.SecondResult;
import org.loadcast.sim.ArrivalProcess;
import org.loadcast.sim.FixedReplicas;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.RandomStreams;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationProgress;
import org.loadcast.sim.SimulationSpec;

/**
 * Sim-to-real fidelity: how well the simulator, fed the calibrated service model, predicts the
 * latency the load test measured in its replay.
 *
 * <p>The replay is simulated on the schedule Gatling ran: each second's arrivals are the requests the
 * load test sent in it ({@link SecondResult#started}), evenly spaced within the second as Gatling's
 * {@code constantUsersPerSec} spaces them ({@link ArrivalProcess#EVENLY_SPACED}), against one
 * instance with the calibrated workers, an unbounded queue and the calibrated service time. The
 * simulation runs {@value #REPLICATIONS} times with service-time streams derived from the run seed,
 * and a window's predicted percentile is taken over the latencies of all replications together: the
 * model's expected distribution, not one draw of it. The horizon runs 60 s past the replay with no
 * arrivals, so that the last requests complete.
 *
 * <p>The load test measures at the client, so its latencies also hold the time spent outside the
 * server's workers: the client's own work, the loopback network, the HTTP server's accept and
 * parse. The server model has none of it. The prediction adds it back as one offset per request,
 * measured on the probe, not on the replay it is judged against: over the probe's low-load steps
 * (usable, steady, not saturated, offered utilization at most {@value #MAX_OFFSET_UTILIZATION}), the
 * mean of the measured median minus the simulated median at the step's rate. The offset is applied
 * as measured, negative too (then the model is slower than the service at low load); with no such
 * step it is 0, and {@link #offsetSteps} says so.
 *
 * <p>Latencies are grouped in {@value #WINDOW_SECONDS}-second windows by the second the request was
 * sent, on both sides (the load test records a latency under its request's start second). Only whole
 * windows count. A window is compared when its offered utilization, {@code requests sent × mean
 * service time / (workers × window)}, is below {@value #MAX_UTILIZATION_FRACTION} (near saturation a
 * few percent of capacity move the latency by any amount, so no model is judged there) and it holds
 * at least {@value #MIN_REQUESTS} measured latencies, the fewest for a 95th percentile that is not
 * simply the largest value.
 *
 * <p>The errors are weighted absolute percentage errors over the compared windows, {@code 100 ·
 * Σ|predicted − measured| / Σ measured} (the "WAPE"; Hyndman and Athanasopoulos, "Forecasting:
 * Principles and Practice", 3rd ed., §5.8, scale-dependent errors made relative to the total),
 * and the biases the same with signs kept: a negative bias means the model is optimistic.
 *
 * @param windowSeconds the window length, seconds
 * @param maxUtilizationFraction windows at or above this offered utilization are not compared
 * @param replications the simulations pooled per window
 * @param windows every whole window of the replay, in time order
 * @param comparedWindows how many windows were compared
 * @param p50RelativeErrorPercent the WAPE of the median, percent; NaN when no window was compared
 * @param p95RelativeErrorPercent the WAPE of the 95th percentile, percent; NaN likewise
 * @param p50BiasPercent {@code 100 · Σ(predicted − measured) / Σ measured} of the median; NaN likewise
 * @param p95BiasPercent the same of the 95th percentile; NaN likewise
 * @param clientOffsetMillis the offset added to each simulated latency, milliseconds
 * @param offsetSteps the probe steps the offset was measured on; 0 when it is 0 for want of them
 */
public record Fidelity(
    int windowSeconds, double maxUtilizationFraction, int replications, List<Window> windows, int comparedWindows,
    double p50RelativeErrorPercent, double p95RelativeErrorPercent, double p50BiasPercent, double p95BiasPercent,
    double clientOffsetMillis, int offsetSteps) {

  /** The window length, seconds. */
  public static final int WINDOW_SECONDS = 10;
  /** The offered utilization from which windows are not compared. */
  public static final double MAX_UTILIZATION_FRACTION = 0.85;
  /** The fewest measured latencies a compared window holds. */
  public static final int MIN_REQUESTS = 20;
  /** The simulations pooled per window. */
  public static final int REPLICATIONS = 20;
  /** The goal for the median's error, percent. */
  public static final double P50_GOAL_PERCENT = 10;
  /** The goal for the 95th percentile's error, percent. */
  public static final double P95_GOAL_PERCENT = 15;

  /** The highest offered utilization of a probe step the client offset is measured on. */
  public static final double MAX_OFFSET_UTILIZATION = 0.5;

  private static final double DRAIN_SECONDS = 60;
  private static final int OFFSET_STEP_SECONDS = 60;

  /** Copies the list. */
  public Fidelity {
    windows = List.copyOf(windows);
  }

  /**
   * One window of the replay.
   *
   * @param startSecond the replay second at which it starts
   * @param requests the requests sent in it
   * @param utilizationFraction its offered utilization of the one instance, {@code >= 0}
   * @param measuredP50Millis the measured median latency; NaN when nothing was measured
   * @param measuredP95Millis the measured 95th percentile; NaN likewise
   * @param predictedP50Millis the simulated median; NaN when nothing completed
   * @param predictedP95Millis the simulated 95th percentile; NaN likewise
   * @param compared whether the window counts in the errors
   */
  public record Window(
      int startSecond, long requests, double utilizationFraction, double measuredP50Millis, double measuredP95Millis,
      double predictedP50Millis, double predictedP95Millis, boolean compared) {}

  /** Returns whether both errors meet their goals; false when no window was compared. */
  public boolean meetsGoal() {
    return p50RelativeErrorPercent <= P50_GOAL_PERCENT && p95RelativeErrorPercent <= P95_GOAL_PERCENT;
  }

  /**
   * Simulates a load test's replay and compares it with what was measured.
   *
   * @param probe the probe's steps, for the client offset; may be empty
   * @param replay the replay's seconds in order, the first being replay second 0; may be empty
   * @param workers the calibrated workers of one instance, {@code >= 1}
   * @param serviceTime the calibrated service time
   * @param seed the run seed
   * @return the comparison; with fewer than {@value #WINDOW_SECONDS} seconds, no window and NaN errors
   * @throws IllegalArgumentException if {@code workers < 1}
   */
  public static Fidelity evaluate(
      List<ProbeStepCheck> probe, List<SecondResult> replay, int workers, ServiceTime serviceTime, long seed) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be >= 1, but was " + workers);
    }
    int windowCount = replay.size() / WINDOW_SECONDS;
    List<ProbeStepCheck> lowLoad = probe.stream().filter(s -> s.usable() && !s.saturated() && !s.measurementProblem()
        && Double.isFinite(s.p50LatencyMillis())
        && s.throughputPerSecond() * serviceTime.meanSeconds() / workers <= MAX_OFFSET_UTILIZATION).toList();
    double offsetSeconds = 0;
    for (ProbeStepCheck step : lowLoad) {
      Histogram simulated = simulate(constantRate(step.offeredRatePerSecond()), 1, OFFSET_STEP_SECONDS, workers,
          serviceTime, 0, seed)[0];
      offsetSeconds += (step.p50LatencyMillis() - millisAt(simulated, 50)) / 1000 / lowLoad.size();
    }
    Histogram[] predicted = simulate(perSecond(replay, windowCount), windowCount, WINDOW_SECONDS, workers, serviceTime,
        offsetSeconds, seed);
    List<Window> windows = new ArrayList<>();
    double[] absolute = new double[2];
    double[] signed = new double[2];
    double[] measuredTotal = new double[2];
    int compared = 0;
    for (int w = 0; w < windowCount; w++) {
      Histogram measured = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      long requests = 0;
      for (SecondResult s : replay.subList(w * WINDOW_SECONDS, (w + 1) * WINDOW_SECONDS)) {
        measured.add(s.allLatencyMicros());
        requests += s.started();
      }
      double utilization = requests * serviceTime.meanSeconds() / (workers * (double) WINDOW_SECONDS);
      double[] m = {millisAt(measured, 50), millisAt(measured, 95)};
      double[] p = {millisAt(predicted[w], 50), millisAt(predicted[w], 95)};
      boolean counts = utilization < MAX_UTILIZATION_FRACTION && measured.getTotalCount() >= MIN_REQUESTS
          && predicted[w].getTotalCount() > 0;
      if (counts) {
        compared++;
        for (int i = 0; i < 2; i++) {
          absolute[i] += Math.abs(p[i] - m[i]);
          signed[i] += p[i] - m[i];
          measuredTotal[i] += m[i];
        }
      }
      windows.add(new Window(w * WINDOW_SECONDS, requests, utilization, m[0], m[1], p[0], p[1], counts));
    }
    double nan = Double.NaN;
    return new Fidelity(WINDOW_SECONDS, MAX_UTILIZATION_FRACTION, REPLICATIONS, windows, compared,
        compared == 0 ? nan : 100 * absolute[0] / measuredTotal[0], compared == 0 ? nan : 100 * absolute[1] / measuredTotal[1],
        compared == 0 ? nan : 100 * signed[0] / measuredTotal[0], compared == 0 ? nan : 100 * signed[1] / measuredTotal[1],
        offsetSeconds * 1000, lowLoad.size());
  }

  private static double[] perSecond(List<SecondResult> replay, int windowCount) {
    double[] rate = new double[windowCount * WINDOW_SECONDS];
    for (int i = 0; i < rate.length; i++) {
      rate[i] = replay.get(i).started();
    }
    return rate;
  }

  private static double[] constantRate(double ratePerSecond) {
    double[] rate = new double[OFFSET_STEP_SECONDS];
    java.util.Arrays.fill(rate, ratePerSecond);
    return rate;
  }

  /**
   * Returns per-window histograms of simulated latencies plus an offset, in microseconds, pooled over
   * the replications, for arrivals evenly spaced at {@code perSecond[i]} in second i.
   */
  private static Histogram[] simulate(double[] perSecond, int windowCount, int windowSeconds, int workers,
      ServiceTime serviceTime, double offsetSeconds, long seed) {
    Histogram[] windows = new Histogram[windowCount];
    for (int w = 0; w < windowCount; w++) {
      windows[w] = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    }
    if (windowCount == 0) {
      return windows;
    }
    int seconds = perSecond.length;
    double horizon = seconds + DRAIN_SECONDS;
    double[] at = new double[seconds + 2];
    double[] rate = new double[seconds + 2];
    for (int i = 0; i <= seconds + 1; i++) {
      at[i] = i == seconds + 1 ? horizon : i;
      rate[i] = i < seconds ? perSecond[i] : 0;
    }
    RateCurve demand = RateCurve.of(at, rate, Interpolation.STEP, List.of());
    ClusterConfig cluster = new ClusterConfig(workers, Integer.MAX_VALUE, serviceTime, 0, 0, 0,
        LoadBalancing.ROUND_ROBIN, 1);
    SplittableRandom seeds = new RandomStreams(seed).stream("fidelity-replications");
    for (int r = 0; r < REPLICATIONS; r++) {
      SimulationSpec spec = new SimulationSpec(demand, 0, horizon, cluster, new LatencySlo(95, 1e9), seeds.nextLong(),
          ArrivalProcess.EVENLY_SPACED);
      ClusterSimulation.run(spec, new FixedReplicas(1), SimulationProgress.NONE, (arrivedAt, latency) -> {
        int w = (int) (arrivedAt / windowSeconds);
        if (w < windowCount) {
          windows[w].recordValue(Math.max(1, Math.min(LoadTestRecorder.HIGHEST_LATENCY_MICROS,
              Math.round((latency + offsetSeconds) * 1e6))));
        }
      });
    }
    return windows;
  }

  private static double millisAt(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? Double.NaN : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Returns one line for the console and the report: the errors, the biases and the goal. */
  public String headline() {
    if (comparedWindows == 0) {
      return String.format(Locale.ROOT, "no %d-s window of the replay was below %.0f %% utilization with %d requests, "
          + "so the simulator's prediction was not compared", windowSeconds, 100 * maxUtilizationFraction, MIN_REQUESTS);
    }
    return String.format(Locale.ROOT, "simulated against measured over %d window%s of %d s: p50 error %.1f %% (bias %+.1f %%%s), "
        + "p95 error %.1f %% (bias %+.1f %%%s); the goal is %.0f %% and %.0f %%, %s; client offset %+.1f ms %s%s",
        comparedWindows, comparedWindows == 1 ? "" : "s", windowSeconds, p50RelativeErrorPercent, p50BiasPercent,
        direction(p50BiasPercent), p95RelativeErrorPercent, p95BiasPercent, direction(p95BiasPercent),
        P50_GOAL_PERCENT, P95_GOAL_PERCENT, meetsGoal() ? "met" : "missed", clientOffsetMillis,
        offsetSteps == 0 ? "(no low-load probe step to measure it on)" : "from " + offsetSteps + " low-load probe step"
            + (offsetSteps == 1 ? "" : "s"),
        clientOffsetMillis < 0 ? "; negative: at low load the calibrated model alone predicts more than the probe measured"
            : "");
  }

  /** Says which way a bias points: the simulation above or below the measurement. */
  private static String direction(double biasPercent) {
    return biasPercent > 0 ? ": simulated above measured" : biasPercent < 0 ? ": simulated below measured" : "";
  }
}
