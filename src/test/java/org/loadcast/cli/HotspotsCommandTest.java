package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.hotspot.HotColdWorkload;

/** {@code loadcast hotspots} on a recording of a workload with one hot method. */
class HotspotsCommandTest {
  private static final String HOT = HotColdWorkload.class.getName() + ".hotLoop";
  @TempDir
  static Path dir;
  private static Path recording;

  @BeforeAll
  static void record() throws Exception {
    recording = dir.resolve("app.jfr");
    HotColdWorkload.record(recording, 2500);
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Outcome(code, out.toString(), err.toString());
  }

  @Test
  void recordingOfAHotLoop_namesItFirstInTheTablesTheCsvAndTheFlameGraph() throws IOException {
    Path out = dir.resolve("report");
    Outcome o = run("hotspots", recording.toString(), "--out", out.toString(), "--threads", HotColdWorkload.THREAD_NAME,
        "--top", "5");
    assertThat(o.code()).as(o.err()).isZero();
    List<String> lines = o.out().lines().toList();
    assertThat(lines.get(0)).matches("\\d+ of \\d+ methods? accounts? for 90 % of the CPU samples \\(\\d+ samples\\)");
    assertThat(lines.get(1)).endsWith("%  " + HOT);
    String html = Files.readString(out.resolve("index.html"));
    assertThat(html).contains("<code>" + HOT + "</code>", "<a href=\"flamegraph.html\">Flame graph</a>",
        "threads matching " + HotColdWorkload.THREAD_NAME);
    // the converter stores names prefix-compressed: the method name follows its shared class prefix
    assertThat(Files.readString(out.resolve("flamegraph.html"))).contains("<canvas", "hotLoop");

    List<String> csv = Files.readAllLines(out.resolve("hot-methods.csv"));
    assertThat(csv.get(0)).isEqualTo("method,selfSamples,selfPercent,totalSamples,totalPercent");
    String[] first = csv.get(1).split(",");
    assertThat(first[0]).isEqualTo(HOT);
    assertThat(Double.parseDouble(first[2])).isCloseTo(80, within(10.0));
    // every sample has the thread's run method on its stack, never on top
    String run = csv.stream().filter(l -> l.startsWith("java.lang.Thread.run,")).findFirst().orElseThrow();
    assertThat(run).endsWith(",100.00").startsWith("java.lang.Thread.run,0,0.00,");
    long self = csv.subList(1, csv.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
    assertThat(run.split(",")[3]).isEqualTo(Long.toString(self));
  }

  @Test
  void badInput_isOneLineAndExitCode2() throws IOException {
    Path out = dir.resolve("bad");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a recording");
    assertThat(run("hotspots", dir.resolve("missing.jfr").toString(), "--out", out.toString()))
        .isEqualTo(new Outcome(2, "", dir.resolve("missing.jfr") + ": the recording does not exist or is not a file\n"));
    Outcome notJfr = run("hotspots", text.toString(), "--out", out.toString());
    assertThat(notJfr.code()).isEqualTo(2);
    assertThat(notJfr.err()).startsWith(text + ": not a JDK Flight Recorder recording, or a damaged one: ").hasLineCount(1);
    assertThat(run("hotspots", recording.toString(), "--out", out.toString(), "--threads", "http-(").err())
        .isEqualTo("loadcast hotspots: --threads must be a Java regular expression, but 'http-(' is not: Unclosed group "
            + "at index 6\n");
    assertThat(run("hotspots", recording.toString(), "--out", out.toString(), "--top", "0").err())
        .isEqualTo("loadcast hotspots: --top must be an integer from 1 to 1000, but was '0'\n");
    assertThat(run("hotspots", recording.toString(), "--out", out.toString(), "--from", "yesterday").err())
        .isEqualTo("loadcast hotspots: --from must be an ISO-8601 instant in UTC such as 2026-11-29T20:00:00Z, but was "
            + "'yesterday'\n");
    assertThat(run("hotspots", recording.toString(), "--out", out.toString(), "--from", "2026-01-02T00:00:00Z", "--to",
        "2026-01-01T00:00:00Z").err()).isEqualTo("loadcast hotspots: --from must be before --to, but 2026-01-02T00:00:00Z "
            + "is not before 2026-01-01T00:00:00Z\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void aWindowWithoutSamples_saysSoAndWritesNoFlameGraph() {
    Path out = dir.resolve("empty");
    Outcome o = run("hotspots", recording.toString(), "--out", out.toString(), "--to", "2000-01-01T00:00:00Z");
    assertThat(o.code()).isZero();
    assertThat(o.out()).startsWith("no execution sample was kept");
    assertThat(out.resolve("index.html")).content().contains("JDK Flight Recorder took no execution sample");
    assertThat(out.resolve("flamegraph.html")).doesNotExist();
  }
}
