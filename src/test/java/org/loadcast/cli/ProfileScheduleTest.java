package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.TrafficProfiles;

/** {@code loadcast profile schedule} as a user meets it: the CSV it writes, exit codes, one line per problem. */
class ProfileScheduleTest {
  private static final String NASA = "traffic-profiles/nasa-kennedy-1995.yaml";
  private static final String DAY_13 = "1036800";
  private static final String DAY_14 = "1123200";

  @TempDir
  Path dir;

  private static long total(List<String> csv) {
    return csv.stream().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum();
  }

  @Test
  void schedule_dayCompressed720_writesOneLinePerReplaySecondAndTheRoundedIntegral() throws IOException {
    Path out = dir.resolve("schedule.csv");
    CommandRun r = CommandRun.of("profile", "schedule", NASA, "--compress", "720", "--scale", "2", "--from-seconds", DAY_13,
        "--to-seconds", DAY_14, "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> csv = Files.readAllLines(out);
    assertThat(csv).hasSize(121);
    assertThat(csv.get(0)).isEqualTo("second,arrivals");
    assertThat(csv.get(1)).startsWith("0,");
    assertThat(csv.get(120)).startsWith("119,");
    RateCurve rate = TrafficProfiles.read(Path.of(NASA)).rate().bridgedOverMissing();
    assertThat(total(csv)).isEqualTo(Math.round(2 * rate.integral(1036800, 1123200)));
    assertThat(r.out()).contains("120 replay seconds");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file is left behind").containsExactly(out);
    }
  }

  @Test
  void schedule_poisson_sameSeedSameFileOtherSeedOtherFile() throws IOException {
    String[] common = {"profile", "schedule", NASA, "--compress", "3600", "--mode", "poisson"};
    CommandRun.of(concat(common, "--out", dir.resolve("a.csv").toString()));
    CommandRun.of(concat(common, "--out", dir.resolve("b.csv").toString()));
    CommandRun.of(concat(common, "--seed", "7", "--out", dir.resolve("c.csv").toString()));
    String a = Files.readString(dir.resolve("a.csv"));
    assertThat(a).isEqualTo(Files.readString(dir.resolve("b.csv")));
    assertThat(a).isNotEqualTo(Files.readString(dir.resolve("c.csv")));
    assertThat(a.lines()).hasSize(1 + (int) Math.ceil(TrafficProfiles.read(Path.of(NASA)).rate().endSeconds() / 3600 - 1e-9));
  }

  @Test
  void schedule_windowWithMissingData_warnsThatItBridged() {
    CommandRun r = CommandRun.of("profile", "schedule", NASA, "--compress", "3600", "--out", dir.resolve("s.csv").toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains("were bridged by straight lines");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--compress|0|--compress must be a finite number > 0, but was 0.0",
      "--compress|-3|--compress must be a finite number > 0, but was -3.0",
      "--compress|NaN|--compress must be a finite number > 0, but was NaN",
      "--scale|-1|--scale must be a finite number >= 0, but was -1.0",
      "--scale|NaN|--scale must be a finite number >= 0, but was NaN",
      "--mode|uniform|--mode must be deterministic or poisson, but was 'uniform'",
      "--to-seconds|99999999|--to-seconds must lie within the profile (0, 2381544] after --from-seconds, but was 99999999",
      "--from-seconds|-1|--from-seconds must lie within the profile [0, 2381544), but was -1",
      "--from-seconds|Infinity|--from-seconds must be a finite number, but was Infinity",
  })
  void schedule_badValue_exitsWith2WithOneLineAndWritesNothing(String option, String value, String message) {
    Path out = dir.resolve("schedule.csv");
    CommandRun r = CommandRun.of("profile", "schedule", NASA, option, value, "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("loadcast profile schedule: " + message + System.lineSeparator());
    assertThat(out).doesNotExist();
  }

  @Test
  void schedule_emptyWindow_exitsWith2() {
    CommandRun r = CommandRun.of("profile", "schedule", NASA, "--from-seconds", "100", "--to-seconds", "100", "--out", dir.resolve("s.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--to-seconds must lie within the profile (100, ").contains("but was 100");
  }

  private static String[] concat(String[] head, String... tail) {
    return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
  }

  @Test
  void show_nasa_writesTheHtmlPreviewAndNoTemporaryFile() throws IOException {
    Path out = dir.resolve("preview.html");
    CommandRun r = CommandRun.of("profile", "show", NASA, "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).contains("Request mix").contains("Missing ranges");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void show_outIsADirectory_exitsWith2() {
    CommandRun r = CommandRun.of("profile", "show", NASA, "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--out must name the preview's HTML file");
  }

  @Test
  void schedule_moreThanASecondCanHold_exitsWith2AndNamesTheOptions() {
    Path out = dir.resolve("s.csv");
    CommandRun r = CommandRun.of("profile", "schedule", "traffic-profiles/webshop-black-friday.yaml", "--compress", "1e9",
        "--scale", "100", "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("loadcast profile schedule: --compress 1000000000 and --scale 100 ask too much of one "
        + "replay second").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }
}
