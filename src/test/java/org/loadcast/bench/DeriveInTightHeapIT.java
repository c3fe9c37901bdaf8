package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code profile derive} on a 400 MB access log in a child JVM with a 48 MB heap, a smaller version
 * of {@link HugeLogBenchmarkTest} (5 GB in 256 MB) that runs in {@code mvn verify}: the reading
 * streams, holding per-second counts, not lines.
 *
 * <p>The log is {@link ShiftedNasaLog} (copies of the NASA slice, each 1,800 s later): 3.76 million
 * lines over 376,169 one-second steps. Measured on this log, {@code -Xmx24m} is the smallest heap in
 * which the whole command (read, hash, curve, rate-model fit, write) finishes and {@code -Xmx16m}
 * runs out of memory; 48 MB is twice the smallest, a margin for other JVMs and collectors, and still
 * an eighth of the log's size. What the heap must hold grows with the span in steps (a few arrays of
 * one number per step), not with the lines. The second test shows the same limit is far too small
 * for a reader that keeps every line ({@link ReadAllLinesInChildJvm}).
 */
@Tag("slow")
class DeriveInTightHeapIT {
  private static final long LOG_BYTES = 400_000_000L;
  private static final String HEAP = "-Xmx48m";

  private static Path dir;
  private static Path log;
  private static long lines;

  @BeforeAll
  static void writeLog() throws IOException {
    dir = Files.createTempDirectory("loadcast-tight-heap");
    log = dir.resolve("big.log");
    try (OutputStream out = Files.newOutputStream(log)) {
      lines = new ShiftedNasaLog().write(out, LOG_BYTES, 1_800);
    }
  }

  @AfterAll
  static void deleteLog() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Test
  void derive_logFarLargerThanTheHeap_finishesWithEveryRequest() throws IOException, InterruptedException {
    Child child = run(DeriveInChildJvm.class.getName(), "profile", "derive", log.toString(), "--progress", "never",
        "--out", dir.resolve("big.yaml").toString());
    assertThat(child.code()).as(child.output()).isZero();
    assertThat(child.output()).contains("read " + log + " as common: " + lines + " requests, " + lines + " line(s)");
    assertThat(lines).isGreaterThan(3_000_000);
    assertThat(Files.size(log)).as("the log is more than 8 times the heap").isGreaterThan(8 * 48_000_000L);
  }

  @Test
  void readAllLines_sameHeap_runsOutOfMemory() throws IOException, InterruptedException {
    Child child = run(ReadAllLinesInChildJvm.class.getName(), log.toString());
    assertThat(child.code()).as(child.output()).isNotZero();
    assertThat(child.output()).contains("OutOfMemoryError");
  }

  private record Child(int code, String output) {}

  private static Child run(String mainClass, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Child(process.waitFor(), output);
  }
}
