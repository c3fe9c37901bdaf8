package org.loadcast.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.SecondResult;
import org.loadcast.sim.ServiceTime;

class FidelityTest {

  /**
   * A "measured" replay made without the simulator: requests sent evenly within each second, served
   * first come first served by {@code workers} servers with log-normal times, each latency from the
   * multi-server FCFS recursion (a request starts when it arrives or when the earliest server frees,
   * whichever is later; Kiefer and Wolfowitz 1955), recorded under its start second.
   */
  private static List<SecondResult> measured(int[] perSecond, int workers, double medianSeconds, double sigma,
      double overheadSeconds, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PriorityQueue<Double> free = new PriorityQueue<>();
    for (int i = 0; i < workers; i++) {
      free.add(0.0);
    }
    List<SecondResult> seconds = new ArrayList<>();
    for (int s = 0; s < perSecond.length; s++) {
      Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      for (int j = 0; j < perSecond[s]; j++) {
        double arrival = s + (j + 0.5) / perSecond[s];
        double service = medianSeconds * Math.exp(sigma * gaussian(random));
        double start = Math.max(arrival, free.poll());
        free.add(start + service);
        h.recordValue(Math.round((start + service - arrival + overheadSeconds) * 1e6));
      }
      TreeMap<String, Histogram> byName = new TreeMap<>();
      byName.put("GET /", h);
      seconds.add(new SecondResult(s, Phase.REPLAY, perSecond[s], perSecond[s], 0, 0, new TreeMap<>(), byName));
    }
    return seconds;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller, so the test's draws do not share code with the simulator's
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** 120 s rising from 20 to 70 requests per second and back: up to 77 % of 4 workers at 45 ms mean. */
  private static int[] wave() {
    int[] perSecond = new int[120];
    for (int s = 0; s < perSecond.length; s++) {
      perSecond[s] = (int) Math.round(45 - 25 * Math.cos(2 * Math.PI * s / 120.0));
    }
    return perSecond;
  }

  @Test
  void theRightModelPredictsTheMeasuredPercentilesWithinTheGoal() {
    ServiceTime model = new ServiceTime.LogNormal(0.040, 0.5);
    Fidelity f = Fidelity.evaluate(List.of(), measured(wave(), 4, 0.040, 0.5, 0, 1), 4, model, 19950721);
    assertEquals(12, f.windows().size());
    assertEquals(12, f.comparedWindows());
    assertTrue(f.p50RelativeErrorPercent() < 5, f.headline());
    assertTrue(f.p95RelativeErrorPercent() < 8, f.headline());
    assertTrue(f.meetsGoal());
    // the window figures: 10 s each, utilization = requests × mean service / (4 × 10)
    Fidelity.Window first = f.windows().get(0);
    long requests = 0;
    for (int s = 0; s < 10; s++) {
      requests += wave()[s];
    }
    assertEquals(requests, first.requests());
    assertEquals(requests * model.meanSeconds() / 40, first.utilizationFraction(), 1e-12);
  }

  @Test
  void aModelWithHalfTheServiceTimeMissesAndSaysItIsOptimistic() {
    Fidelity f = Fidelity.evaluate(List.of(), measured(wave(), 4, 0.040, 0.5, 0, 1), 4, new ServiceTime.LogNormal(0.020, 0.5), 3);
    // the median halves, and the waiting shrinks too
    assertEquals(-50, f.p50BiasPercent(), 6, f.headline());
    assertEquals(f.p50RelativeErrorPercent(), -f.p50BiasPercent(), 1e-9);
    assertFalse(f.meetsGoal());
    assertTrue(f.headline().contains("missed; client offset +0.0 ms (no low-load probe step"), f.headline());
    // the bias says which way it points
    assertTrue(f.headline().contains(String.format(java.util.Locale.ROOT, "(bias %+.1f %%: simulated below measured)",
        f.p50BiasPercent())), f.headline());
    assertFalse(f.headline().contains("negative"), f.headline());
  }

  @Test
  void aModelSlowerThanTheProbeAtLowLoadHasANegativeOffsetAndSaysSo() {
    // the probe and the replay ran a 40 ms median; the model holds 50 ms: at low load it alone predicts too much
    List<ProbeStepCheck> probe = List.of(step(10, false, 0), step(30, false, 0));
    Fidelity f = Fidelity.evaluate(probe, measured(wave(), 4, 0.040, 0.5, 0, 1), 4, new ServiceTime.LogNormal(0.050, 0.5), 5);
    assertTrue(f.clientOffsetMillis() < -5, f.headline());
    assertTrue(f.headline().endsWith("from 2 low-load probe steps; negative: at low load the calibrated model alone "
        + "predicts more than the probe measured"), f.headline());
  }

  @Test
  void aConstantClientOverheadShowsAsAPessimisticMeasurement() {
    // 4 ms of client time on every request, which the model does not hold: the model is optimistic by about 4 ms
    Fidelity f = Fidelity.evaluate(List.of(), measured(wave(), 4, 0.040, 0.5, 0.004, 1), 4, new ServiceTime.LogNormal(0.040, 0.5), 5);
    assertEquals(-100 * 4.0 / 44, f.p50BiasPercent(), 3, f.headline());
  }

  /** A probe step at a constant rate, "measured" like the replay, as calibration would check it. */
  private static ProbeStepCheck step(int ratePerSecond, boolean saturated, double overheadSeconds) {
    int[] perSecond = new int[30];
    java.util.Arrays.fill(perSecond, ratePerSecond);
    Histogram all = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
    measured(perSecond, 4, 0.040, 0.5, overheadSeconds, ratePerSecond).forEach(s -> all.add(s.allLatencyMicros()));
    return new ProbeStepCheck(ratePerSecond, ratePerSecond, 0, 0, all.getMean() / 1000, all.getValueAtPercentile(50) / 1000.0,
        all.getValueAtPercentile(95) / 1000.0, all.getValueAtPercentile(99) / 1000.0, 0, saturated, false, false);
  }

  @Test
  void theClientOffsetMeasuredOnTheProbeRemovesAConstantOverhead() {
    ServiceTime model = new ServiceTime.LogNormal(0.040, 0.5);
    // two low-load steps count; 60/s (68 % utilization) and a saturated one do not
    List<ProbeStepCheck> probe = List.of(step(10, false, 0.004), step(30, false, 0.004), step(60, false, 0.004),
        step(120, true, 0.004));
    Fidelity f = Fidelity.evaluate(probe, measured(wave(), 4, 0.040, 0.5, 0.004, 1), 4, model, 5);
    assertEquals(2, f.offsetSteps());
    assertEquals(4.0, f.clientOffsetMillis(), 1.0, f.headline());
    assertEquals(0, f.p50BiasPercent(), 3, f.headline());
    assertTrue(f.meetsGoal(), f.headline());
    assertTrue(f.headline().endsWith("from 2 low-load probe steps"), f.headline());
  }

  @Test
  void windowsNearSaturationAreShownButNotCompared() {
    int[] perSecond = new int[60];
    for (int s = 0; s < 60; s++) {
      perSecond[s] = s < 30 ? 30 : 84; // 84 × 45.3 ms / 4 = 95 % utilization
    }
    Fidelity f = Fidelity.evaluate(List.of(), measured(perSecond, 4, 0.040, 0.5, 0, 2), 4, new ServiceTime.LogNormal(0.040, 0.5), 1);
    assertEquals(6, f.windows().size());
    assertEquals(3, f.comparedWindows());
    for (int w = 0; w < 6; w++) {
      assertEquals(w < 3, f.windows().get(w).compared());
      assertEquals(w < 3 ? 300 : 840, f.windows().get(w).requests());
    }
  }

  @Test
  void aReplayShorterThanOneWindowComparesNothing() {
    Fidelity f = Fidelity.evaluate(List.of(), measured(new int[] {10, 10, 10}, 1, 0.01, 0.1, 0, 1), 1, new ServiceTime.Deterministic(0.01), 1);
    assertEquals(0, f.windows().size());
    assertEquals(0, f.comparedWindows());
    assertTrue(Double.isNaN(f.p50RelativeErrorPercent()));
    assertFalse(f.meetsGoal());
    assertTrue(f.headline().startsWith("no 10-s window"), f.headline());
  }

  @Test
  void theSameInputsAndSeedGiveTheSameFigures() {
    List<SecondResult> replay = measured(wave(), 4, 0.040, 0.5, 0, 9);
    assertEquals(Fidelity.evaluate(List.of(), replay, 4, new ServiceTime.LogNormal(0.040, 0.5), 42),
        Fidelity.evaluate(List.of(), replay, 4, new ServiceTime.LogNormal(0.040, 0.5), 42));
  }
}
