package org.loadcast.hotspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.ProbeStepMeasurement;
import org.loadcast.results.SecondResult;

/**
 * Ranks a load test's request names by their share of the total time, and flags p95 regressions
 * against the probe baseline.
 *
 * <p>The time of a name is the sum of its latencies, count × mean, from the per-second HdrHistograms
 * the recorder keeps ({@link SecondResult#latencyMicros}, successful requests only). Means and
 * percentiles are HdrHistogram's own, so they carry its precision: 3 significant digits, a relative
 * error of at most 0.1 %.
 */
public final class EndpointHotspots {

  private EndpointHotspots() {}

  /**
   * Ranks the request names over the replay, with the 90 % Pareto line.
   *
   * @param seconds the load test's seconds
   * @return the ranking of the {@link Phase#REPLAY} seconds; empty when there are none
   */
  public static EndpointRanking rankReplay(List<SecondResult> seconds) {
    return rank(seconds, s -> s.phase() == Phase.REPLAY, ParetoLine.DEFAULT_THRESHOLD_PERCENT);
  }

  /**
   * Ranks the request names over the chosen seconds by their total time, count × mean latency.
   *
   * @param seconds the load test's seconds
   * @param which the seconds to include, e.g. a phase or a span
   * @param paretoThresholdPercent the share the Pareto line must reach, in (0, 100]
   * @return one row per name measured, by total time descending, ties by name; an empty ranking
   *     ({@code 0 of 0}, total 0) when no chosen second measured a request
   * @throws IllegalArgumentException if the threshold is outside (0, 100]
   */
  public static EndpointRanking rank(List<SecondResult> seconds, Predicate<SecondResult> which, double paretoThresholdPercent) {
    SortedMap<String, Histogram> byName = mergeByName(seconds.stream().filter(which).toList());
    List<Map.Entry<String, Histogram>> measured = new ArrayList<>();
    double totalMicros = 0;
    for (Map.Entry<String, Histogram> e : byName.entrySet()) {
      if (e.getValue().getTotalCount() > 0) {
        measured.add(e);
        totalMicros += sumMicros(e.getValue());
      }
    }
    measured.sort(Comparator.comparingDouble((Map.Entry<String, Histogram> e) -> -sumMicros(e.getValue()))
        .thenComparing(Map.Entry::getKey));
    List<EndpointHotspot> rows = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double cumulativeMicros = 0;
    for (Map.Entry<String, Histogram> e : measured) {
      Histogram h = e.getValue();
      double sum = sumMicros(h);
      cumulativeMicros += sum;
      weights.add(sum);
      rows.add(new EndpointHotspot(e.getKey(), h.getTotalCount(), h.getMean() / 1000, millisAt(h, 50), millisAt(h, 95),
          millisAt(h, 99), sum / 1e6, percentOf(sum, totalMicros), percentOf(cumulativeMicros, totalMicros)));
    }
    return new EndpointRanking(rows, totalMicros / 1e6, ParetoLine.of(weights, paretoThresholdPercent));
  }

  /**
   * Compares each replay window's per-name p95 with the name's p95 in the probe step at the same
   * load, as {@link RegressionRule} defines it. The probe steps are laid out as {@link
   * ProbeStepMeasurement#measure} lays them out, and measured over the same steady seconds.
   *
   * @param seconds the load test's seconds, indexed from 0
   * @param probeStartSecond the second the probe began
   * @param probeRatesPerSecond the offered rate of each probe step
   * @param probeStepSeconds the length of each probe step, {@code >= 1}
   * @param rule when a rise is a regression
   * @return the regressions and the windows without a baseline; all empty when there is no replay
   * @throws IllegalArgumentException if {@code probeStepSeconds < 1}
   */
  public static RegressionCheck regressions(
      List<SecondResult> seconds, int probeStartSecond, List<Double> probeRatesPerSecond, int probeStepSeconds,
      RegressionRule rule) {
    List<List<SecondResult>> steps = new ArrayList<>();
    for (int i = 0; i < probeRatesPerSecond.size(); i++) {
      List<SecondResult> steady = ProbeStepMeasurement.steadySeconds(seconds, probeStartSecond, i, probeStepSeconds);
      if (steady.isEmpty()) {
        break;
      }
      steps.add(steady);
    }
    List<EndpointRegression> regressions = new ArrayList<>();
    List<LoadWindow> unmatched = new ArrayList<>();
    int compared = 0;
    for (List<SecondResult> window : replayWindows(seconds, rule.windowSeconds())) {
      LoadWindow load = loadOf(window);
      int step = nearestStep(steps, load.throughputPerSecond(), rule.loadTolerancePercent());
      if (step < 0) {
        unmatched.add(load);
        continue;
      }
      compared++;
      regressions.addAll(compare(window, load, step, steps.get(step), probeRatesPerSecond.get(step), rule));
    }
    return new RegressionCheck(rule, regressions, unmatched, compared);
  }

  private static List<EndpointRegression> compare(
      List<SecondResult> window, LoadWindow load, int step, List<SecondResult> stepSeconds, double offered,
      RegressionRule rule) {
    SortedMap<String, Histogram> baseline = mergeByName(stepSeconds);
    List<EndpointRegression> found = new ArrayList<>();
    for (Map.Entry<String, Histogram> e : mergeByName(window).entrySet()) {
      Histogram now = e.getValue();
      Histogram before = baseline.get(e.getKey());
      if (before == null || before.getTotalCount() < rule.minSamples() || now.getTotalCount() < rule.minSamples()) {
        continue;
      }
      double rise = (millisAt(now, 95) / millisAt(before, 95) - 1) * 100;
      if (rise > rule.riseThresholdPercent()) {
        found.add(new EndpointRegression(e.getKey(), load, step, offered, loadOf(stepSeconds).throughputPerSecond(),
            millisAt(before, 95), before.getTotalCount(), millisAt(now, 95), now.getTotalCount(), rise));
      }
    }
    return found;
  }

  /** Returns the index of the step nearest in throughput within the tolerance; -1 if none; ties to the lower step. */
  private static int nearestStep(List<List<SecondResult>> steps, double throughput, double tolerancePercent) {
    int best = -1;
    double bestGap = Double.POSITIVE_INFINITY;
    for (int i = 0; i < steps.size(); i++) {
      double gap = Math.abs(loadOf(steps.get(i)).throughputPerSecond() - throughput);
      if (throughput > 0 && gap * 100 <= tolerancePercent * throughput && gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }

  /** Cuts the replay seconds, in order, into runs of {@code windowSeconds}; the last may be shorter. */
  private static List<List<SecondResult>> replayWindows(List<SecondResult> seconds, int windowSeconds) {
    List<List<SecondResult>> windows = new ArrayList<>();
    List<SecondResult> current = new ArrayList<>();
    for (SecondResult s : seconds) {
      if (s.phase() != Phase.REPLAY) {
        continue;
      }
      current.add(s);
      if (current.size() == windowSeconds) {
        windows.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      windows.add(current);
    }
    return windows;
  }

  private static LoadWindow loadOf(List<SecondResult> span) {
    long successes = 0;
    for (SecondResult s : span) {
      successes += s.completed() - s.failed();
    }
    SecondResult first = span.get(0);
    SecondResult last = span.get(span.size() - 1);
    return new LoadWindow(first.second(), last.second() + 1, (double) successes / span.size());
  }

  private static SortedMap<String, Histogram> mergeByName(List<SecondResult> seconds) {
    SortedMap<String, Histogram> merged = new TreeMap<>();
    for (SecondResult s : seconds) {
      for (Map.Entry<String, Histogram> e : s.latencyMicros().entrySet()) {
        merged.computeIfAbsent(e.getKey(),
            k -> new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS)).add(e.getValue());
      }
    }
    return merged;
  }

  private static double sumMicros(Histogram h) {
    return h.getMean() * h.getTotalCount();
  }

  private static double millisAt(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double percentOf(double part, double whole) {
    return whole > 0 ? part / whole * 100 : 0;
  }
}
