package org.loadcast.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Random load-test results, and their random split among injectors as their recorders would have
 * kept them: each request's start, completion and latency go to one injector, an injector may stop
 * early, and an injector that starts nothing in a second carries the phase of its last start.
 */
final class RandomSplit {
  private static final List<String> NAMES = List.of("GET /", "GET /images/x.gif", "POST /cart a,b");

  private RandomSplit() {}

  /**
   * Returns random results of 3 to 22 seconds, as one recorder keeps them: warmup, then probe, then
   * replay, a second without starts carrying the phase before it; latencies from 1 µs to an hour,
   * log-uniform, under three request names.
   */
  static List<SecondResult> draw(SplittableRandom random) {
    int length = 3 + random.nextInt(20);
    int probeAt = random.nextInt(length);
    int replayAt = probeAt + random.nextInt(length - probeAt + 1);
    List<SecondResult> seconds = new ArrayList<>();
    Phase carried = Phase.WARMUP;
    for (int s = 0; s < length; s++) {
      long started = random.nextInt(4) == 0 ? 0 : random.nextInt(90);
      carried = started == 0 ? carried : s < probeAt ? Phase.WARMUP : s < replayAt ? Phase.PROBE : Phase.REPLAY;
      long completed = random.nextInt(90);
      TreeMap<String, Histogram> latency = new TreeMap<>();
      for (int r = random.nextInt(60); r > 0; r--) {
        long micros = (long) Math.exp(random.nextDouble() * Math.log(LoadTestRecorder.HIGHEST_LATENCY_MICROS));
        latency.computeIfAbsent(NAMES.get(random.nextInt(NAMES.size())), k -> InjectorResults.histogram())
            .recordValue(micros);
      }
      seconds.add(new SecondResult(s, carried, started, completed, random.nextInt((int) completed + 1) / 3,
          random.nextInt(600_000) / 10_000.0, new TreeMap<>(), latency));
    }
    return seconds;
  }

  /**
   * Splits results among injectors at random: every count, every unit of 0.0001 of the mean
   * concurrency and every recorded latency goes to one of them; each injector but the first stops
   * up to 3 seconds early, the seconds after it going to the others.
   *
   * @param whole the results of one recorder, its phases as {@link #draw} describes
   * @return one list of seconds per injector, whose merge is {@code whole}
   */
  static List<List<SecondResult>> split(List<SecondResult> whole, SplittableRandom random, int injectors) {
    int[] lengths = new int[injectors];
    for (int p = 0; p < injectors; p++) {
      lengths[p] = p == 0 ? whole.size() : Math.max(1, whole.size() - random.nextInt(4));
    }
    List<List<SecondResult>> parts = new ArrayList<>();
    Phase[] carried = new Phase[injectors];
    Arrays.fill(carried, Phase.WARMUP);
    for (int p = 0; p < injectors; p++) {
      parts.add(new ArrayList<>());
    }
    for (SecondResult s : whole) {
      int present = (int) Arrays.stream(lengths).filter(l -> l > s.second()).count();
      long[] started = parts(s.started(), present, random);
      long[] completed = parts(s.completed(), present, random);
      long[] failed = failures(s.failed(), completed, random);
      long[] units = parts(Math.round(s.meanConcurrency() * 10_000), present, random);
      List<TreeMap<String, Histogram>> latency = latencies(s, present, random);
      for (int p = 0; p < present; p++) {
        carried[p] = started[p] > 0 ? s.phase() : carried[p];
        parts.get(p).add(new SecondResult(s.second(), carried[p], started[p], completed[p], failed[p],
            units[p] / 10_000.0, new TreeMap<>(), latency.get(p)));
      }
    }
    return parts;
  }

  /** Splits a count into {@code n} random parts that add up to it. */
  private static long[] parts(long total, int n, SplittableRandom random) {
    long[] cuts = new long[n + 1];
    for (int i = 1; i < n; i++) {
      cuts[i] = random.nextLong(total + 1);
    }
    cuts[n] = total;
    Arrays.sort(cuts);
    long[] parts = new long[n];
    for (int i = 0; i < n; i++) {
      parts[i] = cuts[i + 1] - cuts[i];
    }
    return parts;
  }

  /** Splits the failures so that no part has more failed than completed. */
  private static long[] failures(long failed, long[] completed, SplittableRandom random) {
    long[] parts = new long[completed.length];
    long left = failed;
    for (int p = 0; p < completed.length; p++) {
      long later = Arrays.stream(completed, p + 1, completed.length).sum();
      long lowest = Math.max(0, left - later);
      parts[p] = lowest + random.nextLong(Math.min(completed[p], left) - lowest + 1);
      left -= parts[p];
    }
    return parts;
  }

  /** Splits each histogram's counts, bucket by bucket, among the parts; a part gets a name only when it gets a count. */
  private static List<TreeMap<String, Histogram>> latencies(SecondResult s, int n, SplittableRandom random) {
    List<TreeMap<String, Histogram>> parts = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      parts.add(new TreeMap<>());
    }
    s.latencyMicros().forEach((name, h) -> {
      for (HistogramIterationValue v : h.recordedValues()) {
        long[] counts = parts(v.getCountAtValueIteratedTo(), n, random);
        for (int p = 0; p < n; p++) {
          if (counts[p] > 0) {
            parts.get(p).computeIfAbsent(name, k -> InjectorResults.histogram())
                .recordValueWithCount(v.getValueIteratedTo(), counts[p]);
          }
        }
      }
    });
    return parts;
  }
}
