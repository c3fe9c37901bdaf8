package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The simulator's memory does not grow with the number of requests: it keeps per-minute statistics
 * and a bounded per-window latency buffer ({@link WindowPercentiles}), never per-request records.
 * Steady M/M/40 runs of 2 and 20 million requests each finish in a 32 MB heap, and the larger one's
 * peak heap is within a few megabytes of the smaller one's. Per-request latencies alone would need
 * 160 MB for 20 million: the control keeps them, and the same heap stops it with an
 * OutOfMemoryError. Each run is a child JVM ({@link SimulationInChildJvm}).
 */
@Tag("slow")
class SimulatorMemoryIT {
  private static final String HEAP = "-Xmx32m";
  private static final Pattern LINE = Pattern.compile("arrivals=(\\d+) peakHeapBytes=(\\d+) minutes=(\\d+)");

  private record Run(int code, String output) {
    long arrivals() {
      return Long.parseLong(matcher().group(1));
    }

    long peakHeapBytes() {
      return Long.parseLong(matcher().group(2));
    }

    private Matcher matcher() {
      Matcher m = LINE.matcher(output);
      assertThat(m.find()).as(output).isTrue();
      return m;
    }
  }

  @Test
  void tenTimesTheRequests_fitTheSameTightHeap_andPerRequestRecordsDoNot() throws Exception {
    Run small = run("1000", "2000");
    Run large = run("1000", "20000");
    System.out.printf("simulator memory: %d requests peak heap %.1f MB; %d requests %.1f MB (%s)%n", small.arrivals(),
        small.peakHeapBytes() / 1e6, large.arrivals(), large.peakHeapBytes() / 1e6, HEAP);

    assertThat(small.code()).as(small.output()).isZero();
    assertThat(large.code()).as(large.output()).isZero();
    // Poisson arrivals: 2e6 and 2e7 expected, standard deviations 1,414 and 4,472
    assertThat(small.arrivals()).isBetween(1_990_000L, 2_010_000L);
    assertThat(large.arrivals()).isBetween(19_970_000L, 20_030_000L);
    assertThat(large.peakHeapBytes()).isLessThanOrEqualTo(small.peakHeapBytes() + 4_000_000L);

    Run control = run("1000", "20000", "keep-every-latency");
    assertThat(control.code()).as(control.output()).isNotZero();
    assertThat(control.output()).contains("OutOfMemoryError");
  }

  private static Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        HEAP, "-cp", System.getProperty("java.class.path"), SimulationInChildJvm.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(process.waitFor(), output);
  }
}
