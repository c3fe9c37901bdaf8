package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading profiles: the committed NASA profile, and one broken file per rule. */
class TrafficProfilesTest {
  private static final String VALID = """
      name: tiny
      seed: 7
      timezone: UTC
      startTime: 2024-01-01T00:00:00Z
      rate:
        curve:
          interpolation: linear
          points:
            - {atSeconds: 0, ratePerSecond: 1}
            - {atSeconds: 60, ratePerSecond: 3}
      mix:
        requests:
          - {name: home, method: GET, path: /, weight: 1}
      """;

  @TempDir
  Path dir;

  @Test
  void read_committedNasaProfile_hasTheJulyCurveAndTheMix() {
    TrafficProfile profile = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml"));
    assertThat(profile.name()).isEqualTo("nasa-kennedy-1995");
    assertThat(profile.rate().endSeconds()).isEqualTo(2_381_544);
    assertThat(profile.rate().interpolation()).isEqualTo(Interpolation.STEP);
    assertThat(profile.rate().missing()).contains(new TimeRange(1_108_139, 1_109_464));
    assertThat(profile.mix().requests().get(0).path()).isEqualTo("/images/NASA-logosmall.gif");
    assertThat(profile.wallClock(0).toOffsetDateTime().toString()).isEqualTo("1995-07-01T00:00:01-04:00");
  }

  @Test
  void read_validInline_buildsTheCurve() throws IOException {
    TrafficProfile profile = TrafficProfiles.read(write("ok.yaml", VALID));
    assertThat(profile.rate().integral(0, 60)).isEqualTo(120);
    assertThat(profile.seed()).isEqualTo(7);
  }

  @Test
  void read_unknownKey_suggestsTheClosestKnownKey() throws IOException {
    assertThat(problems("typo.yaml", VALID.replace("seed: 7", "sead: 7")))
        .singleElement().asString()
        .startsWith(dir.resolve("typo.yaml") + ":2:1: unknown key 'sead' (did you mean 'seed'?)");
  }

  @Test
  void read_negativeRate_pointsAtTheValue() throws IOException {
    assertThat(problems("negative.yaml", VALID.replace("{atSeconds: 60, ratePerSecond: 3}", "{atSeconds: 60, ratePerSecond: -5}")))
        .containsExactly(dir.resolve("negative.yaml")
            + ":10:40: rate.curve.points[1].ratePerSecond must be >= 0, but was -5");
  }

  @Test
  void read_missingRequiredKey_saysWhichOne() throws IOException {
    assertThat(problems("noseed.yaml", VALID.replace("seed: 7\n", "")))
        .singleElement().asString().endsWith(": seed is required");
  }

  @Test
  void read_textForANumber_namesTheFieldAndValue() throws IOException {
    assertThat(problems("text.yaml", VALID.replace("seed: 7", "seed: seven")))
        .singleElement().asString().isEqualTo(dir.resolve("text.yaml") + ":2:7: seed must be a whole number, but was 'seven'");
  }

  @Test
  void read_badTimezoneAndStartTime_listsBothInFileOrder() throws IOException {
    String broken = VALID.replace("timezone: UTC", "timezone: Mars/Olympus").replace("2024-01-01T00:00:00Z", "yesterday");
    assertThat(problems("both.yaml", broken)).containsExactly(
        dir.resolve("both.yaml") + ":3:11: timezone must be a region id such as America/New_York, but was 'Mars/Olympus'",
        dir.resolve("both.yaml") + ":4:12: startTime must be an ISO-8601 date-time with offset such as "
            + "1995-07-01T00:00:00-04:00, but was 'yesterday'");
  }

  @Test
  void read_fileAndPoints_isAmbiguous() throws IOException {
    String both = VALID.replace("interpolation: linear", "interpolation: linear\n    file: x.csv");
    assertThat(problems("ambiguous.yaml", both)).singleElement().asString()
        .contains("rate.curve must have exactly one of file, points, but had both file and points");
  }

  @Test
  void read_unknownInterpolation_listsTheChoices() throws IOException {
    assertThat(problems("interp.yaml", VALID.replace("interpolation: linear", "interpolation: cubic")))
        .singleElement().asString().endsWith("rate.curve.interpolation must be one of linear, step, but was 'cubic'");
  }

  @Test
  void read_badCurveFileLine_pointsAtTheCsvLine() throws IOException {
    Files.writeString(dir.resolve("c.rate.csv"), "atSeconds,ratePerSecond\n0,1\n60,x\n");
    String withFile = withCurve("    interpolation: step\n    file: c.rate.csv");
    assertThat(problems("c.yaml", withFile)).containsExactly(
        dir.resolve("c.rate.csv") + ":3:4: ratePerSecond must be a number, but was 'x'");
  }

  @Test
  void read_csvTimesGoingBack_namesTheLine() throws IOException {
    Files.writeString(dir.resolve("d.rate.csv"), "atSeconds,ratePerSecond\n0,1\n60,1\n30,1\n");
    String withFile = withCurve("    file: d.rate.csv");
    assertThat(problems("d.yaml", withFile)).containsExactly(
        dir.resolve("d.rate.csv") + ":4:1: atSeconds must be > the previous line's atSeconds (60.0), but was 30.0");
  }

  @Test
  void read_negativeRateInCsv_pointsAtTheValuesColumn() throws IOException {
    Files.writeString(dir.resolve("e.rate.csv"), "atSeconds,ratePerSecond\n0,1\n600,-1.5\n");
    String withFile = withCurve("    file: e.rate.csv");
    assertThat(problems("e.yaml", withFile)).containsExactly(
        dir.resolve("e.rate.csv") + ":3:5: ratePerSecond must be a finite number >= 0, but was -1.5");
  }

  @Test
  void read_missingRangePastTheCurve_isLocatedInTheYaml() throws IOException {
    Files.writeString(dir.resolve("f.rate.csv"), "atSeconds,ratePerSecond\n0,1\n60,1\n");
    String withFile = withCurve("    file: f.rate.csv\n  missing:\n    - {fromSeconds: 30, toSeconds: 90}");
    assertThat(problems("f.yaml", withFile)).singleElement().asString()
        .startsWith(dir.resolve("f.yaml") + ":9:").contains("rate.missing[0] must lie within the curve [0.0, 60.0]");
  }

  @Test
  void read_notYaml_saysSo() throws IOException {
    assertThat(problems("bad.yaml", "name: [unclosed\n")).singleElement().asString().contains("not valid YAML");
  }

  @Test
  void write_thenRead_roundTrips() {
    TrafficProfile profile = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml"));
    Path out = dir.resolve("copy.yaml");
    TrafficProfiles.write(profile, new ProfileDocument.Source("test", List.of(), "round trip"), out);
    TrafficProfile copy = TrafficProfiles.read(out);
    assertThat(copy.mix()).isEqualTo(profile.mix());
    assertThat(copy.rate().missing()).isEqualTo(profile.rate().missing());
    assertThat(copy.rate().integral(0, copy.rate().endSeconds()))
        .isEqualTo(profile.rate().integral(0, profile.rate().endSeconds()));
    assertThat(dir.resolve("copy.rate.csv")).exists();
  }

  /** Returns the valid profile with its inline points replaced by other curve lines (indented as under rate). */
  private static String withCurve(String curveLines) {
    return VALID.replace("""
          interpolation: linear
          points:
            - {atSeconds: 0, ratePerSecond: 1}
            - {atSeconds: 60, ratePerSecond: 3}
      """, curveLines + "\n");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private List<String> problems(String name, String text) throws IOException {
    Path file = write(name, text);
    InputException e = catchThrowableOfType(InputException.class, () -> TrafficProfiles.read(file));
    assertThat(e).as("expected the file to be rejected").isNotNull();
    return e.problems().stream().map(InputProblem::toString).toList();
  }
}
