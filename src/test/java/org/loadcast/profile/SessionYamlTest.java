package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mix with sessions, headers and bodies binds from YAML; broken ones are located and named. */
class SessionYamlTest {
  @TempDir
  Path dir;

  private static final String VALID = """
      name: shop
      seed: 7
      timezone: UTC
      startTime: 2024-01-01T00:00:00Z
      rate:
        curve:
          points: [{atSeconds: 0, ratePerSecond: 1}, {atSeconds: 60, ratePerSecond: 3}]
      mix:
        requests:
          - {name: home, method: GET, path: /}
          - name: search
            method: POST
            path: /search/{category}
            headers: {Content-Type: application/json, X-Trace: "t-{category}"}
            body: '{"q": "{term}"}'
            feeder: search-terms.csv
        sessions:
          initial: {home: 0.8, search: 0.2}
          transitions:
            home:
              search: {probability: 0.5, thinkTime: {logNormal: {medianSeconds: 4, sigma: 0.8}}}
              exit: {probability: 0.5}
            search:
              home: {probability: 0.3, thinkTime: {exponential: {meanSeconds: 10}}}
              search: {probability: 0.2, thinkTime: {empirical: {quantileSeconds: [1, 2, 8]}}}
              exit: {probability: 0.5}
      """;

  private static List<String> problems(String text) {
    InputException e = catchThrowableOfType(InputException.class, () -> YamlFile.parse(text, "shop.yaml", ProfileDocument.class));
    assertThat(e).as("expected the text to be rejected").isNotNull();
    return e.problems().stream().map(InputProblem::toString).toList();
  }

  @Test
  void parse_sessionsHeadersAndBody_bind() {
    RequestMix mix = YamlFile.parse(VALID, "shop.yaml", ProfileDocument.class).value().mix();
    RequestTemplate search = mix.template("search");
    assertThat(search.headers()).containsExactly(
        java.util.Map.entry("Content-Type", "application/json"), java.util.Map.entry("X-Trace", "t-{category}"));
    assertThat(search.placeholders()).containsExactly("category", "term");
    assertThat(search.weight()).isNull();
    SessionModel sessions = mix.sessions();
    assertThat(sessions.transitions().get("home").get("search").thinkTime()).isEqualTo(new ThinkTime.LogNormal(4, 0.8));
    assertThat(sessions.transitions().get("search").get("search").thinkTime())
        .isEqualTo(new ThinkTime.Empirical(List.of(1.0, 2.0, 8.0)));
    assertThat(sessions.transitions().get("home").get("exit").thinkTime()).isNull();
    assertThat(sessions.expectedRequestsPerSession()).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void parse_probabilityAboveOne_isLocatedAndNamed() {
    assertThat(problems(VALID.replace("search: {probability: 0.5,", "search: {probability: 1.2,")))
        .singleElement().asString()
        .startsWith("shop.yaml:21:31: ").endsWith("mix.sessions.transitions.home.search.probability must be in [0, 1], but was 1.2");
  }

  @Test
  void parse_rowNotSummingToOne_namesTheRowAndTheSum() {
    assertThat(problems(VALID.replaceFirst("exit: \\{probability: 0.5}", "exit: {probability: 0.4}")))
        .singleElement().asString()
        .endsWith("mix.sessions.transitions.home must have probabilities summing to 1 within 1e-9, but they sum to 0.900000000000");
  }

  @Test
  void parse_unknownState_suggestsTheClosest() {
    assertThat(problems(VALID.replace("home: {probability: 0.3", "hom: {probability: 0.3")))
        .singleElement().asString()
        .endsWith("mix.sessions.transitions.search.hom must be exit or a state with a row in transitions, but was 'hom' (did you mean 'home'?)");
  }

  @Test
  void parse_unknownThinkTimeKind_listsTheKinds() {
    assertThat(problems(VALID.replace("{exponential: {meanSeconds: 10}}", "{gamma: {meanSeconds: 10}}")))
        .singleElement().asString().contains("gamma").contains("exponential");
  }

  @Test
  void parse_weightMissingWithoutSessions_isNamed() {
    String noSessions = VALID.substring(0, VALID.indexOf("  sessions:"));
    assertThat(problems(noSessions)).singleElement().asString()
        .endsWith("mix.requests[0].weight must be a finite number > 0 when the mix has no sessions, but was missing");
  }

  @Test
  void write_extractedSessions_readBackEqual() throws IOException {
    SessionExtraction extraction = SessionExtractor.extract(SessionExtractorTest.threeClients(),
        new ExtractionSettings(10, 1800, 60, 1, 10, true, 100));
    RateCurve curve = RateCurve.of(new double[] {0, 60}, new double[] {1, 1}, Interpolation.STEP, List.of());
    TrafficProfile profile = new TrafficProfile("shop", "", 7, ZoneOffset.UTC, OffsetDateTime.parse("2024-01-01T00:00:00Z"),
        curve, extraction.mix());
    Path out = dir.resolve("shop.yaml");
    TrafficProfiles.write(profile, new ProfileDocument.Source("test", List.of(), extraction.summary()), out);
    String text = Files.readString(out);
    assertThat(text).contains("initial:", "transitions:", "exit:", "constant:", "feeder: feeders/get-items-id.csv");
    assertThat(text).doesNotContain("meanSeconds", "headers", "body");
    assertThat(TrafficProfiles.read(out).mix()).isEqualTo(extraction.mix());
    assertThat(EditorProfileSchema.validate(text)).isEmpty();
  }

  @Test
  void parse_transitionsMissing_isRequired() {
    String text = VALID.substring(0, VALID.indexOf("    transitions:"));
    assertThat(problems(text)).singleElement().asString().endsWith("mix.sessions.transitions is required");
  }
}
