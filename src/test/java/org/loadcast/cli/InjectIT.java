package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.results.InjectorInfo;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.SecondResult;

/**
 * {@code loadcast inject} end to end: smoke.yaml sent by three local injector processes against one
 * embedded system under test in a process of its own, and by one injector on the same schedule (the
 * replay at half its upper bound in both), each merged and reported. Slow: about two minutes.
 */
@Tag("slow")
class InjectIT {
  private static final Path EXPERIMENT = Path.of("simulations/smoke.yaml");
  private static final Path RUNS = Path.of("target/it-inject");
  private static final double FRACTION = 0.5;
  private static Path three;
  private static Path one;

  @BeforeAll
  static void inject() throws IOException {
    if (Files.exists(RUNS)) {
      try (Stream<Path> old = Files.walk(RUNS)) {
        old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    three = run(3);
    one = run(1);
  }

  private static Path run(int injectors) {
    Path out = RUNS.resolve(injectors + "-injectors");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int code = Main.run(new String[] {"inject", EXPERIMENT.toString(), "--injectors", Integer.toString(injectors),
        "--replay-fraction", Double.toString(FRACTION), "--start-lead-seconds", "10", "--out", out.toString()},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertThat(code).as("%s%n%s", stdout, stderr).isZero();
    assertThat(stdout.toString()).contains("merged " + injectors + " injector(s)", "report: ");
    return out;
  }

  @Test
  void mergedArrivals_equalTheScheduleExactly() {
    LoadTestPlan plan = LoadTestPlan.of(Experiments.read(EXPERIMENT));
    long replay = Arrays.stream(new ReplayGate(plan, InjectorShard.SINGLE, FRACTION).targetPerSecond()).sum();
    long scheduled = Arrays.stream(plan.warmupCounts()).sum() + Arrays.stream(plan.probeCounts()).sum() + replay;

    assertThat(started(ResultFiles.read(three.resolve("merged")))).isEqualTo(scheduled);
    assertThat(started(ResultFiles.read(one.resolve("merged")))).isEqualTo(scheduled);
    long shards = 0;
    for (int i = 0; i < 3; i++) {
      shards += started(ResultFiles.read(three.resolve("injector-" + i)));
    }
    assertThat(shards).isEqualTo(scheduled);
  }

  @Test
  void perSecondArrivals_matchTheSingleInjectorsWithinOnePerInjector() {
    List<SecondResult> merged = ResultFiles.read(three.resolve("merged"));
    List<SecondResult> single = ResultFiles.read(one.resolve("merged"));
    // each side may send its last arrival of a second a moment late, into the next: 1 per injector, 3 + 1
    for (int s = 0; s < Math.max(merged.size(), single.size()); s++) {
      long a = s < merged.size() ? merged.get(s).started() : 0;
      long b = s < single.size() ? single.get(s).started() : 0;
      assertThat(Math.abs(a - b)).as("second %d: three injectors sent %d, one sent %d", s, a, b).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void mergedHistograms_areTheSumOfTheInjectors() {
    List<SecondResult> merged = ResultFiles.read(three.resolve("merged"));
    List<List<SecondResult>> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      parts.add(ResultFiles.read(three.resolve("injector-" + i)));
    }
    long latencies = 0;
    for (SecondResult second : merged) {
      for (var entry : second.latencyMicros().entrySet()) {
        Histogram sum = new Histogram(entry.getValue().getHighestTrackableValue(), 3);
        for (List<SecondResult> part : parts) {
          if (second.second() < part.size() && part.get(second.second()).latencyMicros().containsKey(entry.getKey())) {
            sum.add(part.get(second.second()).latencyMicros().get(entry.getKey()));
          }
        }
        assertThat(entry.getValue()).as("second %d, %s", second.second(), entry.getKey()).isEqualTo(sum);
        latencies += entry.getValue().getTotalCount();
      }
    }
    assertThat(latencies).isPositive();
  }

  @Test
  void injectors_shareOneScheduleAndStart_eachShardOnce() {
    Set<Integer> indexes = new TreeSet<>();
    List<Long> offsets = new ArrayList<>();
    InjectorInfo first = InjectorInfo.read(three.resolve("injector-0"));
    for (int i = 0; i < 3; i++) {
      InjectorInfo info = InjectorInfo.read(three.resolve("injector-" + i));
      indexes.add(info.injectorIndex());
      offsets.add(info.startOffsetMillis());
      assertThat(info.scheduleSha256()).isEqualTo(first.scheduleSha256());
      assertThat(info.startEpochMillis()).isEqualTo(first.startEpochMillis());
      assertThat(info.replayFraction()).isEqualTo(FRACTION);
    }
    assertThat(indexes).containsExactly(0, 1, 2);
    // second 0 of each is its first arrival's due time, by its own clock: within a few hundred ms of the others'
    assertThat(offsets.stream().mapToLong(Long::longValue).max().orElseThrow()
        - offsets.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(1000);
  }

  @Test
  void mergedReport_hasTheStructureOfASingleRuns() throws IOException {
    Path a = onlyRun(three.resolve("report"));
    Path b = onlyRun(one.resolve("report"));

    assertThat(files(a)).isEqualTo(files(b)).contains("index.html", "summary.json", "results/per-second.csv");
    ObjectMapper json = new ObjectMapper();
    assertThat(fieldPaths(json.readTree(a.resolve("summary.json").toFile()), ""))
        .isEqualTo(fieldPaths(json.readTree(b.resolve("summary.json").toFile()), ""));
    assertThat(a.resolve("index.html")).content().contains("3 injectors", "<h2>Live dashboard, as it ended</h2>");
  }

  @Test
  void injectors_againstATargetThatIsDown_fail_andTheCommandSaysWhichWithoutMerging() throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path out = RUNS.resolve("down");
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();

    int code = Main.run(new String[] {"inject", EXPERIMENT.toString(), "--injectors", "2", "--target",
        "http://127.0.0.1:" + port, "--start-lead-seconds", "5", "--out", out.toString()},
        new PrintWriter(stdout, true), new PrintWriter(stderr, true));

    assertThat(code).as(stdout.toString()).isEqualTo(1);
    assertThat(stderr.toString()).contains("loadcast inject: injector 0 ended with code", "loadcast inject: injector 1 ended "
        + "with code", "the load test failed, so its results are not merged").doesNotContain("internal error");
    assertThat(out.resolve("merged")).doesNotExist();
    assertThat(out.resolve("injector-0").resolve("per-second.csv")).exists();
  }

  private static long started(List<SecondResult> seconds) {
    return seconds.stream().mapToLong(SecondResult::started).sum();
  }

  private static Path onlyRun(Path reports) throws IOException {
    try (Stream<Path> runs = Files.list(reports)) {
      List<Path> all = runs.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static Set<String> files(Path directory) throws IOException {
    try (Stream<Path> all = Files.walk(directory)) {
      return all.filter(Files::isRegularFile).map(p -> directory.relativize(p).toString())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  /** Returns the object fields of a JSON tree as paths, arrays by their first element. */
  private static Set<String> fieldPaths(JsonNode node, String prefix) {
    Set<String> paths = new TreeSet<>();
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        paths.add(prefix + name);
        paths.addAll(fieldPaths(node.get(name), prefix + name + "."));
      }
    } else if (node.isArray() && !node.isEmpty()) {
      paths.addAll(fieldPaths(node.get(0), prefix + "[]."));
    }
    return paths;
  }
}
