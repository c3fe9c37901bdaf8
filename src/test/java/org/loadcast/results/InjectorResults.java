package org.loadcast.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Hand-built results directories of injectors, as ProfileSimulation writes them: {@code
 * per-second.csv} and {@code latency.hlog} through {@link ResultFiles#write}, and {@code
 * injector.json} through {@link InjectorInfo#write}.
 */
public final class InjectorResults {
  /** The agreed start of the test load: 2026-11-29T12:00:00Z. */
  public static final long START_EPOCH_MILLIS = 1_795_953_600_000L;
  /** A schedule digest, 64 hex digits. */
  public static final String SCHEDULE_SHA256 = "ab".repeat(32);

  private InjectorResults() {}

  /** Returns the identity of injector {@code index} of {@code count}, started {@code offsetMillis} late. */
  public static InjectorInfo info(int index, int count, long offsetMillis) {
    return new InjectorInfo(InjectorInfo.FORMAT_VERSION, index, count, SCHEDULE_SHA256, START_EPOCH_MILLIS, offsetMillis,
        "simulations/smoke.yaml", 1);
  }

  /**
   * Returns one second's results.
   *
   * @param latencies request name to the latencies in microseconds recorded under it; empty names none
   */
  public static SecondResult second(int second, Phase phase, long started, long completed, long failed,
      double meanConcurrency, Map<String, long[]> latencies) {
    SortedMap<String, Histogram> histograms = new TreeMap<>();
    latencies.forEach((name, values) -> {
      Histogram h = histogram();
      for (long v : values) {
        h.recordValue(v);
      }
      histograms.put(name, h);
    });
    return new SecondResult(second, phase, started, completed, failed, meanConcurrency, new TreeMap<>(), histograms);
  }

  /** Returns an empty histogram as the recorder keeps them. */
  public static Histogram histogram() {
    return new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
  }

  /**
   * Writes an injector's results directory; the log's start time is the injector's own start, the
   * agreed start plus its offset.
   *
   * @return the directory
   */
  public static Path write(Path directory, InjectorInfo info, List<SecondResult> seconds) throws IOException {
    ResultFiles.write(directory, seconds, info.startEpochMillis() + info.startOffsetMillis());
    info.write(directory);
    return directory;
  }
}
