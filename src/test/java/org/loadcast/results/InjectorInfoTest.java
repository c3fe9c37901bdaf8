package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.InputException;

class InjectorInfoTest {
  private static final String FILE = "r/injector.json";
  private static final String SHA = "0123456789abcdef".repeat(4);

  private static String text(String index, String count, String sha) {
    return "{\n  \"formatVersion\" : 1,\n  \"injectorIndex\" : " + index + ",\n  \"injectorCount\" : " + count
        + ",\n  \"scheduleSha256\" : " + sha + ",\n  \"startEpochMillis\" : 1796040000000,\n"
        + "  \"startOffsetMillis\" : -3,\n  \"experiment\" : \"simulations/smoke.yaml\",\n  \"replayFraction\" : 0.5\n}\n";
  }

  private static void assertProblem(String text, String message) {
    assertThatThrownBy(() -> InjectorInfo.parse(text, FILE)).isInstanceOf(InputException.class).hasMessage(message);
  }

  @Test
  void write_thenRead_givesTheSameIdentityAndIndentedFields(@TempDir Path dir) throws IOException {
    InjectorInfo info = new InjectorInfo(1, 2, 3, SHA, 1_796_040_000_000L, -3, "simulations/smoke.yaml", 0.5);
    info.write(dir.resolve("results"));
    assertThat(InjectorInfo.read(dir.resolve("results"))).isEqualTo(info);
    assertThat(Files.readString(dir.resolve("results/injector.json"))).isEqualTo(text("2", "3", "\"" + SHA + "\""));
    assertThat(dir.resolve("results")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void read_missingFile_namesTheDirectory(@TempDir Path dir) {
    assertThatThrownBy(() -> InjectorInfo.read(dir)).isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("injector.json") + ": an injector's results directory must hold injector.json, but '" + dir
            + "' has none");
  }

  @Test
  void parse_indexNotBelowCount_isLocated() {
    assertProblem(text("3", "3", "\"" + SHA + "\""),
        FILE + ":3:21: injectorIndex must be 0 to 2 (injectorCount - 1), but was 3");
  }

  @Test
  void parse_countZero_isLocated() {
    assertProblem(text("0", "0", "\"" + SHA + "\""), FILE + ":4:21: injectorCount must be >= 1, but was 0");
  }

  @Test
  void parse_indexAsStringAndOffsetAsDecimal_reportsBothInFileOrder() {
    assertProblem(text("\"1\"", "3", "\"" + SHA + "\"").replace("-3", "-3.5"), FILE + ":3:21: injectorIndex must be a "
        + "32-bit whole number, but was '1'\n" + FILE + ":7:25: startOffsetMillis must be a 64-bit whole number, but was -3.5");
  }

  @Test
  void parse_badDigest_namesTheRule() {
    assertProblem(text("1", "3", "\"ABC\""), FILE + ":5:22: scheduleSha256 must be 64 lower-case hex digits (a SHA-256), "
        + "but was 'ABC'");
  }

  @Test
  void parse_twoRulesBroken_reportsBothInFileOrder() {
    assertProblem(text("-1", "3", "\"" + SHA + "\"").replace("\"formatVersion\" : 1", "\"formatVersion\" : 0")
        .replace("\"simulations/smoke.yaml\"", "\" \""),
        FILE + ":2:21: formatVersion must be 1, but was 0\n" + FILE + ":3:21: injectorIndex must be 0 to 2 (injectorCount - 1), "
            + "but was -1\n" + FILE + ":8:18: experiment must name the experiment file, but was ' '");
  }

  @Test
  void parse_replayFractionOutOfRangeOrText_isLocated() {
    assertProblem(text("1", "3", "\"" + SHA + "\"").replace("0.5\n", "1.5\n"),
        FILE + ":9:22: replayFraction must be in (0, 1], but was 1.5");
    assertProblem(text("1", "3", "\"" + SHA + "\"").replace("0.5\n", "\"half\"\n"),
        FILE + ":9:22: replayFraction must be a number, but was 'half'");
  }

  @Test
  void parse_otherFormatVersion_isRefused() {
    assertProblem(text("1", "3", "\"" + SHA + "\"").replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"),
        FILE + ":2:21: formatVersion must be 1, but was 2");
  }

  @Test
  void parse_unknownAndRepeatedField_areLocated() {
    assertProblem(text("1", "3", "\"" + SHA + "\"").replace("\"experiment\"", "\"injectorCount\" : 3, \"shard\""),
        FILE + ":8:21: injectorCount must appear once, but appears again\n" + FILE + ":8:34: shard is not a field of "
            + "injector.json (its fields are formatVersion, injectorIndex, injectorCount, scheduleSha256, "
            + "startEpochMillis, startOffsetMillis, experiment, replayFraction)\n" + FILE + ": experiment is required, but is missing");
  }

  @Test
  void parse_notJson_givesTheLocation() {
    assertThatThrownBy(() -> InjectorInfo.parse("{\"formatVersion\" : 1,\n  oops", FILE)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(FILE + ":2:3: not valid JSON: ");
    assertProblem("[1]", FILE + ":1:1: the file must hold one JSON object with the fields formatVersion, injectorIndex, "
        + "injectorCount, scheduleSha256, startEpochMillis, startOffsetMillis, experiment, replayFraction");
  }

  @Test
  void constructor_negativeStart_throwsNamingTheValue() {
    assertThatThrownBy(() -> new InjectorInfo(1, 0, 1, SHA, -1, 0, "x.yaml", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startEpochMillis must be >= 0, but was -1");
  }
}
