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
}
