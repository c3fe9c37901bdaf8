package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash never leaves a half-written report. A child JVM writes a full report into the same
 * directory over and over ({@link ReportWriteLoop}) and is killed (SIGKILL) at a random moment, eight
 * times: after each kill, {@code index.html} ends with {@code </html>}, {@code summary.json} parses,
 * and every series CSV ends with a line end. Only hidden temporary files ({@code .NAME*.tmp}) may be
 * cut short. Without the temporary file and the move, the first kill leaves an empty or cut file.
 */
@Tag("slow")
class AtomicOutputsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void killedWhileWritingAgainAndAgain_everyVisibleFileIsComplete() throws Exception {
    SplittableRandom random = new SplittableRandom(20_261_130);
    for (int kill = 0; kill < 8; kill++) {
      Path report = dir.resolve("report-" + kill);
      Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ReportWriteLoop.class.getName(), report.toString())
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(out.readLine()).isEqualTo("written");
        Thread.sleep(100 + random.nextInt(900));
        writer.destroyForcibly();
        writer.waitFor();
      }
      assertComplete(report);
    }
  }

  /**
   * Every file the main code writes goes through {@code TrafficProfiles.writeAtomically} (and {@code
   * ResultFiles}, which calls it): no other main source opens a file for writing. The one exception is
   * the injectors' start agreement, which must create its file exclusively ({@code CREATE_NEW}) and
   * whose readers wait for a complete line.
   */
  @Test
  void mainSources_writeFilesOnlyThroughTheAtomicWriter() throws IOException {
    java.util.regex.Pattern writes = java.util.regex.Pattern.compile(
        "(?<![A-Za-z])Files\\.(write|writeString|newOutputStream|newBufferedWriter|copy)\\(|new (FileOutputStream|FileWriter|RandomAccessFile|PrintStream\\(new File)");
    List<String> allowed = List.of("profile/TrafficProfiles.java", "cli/StartAgreement.java");
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/loadcast"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String relative = Path.of("src/main/java/org/loadcast").relativize(source).toString().replace('\\', '/');
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).strip();
          if (!line.startsWith("*") && !line.startsWith("//") && writes.matcher(line).find()) {
            assertThat(allowed).as(source + ":" + (i + 1) + " writes a file directly: " + line).contains(relative);
          }
        }
      }
    }
  }

  private static void assertComplete(Path report) throws IOException {
    assertThat(Files.readString(report.resolve("index.html"))).endsWith("</html>\n");
    assertThat(JSON.readTree(report.resolve("summary.json").toFile()).has("policies")).isTrue();
    try (Stream<Path> files = Files.walk(report)) {
      List<Path> visible = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList();
      assertThat(visible).isNotEmpty();
      for (Path file : visible) {
        String name = file.getFileName().toString();
        if (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".html")) {
          assertThat(Files.readString(file)).as(file.toString()).endsWith("\n");
        }
      }
    }
  }
}
