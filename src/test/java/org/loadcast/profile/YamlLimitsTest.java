package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlLimitsTest {
  private static final Path VALID = Path.of("src/test/resources/profiles/valid-model.yaml");

  @TempDir
  Path temp;

  /** The classic "billion laughs": nine levels of nine aliases, 10^9 strings if expanded. */
  static String billionLaughs() {
    StringBuilder text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String previous = "a";
    for (char level = 'b'; level <= 'i'; level++) {
      text.append(level).append(": &").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        text.append(i == 0 ? "" : ", ").append('*').append(previous);
      }
      text.append("]\n");
      previous = String.valueOf(level);
    }
    return text.toString();
  }

  @Test
  void aliasBomb_isRefusedAtItsFiftyFirstAlias() {
    // levels b to f hold 45 aliases of lists; the 51st is the 6th alias of level g, on line 7
    assertThatThrownBy(() -> YamlFile.parse(billionLaughs(), "bomb.yaml", ProfileDocument.class))
        .isInstanceOf(InputException.class)
        .hasMessage("bomb.yaml:7:28: too many aliases (more than 50 aliases of lists and mappings): "
            + "an alias bomb? Write the values out instead");
  }

  @Test
  void deepNest_isRefusedAtTheFirstLevelTooDeep() {
    String deep = "name: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    // the document's mapping is level 1, so the 50th '[' (column 56) opens level 51
    assertThatThrownBy(() -> YamlFile.parse(deep, "deep.yaml", ProfileDocument.class))
        .hasMessage("deep.yaml:1:56: nesting too deep (more than 50 levels of lists and mappings); "
            + "Loadcast's documents nest fewer than 10");
  }

  @Test
  void deepNestThroughAliases_isRefusedByJacksonsConstraint() {
    // each list nests 30 levels, and so within SnakeYAML's limit; the alias replays it 30 levels deeper
    String thirty = "[".repeat(30) + "]".repeat(30);
    String text = "a: &x " + thirty + "\nb: " + "[".repeat(29) + "*x" + "]".repeat(29) + "\n";
    assertThatThrownBy(() -> YamlFile.parse(text, "alias-deep.yaml", ProfileDocument.class))
        .hasMessageStartingWith("alias-deep.yaml:")
        .hasMessageContaining(": nesting too deep (more than 50 levels of lists and mappings)");
  }

  @Test
  void fileLargerThanTheLimit_isRefusedBeforeItIsRead() throws IOException {
    Path big = temp.resolve("big.yaml");
    try (Writer out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
      out.write("name: big\ndescription: |\n");
      String line = "  " + "x".repeat(98) + "\n";
      for (int i = 0; i < 200_000; i++) {
        out.write(line);
      }
    }
    assertThat(Files.size(big)).isEqualTo(20_200_025L);
    assertThatThrownBy(() -> TrafficProfiles.read(big))
        .hasMessage(big + ": the file is too large for a YAML document (20200025 bytes; the limit is 8388608 bytes, 8 MiB); "
            + "keep a long rate curve in a CSV file (rate.curve.file)");
  }

  @Test
  void longLine_isRefusedAtItsStart() {
    String text = "name: big\ndescription: " + "x".repeat(YamlLimits.MAX_LINE_LENGTH) + "\n";
    assertThatThrownBy(() -> YamlFile.parse(text, "long.yaml", ProfileDocument.class))
        .hasMessage("long.yaml:2:1: a line of 65549 characters; lines may have at most 65536 "
            + "(write a long text as a block: '|' and several lines)");
  }

  @Test
  void textLargerThanTheLimit_isRefusedByTheCodePointLimit() {
    String text = "name: big\ndescription: |\n" + ("  " + "x".repeat(1022) + "\n").repeat(YamlLimits.MAX_DOCUMENT_SIZE / 1024);
    assertThatThrownBy(() -> YamlFile.parse(text, "big.yaml", ProfileDocument.class))
        .hasMessage("big.yaml: the document is too large (more than 8388608 characters, 8 MiB); "
            + "keep a long rate curve in a CSV file (rate.curve.file)");
  }

  @Test
  void alias_isReplacedByItsAnchoredValue() throws IOException {
    // Jackson alone reads an alias as the text of the anchor's name: the description would be "n"
    Path file = temp.resolve("alias.yaml");
    String text = Files.readString(VALID).replace("name: tiny-model", "name: &n tiny-model\ndescription: *n")
        .replace("    daily:\n", "    daily: &day\n").replace("    weekly:\n      factors: [1.1, 1.1, 1.1, 1.1, 1.0, 0.8, 0.8]\n",
            "    weekly:\n      factors: [1, 1, 1, 1, 1, 1, 1]\n");
    Files.writeString(file, text);
    TrafficProfile profile = TrafficProfiles.read(file);
    assertThat(profile.name()).isEqualTo("tiny-model");
    assertThat(profile.description()).isEqualTo("tiny-model");
  }

  @Test
  void aliasWithoutAnchor_isLocatedAndNamed() {
    assertThatThrownBy(() -> YamlFile.parse("name: x\ndescription: *nowhere\n", "a.yaml", ProfileDocument.class))
        .hasMessage("a.yaml:2:14: the alias '*nowhere' names no anchor: write '&nowhere' on a value above it");
  }

  @Test
  void latin1Byte_isLocatedAtItsLineAndColumn() throws IOException {
    Path file = temp.resolve("latin1.yaml");
    Files.write(file, "name: x\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> TrafficProfiles.read(file))
        .hasMessage(file + ":2:17: the file is not UTF-8 text: byte 0xE9 here is not UTF-8 (a Latin-1 or "
            + "Windows-1252 file?); save it as UTF-8");
  }

  @Test
  void hugeNumber_isRefusedByTheNumberLength() {
    String text = "name: x\nseed: " + "9".repeat(200) + "\n";
    assertThatThrownBy(() -> YamlFile.parse(text, "n.yaml", ProfileDocument.class))
        .hasMessage("n.yaml:2:7: seed: a number with 200 digits; numbers may have at most 100");
  }
}
