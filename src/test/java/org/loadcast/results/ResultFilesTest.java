package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

  private static List<SecondResult> twoRequests() {
    AtomicLong clock = new AtomicLong(0);
    LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
    clock.set(100_000_000L);
    long a = recorder.started(Phase.PROBE);
    long b = recorder.started(Phase.PROBE);
    clock.set(150_000_000L);
    recorder.completed("GET /a b,c", a, 200, false);
    clock.set(1_300_000_000L);
    recorder.completed("GET /images/x.gif", b, 200, false);
    return recorder.snapshot();
  }

  @Test
  void histogramLog_readsBackWithHdrHistogramsOwnReader() {
    String log = ResultFiles.histogramLog(twoRequests(), 1_700_000_000_000L);
    HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)));
    List<String> tags = new ArrayList<>();
    long total = 0;
    EncodableHistogram h;
    while ((h = reader.nextIntervalHistogram()) != null) {
      tags.add(URLDecoder.decode(h.getTag(), StandardCharsets.UTF_8));
      total += ((Histogram) h).getTotalCount();
    }
    assertThat(tags).containsExactly("GET /a b,c", "GET /images/x.gif");
    assertThat(total).isEqualTo(2);
  }

  @Test
  void perSecondCsv_hasTheHeaderAndOneLinePerSecond() {
    String csv = ResultFiles.perSecondCsv(twoRequests());
    String[] lines = csv.split("\n");
    assertThat(lines[0]).isEqualTo(ResultFiles.PER_SECOND_HEADER);
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith("0,probe,2,1,0,");
    assertThat(lines[2]).startsWith("1,probe,0,1,0,");
  }

  @Test
  void readLatencyMicros_tagOrAll_addsUpTheIntervals(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("latency.hlog");
    Files.writeString(log, ResultFiles.histogramLog(twoRequests(), 1_700_000_000_000L));
    Histogram all = ResultFiles.readLatencyMicros(log, null);
    assertThat(all.getTotalCount()).isEqualTo(2);
    Histogram one = ResultFiles.readLatencyMicros(log, "GET /a b,c");
    assertThat(one.getTotalCount()).isEqualTo(1);
    assertThat(one.getMaxValue()).isEqualTo(one.highestEquivalentValue(50_000));
  }

  @Test
  void readLatencyMicros_unknownTag_listsTheTags(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("latency.hlog");
    Files.writeString(log, ResultFiles.histogramLog(twoRequests(), 1_700_000_000_000L));
    assertThatThrownBy(() -> ResultFiles.readLatencyMicros(log, "GET /b")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("has no recorded latency tagged 'GET /b'; its tags are GET /a b,c, GET /images/x.gif");
  }

  /** The per-second.csv and latency.hlog of a real load test: NASA, 197 seconds, against the embedded target. */
  static final Path NASA_RESULTS = Path.of("src/test/resources/results/nasa-reactive-vs-predictive-20261129-150840/results");

  private static List<SecondResult> recorded() {
    AtomicLong clock = new AtomicLong(0);
    LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
    long t = 0;
    Phase[] phases = {Phase.WARMUP, Phase.PROBE, Phase.PROBE, Phase.REPLAY};
    for (int i = 0; i < 40; i++) {
      t += 97_000_000L;
      clock.set(t);
      long sent = recorder.started(phases[i / 10]);
      clock.set(t + 20_000_000L + 3_000_000L * i);
      recorder.completed(i % 3 == 0 ? "GET /a b,c" : "GET /images/x.gif", sent, i % 7 == 6 ? 503 : 200, i % 7 == 6);
    }
    return recorder.snapshot();
  }

  @Test
  void read_whatWriteWrote_givesBackTheSecondsButTheirStatusCounts(@TempDir Path dir) throws Exception {
    List<SecondResult> written = recorded();
    ResultFiles.write(dir, written, 1_700_000_000_000L);
    List<SecondResult> read = ResultFiles.read(dir);
    assertThat(read).hasSameSizeAs(written).hasSize(5);
    for (int i = 0; i < written.size(); i++) {
      SecondResult w = written.get(i);
      SecondResult r = read.get(i);
      assertThat(r.second()).isEqualTo(w.second());
      assertThat(r.phase()).isEqualTo(w.phase());
      assertThat(List.of(r.started(), r.completed(), r.failed())).isEqualTo(List.of(w.started(), w.completed(), w.failed()));
      // the CSV holds 4 decimals
      assertThat(r.meanConcurrency()).isCloseTo(w.meanConcurrency(), org.assertj.core.api.Assertions.within(5e-5));
      assertThat(r.latencyMicros()).isEqualTo(w.latencyMicros());
      assertThat(r.allLatencyMicros().getTotalCount()).isEqualTo(w.allLatencyMicros().getTotalCount());
      assertThat(r.statusCounts()).isEmpty();
    }
    assertThat(read.stream().mapToLong(SecondResult::failed).sum()).isEqualTo(5);
  }

  @Test
  void read_aRealLoadTest_writesBackTheSameBytes(@TempDir Path dir) throws Exception {
    List<SecondResult> read = ResultFiles.read(NASA_RESULTS);
    assertThat(read).hasSize(196);
    assertThat(read.get(10).phase()).isEqualTo(Phase.PROBE);
    assertThat(read.get(75).phase()).isEqualTo(Phase.REPLAY);
    ResultFiles.write(dir, read, 1_795_964_920_396L);
    assertThat(Files.readString(dir.resolve("per-second.csv"))).isEqualTo(Files.readString(NASA_RESULTS.resolve("per-second.csv")));
    // the log's intervals are relative to its start time, which the reader does not keep
    assertThat(Files.readAllLines(dir.resolve("latency.hlog"))).isEqualTo(Files.readAllLines(NASA_RESULTS.resolve("latency.hlog")));
  }

  @Test
  void read_badRows_eachAtItsLineAndColumn(@TempDir Path dir) throws Exception {
    ResultFiles.write(dir, recorded(), 1_700_000_000_000L);
    List<String> lines = Files.readAllLines(dir.resolve("per-second.csv"));
    lines.set(1, lines.get(1).replaceFirst("^0,warmup,", "0,warm,"));
    lines.set(2, lines.get(2).replaceFirst("^1,probe,10,", "1,probe,x,"));
    lines.set(3, "7" + lines.get(3).substring(1));
    Files.write(dir.resolve("per-second.csv"), lines);
    Path csv = dir.resolve("per-second.csv");
    assertThatThrownBy(() -> ResultFiles.read(dir)).isInstanceOf(org.loadcast.profile.InputException.class)
        .hasMessageContaining(csv + ":2:3: phase must be warmup, probe or replay, but was 'warm'")
        .hasMessageContaining(csv + ":3:9: started must be a whole number >= 0, but was 'x'")
        .hasMessageContaining(csv + ":4:1: second must be 2 (the seconds run 0, 1, 2, ... in order), but was '7'");
  }

  @Test
  void read_percentilesOfAnotherRun_refusesTheMix(@TempDir Path dir) throws Exception {
    ResultFiles.write(dir, recorded(), 1_700_000_000_000L);
    Path csv = dir.resolve("per-second.csv");
    List<String> lines = Files.readAllLines(csv);
    String[] f = lines.get(2).split(",", -1);
    f[7] = "999.000";
    lines.set(2, String.join(",", f));
    Files.write(csv, lines);
    int column = lines.get(2).indexOf(",999.000") + 2;
    assertThatThrownBy(() -> ResultFiles.read(dir)).isInstanceOf(org.loadcast.profile.InputException.class)
        .hasMessageContaining(csv + ":3:" + column + ": p95LatencyMillis must be what latency.hlog gives for second 1")
        .hasMessageContaining("the two files do not come from the same load test");
  }

  @Test
  void read_badInterval_atItsLineAndColumn(@TempDir Path dir) throws Exception {
    ResultFiles.write(dir, recorded(), 1_700_000_000_000L);
    Path log = dir.resolve("latency.hlog");
    List<String> lines = new ArrayList<>(Files.readAllLines(log));
    int first = lines.size() - 2;
    lines.set(first, lines.get(first).replaceFirst(",[0-9.]+,1.000,", ",9.000,1.000,"));
    lines.set(first + 1, lines.get(first + 1).substring(0, lines.get(first + 1).length() - 8) + "!!!!!!!!");
    Files.write(log, lines);
    assertThatThrownBy(() -> ResultFiles.read(dir)).isInstanceOf(org.loadcast.profile.InputException.class)
        .hasMessageContaining(log + ":" + (first + 1) + ":" + (lines.get(first).indexOf(",9.000") + 2)
            + ": an interval's start must be a whole second of per-second.csv, 0 to 4, but was '9.000'")
        .hasMessageContaining(log + ":" + (first + 2) + ":" + (lines.get(first + 1).lastIndexOf(',') + 2)
            + ": the histogram must be a base64 compressed HdrHistogram");
  }

  @Test
  void read_missingFile_namesIt(@TempDir Path dir) throws Exception {
    ResultFiles.write(dir, recorded(), 1_700_000_000_000L);
    Files.delete(dir.resolve("latency.hlog"));
    assertThatThrownBy(() -> ResultFiles.read(dir)).isInstanceOf(org.loadcast.profile.InputException.class)
        .hasMessage(dir.resolve("latency.hlog") + ": a load test's results directory must hold latency.hlog, but '"
            + dir + "' has none");
  }
}
