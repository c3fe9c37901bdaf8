package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@code loadcast profile derive} on mutated real logs and series (../shared/data), through {@link
 * Main#run} as a user meets it: the exit code is 0 or 2, never a stack trace, and an exit 2 ends with
 * one error line that starts with the file and, where the input has lines, {@code :line:column},
 * leaving the output folder empty. 250 cases per run; the readers' own properties are in {@code
 * org.loadcast.profile.LogParsingPropertyTest} and {@code SeriesReaderPropertyTest}.
 */
class ReaderCommandPropertyTest {
  private static final List<byte[]> NASA = lines(Path.of("../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log"));
  private static final List<byte[]> WORLD_CUP = lines(Path.of("../shared/data/rate_series/worldcup98_requests_per_minute.csv"));

  @Property(tries = 250)
  void deriveOnAMutatedInput_exitsZeroOrTwoWithALocatedLine(@ForAll Random random) throws IOException {
    Path dir = Files.createTempDirectory("loadcast-prop");
    try {
      boolean csv = random.nextInt(3) == 0;
      List<byte[]> lines = window(csv ? WORLD_CUP : NASA, random, 300);
      if (csv) {
        lines.add(0, WORLD_CUP.get(0));
      }
      byte[] bytes = join(mutate(lines, random));
      boolean gzip = random.nextInt(3) == 0;
      String name = (csv ? "series.csv" : "access.log") + (gzip ? ".gz" : "");
      if (gzip) {
        bytes = gzip(bytes);
        if (random.nextBoolean()) {
          bytes = Arrays.copyOf(bytes, 2 + random.nextInt(bytes.length - 1));
        }
      }
      Path input = Files.write(dir.resolve(name), bytes);
      Path out = Files.createDirectory(dir.resolve("out"));
      List<String> args = new ArrayList<>(List.of("profile", "derive", input.toString(), "--rate", "curve", "--progress", "never",
          "--input-timezone", "UTC", "--out", out.resolve("p.yaml").toString()));
      if (csv) {
        args.addAll(List.of("--mix-from", Files.write(dir.resolve("mix.log"), join(NASA.subList(0, 5))).toString()));
      }
      CommandRun run = CommandRun.of(args.toArray(String[]::new));
      String both = "stdout:\n" + run.out() + "\nstderr:\n" + run.err();
      assertThat(run.code()).as(both).isIn(0, 2);
      assertThat(run.err()).as(both).doesNotContain("\tat ").doesNotContainIgnoringCase("exception");
      if (run.code() == 2) {
        List<String> errLines = run.err().lines().toList();
        assertThat(errLines.get(errLines.size() - 1)).as(both)
            .matches("^" + Pattern.quote(dir.toString()) + "/[^:]+(:\\d+:\\d+)?: .+");
        try (Stream<Path> left = Files.list(out)) {
          assertThat(left.toList()).as("the output folder after exit 2").isEmpty();
        }
      }
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static List<byte[]> mutate(List<byte[]> lines, Random random) {
    List<byte[]> out = new ArrayList<>(lines);
    int mutations = random.nextInt(6);
    for (int m = 0; m < mutations && !out.isEmpty(); m++) {
      int i = random.nextInt(out.size());
      byte[] line = out.get(i);
      switch (random.nextInt(4)) {
        case 0 -> out.remove(i);
        case 1 -> out.add(random.nextInt(out.size()), line);
        case 2 -> out.set(i, Arrays.copyOf(line, random.nextInt(line.length + 1)));
        default -> {
          byte[] noise = new byte[1 + random.nextInt(6)];
          random.nextBytes(noise);
          byte[] damaged = Arrays.copyOf(line, line.length + noise.length);
          int at = random.nextInt(line.length + 1);
          System.arraycopy(line, at, damaged, at + noise.length, line.length - at);
          System.arraycopy(noise, 0, damaged, at, noise.length);
          out.set(i, damaged);
        }
      }
    }
    return out;
  }

  private static List<byte[]> window(List<byte[]> lines, Random random, int maxLines) {
    int length = 1 + random.nextInt(maxLines);
    int from = 1 + random.nextInt(lines.size() - length);
    return new ArrayList<>(lines.subList(from, from + length));
  }

  private static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      out.writeBytes(line);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static List<byte[]> lines(Path file) {
    try {
      return Arrays.stream(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1).split("\n"))
          .map(l -> l.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
