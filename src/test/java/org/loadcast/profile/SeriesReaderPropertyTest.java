package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Property tests of the series readers (counts, {@code timestamp,count} CSV, Prometheus JSON) on
 * mutations of real series: the NASA July requests per second and the WorldCup 98 requests per
 * minute (../shared/data). Through {@link TrafficSources#readSeries}: no exception but {@link
 * InputException}, every problem located, and every valid row in the result. 3 × 1,000 cases per run.
 *
 * <p>Counts are replaced by a value that is not a whole number {@code >= 0} ({@code NaN}, {@code -3},
 * {@code Infinity}, {@code 1e3}) or by a huge one, timestamps are moved back, rows deleted, duplicated,
 * swapped or damaged ({@link LineMutations}). The oracle tracks which rows are still the originals.
 */
class SeriesReaderPropertyTest {
  private static final List<String> NASA_JULY = gunzippedLines(Path.of("../shared/data/rate_series/nasa_ksc_1995-07_requests_per_second.txt.gz"));
  private static final List<String> WORLD_CUP = LogParsingPropertyTest.lines(Path.of("../shared/data/rate_series/worldcup98_requests_per_minute.csv"))
      .stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList();
  private static final String[] BAD_COUNTS = {"NaN", "-3", "Infinity", "-Infinity", "1e3", "2.5", "", "9999999999999999999", " -0"};

  /**
   * Each line of a counts series is one step: a valid line's count is in its own step, an invalid
   * one is left out (counted) and its step missing; the total is the sum of the valid lines.
   */
  @Property(tries = 1000)
  void mutatedCounts_keepEveryValidLine(@ForAll Random random) {
    List<String> lines = new ArrayList<>(window(NASA_JULY, random, 200));
    int mutations = random.nextInt(6);
    for (int m = 0; m < mutations; m++) {
      int i = random.nextInt(lines.size());
      switch (random.nextInt(4)) {
        case 0 -> lines.set(i, BAD_COUNTS[random.nextInt(BAD_COUNTS.length)]);
        case 1 -> lines.set(i, String.valueOf(random.nextInt(Integer.MAX_VALUE)));
        case 2 -> lines.set(i, lines.get(i) + new String(LineMutations.randomBytes(random, 2), StandardCharsets.ISO_8859_1));
        default -> lines.set(i, " " + lines.get(i) + "\r");
      }
    }
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    TrafficReadOptions options = TrafficReadOptions.defaults().withStart(OffsetDateTime.parse("1995-07-01T00:00:00-04:00"));
    try {
      TrafficSeries series = read(bytes, "counts.txt", Optional.of(new TrafficFormat.Counts()), options).series();
      List<String> seen = LineMutations.linesOf(bytes);
      long valid = 0;
      long total = 0;
      for (int i = 0; i < seen.size(); i++) {
        String text = seen.get(i).replaceAll("^[ \t]+|[ \t]+$", "");
        if (text.matches("\\d{1,18}") && Long.parseLong(text) <= Integer.MAX_VALUE) {
          valid++;
          total += Long.parseLong(text);
          assertThat(series.count(i)).as("step %d holds line %d, '%s'", i, i + 1, text).isEqualTo(Long.parseLong(text));
        } else {
          assertThat(series.count(i)).as("step %d, of the left-out line '%s'", i, text).isZero();
        }
      }
      assertThat(valid + series.quality().malformedLines()).isEqualTo(seen.size());
      assertThat(series.quality().totalRequests()).isEqualTo(total);
    } catch (InputException e) {
      LogParsingPropertyTest.assertLocated(e, "counts.txt");
    }
  }

  /**
   * Rows of a CSV series that are untouched originals are all in the series: its total is at least
   * their sum, and exactly their sum plus the counts of the other rows that are valid.
   */
  @Property(tries = 1000)
  void mutatedCsv_keepsEveryValidRow(@ForAll Random random) {
    List<String> rows = new ArrayList<>(window(WORLD_CUP.subList(1, WORLD_CUP.size()), random, 120));
    boolean[] original = new boolean[rows.size()];
    java.util.Arrays.fill(original, true);
    int mutations = random.nextInt(6);
    for (int m = 0; m < mutations; m++) {
      int i = random.nextInt(rows.size());
      String row = rows.get(i);
      int comma = row.indexOf(',');
      if (comma < 0) {
        continue; // already cut before its comma
      }
      original[i] = false;
      switch (random.nextInt(5)) {
        case 0 -> rows.set(i, row.substring(0, comma + 1) + BAD_COUNTS[random.nextInt(BAD_COUNTS.length)]);
        case 1 -> { // the time moved onto another row's: a row left out there makes the step missing for both
          int j = random.nextInt(rows.size());
          original[j] = false;
          String other = rows.get(j);
          rows.set(i, other.substring(0, other.indexOf(',') < 0 ? other.length() : other.indexOf(',')) + row.substring(comma));
        }
        case 2 -> rows.set(i, "\"" + row);
        case 3 -> rows.set(i, row.substring(0, random.nextInt(row.length() + 1)));
        default -> rows.set(i, row.substring(0, comma + 1) + (1L << 40));
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(WORLD_CUP.get(0));
    lines.addAll(rows);
    byte[] bytes = (String.join(random.nextBoolean() ? "\n" : "\r\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    TrafficReadOptions options = TrafficReadOptions.defaults().withInputTimezone(java.time.ZoneOffset.UTC);
    try {
      TrafficSources.SeriesRead read = read(bytes, "series.csv", Optional.empty(), options);
      assertThat(read.format().name()).isEqualTo("csv");
      long kept = 0;
      for (int i = 0; i < rows.size(); i++) {
        kept += original[i] ? Long.parseLong(rows.get(i).substring(rows.get(i).indexOf(',') + 1)) : 0;
      }
      DataQuality q = read.series().quality();
      assertThat(rows.size() < 20 || read.series().stepSeconds() == 60).as("at most 5 damaged rows of 20 or more "
          + "cannot outvote the others' one-minute differences").isTrue();
      if (read.series().stepSeconds() != 60) {
        // A short series with many rows damaged can have another most common difference; the rows off
        // that grid are then left out, and said so.
        assertThat(q.totalRequests() >= kept || q.malformedLines() > 0).as("rows off the inferred grid are reported").isTrue();
        return;
      }
      assertThat(q.totalRequests()).as(() -> "the original rows are all in the series: " + new String(bytes, StandardCharsets.UTF_8))
          .isGreaterThanOrEqualTo(kept);
      if (q.malformedLines() == 0 && java.util.stream.IntStream.range(0, rows.size()).allMatch(i -> original[i])) {
        assertThat(q.totalRequests()).isEqualTo(kept);
      }
    } catch (InputException e) {
      LogParsingPropertyTest.assertLocated(e, "series.csv");
    }
  }

  /**
   * Prometheus points: negative values are left out and counted, NaN and ±Inf are missing points;
   * every other point is in its step, so the total is the sum of the valid values times the step.
   */
  @Property(tries = 1000)
  void mutatedPrometheus_keepsEveryValidPoint(@ForAll Random random) {
    List<String> counts = window(NASA_JULY, random, 150);
    StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":"
        + "{\"job\":\"web\"},\"values\":[\n");
    long expected = 0;
    long invalid = 0;
    for (int i = 0; i < counts.size(); i++) {
      String value = counts.get(i);
      int kind = random.nextInt(12);
      if (kind == 0) {
        value = new String[] {"NaN", "+Inf", "-Inf"}[random.nextInt(3)];
      } else if (kind == 1) {
        value = "-" + (1 + random.nextInt(9));
        invalid++;
      } else if (kind == 2) {
        value = String.valueOf(1 + random.nextInt(1_000_000));
        expected += Long.parseLong(value) * 60;
      } else {
        expected += Long.parseLong(value) * 60;
      }
      json.append(i == 0 ? "" : ",\n").append('[').append(804_571_200L + 60L * i).append(",\"").append(value).append("\"]");
    }
    json.append("\n]}]}}\n");
    byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
    int cut = random.nextInt(4) == 0 ? random.nextInt(bytes.length - 1) : bytes.length; // - 1: the final LF
    try {
      DataQuality q = read(java.util.Arrays.copyOf(bytes, cut), "range.json", Optional.empty(), TrafficReadOptions.defaults())
          .series().quality();
      assertThat(cut).as("a response cut short is refused").isEqualTo(bytes.length);
      assertThat(q.malformedLines()).isEqualTo(invalid);
      assertThat(q.totalRequests()).isEqualTo(expected);
    } catch (InputException e) {
      LogParsingPropertyTest.assertLocated(e, "range.json");
    }
  }

  private static TrafficSources.SeriesRead read(byte[] bytes, String source, Optional<TrafficFormat> format,
      TrafficReadOptions options) {
    return TrafficSources.readSeries(new ByteArrayInputStream(bytes), source, format, options, null);
  }

  private static List<String> window(List<String> lines, Random random, int maxLines) {
    int length = 2 + random.nextInt(Math.min(maxLines, lines.size()) - 1);
    int from = random.nextInt(lines.size() - length + 1);
    return new ArrayList<>(lines.subList(from, from + length));
  }

  private static List<String> gunzippedLines(Path file) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
