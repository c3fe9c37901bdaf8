package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reading every input format, on the real files of ../shared/data and small hand-written fixtures. */
class TrafficSourcesTest {
  private static final Path DATA = Path.of("../shared/data");
  private static final Path NASA_LOG = DATA.resolve("access_logs/nasa_ksc_1995-08-01_first20000.log");
  private static final Path ELASTIC_LOG = DATA.resolve("access_logs/elastic_apache_logs_2015-05-17_to_20.log");
  private static final Path WORLD_CUP = DATA.resolve("rate_series/worldcup98_requests_per_minute.csv");
  private static final Path AUGUST_SERIES = DATA.resolve("rate_series/nasa_ksc_1995-08_requests_per_second.txt.gz");
  private static final OffsetDateTime AUGUST_START = OffsetDateTime.parse("1995-08-01T00:00:01-04:00");

  private static TrafficSources.SeriesRead read(Path file, TrafficReadOptions options, List<AccessLogEntry> entries) {
    try (InputStream in = Files.newInputStream(file)) {
      return TrafficSources.readSeries(in, file.toString(), Optional.empty(), options, entries == null ? null : entries::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TrafficSources.SeriesRead read(String text, String format, TrafficReadOptions options) {
    return TrafficSources.readSeries(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "fixture",
        Optional.ofNullable(format).map(TrafficFormat::parse), options, null);
  }

  @Test
  void readSeries_nasaAugustSlice_perSecondCountsEqualTheAugustSeries() {
    List<AccessLogEntry> entries = new ArrayList<>();
    TrafficSources.SeriesRead read = read(NASA_LOG, TrafficReadOptions.defaults(), entries);
    TrafficSeries series = read.series();
    long[] august = read(AUGUST_SERIES, TrafficReadOptions.defaults().withStart(AUGUST_START), null).series().counts();

    assertThat(read.format().name()).isEqualTo("common");
    assertThat(series.start()).isEqualTo(AUGUST_START);
    assertThat(series.stepSeconds()).isEqualTo(1);
    assertThat(series.quality().totalRequests()).isEqualTo(20_000);
    assertThat(series.quality().malformedLines()).isZero();
    assertThat(series.quality().outOfOrderLines()).isZero();
    assertThat(series.quality().offsetsSeen()).containsExactly(ZoneOffset.ofHours(-4));
    assertThat(series.quality().sampled()).isFalse();
    assertThat(java.util.Arrays.copyOf(series.counts(), 39_568)).isEqualTo(java.util.Arrays.copyOf(august, 39_568));
    assertThat(entries).hasSize(20_000);
  }

  @Test
  void readSeries_nasaAugustSlice_consumerSeesHostsBytesStatusesAndHttp09Lines() {
    List<AccessLogEntry> entries = new ArrayList<>();
    read(NASA_LOG, TrafficReadOptions.defaults(), entries);
    Map<Integer, Long> statuses = entries.stream().collect(Collectors.groupingBy(AccessLogEntry::status, TreeMap::new, Collectors.counting()));

    assertThat(entries.stream().filter(e -> e.bytes() == -1).count()).isEqualTo(251);
    assertThat(statuses).containsExactly(Map.entry(200, 18_083L), Map.entry(302, 244L), Map.entry(304, 1_485L),
        Map.entry(403, 1L), Map.entry(404, 187L));
    AccessLogEntry line914 = entries.get(913);
    assertThat(line914.clientHost()).isEqualTo("columbia.acc.brad.ac.uk");
    assertThat(line914.method()).isEqualTo("GET");
    assertThat(line914.path()).isEqualTo("/ksc.html");
    assertThat(line914.bytes()).isEqualTo(7_280);
    assertThat(line914.time()).isEqualTo(OffsetDateTime.parse("1995-08-01T00:34:55-04:00"));
  }

  @Test
  void readSeries_nasaAugustSlice_http09LinesWithoutProtocolAllParse() throws IOException {
    List<String> lines = Files.readAllLines(NASA_LOG, StandardCharsets.US_ASCII);
    List<AccessLogEntry> entries = new ArrayList<>();
    read(NASA_LOG, TrafficReadOptions.defaults(), entries);
    List<Integer> withoutProtocol = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String request = lines.get(i).substring(lines.get(i).indexOf('"') + 1, lines.get(i).lastIndexOf('"'));
      if (request.strip().split(" +").length < 3) {
        withoutProtocol.add(i);
      }
    }

    // ../shared/data/README.md says 49; the file has 36 request lines of fewer than three words
    // (38 that do not end in HTTP/1.0: two more say "HTTP/V1.0"), and all of them parse
    assertThat(withoutProtocol).hasSize(36).contains(913);
    assertThat(withoutProtocol).allSatisfy(i -> assertThat(entries.get(i).path()).startsWith("/"));
  }

  @Test
  void readSeries_impossibleDatesAndClocks_areMalformed() {
    String log = "h - - [31/Feb/1995:00:00:00 -0400] \"GET / HTTP/1.0\" 200 1\n"
        + "h - - [01/Aug/1995:24:00:00 -0400] \"GET / HTTP/1.0\" 200 1\n"
        + "h - - [01/aug/1995:00:00:00 -0400] \"GET / HTTP/1.0\" 200 1\n"
        + "h - - [01/Aug/1995:00:00:00 -0400] \"GET / HTTP/1.0\" 2000 1\n"
        + "h - - [01/Aug/1995:00:00:00 -0400] \"GET / HTTP/1.0\" 200 1\n";
    DataQuality quality = read(log, "common", TrafficReadOptions.defaults()).series().quality();

    assertThat(quality.firstMalformedLines()).containsExactly(1L, 2L, 3L, 4L);
    assertThat(quality.totalRequests()).isEqualTo(1);
  }

  @Test
  void readSeries_elasticLog_countsTheTruncatedLineAndTheLinesOutOfOrder() {
    TrafficSources.SeriesRead read = read(ELASTIC_LOG, TrafficReadOptions.defaults(), null);
    DataQuality quality = read.series().quality();

    assertThat(read.format().name()).isEqualTo("combined");
    assertThat(quality.totalLines()).isEqualTo(10_000);
    assertThat(quality.totalRequests()).isEqualTo(9_999);
    assertThat(quality.malformedLines()).isEqualTo(1);
    assertThat(quality.firstMalformedLines()).containsExactly(8_899L);
    assertThat(quality.outOfOrderLines()).isEqualTo(4_915);
    assertThat(quality.offsetsSeen()).containsExactly(ZoneOffset.UTC);
  }

  @Test
  void readSeries_elasticLog_isDetectedAsSampledAndItsUncoveredTimeIsMissing() {
    TrafficSeries series = read(ELASTIC_LOG, TrafficReadOptions.defaults(), null).series();
    PeriodicCoverage coverage = series.quality().periodicCoverage().orElseThrow();

    assertThat(coverage.periodSeconds()).isEqualTo(3_600);
    assertThat(coverage.coveredWindows()).containsExactly(5);
    assertThat(coverage.coverageFraction()).isCloseTo(1 / 60.0, within(1e-12));
    assertThat(coverage.describe()).isEqualTo("minute(s) :05 of each hour");
    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("2015-05-17T10:05:00Z"));
    for (int i = 0; i < series.stepCount(); i++) {
      int minuteOfHour = (i / 60 + 5) % 60;
      if (minuteOfHour != 5) {
        assertThat(series.isMissing(i)).as("second %d", i).isTrue();
      }
    }
    assertThat(series.quality().missingRanges()).hasSize(83);
    long observedSeconds = series.spanSeconds() - series.quality().missingSeconds();
    assertThat(observedSeconds).isEqualTo(84 * 60);
  }

  @Test
  void readSeries_sparseContinuousLog_isNotTakenForSampled() {
    StringBuilder log = new StringBuilder();
    int[] minutes = {3, 17, 29, 41, 52, 8, 33, 47, 11, 24, 38, 56};
    for (int i = 0; i < minutes.length; i++) {
      log.append(String.format(java.util.Locale.ROOT, "h - - [01/Aug/1995:%02d:%02d:10 -0400] \"GET / HTTP/1.0\" 200 1%n",
          i / 2, minutes[i]));
    }
    assertThat(read(log.toString(), null, TrafficReadOptions.defaults()).series().quality().sampled()).isFalse();
  }

  @Test
  void readSeries_fourHoursOfOneMinute_isTooLittleEvidenceForSampling() {
    StringBuilder log = new StringBuilder();
    for (int hour = 0; hour < 4; hour++) {
      log.append(String.format(java.util.Locale.ROOT, "h - - [01/Aug/1995:%02d:05:10 -0400] \"GET / HTTP/1.0\" 200 1%n", hour));
    }
    assertThat(read(log.toString(), null, TrafficReadOptions.defaults()).series().quality().sampled()).isFalse();
  }

  @Test
  void readSeries_worldCupCsv_sumsToTheOfficialTotalWithTheSevenGapsMissing() {
    TrafficSources.SeriesRead read = read(WORLD_CUP, TrafficReadOptions.defaults(), null);
    TrafficSeries series = read.series();
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < series.stepCount(); i++) {
      if (series.isMissing(i)) {
        missing.add(i);
      }
    }

    assertThat(read.format().name()).isEqualTo("csv");
    assertThat(series.stepSeconds()).isEqualTo(60);
    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("1998-04-30T21:30:00Z"));
    assertThat(series.stepCount()).isEqualTo(125_310);
    assertThat(series.totalCount()).isEqualTo(1_352_804_107L);
    // 1998-05-08 03:22; 05-17 06:09, 06:19-06:20, 06:25, 09:43-09:45, 09:47; 05-18 11:03
    assertThat(missing).containsExactly(10_432, 23_559, 23_569, 23_570, 23_575, 23_773, 23_774, 23_775, 23_777, 25_293);
    assertThat(series.quality().missingRanges()).hasSize(7);
    assertThat(series.quality().missingSeconds()).isEqualTo(600);
    assertThat(series.quality().malformedLines()).isZero();
  }

  @Test
  void readSeries_augustSeries_hurricaneOutageIsMissingNotZero() {
    TrafficSeries series = read(AUGUST_SERIES, TrafficReadOptions.defaults().withStart(AUGUST_START), null).series();

    assertThat(series.stepCount()).isEqualTo(2_678_406);
    assertThat(series.totalCount()).isEqualTo(1_569_897);
    assertThat(series.quality().missingRanges()).contains(new TimeRange(53_521, 53_521 + 135_851));
    for (int i = 53_521; i < 53_521 + 135_851; i++) {
      if (!series.isMissing(i)) {
        throw new AssertionError("second " + i + " of the outage is not missing");
      }
    }
    assertThat(series.isMissing(53_520)).isFalse();
  }

  @Test
  void readSeries_countsWithoutStart_namesTheOption() {
    assertThatThrownBy(() -> read("1\n2\n3\n", null, TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("fixture: the counts format has no timestamps: give --start");
  }

  @Test
  void readSeries_countsWithAMalformedLine_countsItAndMarksItsStepMissing() {
    TrafficSeries series = read("1\n2\nx\n4\n", "counts", TrafficReadOptions.defaults()
        .withStart(OffsetDateTime.parse("2020-01-01T00:00:00Z")).withStepSeconds(60)).series();

    assertThat(series.counts()).containsExactly(1, 2, 0, 4);
    assertThat(series.missing()).containsExactly(false, false, true, false);
    assertThat(series.quality().firstMalformedLines()).containsExactly(3L);
    assertThat(series.quality().missingRanges()).containsExactly(new TimeRange(120, 180));
  }

  @Test
  void readSeries_minuteCountsWithAnOutage_markTheEmptyRunMissingButNotAQuietMinute() {
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      counts.append(i >= 100 && i < 105 ? 0 : 600).append('\n'); // 10/s, then 5 empty minutes
    }
    for (int i = 0; i < 200; i++) {
      counts.append(i % 2).append('\n'); // then 1 request per 2 minutes: an empty minute is quiet
    }
    TrafficSeries series = read(counts.toString(), "counts", TrafficReadOptions.defaults()
        .withStart(OffsetDateTime.parse("2020-01-01T00:00:00Z")).withStepSeconds(60)).series();

    assertThat(series.quality().missingRanges()).contains(new TimeRange(100 * 60, 105 * 60));
    for (int i = 300 + 60; i < series.stepCount(); i++) {
      assertThat(series.isMissing(i)).as("quiet minute %d, an hour after the busy part", i).isFalse();
    }
  }

  @Test
  void readSeries_gzipWithoutTheName_isRecognisedByItsMagicBytes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("period,count\n1970-01-01 00:00:00,3\n1970-01-01 00:01:00,4\n".getBytes(StandardCharsets.UTF_8));
    }
    TrafficSources.SeriesRead read = TrafficSources.readSeries(new ByteArrayInputStream(bytes.toByteArray()), "x.csv",
        Optional.empty(), TrafficReadOptions.defaults(), null);

    assertThat(read.format().name()).isEqualTo("csv");
    assertThat(read.series().counts()).containsExactly(3, 4);
  }

  @Test
  void readSeries_csvLocalTimesInAZoneAndEpochSeconds_agree() {
    String local = "t,n\n2021-03-28 00:00:00,1\n2021-03-28 00:00:10,2\n2021-03-28 00:00:30,3\n";
    String epoch = "time,requests\n1616886000,1\n1616886010,2\n1616886030,3\n";
    TrafficSeries fromLocal = read(local, null, TrafficReadOptions.defaults()
        .withInputTimezone(java.time.ZoneId.of("Europe/Paris"))).series();
    TrafficSeries fromEpoch = read(epoch, null, TrafficReadOptions.defaults()).series();

    assertThat(fromLocal.start().toInstant()).isEqualTo(fromEpoch.start().toInstant());
    assertThat(fromLocal.start().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    assertThat(fromLocal.stepSeconds()).isEqualTo(10);
    assertThat(fromLocal.counts()).containsExactly(1, 2, 0, 3).isEqualTo(fromEpoch.counts());
    assertThat(fromLocal.missing()).containsExactly(false, false, true, false);
  }

  @Test
  void readSeries_csvLocalTimesAcrossTheFallBack_takeTheLaterOffsetTheSecondTime() {
    String csv = "period,count\n2021-10-31 01:30:00,1\n2021-10-31 02:00:00,2\n2021-10-31 02:30:00,3\n"
        + "2021-10-31 02:00:00,4\n2021-10-31 02:30:00,5\n2021-10-31 03:00:00,6\n";
    TrafficSeries series = read(csv, null, TrafficReadOptions.defaults().withInputTimezone(java.time.ZoneId.of("Europe/Paris"))).series();

    assertThat(series.stepSeconds()).isEqualTo(1_800);
    assertThat(series.counts()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(series.quality().outOfOrderLines()).isZero();
    assertThat(series.quality().offsetsSeen()).containsExactly(ZoneOffset.ofHours(2), ZoneOffset.ofHours(1));
  }

  @Test
  void readSeries_csvLocalTimeTheClocksSkipped_isMalformed() {
    String csv = "period,count\n2021-03-28 01:00:00,1\n2021-03-28 02:00:00,2\n2021-03-28 03:00:00,3\n";
    TrafficSeries series = read(csv, null, TrafficReadOptions.defaults().withInputTimezone(java.time.ZoneId.of("Europe/Paris"))).series();

    assertThat(series.quality().firstMalformedLines()).containsExactly(3L);
    assertThat(series.counts()).containsExactly(1, 3);
    assertThat(series.stepSeconds()).isEqualTo(3_600);
  }

  @Test
  void readSeries_logAcrossTheDaylightSavingChange_keepsTimeContinuous() {
    String log = "h - - [29/Oct/1995:01:59:59 -0400] \"GET /a HTTP/1.0\" 200 1\n"
        + "h - - [29/Oct/1995:01:00:00 -0500] \"GET /b HTTP/1.0\" 200 1\n"
        + "h - - [29/Oct/1995:01:00:01 -0500] \"GET /c HTTP/1.0\" 200 1\n";
    TrafficSeries series = read(log, null, TrafficReadOptions.defaults()).series();

    assertThat(series.counts()).containsExactly(1, 1, 1);
    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("1995-10-29T01:59:59-04:00"));
    assertThat(series.quality().outOfOrderLines()).isZero();
    assertThat(series.quality().offsetsSeen()).containsExactly(ZoneOffset.ofHours(-4), ZoneOffset.ofHours(-5));
  }

  @Test
  void readSeries_timeGoingBackwardsBeforeTheFirstLine_growsTheSeriesAtTheFront() {
    StringBuilder log = new StringBuilder();
    for (int s = 59; s >= 0; s--) {
      log.append(String.format(java.util.Locale.ROOT, "h - - [01/Aug/1995:00:00:%02d -0400] \"GET / HTTP/1.0\" 200 1%n", s));
    }
    log.append("h - - [31/Jul/1995:22:00:00 -0400] \"GET / HTTP/1.0\" 200 1\n");
    TrafficSeries series = read(log.toString(), "common", TrafficReadOptions.defaults()).series();

    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("1995-07-31T22:00:00-04:00"));
    assertThat(series.stepCount()).isEqualTo(2 * 3_600 + 60);
    assertThat(series.totalCount()).isEqualTo(61);
    assertThat(series.quality().outOfOrderLines()).isEqualTo(60);
  }

  @Test
  void readSeries_combinedWithEscapedQuotes_parsesTheLine() {
    List<AccessLogEntry> entries = new ArrayList<>();
    String line = "10.0.0.1 - bob [17/May/2015:10:05:03 +0000] \"POST /api?q=1 HTTP/1.1\" 201 17 \"-\" \"say \\\"hi\\\" agent\"\n";
    TrafficSources.readSeries(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "fixture", Optional.empty(),
        TrafficReadOptions.defaults(), entries::add);

    assertThat(entries).containsExactly(new AccessLogEntry(OffsetDateTime.parse("2015-05-17T10:05:03Z"), "10.0.0.1", "POST", "/api", 201, 17));
  }

  @Test
  void readSeries_nginxCustomPattern_readsIsoTimesAndRequestTimes() {
    String format = "nginx:$remote_addr - $remote_user [$time_iso8601] \"$request\" $status $bytes_sent $request_time "
        + "\"$http_referer\" \"$http_user_agent\" \"$http_x_forwarded_for\"";
    String log = "192.0.2.7 - - [2024-03-10T01:59:58-05:00] \"GET /a HTTP/2.0\" 200 512 0.003 \"-\" \"curl/8\" \"-\"\n"
        + "192.0.2.8 - alice [2024-03-10T03:00:00-04:00] \"GET /b?x=y HTTP/2.0\" 404 0 0.120 \"https://x/\" \"Mozilla \\\"q\\\"\" \"203.0.113.1\"\n"
        + "192.0.2.9 - - [2024-03-10T03:00:01-04:00] \"GET /c HTTP/2.0\" 200 5 slow \"-\" \"curl/8\" \"-\"\n";
    List<AccessLogEntry> entries = new ArrayList<>();
    TrafficSources.SeriesRead read = TrafficSources.readSeries(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
        "fixture", Optional.of(TrafficFormat.parse(format)), TrafficReadOptions.defaults(), entries::add);

    assertThat(entries).extracting(AccessLogEntry::path).containsExactly("/a", "/b");
    assertThat(entries.get(1).time()).isEqualTo(OffsetDateTime.parse("2024-03-10T03:00:00-04:00"));
    assertThat(entries.get(1).bytes()).isZero();
    assertThat(read.series().counts()).containsExactly(1, 0, 1);
    assertThat(read.series().quality().firstMalformedLines()).containsExactly(3L);
    assertThat(read.series().quality().offsetsSeen()).containsExactly(ZoneOffset.ofHours(-5), ZoneOffset.ofHours(-4));
  }

  @Test
  void readSeries_apacheCustomPattern_readsDurationAndForwardedFor() {
    String format = "apache:%{X-Forwarded-For}i %h %l %u %t \"%r\" %>s %B %D";
    String log = "203.0.113.9 10.1.1.1 - - [01/Jan/2024:00:00:00 +0100] \"GET /x HTTP/1.1\" 200 1024 5230\n"
        + "203.0.113.9 10.1.1.1 - - [01/Jan/2024:00:00:02 +0100] \"GET /y HTTP/1.1\" 200 - 5230\n";
    List<AccessLogEntry> entries = new ArrayList<>();
    TrafficSources.SeriesRead read = TrafficSources.readSeries(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
        "fixture", Optional.of(TrafficFormat.parse(format)), TrafficReadOptions.defaults(), entries::add);

    assertThat(entries).containsExactly(new AccessLogEntry(OffsetDateTime.parse("2024-01-01T00:00:00+01:00"), "10.1.1.1", "GET", "/x", 200, 1024));
    assertThat(read.series().quality().firstMalformedLines()).as("%B does not allow '-'").containsExactly(2L);
  }

  @Test
  void parse_unsupportedApacheDirective_saysWhich() {
    assertThatThrownBy(() -> TrafficFormat.parse("apache:%h %t \"%r\" %q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directive %q is not supported");
  }

  @Test
  void parse_patternWithoutTime_isRejected() {
    assertThatThrownBy(() -> TrafficFormat.parse("nginx:$remote_addr \"$request\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one time field");
  }

  @Test
  void parse_unknownName_listsTheFormats() {
    assertThatThrownBy(() -> TrafficFormat.parse("w3c"))
        .hasMessage("--format must be one of " + TrafficFormat.NAMES + ", but was 'w3c'");
  }

  private static final String PROMETHEUS = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
      + "{\"metric\":{\"pod\":\"a\"},\"values\":[[1700000000,\"1.5\"],[1700000015,\"2\"],[1700000030,\"NaN\"],[1700000060,\"1\"]]},"
      + "{\"metric\":{\"pod\":\"b\"},\"values\":[[1700000000.0,\"0.5\"],[1700000015,\"0\"],[1700000060,\"1\"]]}"
      + "]}}";

  @Test
  void readSeries_prometheusRates_sumsTheSeriesTimesTheStep() {
    TrafficSources.SeriesRead read = read(PROMETHEUS, null, TrafficReadOptions.defaults());
    TrafficSeries series = read.series();

    assertThat(read.format().name()).isEqualTo("prometheus");
    assertThat(series.stepSeconds()).isEqualTo(15);
    // The first sample, at 22:13:20, counts the 15-second step that ends there.
    assertThat(series.start()).isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:05Z"));
    assertThat(series.counts()).containsExactly(30, 30, 0, 0, 30);
    assertThat(series.missing()).containsExactly(false, false, true, true, false);
    assertThat(series.quality().totalLines()).isEqualTo(7);
  }

  @Test
  void readSeries_prometheusCounts_takesTheValuesAsTheyAre() {
    TrafficSeries series = read(PROMETHEUS, "prometheus", TrafficReadOptions.defaults()
        .withPrometheusValues(PrometheusValues.COUNT)).series();

    assertThat(series.counts()).containsExactly(2, 2, 0, 0, 2);
  }

  @Test
  void readSeries_prometheusError_isReported() {
    assertThatThrownBy(() -> read("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"x\"}", null, TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("status must be \"success\"");
  }

  @Test
  void readSeries_brokenJson_isLocatedToLineAndColumn() {
    assertThatThrownBy(() -> read("{\"status\":\"success\",\n\"data\":{\"resultType\":\"matrix\",\"result\":[}}", null,
        TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("fixture:2:")
        .hasMessageContaining("the Prometheus response is not valid JSON");
  }

  @Test
  void readSeries_vectorInsteadOfMatrix_saysWhatItNeeds() {
    assertThatThrownBy(() -> read("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}", null,
        TrafficReadOptions.defaults()))
        .hasMessageContaining("fixture:1:").hasMessageContaining("data.resultType must be \"matrix\" (a query_range response), but was \"vector\"");
  }

  @Test
  void readSeries_csvHeaderOfThreeColumns_isLocated() {
    assertThatThrownBy(() -> read("a,b,c\n1,2\n3,4\n", "csv", TrafficReadOptions.defaults()))
        .hasMessage("fixture:1:1: the CSV header must have two columns, such as timestamp,count, but was 'a,b,c'");
  }

  @Test
  void readSeries_csvWithOneRow_asksForTheStep() {
    assertThatThrownBy(() -> read("t,n\n1700000000,5\n", "csv", TrafficReadOptions.defaults()))
        .hasMessage("fixture: the step cannot be inferred from fewer than two increasing timestamps; give --step-seconds");
  }

  @Test
  void readSeries_logWithoutAnyGoodLine_isLocatedAtTheFirstBadOne() {
    assertThatThrownBy(() -> read("\nnot a log line\n", "combined", TrafficReadOptions.defaults()))
        .hasMessage("fixture:2:1: no line is in the combined log format");
  }

  @Test
  void readSeries_unknownContent_asksForFormat() {
    assertThatThrownBy(() -> read("hello world\nfoo bar\n", null, TrafficReadOptions.defaults()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("fixture:1:1: cannot tell the format from the first lines (line 1 is 'hello world'); give --format");
  }
}
