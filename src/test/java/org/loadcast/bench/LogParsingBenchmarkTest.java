package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RequestTally;
import org.loadcast.profile.TrafficFormat;
import org.loadcast.profile.TrafficReadOptions;
import org.loadcast.profile.TrafficSeries;
import org.loadcast.profile.TrafficSources;

/**
 * Common Log Format parsing speed on one thread, against a plain {@code BufferedReader.readLine}
 * loop over the same bytes in the same run. Goal: at least 1 M lines/s.
 *
 * <p>{@code -Dloadcast.bench.parseMegabytes=N} sets the in-memory log's size (default 200 MB).
 */
@Tag("benchmark")
class LogParsingBenchmarkTest {
  private static final int ROUNDS = 5;

  @Test
  void parseCommonLog_linesPerSecond_againstReadLine() throws IOException {
    long megabytes = Long.getLong("loadcast.bench.parseMegabytes", 200);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) (megabytes << 20) + (1 << 20));
    long lines = new ShiftedNasaLog().write(buffer, megabytes << 20, 3_600);
    byte[] log = buffer.toByteArray();
    buffer = null;

    double baseline = 0;
    double counting = 0;
    double withEntries = 0;
    for (int round = 0; round < ROUNDS; round++) {
      baseline = Math.max(baseline, lines / seconds(() -> assertThat(readLines(log)).isEqualTo(lines)));
      counting = Math.max(counting, lines / seconds(() -> assertThat(parse(log, null).quality().totalRequests()).isEqualTo(lines)));
      RequestTally tally = new RequestTally();
      withEntries = Math.max(withEntries, lines / seconds(() -> parse(log, tally)));
    }
    System.out.printf(Locale.ROOT, "benchmark clf-parse: %d lines, %.1f MB in memory, best of %d rounds on one thread%n",
        lines, log.length / 1e6, ROUNDS);
    System.out.printf(Locale.ROOT, "  baseline readLine loop : %,12.0f lines/s%n", baseline);
    System.out.printf(Locale.ROOT, "  parse to per-second counts : %,12.0f lines/s (%.2f of baseline)%n", counting, counting / baseline);
    System.out.printf(Locale.ROOT, "  parse + entries to a tally : %,12.0f lines/s (%.2f of baseline)%n", withEntries, withEntries / baseline);
    assertThat(counting).as("CLF lines per second").isGreaterThan(1_000_000);
  }

  private static long readLines(byte[] log) throws IOException {
    long n = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(log), StandardCharsets.UTF_8), 1 << 16)) {
      while (reader.readLine() != null) {
        n++;
      }
    }
    return n;
  }

  private static TrafficSeries parse(byte[] log, RequestTally tally) {
    return TrafficSources.readSeries(new ByteArrayInputStream(log), "bench.log", Optional.of(TrafficFormat.parse("common")),
        TrafficReadOptions.defaults(), tally).series();
  }

  private interface Work {
    void run() throws IOException;
  }

  private static double seconds(Work work) throws IOException {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1e9;
  }
}
