package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loadcast.results.InjectorResults.info;
import static org.loadcast.results.InjectorResults.second;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.InputException;

class ResultsMergeTest {
  /** The start time in the NASA load test's log: {@code #[StartTime: 1795964920.396 ...]}. */
  private static final long NASA_START_EPOCH_MILLIS = 1_795_964_920_396L;

  @TempDir
  Path dir;

  /**
   * Three injectors: a has seconds 0 to 2, b 0 to 1, c 0 to 3 (it ran longer). In second 2, c
   * started nothing and still carries warmup, while a started probe requests.
   */
  private List<Path> threeInjectors() throws IOException {
    Path a = InjectorResults.write(dir.resolve("a"), info(0, 3, 5), List.of(
        second(0, Phase.WARMUP, 4, 3, 1, 1.25, Map.of("GET /a", new long[] {1_000, 2_000})),
        second(1, Phase.WARMUP, 2, 3, 0, 0.5, Map.of("GET /a", new long[] {3_000}, "GET /b", new long[] {40_000})),
        second(2, Phase.PROBE, 3, 2, 0, 0.75, Map.of("GET /a", new long[] {500}))));
    Path b = InjectorResults.write(dir.resolve("b"), info(1, 3, -12), List.of(
        second(0, Phase.WARMUP, 3, 2, 0, 0.5, Map.of("GET /a", new long[] {1_500, 2_000})),
        second(1, Phase.WARMUP, 1, 2, 2, 0.0001, Map.of())));
    Path c = InjectorResults.write(dir.resolve("c"), info(2, 3, 7), List.of(
        second(0, Phase.WARMUP, 5, 4, 0, 2.0001, Map.of("GET /a", new long[] {100_000, 7, 2_000, 2_000})),
        second(1, Phase.WARMUP, 2, 2, 0, 1.0, Map.of("GET /b", new long[] {41_000})),
        second(2, Phase.WARMUP, 0, 1, 0, 0.1, Map.of()),
        second(3, Phase.PROBE, 6, 6, 1, 3.3333, Map.of("POST /c d", new long[] {9_999, 10_000}))));
    return List.of(a, b, c);
  }

  @Test
  void of_threeInjectors_addsCountsAndHistogramsAndKeepsTheLongerSeconds() throws IOException {
    List<Path> inputs = threeInjectors();
    ResultsMerge merge = ResultsMerge.of(inputs);
    merge.write(dir.resolve("out"));
    List<SecondResult> read = ResultFiles.read(dir.resolve("out"));

    assertThat(read).hasSize(4);
    assertThat(read).extracting(SecondResult::phase).containsExactly(Phase.WARMUP, Phase.WARMUP, Phase.PROBE, Phase.PROBE);
    assertThat(read).extracting(SecondResult::started).containsExactly(12L, 5L, 3L, 6L);
    assertThat(read).extracting(SecondResult::completed).containsExactly(9L, 7L, 3L, 6L);
    assertThat(read).extracting(SecondResult::failed).containsExactly(1L, 2L, 0L, 1L);
    assertThat(read).extracting(SecondResult::meanConcurrency).containsExactly(3.7501, 1.5001, 0.85, 3.3333);

    Histogram getA = read.get(0).latencyMicros().get("GET /a");
    assertThat(getA.getTotalCount()).isEqualTo(8);
    assertThat(getA.getMinValue()).isEqualTo(7);
    assertThat(getA.getMaxValue()).isEqualTo(getA.highestEquivalentValue(100_000));
    assertThat(getA.getCountAtValue(2_000)).isEqualTo(4);
    assertThat(getA.getCountAtValue(1_000)).isEqualTo(1);
    assertThat(getA.getCountAtValue(1_500)).isEqualTo(1);
    assertThat(getA.getCountAtValue(3_000)).isZero();
    Histogram getB = read.get(1).latencyMicros().get("GET /b");
    assertThat(getB.getTotalCount()).isEqualTo(2);
    assertThat(getB.getMinValue()).isEqualTo(getB.lowestEquivalentValue(40_000));
    assertThat(getB.getMaxValue()).isEqualTo(getB.highestEquivalentValue(41_000));
    assertThat(read.get(1).latencyMicros().keySet()).containsExactly("GET /a", "GET /b");
    assertThat(read.get(3).latencyMicros().keySet()).containsExactly("POST /c d");
    assertThat(read.get(3).latencyMicros().get("POST /c d").getCountAtValue(10_000)).isEqualTo(1);
  }

  @Test
  void of_everySecondAndName_isTheSumOfTheParts() throws IOException {
    List<Path> inputs = threeInjectors();
    ResultsMerge.of(inputs).write(dir.resolve("out"));
    List<SecondResult> merged = ResultFiles.read(dir.resolve("out"));
    List<List<SecondResult>> parts = inputs.stream().map(ResultFiles::read).toList();
    for (SecondResult m : merged) {
      for (Map.Entry<String, Histogram> e : m.latencyMicros().entrySet()) {
        Histogram sum = InjectorResults.histogram();
        parts.stream().filter(p -> p.size() > m.second()).map(p -> p.get(m.second()).latencyMicros().get(e.getKey()))
            .filter(h -> h != null).forEach(sum::add);
        assertThat(e.getValue()).as("second %d, %s", m.second(), e.getKey()).isEqualTo(sum);
        for (long v : new long[] {7, 500, 1_000, 2_000, 9_999, 40_000, 100_000}) {
          assertThat(e.getValue().getCountAtValue(v)).isEqualTo(sum.getCountAtValue(v));
        }
      }
    }
  }

  @Test
  void write_logStartsAtTheAgreedStart_andMergeJsonRecordsTheInputs() throws IOException {
    List<Path> inputs = threeInjectors();
    ResultsMerge merge = ResultsMerge.of(inputs);
    merge.write(dir.resolve("out"));
    assertThat(Files.readString(dir.resolve("out/latency.hlog")))
        .contains(String.format(java.util.Locale.ROOT, "#[StartTime: %.3f ", InjectorResults.START_EPOCH_MILLIS / 1000.0));
    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("out/merge.json").toFile());
    assertThat(json.get("injectorCount").asInt()).isEqualTo(3);
    assertThat(json.get("startEpochMillis").asLong()).isEqualTo(InjectorResults.START_EPOCH_MILLIS);
    assertThat(json.get("inputs")).hasSize(3);
    JsonNode b = json.get("inputs").get(1);
    assertThat(b.get("directory").asText()).isEqualTo(inputs.get(1).toString());
    assertThat(b.get("startOffsetMillis").asLong()).isEqualTo(-12);
    assertThat(b.get("sha256").get("latency.hlog").asText())
        .isEqualTo(sha256(Files.readAllBytes(inputs.get(1).resolve("latency.hlog"))));
    assertThat(b.get("sha256").fieldNames()).toIterable().containsExactly("injector.json", "latency.hlog", "per-second.csv");
    JsonNode totals = json.get("totals");
    assertThat(totals.get("started").asLong()).isEqualTo(26);
    assertThat(totals.get("completed").asLong()).isEqualTo(25);
    assertThat(totals.get("failed").asLong()).isEqualTo(4);
    assertThat(totals.get("latencyCount").asLong()).isEqualTo(14);
    assertThat(totals.get("largestStartOffsetMillis").asLong()).isEqualTo(-12);
    assertThat(totals.get("largestStartOffsetInjector").asInt()).isEqualTo(1);
    assertThat(merge.totals()).isEqualTo(new ResultsMerge.Totals(4, 26, 25, 4, 14, -12, 1));
  }

  @Test
  void of_anyOrderAndTwice_writesTheSameBytes() throws IOException {
    List<Path> inputs = threeInjectors();
    ResultsMerge.of(inputs).write(dir.resolve("abc"));
    ResultsMerge.of(List.of(inputs.get(2), inputs.get(0), inputs.get(1))).write(dir.resolve("cab"));
    ResultsMerge.of(inputs).write(dir.resolve("again"));
    for (String file : List.of("per-second.csv", "latency.hlog", "merge.json")) {
      byte[] first = Files.readAllBytes(dir.resolve("abc").resolve(file));
      assertThat(Files.readAllBytes(dir.resolve("cab").resolve(file))).as(file).isEqualTo(first);
      assertThat(Files.readAllBytes(dir.resolve("again").resolve(file))).as(file).isEqualTo(first);
    }
  }

  @Test
  void write_intoAnInput_isRefusedAndWritesNothing() throws IOException {
    List<Path> inputs = threeInjectors();
    byte[] before = Files.readAllBytes(inputs.get(1).resolve("per-second.csv"));
    ResultsMerge merge = ResultsMerge.of(inputs);
    assertThatThrownBy(() -> merge.write(inputs.get(1))).isInstanceOf(InputException.class)
        .hasMessage(inputs.get(1) + ": the output directory must not be one of the inputs, but is the results of injector 1");
    assertThat(Files.readAllBytes(inputs.get(1).resolve("per-second.csv"))).isEqualTo(before);
    assertThat(inputs.get(1).resolve("merge.json")).doesNotExist();
  }

  @Test
  void of_differingPhaseInASecondBothStarted_takesTheLatest() throws IOException {
    // one injector sent its first replay request of second 2 a moment early: the merged second is the replay's,
    // as one recorder would have it after that request
    List<Path> inputs = threeInjectors();
    InjectorResults.write(inputs.get(2), info(2, 3, 7), List.of(
        second(0, Phase.WARMUP, 5, 4, 0, 2.0, Map.of()),
        second(1, Phase.WARMUP, 2, 2, 0, 1.0, Map.of()),
        second(2, Phase.REPLAY, 1, 1, 0, 0.1, Map.of())));

    assertThat(ResultsMerge.of(inputs).seconds().get(2).phase()).isEqualTo(Phase.REPLAY);
    assertThat(ResultsMerge.of(List.of(inputs.get(2), inputs.get(0), inputs.get(1))).seconds().get(2).phase())
        .isEqualTo(Phase.REPLAY);
  }

  /** Merging one injector gives back its results byte for byte: a real load test (NASA, 196 seconds). */
  @Test
  void of_oneInjectorOfARealLoadTest_givesBackItsFiles() throws IOException {
    Path one = copyOfNasa("one", info(0, 1, 0));
    ResultsMerge.of(List.of(one)).write(dir.resolve("out"));
    for (String file : List.of("per-second.csv", "latency.hlog")) {
      assertThat(Files.readString(dir.resolve("out").resolve(file))).as(file)
          .isEqualTo(Files.readString(ResultFilesTest.NASA_RESULTS.resolve(file)));
    }
  }

  /**
   * The property on a real load test (NASA, 196 seconds, 1670 histograms): split at random among
   * three injectors, every count and every histogram bucket's count to one of them, the merge gives
   * back its files byte for byte.
   */
  @Test
  void of_realLoadTestSplitIntoThree_givesBackItsFiles() throws IOException {
    List<List<SecondResult>> parts = RandomSplit.split(ResultFiles.read(ResultFilesTest.NASA_RESULTS),
        new SplittableRandom(196L), 3);
    List<Path> inputs = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      inputs.add(InjectorResults.write(dir.resolve("part-" + p),
          new InjectorInfo(1, p, 3, InjectorResults.SCHEDULE_SHA256, NASA_START_EPOCH_MILLIS, p, "x.yaml", 1),
          parts.get(p)));
    }
    assertThat(parts.get(0).get(100).started()).isNotEqualTo(ResultFiles.read(ResultFilesTest.NASA_RESULTS).get(100).started());
    ResultsMerge.of(inputs).write(dir.resolve("out"));
    for (String file : List.of("per-second.csv", "latency.hlog")) {
      assertThat(Files.readString(dir.resolve("out").resolve(file))).as(file)
          .isEqualTo(Files.readString(ResultFilesTest.NASA_RESULTS.resolve(file)));
    }
  }

  /** Copies the NASA results into an injector's directory whose agreed start is the log's start time. */
  private Path copyOfNasa(String name, InjectorInfo info) throws IOException {
    InjectorInfo started = new InjectorInfo(info.formatVersion(), info.injectorIndex(), info.injectorCount(),
        info.scheduleSha256(), NASA_START_EPOCH_MILLIS, info.startOffsetMillis(), info.experiment(), info.replayFraction());
    Path target = dir.resolve(name);
    Files.createDirectories(target);
    for (String file : List.of("per-second.csv", "latency.hlog")) {
      Files.copy(ResultFilesTest.NASA_RESULTS.resolve(file), target.resolve(file));
    }
    started.write(target);
    return target;
  }

  /**
   * The property: split random results among three injectors, each request to one of them, and the
   * merge of the three is the results of the whole, byte for byte and histogram by histogram.
   */
  @Test
  void of_randomSplitsIntoThree_equalsTheUndividedResults() throws IOException {
    SplittableRandom random = new SplittableRandom(20261129L);
    for (int trial = 0; trial < 10; trial++) {
      Path trialDir = dir.resolve("trial-" + trial);
      List<SecondResult> whole = RandomSplit.draw(random);
      List<List<SecondResult>> parts = RandomSplit.split(whole, random, 3);
      ResultFiles.write(trialDir.resolve("whole"), whole, InjectorResults.START_EPOCH_MILLIS);
      List<Path> inputs = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        inputs.add(InjectorResults.write(trialDir.resolve("part-" + p), info(p, 3, p), parts.get(p)));
      }
      ResultsMerge.of(inputs).write(trialDir.resolve("merged"));
      for (String file : List.of("per-second.csv", "latency.hlog")) {
        assertThat(Files.readString(trialDir.resolve("merged").resolve(file))).as("trial %d, %s", trial, file)
            .isEqualTo(Files.readString(trialDir.resolve("whole").resolve(file)));
      }
      List<SecondResult> merged = ResultFiles.read(trialDir.resolve("merged"));
      assertThat(merged).hasSameSizeAs(whole);
      for (int s = 0; s < whole.size(); s++) {
        assertThat(merged.get(s).latencyMicros()).as("trial %d, second %d", trial, s).isEqualTo(whole.get(s).latencyMicros());
      }
    }
  }

  private static String sha256(byte[] bytes) throws IOException {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
