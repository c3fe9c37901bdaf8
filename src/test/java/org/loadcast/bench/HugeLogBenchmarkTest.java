package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile derive} on a ~5 GB Common Log Format log in a child JVM with {@code -Xmx256m}: the
 * reading must stream. The log is the NASA slice repeated, copy {@code k} shifted by {@code k *
 * 1800} s (so about 22 copies overlap: a 49-day log at ~11 requests/s), written to a temporary
 * directory and deleted afterwards.
 *
 * <p>{@code -Dloadcast.bench.hugeLogBytes=N} sets the size (default 5,000,000,000);
 * {@code -Dloadcast.bench.shiftSeconds=S} the shift between copies.
 */
@Tag("benchmark")
class HugeLogBenchmarkTest {
  @TempDir
  Path dir;

  @Test
  void derive_hugeLog_streamsInA256MegabyteHeap() throws IOException, InterruptedException {
    long targetBytes = Long.getLong("loadcast.bench.hugeLogBytes", 5_000_000_000L);
    long shiftSeconds = Long.getLong("loadcast.bench.shiftSeconds", 1_800);
    Path log = dir.resolve("huge.log");
    long generateStart = System.nanoTime();
    long lines;
    try (OutputStream out = Files.newOutputStream(log)) {
      lines = new ShiftedNasaLog().write(out, targetBytes, shiftSeconds);
    }
    double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
          DeriveInChildJvm.class.getName(), "profile", "derive", log.toString(), "--progress", "never",
          "--out", dir.resolve("huge.yaml").toString())
          .redirectErrorStream(true).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int code = child.waitFor();
      Matcher seconds = Pattern.compile("child: exit 0, ([0-9.]+) s").matcher(output);
      System.out.printf(Locale.ROOT, "benchmark huge-log: %d lines, %.2f GB written in %.0f s (copies shifted by %d s)%n",
          lines, Files.size(log) / 1e9, generateSeconds, shiftSeconds);
      output.lines().forEach(l -> System.out.println("  " + l));
      assertThat(code).as(output).isZero();
      assertThat(seconds.find()).isTrue();
      double childSeconds = Double.parseDouble(seconds.group(1));
      System.out.printf(Locale.ROOT, "  derive: %,.0f lines/s, %.0f MB/s (whole command: read, hash, curve, write)%n",
          lines / childSeconds, Files.size(log) / 1e6 / childSeconds);
      assertThat(output).contains("as common: " + lines + " requests");
    } finally {
      Files.deleteIfExists(log);
    }
    assertThat(List.of(dir.toFile().list())).doesNotContain("huge.log");
  }
}
