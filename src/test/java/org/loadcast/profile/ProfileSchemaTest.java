package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loadcast.profile.EditorProfileSchema.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schema that editors use agrees with the example profiles. */
class ProfileSchemaTest {
  @Test
  void everyExampleProfile_validatesAndNamesTheSchema() throws IOException {
    List<Path> profiles;
    try (Stream<Path> files = Files.list(Path.of("traffic-profiles"))) {
      profiles = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(profiles).isNotEmpty();
    for (Path profile : profiles) {
      String text = Files.readString(profile);
      assertThat(text).as(profile.toString()).startsWith(TrafficProfiles.SCHEMA_COMMENT);
      assertThat(validate(text)).as(profile.toString()).isEmpty();
    }
  }

  @Test
  void schema_rejectsWhatTheReaderRejects() throws IOException {
    String valid = """
        name: tiny
        seed: 7
        timezone: UTC
        startTime: 2024-01-01T00:00:00Z
        rate:
          curve:
            points: [{atSeconds: 0, ratePerSecond: 1}, {atSeconds: 60, ratePerSecond: 3}]
        mix:
          requests: [{name: home, method: GET, path: /, weight: 1}]
        """;
    assertThat(validate(valid)).isEmpty();
    assertThat(validate(valid.replace("seed: 7", "sead: 7"))).isNotEmpty();
    assertThat(validate(valid.replace("ratePerSecond: 3", "ratePerSecond: -3"))).isNotEmpty();
    assertThat(validate(valid.replace("method: GET", "method: FETCH"))).isNotEmpty();
    assertThat(validate(valid.replace("path: /", "path: home"))).isNotEmpty();
    assertThat(validate(valid.replace("    points:", "    file: x.csv\n    points:"))).isNotEmpty();
  }

  @Test
  void schema_sessionsHeadersAndBody_validateAndItsRulesReject() throws IOException {
    String valid = """
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
            - {name: search, method: POST, path: "/search/{category}", headers: {Content-Type: text/plain}, body: "{term}", feeder: terms.csv}
          sessions:
            initial: {home: 1}
            transitions:
              home:
                search: {probability: 0.5, thinkTime: {logNormal: {medianSeconds: 4, sigma: 0.8}}}
                exit: {probability: 0.5}
              search:
                exit: {probability: 1}
        """;
    assertThat(validate(valid)).isEmpty();
    String noSessions = valid.substring(0, valid.indexOf("  sessions:"));
    assertThat(validate(noSessions)).as("weights are required without sessions").isNotEmpty();
    assertThat(validate(valid.replace("method: POST", "method: GET"))).as("no body with GET").isNotEmpty();
    assertThat(validate(valid.replace("probability: 0.5, thinkTime", "probability: 1.2, thinkTime"))).isNotEmpty();
    assertThat(validate(valid.replace("{logNormal: {medianSeconds: 4, sigma: 0.8}}", "{gamma: {shape: 2}}"))).isNotEmpty();
    assertThat(validate(valid.replace("Content-Type: text/plain", "\"Bad Name\": x"))).isNotEmpty();
    assertThat(validate(valid.replace("      search:\n", "      exit:\n"))).as("no state named exit").isNotEmpty();
  }
}
