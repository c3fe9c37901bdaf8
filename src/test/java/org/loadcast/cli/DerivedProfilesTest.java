package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.YamlFile;

/**
 * The profiles derived from the shared real traces, committed under {@code traffic-profiles/}: each
 * reads back, and its {@code .fit.json} meets the decomposition goal.
 */
class DerivedProfilesTest {
  /** The goal of the decomposition: the fitted model's hourly rates within 10 % sMAPE of the trace. */
  private static final double SMAPE_GOAL_PERCENT = 10;

  static Stream<Path> fitFiles() throws IOException {
    return Files.list(Path.of("traffic-profiles")).filter(p -> p.toString().endsWith(".fit.json")).sorted();
  }

  @Test
  void fitFiles_coverEverySharedTrace() throws IOException {
    assertThat(fitFiles().map(p -> p.getFileName().toString())).contains(
        "nasa-july-1995-sessions.fit.json", "nasa-august-1995-sessions.fit.json", "worldcup98.fit.json",
        "elastic-sampled-2015.fit.json");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fitFiles")
  void fitJson_meetsTheGoalAndItsProfileChecks(Path fitFile) throws IOException {
    JsonNode fit = new ObjectMapper().readTree(fitFile.toFile());
    assertThat(fit.get("smapeHourlyPercent").asDouble()).isBetween(0.0, SMAPE_GOAL_PERCENT);
    assertThat(fit.get("burstsPerDay").asDouble()).isLessThanOrEqualTo(1.0);
    assertThat(fit.get("parameterCount").asInt()).isPositive();
    assertThat(fit.get("totalRequests").asLong()).isPositive();
    assertThat(fit.has("malformedLines")).isTrue();
    assertThat(fit.has("missingSeconds")).isTrue();
    assertThat(fit.get("components").get("dailyFactors")).hasSize(24);
    assertThat(fit.get("components").get("weeklyFactors")).hasSize(7);
    Path yaml = fitFile.resolveSibling(fit.get("profile").asText());
    TrafficProfile profile = TrafficProfiles.read(yaml);
    ProfileDocument doc = YamlFile.read(yaml, ProfileDocument.class).value();
    if (doc.rate().model() != null) {
      assertThat(doc.rate().model().parameterCount()).isEqualTo(fit.get("parameterCount").asInt());
      assertThat(profile.rate().missing()).isEmpty();
    }
  }

  @Test
  void fitJson_ofTheNasaOutageMonth_countsTheOutageAsMissing() throws IOException {
    JsonNode fit = new ObjectMapper().readTree(Path.of("traffic-profiles/nasa-august-1995-sessions.fit.json").toFile());
    // Hurricane Erin: 135,851 empty seconds from 1 Aug 14:52 to 3 Aug 04:36 are missing, not zero load.
    assertThat(fit.get("missingSeconds").asLong()).isGreaterThanOrEqualTo(135_851);
    assertThat(fit.get("sessions").get("sessionCount").asLong()).isPositive();
  }

  @Test
  void fitJson_ofTheSampledLog_saysItWasSampled() throws IOException {
    JsonNode fit = new ObjectMapper().readTree(Path.of("traffic-profiles/elastic-sampled-2015.fit.json").toFile());
    assertThat(fit.get("dataQuality").get("sampled").asBoolean()).isTrue();
    assertThat(fit.get("dataQuality").get("sampling").get("coverageFraction").asDouble()).isEqualTo(1.0 / 60);
    assertThat(fit.get("malformedLines").asLong()).isEqualTo(1);
    assertThat(fit.get("fittedStepSeconds").asInt()).isEqualTo(3600);
  }

  @Test
  void derive_againFromTheSharedTrace_reproducesTheCommittedProfile(@TempDir Path dir) {
    Path out = dir.resolve("nasa-august-1995-sessions.yaml");
    CommandRun r = CommandRun.of("profile", "derive", "../shared/data/rate_series/nasa_ksc_1995-08_requests_per_second.txt.gz",
        "--start", "1995-08-01T00:00:01-04:00", "--timezone", "America/New_York",
        "--mix-from", "../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log", "--sessions",
        "--name", "nasa-august-1995-sessions", "--seed", "1995", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    ProfileDocument derived = YamlFile.read(out, ProfileDocument.class).value();
    ProfileDocument committed = YamlFile.read(Path.of("traffic-profiles/nasa-august-1995-sessions.yaml"), ProfileDocument.class).value();
    assertThat(derived.rate()).isEqualTo(committed.rate());
    assertThat(derived.mix()).isEqualTo(committed.mix());
    assertThat(derived.source().files()).isEqualTo(committed.source().files());
    assertThat(List.of(derived.seed(), derived.timezone(), derived.startTime()))
        .isEqualTo(List.of(committed.seed(), committed.timezone(), committed.startTime()));
  }
}
