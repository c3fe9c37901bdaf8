package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;

/** {@code loadcast profile derive} on each input format, with the data-quality summary on standard error. */
class ProfileDeriveTest {
  private static final String NASA_LOG = "../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log";
  private static final String ELASTIC_LOG = "../shared/data/access_logs/elastic_apache_logs_2015-05-17_to_20.log";
  private static final String WORLD_CUP = "../shared/data/rate_series/worldcup98_requests_per_minute.csv";

  @TempDir
  Path dir;

  @Test
  void derive_elasticLog_reportsTheTruncatedLineAndTheSampling() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", ELASTIC_LOG, "--out", dir.resolve("e.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("read " + ELASTIC_LOG + " as combined: 9999 requests, 10000 line(s)")
        .contains("warning: 1 line(s) are not in the combined format and were left out, first at line(s) 8899")
        .contains("note: 4915 line(s) are earlier than the line before")
        .contains("warning: sampled log: requests fall only in minute(s) :05 of each hour, 1.67 % of the time")
        .doesNotContain("reading ");
    TrafficProfile profile = TrafficProfiles.read(dir.resolve("e.yaml"));
    assertThat(profile.rate().missing()).hasSize(83);
    assertThat(profile.rate().missingSeconds(profile.rate().startSeconds(), profile.rate().endSeconds()))
        .isEqualTo(profile.rate().endSeconds() - 84 * 60);
  }

  @Test
  void derive_worldCupCsv_keepsTheGapsMissing() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", WORLD_CUP, "--mix-from", NASA_LOG, "--bandwidth-seconds", "0",
        "--out", dir.resolve("wc.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("as csv: 1352804107 requests").contains("125310 step(s) of 60 s from 1998-04-30T21:30Z")
        .contains("note: 600 s in 7 stretch(es) are missing data");
    TrafficProfile profile = TrafficProfiles.read(dir.resolve("wc.yaml"));
    assertThat(profile.rate().missing()).hasSize(7).contains(new TimeRange(10_432 * 60, 10_433 * 60));
    assertThat(profile.rate().integral(0, profile.rate().endSeconds())).isCloseTo(1_352_804_107.0, org.assertj.core.api.Assertions.within(1.0));
  }

  @Test
  void derive_csvWithoutMixFrom_asksForIt() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", WORLD_CUP, "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().filter(l -> l.startsWith("loadcast profile derive:")).toList())
        .containsExactly("loadcast profile derive: a csv series has no paths: give --mix-from LOG to take the request mix from an access log");
  }

  @Test
  void derive_countsWithoutStart_namesTheOptionAndExitsWith2() throws IOException {
    Path counts = dir.resolve("series.dat");
    Files.writeString(counts, "3\n4\n5\n");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", counts.toString(), "--mix-from", NASA_LOG, "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly(counts + ": the counts format has no timestamps: give --start with "
        + "the time of the first value, ISO-8601 with offset such as 1995-07-01T00:00:01-04:00");
  }

  @Test
  void derive_countsWithStartAndStep_writesTheProfile() throws IOException {
    Path counts = dir.resolve("series.dat");
    Files.writeString(counts, "60\n120\n60\n");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", counts.toString(), "--start", "2020-01-01T00:00:00+01:00", "--step-seconds", "60",
        "--bandwidth-seconds", "0", "--mix-from", NASA_LOG, "--out", dir.resolve("c.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    TrafficProfile profile = TrafficProfiles.read(dir.resolve("c.yaml"));
    assertThat(profile.rate().ratePerSecond(1)).isEqualTo(2.0);
    assertThat(profile.startTime().toString()).isEqualTo("2020-01-01T00:00+01:00");
  }

  @Test
  void derive_unknownFormat_exitsWith2WithOneLine() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", NASA_LOG, "--format", "w3c", "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("loadcast profile derive: --format must be one of common, combined,").endsWith("but was 'w3c'");
  }

  @Test
  void derive_unsupportedApacheDirective_exitsWith2() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", NASA_LOG, "--format", "apache:%h %t \"%r\" %Z", "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("directive %Z is not supported").doesNotContain("Exception");
  }

  @Test
  void derive_badPrometheusValues_exitsWith2() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", NASA_LOG, "--prometheus-values", "gauge", "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly("loadcast profile derive: --prometheus-values must be rate or count, but was 'gauge'");
  }

  @Test
  void derive_resolutionNotAMultipleOfTheStep_exitsWith2() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", WORLD_CUP, "--mix-from", NASA_LOG, "--resolution-seconds", "90",
        "--out", dir.resolve("x.yaml").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--resolution-seconds must be a multiple of the series' step of 60 s, but was 90");
  }

  @Test
  void derive_prometheusJson_withCountValues() throws IOException {
    Path json = dir.resolve("query.json");
    Files.writeString(json, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
        + "\"values\":[[1700000000,\"30\"],[1700000030,\"60\"],[1700000060,\"NaN\"],[1700000090,\"30\"]]}]}}");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", json.toString(), "--prometheus-values", "count", "--bandwidth-seconds", "0",
        "--mix-from", NASA_LOG, "--out", dir.resolve("p.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("as prometheus: 120 requests");
    TrafficProfile profile = TrafficProfiles.read(dir.resolve("p.yaml"));
    assertThat(profile.rate().missing()).containsExactly(new TimeRange(60, 90));
    assertThat(profile.rate().endSeconds()).isEqualTo(120);
  }

  @Test
  void derive_dstLog_printsBothOffsets() throws IOException {
    Path log = dir.resolve("dst.log");
    Files.writeString(log, String.join("\n", List.of(
        "h - - [29/Oct/1995:01:59:59 -0400] \"GET /a HTTP/1.0\" 200 1",
        "h - - [29/Oct/1995:01:00:00 -0500] \"GET /a HTTP/1.0\" 200 1")) + "\n");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", log.toString(), "--out", dir.resolve("d.yaml").toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("note: the timestamps have 2 UTC offsets (-04:00, -05:00)");
  }

  @Test
  void derive_oneOutputCannotBeWritten_writesNoneOfThem() throws IOException {
    Files.createDirectories(dir.resolve("p.fit.json"));
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", NASA_LOG, "--out", dir.resolve("p.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("p.fit.json is a directory; nothing was written");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("p.fit.json");
    }
  }

  @Test
  void derive_severalBadOptions_reportsThemAllBeforeReading() {
    CommandRun r = CommandRun.of("profile", "derive", NASA_LOG, "--step-seconds", "0", "--timezone", "Mars/X",
        "--top-paths", "-3", "--out", dir.resolve("x.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly(
        "loadcast profile derive: --step-seconds must be >= 1, but was 0",
        "loadcast profile derive: --timezone must be a zone id such as America/New_York or UTC, but was 'Mars/X'",
        "loadcast profile derive: --top-paths must be >= 1, but was -3");
  }
}
