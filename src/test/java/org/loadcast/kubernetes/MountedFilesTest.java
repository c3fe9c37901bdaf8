package org.loadcast.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountedFilesTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static ConfigMap roundTrip(MountedFiles files) {
    String yaml = ManifestYaml.write(files.configMap(new ObjectMetaBuilder().withName("x").build()));
    return ManifestRules.read(yaml, ConfigMap.class);
  }

  @Test
  void items_keepPathsAndKeysAreSafe() {
    MountedFiles files = MountedFiles.of(Map.of("simulations/smoke.yaml", utf8("a"), "traffic-profiles/feeders/skus v2.csv", utf8("b")));

    assertThat(files.items()).extracting(KeyToPath::getKey, KeyToPath::getPath).containsExactly(
        org.assertj.core.groups.Tuple.tuple("simulations_smoke.yaml", "simulations/smoke.yaml"),
        org.assertj.core.groups.Tuple.tuple("traffic-profiles_feeders_skus_v2.csv", "traffic-profiles/feeders/skus v2.csv"));
  }

  /** Text that YAML writers mangle easily must come back byte for byte through the manifest. */
  @ParameterizedTest
  @ValueSource(strings = {"", "no line feed at the end", "trailing spaces   \nand a tab\t\n", "  leading spaces\n",
      "yes", "0123", "1e3", "null", "~", "- a\n- b\n", "key: value # not a comment\n", "\n\nblank lines first\n",
      "ends with blank lines\n\n\n", "unicode: é ü 日本 \uD83D\uDE80\n", "\uFEFFbyte-order mark\n", "| literal\n> folded\n",
      "\"quoted\"\n'single'\n", "---\n...\n", "a,b\n1,2\n"})
  void configMap_text_roundTripsByteForByte(String text) {
    ConfigMap back = roundTrip(MountedFiles.of(Map.of("f.txt", utf8(text))));

    assertThat(back.getData()).containsExactly(Map.entry("f.txt", text));
  }

  @Test
  void configMap_bytesThatAreNotPlainText_goToBinaryData() {
    byte[] binary = {(byte) 0x1f, (byte) 0x8b, 0, (byte) 0xff};
    byte[] crlf = utf8("a,b\r\n1,2\r\n");
    ConfigMap back = roundTrip(MountedFiles.of(Map.of("log.gz", binary, "windows.csv", crlf, "plain.csv", utf8("a\n"))));

    assertThat(back.getData()).containsOnlyKeys("plain.csv");
    assertThat(Base64.getDecoder().decode(back.getBinaryData().get("log.gz"))).isEqualTo(binary);
    assertThat(Base64.getDecoder().decode(back.getBinaryData().get("windows.csv"))).isEqualTo(crlf);
  }

  @Test
  void of_exactlyOneMebibyte_isAccepted() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("a.csv", new byte[1024 * 1024 - 10]);
    files.put("b.csv", new byte[10]);

    assertThat(MountedFiles.of(files).totalBytes()).isEqualTo(1_048_576);
  }

  @Test
  void of_overOneMebibyte_namesTheBiggestFiles() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("small.yaml", new byte[3]);
    files.put("big.csv", new byte[1024 * 1024 - 2]);
    files.put("mid.csv", new byte[5]);
    files.put("tiny.csv", new byte[1]);

    assertThatThrownBy(() -> MountedFiles.of(files)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the files must total at most 1048576 bytes (1 MiB, the ConfigMap limit), but total 1048583 bytes; "
            + "the biggest: big.csv (1048574 bytes), mid.csv (5 bytes), small.yaml (3 bytes)");
  }

  @Test
  void of_pathsWithTheSameKey_areRefused() {
    assertThatThrownBy(() -> MountedFiles.of(Map.of("a/b.csv", utf8("1"), "a_b.csv", utf8("2"))))
        .hasMessageContaining("must have different ConfigMap keys, but both would be 'a_b.csv'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../outside.yaml", "a/../b.yaml", "a//b.yaml", "./a.yaml", "a/", "a\\b.yaml"})
  void of_pathThatDoesNotDescend_isRefused(String path) {
    assertThatThrownBy(() -> MountedFiles.of(Map.of(path, utf8("x"))))
        .hasMessage("file path must be relative to the mount point, with no empty, '.' or '..' element, but was '" + path + "'");
  }

  @Test
  void of_noFile_isRefused() {
    assertThatThrownBy(() -> MountedFiles.of(Map.of())).hasMessageContaining("at least one file");
  }

  @Test
  void of_keyLongerThan253_isRefused() {
    assertThatThrownBy(() -> MountedFiles.of(Map.of("d/" + "x".repeat(252), utf8("x"))))
        .hasMessageContaining("at most 253 characters");
  }

  @Test
  void paths_areInOrder() {
    assertThat(MountedFiles.of(Map.of("b", utf8("1"), "a/c", utf8("2"))).paths()).isEqualTo(List.of("a/c", "b"));
  }
}
