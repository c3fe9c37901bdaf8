package org.loadcast.dbdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;
import org.loadcast.profile.YamlFile;

class DbDemoDocumentTest {
  private static final String VALID = """
      name: db-demo
      description: d
      seed: 8
      profile: ../traffic-profiles/shop-db-demo.yaml
      database:
        orders: 1000000
        workers: 8
      load:
        ratePerSecond: 10
        warmupSeconds: 10
        durationSeconds: 60
        pauseSeconds: 120
      advisor:
        apply: true
        rewriteNPlusOne: true
      """;

  private static DbDemoDocument parse(String text) {
    return YamlFile.parse(text, "db-demo.yaml", DbDemoDocument.class).value();
  }

  @Test
  void theShippedFile_binds() {
    DbDemoDocument doc = YamlFile.read(Path.of("simulations/db-demo.yaml"), DbDemoDocument.class).value();
    assertThat(doc.database().orders()).isEqualTo(1_000_000);
    assertThat(doc.advisor().apply()).isTrue();
    DbDemoDocument same = parse(VALID);
    assertThat(same.database()).isEqualTo(doc.database());
    assertThat(same.load()).isEqualTo(doc.load());
    assertThat(same.advisor()).isEqualTo(doc.advisor());
  }

  @Test
  void badValues_areLocatedWithTheFieldTheRuleAndTheValue() {
    assertThatThrownBy(() -> parse(VALID.replace("orders: 1000000", "orders: 10")))
        .isInstanceOf(InputException.class)
        .hasMessage("db-demo.yaml:6:11: database.orders must be from 1000 to 10000000, but was 10");
    assertThatThrownBy(() -> parse(VALID.replace("pauseSeconds: 120", "pauseSeconds: 2")))
        .hasMessage("db-demo.yaml:12:17: load.pauseSeconds must be from 10 to 3600, but was 2");
    assertThatThrownBy(() -> parse(VALID.replace("ratePerSecond: 10", "ratePerSecond: -1")))
        .hasMessage("db-demo.yaml:9:18: load.ratePerSecond must be > 0 and <= 1000, but was -1.0");
    assertThatThrownBy(() -> parse(VALID.replace("  apply: true", "  apply: true\n  color: red")))
        .hasMessage("db-demo.yaml:15:10: unknown key 'color' in advisor; known keys: apply, rewriteNPlusOne");
  }

  @Test
  void misspeltRequiredBoolean_namesTheUnknownKey() {
    // A missing boolean is a null to Jackson, not a missing key: it was reported as "advisor.apply
    // must be true or false, but was a mapping", with the misspelt key unnamed.
    assertThatThrownBy(() -> parse(VALID.replace("  apply: true", "  aply: true")))
        .hasMessage("db-demo.yaml:14:3: unknown key 'aply' in advisor (did you mean 'apply'?); advisor.apply is required");
    assertThatThrownBy(() -> parse(VALID.replace("  apply: true", "  colour: true")))
        .hasMessage("db-demo.yaml:14:3: unknown key 'colour' in advisor; known keys: apply, rewriteNPlusOne; advisor.apply is required");
    assertThatThrownBy(() -> parse(VALID.replace("  apply: true\n", "")))
        .hasMessage("db-demo.yaml:14:3: advisor.apply is required");
    assertThatThrownBy(() -> parse(VALID.replace("  apply: true", "  apply: null")))
        .hasMessage("db-demo.yaml:14:10: advisor.apply must be true or false, but was null");
  }
}
