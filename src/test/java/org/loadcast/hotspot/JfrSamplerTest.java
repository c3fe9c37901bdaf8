package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming another JVM's JDK Flight Recorder repository, and finding the repository's directory. */
class JfrSamplerTest {

  private static final String HOT = HotColdWorkload.class.getName() + ".hotLoop";

  @Test
  void openRepository_anotherJvmRunningAHotLoop_namesItFirstAtItsShare(@TempDir Path dir) throws Exception {
    Path repository = dir.resolve("repository");
    Files.createDirectories(repository);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:StartFlightRecording", "-XX:FlightRecorderOptions:repository=" + repository,
        "-cp", System.getProperty("java.class.path"), HotColdWorkload.class.getName(), "3000", "20000")
        .redirectErrorStream(true).start();
    try {
      // the JVM makes its repository, a subdirectory named after its start, once the recording starts
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!hasChunk(repository) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      JfrHotMethods counts = new JfrHotMethods(HotColdWorkload.THREAD_NAME::equals, m -> true);
      try (JfrSampler sampler = JfrSampler.openRepository(repository, Instant.now().minusSeconds(60), counts)) {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("done")) {
          // JFR's start-up message
        }
        assertThat(line).as("the child's workload ended").isEqualTo("done");
        assertThat(sampler.drain(Duration.ofSeconds(15))).isTrue();
      }
      MethodRanking ranking = counts.ranking(5, 90);
      // the JDK's default settings sample every 20 ms: 3 s of one busy thread gives up to 150 samples
      assertThat(ranking.samples()).isGreaterThanOrEqualTo(40);
      assertThat(ranking.bySelf().get(0).method()).isEqualTo(HOT);
      assertThat(ranking.bySelf().get(0).sharePercent()).isCloseTo(80, within(10.0));
    } finally {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean hasChunk(Path repository) throws IOException {
    try (Stream<Path> files = Files.walk(repository)) {
      return files.anyMatch(p -> p.toString().endsWith(".jfr"));
    }
  }

  @Test
  void chunkDirectory_theRepositoryOrItsOnlyRun_isFound(@TempDir Path dir) throws IOException {
    Path run = Files.createDirectories(dir.resolve("2026_11_29_20_00_00_123"));
    Files.writeString(run.resolve("2026_11_29_20_00_00.jfr"), "");
    assertThat(JfrSampler.chunkDirectory(run)).isEqualTo(run);
    assertThat(JfrSampler.chunkDirectory(dir)).isEqualTo(run);
  }

  @Test
  void chunkDirectory_notARepository_isRefusedWithWhy(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> JfrSampler.chunkDirectory(dir.resolve("missing"))).isInstanceOf(IOException.class)
        .hasMessage(dir.resolve("missing") + " is not a directory: name a JFR repository (jcmd PID JFR.configure prints it)");
    assertThatThrownBy(() -> JfrSampler.chunkDirectory(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir + " holds no JFR chunk file (*.jfr), nor a subdirectory with one: is the JVM running with "
            + "-XX:StartFlightRecording?");
    for (String name : List.of("2026_a_1", "2026_b_2")) {
      Files.writeString(Files.createDirectories(dir.resolve(name)).resolve("c.jfr"), "");
    }
    assertThatThrownBy(() -> JfrSampler.chunkDirectory(dir)).isInstanceOf(IOException.class)
        .hasMessage(dir + " holds 2 JVMs' repositories (2026_a_1, 2026_b_2): name the one of the system under test");
  }
}
