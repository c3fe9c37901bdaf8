package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Property tests of the access-log readers on mutations of real lines (the NASA and elastic logs of
 * ../shared/data; {@link LineMutations}). Through the library entry point {@link
 * TrafficSources#readSeries}: no exception but {@link InputException}, every problem located, and no
 * line silently dropped. 3,000 + 500 cases per run; the command line's cases are in {@code
 * org.loadcast.cli.ReaderCommandPropertyTest}.
 */
class LogParsingPropertyTest {
  static final List<byte[]> NASA = lines(Path.of("../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log"));
  static final List<byte[]> ELASTIC = lines(Path.of("../shared/data/access_logs/elastic_apache_logs_2015-05-17_to_20.log"));

  /**
   * A mutated log is read or refused with located problems; when read as a log, every non-empty
   * line is either a parsed request or counted as left out, and the series holds every parsed request.
   */
  @Property(tries = 3000)
  void mutatedLog_keepsEveryValidLineOrSaysWhere(@ForAll Random random) {
    boolean combined = random.nextBoolean();
    byte[] bytes = LineMutations.join(LineMutations.mutate(LineMutations.window(combined ? ELASTIC : NASA, random, 60), random, 8),
        random);
    Optional<TrafficFormat> format = random.nextBoolean() ? Optional.empty()
        : Optional.of(TrafficFormat.parse(combined ? (random.nextBoolean() ? "combined" : "nginx") : "common"));
    long[] received = {0};
    try {
      TrafficSources.SeriesRead read = TrafficSources.readSeries(new ByteArrayInputStream(bytes), "mutated.log", format,
          TrafficReadOptions.defaults(), e -> received[0]++);
      if (!read.format().isAccessLog()) {
        return; // the mutation made it look like another format; the series properties cover those
      }
      DataQuality q = read.series().quality();
      long nonEmpty = LineMutations.linesOf(bytes).stream().filter(l -> !l.isEmpty()).count();
      assertThat(received[0] + q.malformedLines()).as("parsed + left out = non-empty lines").isEqualTo(nonEmpty);
      assertThat(q.totalRequests()).isEqualTo(received[0]);
      assertThat(Arrays.stream(read.series().counts()).sum()).as("the series holds every parsed request").isEqualTo(received[0]);
      assertThat(q.totalLines()).isEqualTo(LineMutations.linesOf(bytes).size());
    } catch (InputException e) {
      assertLocated(e, "mutated.log");
    }
  }

  /** A gzipped log cut anywhere before its end is refused, at the line where its bytes stop; never read short. */
  @Property(tries = 500)
  void truncatedGzip_isRefusedAtTheLineWhereItStops(@ForAll Random random) throws IOException {
    byte[] text = LineMutations.join(LineMutations.window(NASA, random, 400), random);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(text);
    }
    int cut = 2 + random.nextInt(gz.size() - 2);
    byte[] truncated = Arrays.copyOf(gz.toByteArray(), cut);
    try {
      TrafficSources.readSeries(new ByteArrayInputStream(truncated), "cut.log.gz", Optional.empty(), TrafficReadOptions.defaults(),
          null);
      throw new AssertionError("a gzip stream cut at byte " + cut + " of " + gz.size() + " was read without a word");
    } catch (InputException e) {
      assertLocated(e, "cut.log.gz");
      assertThat(e.getMessage()).contains("gzip stream ends early").containsPattern("^cut\\.log\\.gz:\\d+:\\d+: ");
    }
  }

  /** Asserts that every problem names the source first, with a line and column when it has a line. */
  static void assertLocated(InputException e, String source) {
    for (InputProblem p : e.problems()) {
      assertThat(p.file()).isEqualTo(source);
      assertThat(p.toString()).matches("^" + java.util.regex.Pattern.quote(source) + "(:\\d+:\\d+)?: \\S.*");
    }
  }

  static List<byte[]> lines(Path file) {
    try {
      byte[] all = Files.readAllBytes(file);
      List<byte[]> lines = new ArrayList<>();
      int from = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          lines.add(Arrays.copyOfRange(all, from, i));
          from = i + 1;
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
