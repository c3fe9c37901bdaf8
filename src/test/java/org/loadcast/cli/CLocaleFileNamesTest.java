package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.FileNames;

/**
 * A file name holding a non-ASCII character, written in an experiment, under the C locale (as on a
 * machine or CI job without LANG): the JVM cannot name it, and the user gets one located line with
 * exit 2, not an internal error. The command runs in a child JVM started with {@code LC_ALL=C}.
 */
class CLocaleFileNamesTest {
  @TempDir
  Path dir;

  @Test
  void resolve_plainName_isTheNormalisedSibling() {
    assertThat(FileNames.resolve(Path.of("a/b"), "../c/d.yaml")).isEqualTo(Path.of("a/c/d.yaml"));
    assertThat(FileNames.resolve(null, "./d.yaml")).isEqualTo(Path.of("d.yaml"));
  }

  @Test
  void experimentNamingANonAsciiProfile_underTheCLocale_isOneLocatedLine() throws Exception {
    String smoke = Files.readString(Path.of("simulations/smoke.yaml"));
    int at = smoke.indexOf("\nprofile:");
    int end = smoke.indexOf('\n', at + 1);
    Path experiment = Files.writeString(dir.resolve("x.yaml"),
        smoke.substring(0, at) + "\nprofile: pr\u00f3file.yaml" + smoke.substring(end), StandardCharsets.UTF_8);
    int line = (int) smoke.substring(0, at + 1).chars().filter(c -> c == '\n').count() + 1;

    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "simulate", experiment.toString(),
        "--out", dir.resolve("out").toString());
    builder.environment().remove("LANG");
    builder.environment().remove("LANGUAGE");
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(out + err).isEqualTo(2);
    List<String> lines = err.lines().toList();
    assertThat(lines).as(err).hasSize(1);
    assertThat(lines.get(0)).startsWith(experiment + ":" + line + ":").contains("profile must name the traffic profile's "
        + "file, but ", "is not a file name this system can use", "LANG=C.UTF-8");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
