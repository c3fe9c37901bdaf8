package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One invalid profile per validation rule, under {@code src/test/resources/profiles/invalid/}. The
 * first line of each says where the problem must be reported and how it must start:
 * {@code # expect: LINE:COLUMN phrase}.
 */
class InvalidProfileTest {
  private static final Path FIXTURES = Path.of("src/test/resources/profiles/invalid");
  private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+):(\\d+) (.+)");

  static Stream<Path> fixtures() throws IOException {
    return Files.list(FIXTURES).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void read_invalidFixture_reportsTheRuleAtItsLocation(Path fixture) throws IOException {
    Matcher expect = EXPECT.matcher(Files.readAllLines(fixture).get(0));
    assertThat(expect.matches()).as("first line of " + fixture).isTrue();
    InputException e = catchThrowableOfType(InputException.class, () -> TrafficProfiles.read(fixture));
    assertThat(e).as(fixture + " must be rejected").isNotNull();
    String location = fixture + ":" + expect.group(1) + ":" + expect.group(2) + ": ";
    assertThat(e.problems()).extracting(InputProblem::toString).as(fixture.toString())
        .anySatisfy(p -> assertThat(p).startsWith(location + expect.group(3)));
  }

  @Test
  void fixtures_coverEveryRuleFamily() throws IOException {
    assertThat(fixtures().count()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void read_manyProblems_listsThemAllInFileOrder(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, """
        name: bad profile
        seed: 1.5
        timezone: UTC
        startTime: 2024-01-01T00:00:00Z
        rate:
          curve:
            points: [{atSeconds: 0, ratePerSecond: -1}, {atSeconds: 60, ratePerSecond: 3}]
            interpolaton: step
        events:
          - {name: sale, start: 2024-01-01T00:00, end: 2024-01-01T00:10, multiplier: 2, ratePerSecond: 4}
        mix:
          requests: [{name: home, method: FETCH, path: home, weight: 0}]
        extra: 1
        """);
    List<InputProblem> problems = catchThrowableOfType(InputException.class, () -> TrafficProfiles.read(file)).problems();
    assertThat(problems).extracting(p -> p.line() + ":" + p.column()).containsExactly(
        "1:7", "2:7", "7:44", "8:5", "10:5", "12:35", "12:48", "12:62", "13:1");
    assertThat(problems.get(3).message()).startsWith("unknown key 'interpolaton' in rate.curve (did you mean 'interpolation'?)");
  }

  @Test
  void read_moreThanTwentyProblems_keepsTwentyAndCountsTheRest(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder("""
        name: many
        seed: 1
        timezone: UTC
        startTime: 2024-01-01T00:00:00Z
        rate:
          curve:
            points: [{atSeconds: 0, ratePerSecond: 1}, {atSeconds: 60, ratePerSecond: 3}]
        mix:
          requests:
        """);
    for (int i = 0; i < 25; i++) {
      text.append("    - {name: r").append(i).append(", method: GET, path: /, weight: -1}\n");
    }
    Path file = dir.resolve("many.yaml");
    Files.writeString(file, text);
    List<InputProblem> problems = catchThrowableOfType(InputException.class, () -> TrafficProfiles.read(file)).problems();
    assertThat(problems).hasSize(YamlFile.MAX_PROBLEMS + 1);
    assertThat(problems.get(YamlFile.MAX_PROBLEMS).message()).startsWith("and 5 more problem(s)");
  }

  @Test
  void read_validEvents_applyThemToTheRate(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path file = dir.resolve("events.yaml");
    Files.writeString(file, """
        name: events
        seed: 1
        timezone: America/New_York
        startTime: 2024-01-01T00:00:00-05:00
        rate:
          curve:
            points: [{atSeconds: 0, ratePerSecond: 10}, {atSeconds: 7200, ratePerSecond: 10}]
            interpolation: step
        events:
          - {name: launch, kind: campaign, start: 2024-01-01T00:30, end: 2024-01-01T01:00, multiplier: 3}
          - {name: outage drill, start: 2024-01-01T06:30:00Z, end: 2024-01-01T06:40:00Z, ratePerSecond: 0}
        mix:
          requests: [{name: home, method: GET, path: /, weight: 1}]
        """);
    TrafficProfile profile = TrafficProfiles.read(file);
    // 7200 s at 10/s, 1800 s of it tripled (+36000), 600 s of it (06:30Z = 01:30 local) shut off (-6000).
    assertThat(profile.rate().integral(0, 7200)).isEqualTo(72000 + 36000 - 6000);
    assertThat(profile.events().events()).extracting(CalendarEvent::fromSeconds).containsExactly(1800.0, 5400.0);
    assertThatThrownBy(() -> profile.rate().rateAt(7201)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void read_validModel_materializesItsCurve() {
    TrafficProfile profile = TrafficProfiles.read(Path.of("src/test/resources/profiles/valid-model.yaml"));
    assertThat(profile.rate().startSeconds()).isZero();
    assertThat(profile.rate().endSeconds()).isEqualTo(604800);
    assertThat(profile.rate().interpolation()).isEqualTo(Interpolation.STEP);
    // A week of a 20/s base with factors near 1 on average, growing 1 % a day: between 8 and 16 M requests.
    assertThat(profile.rate().integral(0, 604800)).isBetween(8e6, 16e6);
    assertThat(TrafficProfiles.read(Path.of("src/test/resources/profiles/valid-model.yaml")).rate().integral(0, 604800))
        .as("same seed, same noise").isEqualTo(profile.rate().integral(0, 604800));
  }

  @Test
  void read_validSessions_solvesTheChain() {
    TrafficProfile profile = TrafficProfiles.read(Path.of("src/test/resources/profiles/valid-sessions.yaml"));
    // Visits: home 0.8; item 0.2 + 0.8 x 0.5 = 0.6; buy 0.6 x 0.3 = 0.18; 1.58 requests per session.
    assertThat(profile.mix().sessions().expectedRequestsPerSession()).isCloseTo(1.58, org.assertj.core.api.Assertions.within(1e-12));
  }
}
