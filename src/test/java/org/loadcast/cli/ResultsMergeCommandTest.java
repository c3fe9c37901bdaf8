package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loadcast.results.InjectorResults.second;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.results.InjectorInfo;
import org.loadcast.results.InjectorResults;
import org.loadcast.results.Phase;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.SecondResult;

class ResultsMergeCommandTest {
  @TempDir
  Path dir;

  private static final List<SecondResult> SECONDS = List.of(
      second(0, Phase.WARMUP, 4, 3, 1, 1.5, Map.of("GET /", new long[] {1_000, 2_000})),
      second(1, Phase.PROBE, 2, 3, 0, 0.25, Map.of("GET /", new long[] {3_000})));

  private Path injector(String name, InjectorInfo info) throws IOException {
    return InjectorResults.write(dir.resolve(name), info, SECONDS);
  }

  private Path injector(String name, int index, int count) throws IOException {
    return injector(name, InjectorResults.info(index, count, 10L * index - 15));
  }

  private static CommandRun merge(Object... args) {
    List<String> all = new ArrayList<>(List.of("results", "merge"));
    for (Object a : args) {
      all.add(a.toString());
    }
    return CommandRun.of(all.toArray(String[]::new));
  }

  private void assertUserError(CommandRun r, String line) {
    assertThat(r.code()).isEqualTo(Main.USER_ERROR);
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void merge_threeInjectors_writesTheFilesAndPrintsTheTotals() throws IOException {
    Path a = injector("a", 0, 3);
    Path b = injector("b", 1, 3);
    Path c = injector("c", 2, 3);
    CommandRun r = merge(c, a, b, "--out", dir.resolve("out"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(String.format("merged 3 injectors (schedule abababababab, start 2026-11-29T12:00:00Z): "
        + "2 seconds, 18 started, 18 completed, 3 failed, 9 latencies%nlargest start offset: -15 ms (injector 0)%n"
        + "results: %s%n", dir.resolve("out")));
    assertThat(ResultFiles.read(dir.resolve("out"))).extracting(SecondResult::started).containsExactly(12L, 6L);
    assertThat(Files.readString(dir.resolve("out/per-second.csv"))).contains("\n0,warmup,12,9,3,4.5000,");
    assertThat(dir.resolve("out/merge.json")).exists();
    assertThat(dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void merge_missingIndex_namesItAndTheGivenOnes() throws IOException {
    Path a = injector("a", 0, 3);
    Path c = injector("c", 2, 3);
    assertUserError(merge(c, a, "--out", dir.resolve("out")), a.resolve("injector.json") + ": injectorCount is 3, so the "
        + "inputs must be the results of injectors 0 to 2, each once, but injector 1 is missing (given: 0 in '" + a
        + "', 2 in '" + c + "')");
  }

  @Test
  void merge_duplicateIndex_namesBothDirectories() throws IOException {
    Path a = injector("a", 0, 2);
    Path b = injector("b", 1, 2);
    Path b2 = injector("b2", 1, 2);
    assertUserError(merge(b2, a, b, "--out", dir.resolve("out")), b2.resolve("injector.json") + ": each injector's "
        + "results must be merged once, but injectorIndex 1 is both '" + b + "' and '" + b2 + "'");
  }

  @Test
  void merge_differentInjectorCount_isRefused() throws IOException {
    Path a = injector("a", 0, 2);
    Path b = injector("b", 1, 3);
    assertUserError(merge(a, b, "--out", dir.resolve("out")), b.resolve("injector.json") + ": injectorCount must be the "
        + "same in every input (all shards split one load test): 2 as in " + a.resolve("injector.json") + ", but was 3");
  }

  @Test
  void merge_differentScheduleDigest_isRefused() throws IOException {
    Path a = injector("a", 0, 2);
    String other = "cd".repeat(32);
    Path b = injector("b", new InjectorInfo(1, 1, 2, other, InjectorResults.START_EPOCH_MILLIS, 0, "x.yaml", 1));
    assertUserError(merge(a, b, "--out", dir.resolve("out")), b.resolve("injector.json") + ": scheduleSha256 must be the "
        + "same in every input (all shards split one schedule): " + InjectorResults.SCHEDULE_SHA256 + " as in "
        + a.resolve("injector.json") + ", but was " + other);
  }

  @Test
  void merge_differentStart_isRefused() throws IOException {
    Path a = injector("a", 0, 2);
    Path b = injector("b", new InjectorInfo(1, 1, 2, InjectorResults.SCHEDULE_SHA256, 5, 0, "x.yaml", 1));
    assertUserError(merge(b, a, "--out", dir.resolve("out")), b.resolve("injector.json") + ": startEpochMillis must be "
        + "the same in every input (all injectors count their seconds from one agreed start): "
        + InjectorResults.START_EPOCH_MILLIS + " as in " + a.resolve("injector.json") + ", but was 5");
  }

  @Test
  void merge_missingFile_namesTheDirectoryAndTheFile() throws IOException {
    Path a = injector("a", 0, 2);
    Path b = injector("b", 1, 2);
    Files.delete(b.resolve("latency.hlog"));
    assertUserError(merge(a, b, "--out", dir.resolve("out")), b.resolve("latency.hlog") + ": a results directory to merge "
        + "must hold per-second.csv, latency.hlog, injector.json, but '" + b + "' has no latency.hlog");
  }

  @Test
  void merge_noSuchDirectory_saysWhatWasExpected() throws IOException {
    Path a = injector("a", 0, 2);
    assertUserError(merge(a, dir.resolve("nope"), "--out", dir.resolve("out")), dir.resolve("nope") + ": no such "
        + "directory: expected an injector's results directory, holding per-second.csv, latency.hlog, injector.json");
  }

  @Test
  void merge_badInjectorJson_givesTheLocation() throws IOException {
    Path a = injector("a", 0, 1);
    Files.writeString(a.resolve("injector.json"), Files.readString(a.resolve("injector.json"))
        .replace("\"injectorCount\" : 1", "\"injectorCount\" : -1"));
    assertUserError(merge(a, "--out", dir.resolve("out")), a.resolve("injector.json") + ":4:21: injectorCount must be "
        + ">= 1, but was -1");
  }

  @Test
  void merge_withoutOut_printsTheUsageAndExits2() throws IOException {
    CommandRun r = merge(injector("a", 0, 1));
    assertThat(r.code()).isEqualTo(Main.USER_ERROR);
    assertThat(r.err()).contains("Missing required option: '--out=DIR'").contains("Usage: loadcast results merge");
  }
}
