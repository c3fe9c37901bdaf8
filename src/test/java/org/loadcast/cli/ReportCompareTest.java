package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCompareTest {
  private static final Path BEFORE = Path.of("src/test/resources/compare/before");
  private static final Path AFTER = Path.of("src/test/resources/compare/after");
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @TempDir
  Path dir;

  private static void assertUserError(CommandRun r, String line) {
    assertThat(r.code()).isEqualTo(Main.USER_ERROR);
    assertThat(r.err()).isEqualTo(line + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void compare_twoRuns_writesTheThreeFilesAndPrintsTheHeadlines() throws IOException {
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), AFTER.toString(), "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("reactive-hpa: SLO-violation minutes 95 → 80 (−15, −15.8 %), cost 12.10 → 12.35 "
        + "(+0.25, +2.1 %): B better on SLO, worse on cost").contains("only in A: only-before")
        .contains("only in B: only-after").contains("within the run-to-run spread")
        .contains("report: " + dir.resolve("index.html")).doesNotContain("WARNING");
    String csv = Files.readString(dir.resolve("compare.csv"));
    assertThat(csv.lines().toList()).hasSize(22)
        .startsWith("policy,metric,unit,direction,a,b,delta,deltaPercent,better")
        .contains("reactive-hpa,sloViolationMinutes,minutes,lower,95,80,-15,-15.789473684210526,B",
            "reactive-hpa,droppedRequests,requests,lower,0,3,3,,A", "reactive-hpa,p99LatencyMillis,ms,lower,,300.0,,,");
    String json = Files.readString(dir.resolve("compare.json"));
    assertThat(json).contains("\"runA\" : \"before\"").contains("\"likeForLike\" : true")
        .doesNotContain(dir.toString()).doesNotContain(Path.of("").toAbsolutePath().toString());
    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).contains("id=\"minutes-chart\" class=\"chart\"").contains("id=\"cost-chart\" class=\"chart\"")
        .contains("Only in A: only-before").doesNotContain("Not a like-for-like comparison").doesNotContain("src=\"http").doesNotContain("href=\"http");
  }

  @Test
  void compare_twice_writesTheSameBytes() throws IOException {
    CommandRun.of("report", "compare", BEFORE.toString(), AFTER.toString(), "--out", dir.resolve("one").toString());
    CommandRun.of("report", "compare", BEFORE.toString(), AFTER.toString(), "--out", dir.resolve("two").toString());
    for (String file : new String[] {"compare.json", "compare.csv", "index.html"}) {
      assertThat(Files.readAllBytes(dir.resolve("two").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("one").resolve(file)));
    }
  }

  @Test
  void compare_otherSeed_warnsProminently() throws IOException {
    Path other = dir.resolve("other-seed");
    Files.createDirectories(other);
    Files.writeString(other.resolve("summary.json"),
        Files.readString(AFTER.resolve("summary.json")).replace("\"seed\": 7", "\"seed\": 8"));
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), other.toString(), "--out", dir.resolve("c").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("WARNING: not a like-for-like comparison").contains("The seeds differ: 7 in A, 8 in B");
    assertThat(Files.readString(dir.resolve("c/index.html"))).contains("<h2>Not a like-for-like comparison</h2>");
  }

  @Test
  void compare_hostilePolicyName_rendersAsText() throws IOException {
    Path hostile = dir.resolve("hostile");
    Files.createDirectories(hostile);
    Files.writeString(hostile.resolve("summary.json"), Files.readString(AFTER.resolve("summary.json"))
        .replace("\"only-after\"", "\"" + HOSTILE.replace("\"", "\\\"") + "\"")
        .replace("\"nasa-small\"", "\"\\\"><script>alert(2)</script>\""));
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), hostile.toString(), "--out", dir.resolve("c").toString());
    assertThat(r.code()).as(r.err()).isZero();
    String html = Files.readString(dir.resolve("c/index.html"));
    assertThat(html).doesNotContain(HOSTILE).contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain("<script>alert(2)").contains("&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  void compare_noPolicyInCommon_listsEachRunsOwn() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("summary.json"),
        Files.readString(AFTER.resolve("summary.json")).replace("\"reactive-hpa\"", "\"step-scaling\""));
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), other.toString(), "--out", dir.resolve("c").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("the runs have no policy in common").contains("only in A: reactive-hpa, only-before")
        .contains("only in B: step-scaling, only-after");
    assertThat(Files.readString(dir.resolve("c/compare.csv"))).isEqualTo(
        org.loadcast.report.ComparisonWriter.CSV_HEADER + "\n");
  }

  @Test
  void compare_missingDirectory_exits2WithOneLine() {
    Path missing = dir.resolve("no-such-run");
    assertUserError(CommandRun.of("report", "compare", missing.toString(), AFTER.toString(), "--out", dir.resolve("c").toString()),
        missing + ": no such directory: expected a run's report directory holding summary.json, as loadcast simulate writes it");
  }

  @Test
  void compare_noSummary_exits2WithOneLine() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty-run"));
    assertUserError(CommandRun.of("report", "compare", BEFORE.toString(), empty.toString(), "--out", dir.resolve("c").toString()),
        empty.resolve("summary.json") + ": no such file: the run's report directory has no summary.json");
    assertThat(dir.resolve("c")).doesNotExist();
  }

  @Test
  void compare_malformedJson_exits2AtLineAndColumn() throws IOException {
    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve("summary.json"), "{\n  \"experiment\": \"x\"\n  \"seed\": 7\n}\n");
    CommandRun r = CommandRun.of("report", "compare", broken.toString(), AFTER.toString(), "--out", dir.resolve("c").toString());
    assertThat(r.code()).isEqualTo(Main.USER_ERROR);
    assertThat(r.err()).startsWith(broken.resolve("summary.json") + ":3:3: not valid JSON: Unexpected character ('\"'")
        .doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void compare_summaryBreaksTheSchema_exits2NamingTheField() throws IOException {
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("summary.json"), Files.readString(AFTER.resolve("summary.json"))
        .replace("\"sloViolationMinutes\": 80", "\"sloViolationMinutes\": \"eighty\""));
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), bad.toString(), "--out", dir.resolve("c").toString());
    assertUserError(r, bad.resolve("summary.json") + ":25:30: policies[0].sloViolationMinutes does not meet "
        + "summary.schema.json: string found, integer expected, but was \"eighty\"");
  }

  @Test
  void compare_outIsAFile_exits2() throws IOException {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    CommandRun r = CommandRun.of("report", "compare", BEFORE.toString(), AFTER.toString(), "--out", file.toString());
    assertUserError(r, "loadcast report compare: --out must name a directory the report can be written to, but '"
        + file + "' is a file");
  }

  @Test
  void report_withoutSubcommand_listsCompare() {
    CommandRun r = CommandRun.of("report", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("compare");
  }
}
