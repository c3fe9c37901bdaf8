package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.report.SummarySchema;

/** The command line as a user meets it: exit codes, one line per problem, the files it writes. */
class MainTest {
  @TempDir
  Path dir;

  @Test
  void describe_fileFailure_namesThePathAndTheReasonNotTheExceptionClass() {
    assertThat(Main.describe(new java.nio.file.NoSuchFileException("/proc/x")))
        .isEqualTo("cannot write or read '/proc/x': no such file or directory");
    assertThat(Main.describe(new java.nio.file.AccessDeniedException("reports/r/index.html")))
        .isEqualTo("cannot write or read 'reports/r/index.html': permission denied");
    assertThat(Main.describe(new java.nio.file.FileSystemException("/sys/r", null, "Read-only file system")))
        .isEqualTo("cannot write or read '/sys/r': Read-only file system");
    assertThat(Main.describe(new IOException("disk full"))).isEqualTo("cannot write or read a file: disk full");
  }

  @Test
  void help_listsTheSubcommands() {
    CommandRun r = CommandRun.of("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("profile").contains("simulate");
  }

  @Test
  void simulate_smoke_writesTheReportAndTheSameSeedGivesTheSameSummary() throws IOException {
    CommandRun first = CommandRun.of("simulate", "simulations/smoke.yaml", "--out", dir.resolve("a").toString());
    CommandRun second = CommandRun.of("simulate", "simulations/smoke.yaml", "--out", dir.resolve("b").toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(second.code()).isZero();
    assertThat(dir.resolve("a/index.html")).isNotEmptyFile();
    assertThat(dir.resolve("a/series/1-reactive-hpa-latency.csv")).isNotEmptyFile();
    for (String csv : List.of("demand.csv", "1-reactive-hpa-instances.csv", "2-predictive-holt-winters-cost.csv")) {
      assertThat(Files.readString(dir.resolve("a/series").resolve(csv))).isEqualTo(Files.readString(dir.resolve("b/series").resolve(csv)));
    }
    assertThat(Files.readString(dir.resolve("a/summary.json"))).isEqualTo(Files.readString(dir.resolve("b/summary.json")));
    assertThat(first.out()).contains("reactive-hpa").contains("predictive-holt-winters");
    // the report directory carries the schema of its summary, and the summary of a real run meets it
    assertThat(SummarySchema.validate(Files.readString(dir.resolve("a/summary.schema.json")),
        Files.readString(dir.resolve("a/summary.json")))).isEmpty();
  }

  @Test
  void simulate_otherSeed_givesOtherArrivals() throws IOException {
    CommandRun.of("simulate", "simulations/smoke.yaml", "--out", dir.resolve("a").toString());
    CommandRun.of("simulate", "simulations/smoke.yaml", "--seed", "7", "--out", dir.resolve("b").toString());
    assertThat(Files.readString(dir.resolve("a/summary.json"))).isNotEqualTo(Files.readString(dir.resolve("b/summary.json")));
  }

  @Test
  void simulate_twoWorkers_fitsTheForecasterWithoutFailing() throws IOException {
    // this scaling once made BOBYQA stop with "trust region step has failed to reduce Q"
    String two = Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/nasa-kennedy-1995.yaml", "profile: " + Path.of("traffic-profiles/nasa-kennedy-1995.yaml").toAbsolutePath())
        .replace("workersPerInstance: 4", "workersPerInstance: 2");
    Path file = dir.resolve("two.yaml");
    Files.writeString(file, two);
    CommandRun r = CommandRun.of("simulate", file.toString(), "--out", dir.resolve("two").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("two/summary.json")).isNotEmptyFile();
  }

  @Test
  void simulate_threadsOutOfRange_exitWith2() {
    for (String threads : List.of("0", "1025", "99999")) {
      CommandRun r = CommandRun.of("simulate", "simulations/smoke.yaml", "--threads", threads);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("loadcast simulate: --threads must be from 1 to 1024, but was " + threads + "\n");
    }
  }

  @Test
  void simulate_outIsAFile_exitsWith2WithOneLine() throws IOException {
    Path file = dir.resolve("taken");
    Files.writeString(file, "x");
    CommandRun r = CommandRun.of("simulate", "simulations/smoke.yaml", "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    // refused before the simulation runs, in plain words
    assertThat(r.err().lines()).singleElement().asString().contains("--out must name a directory the report can be "
        + "written to, but '" + file + "' is a file");
    assertThat(r.out()).doesNotContain("report:");
  }

  @Test
  void simulate_outUnderAFile_exitsWith2BeforeSimulating() throws IOException {
    Path file = dir.resolve("taken");
    Files.writeString(file, "x");
    CommandRun r = CommandRun.of("simulate", "simulations/smoke.yaml", "--out", file.resolve("sub").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("which is not a directory");
  }

  @Test
  void simulate_badProgress_isReportedBeforeTheExperimentIsRead() {
    CommandRun r = CommandRun.of("simulate", "no-such-experiment.yaml", "--progress", "sometimes");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--progress must be one of auto, always, never, but was 'sometimes'");
  }

  @Test
  void profileDerive_outIsADirectory_writesNothing() throws IOException {
    Files.createDirectories(dir.resolve("d.yaml"));
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", "traffic-profiles/sources/nasa/nasa_ksc_1995-08-01_first20000.log.gz",
        "--out", dir.resolve("d.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is a directory");
    assertThat(dir.resolve("d.rate.csv")).doesNotExist();
  }

  @Test
  void profileDerive_sampledLog_warnsThatMostOfTheSpanIsMissing() throws IOException {
    Path log = dir.resolve("sampled.log");
    StringBuilder lines = new StringBuilder();
    for (int hour = 10; hour < 18; hour++) {
      for (int second = 0; second < 60; second++) {
        lines.append(String.format(java.util.Locale.ROOT,
            "h - - [17/May/2015:%02d:05:%02d +0000] \"GET /a HTTP/1.1\" 200 5%n", hour, second));
      }
    }
    lines.append("garbage\n");
    Files.writeString(log, lines.toString());
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", log.toString(), "--out", dir.resolve("s.yaml").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("warning: 1 line(s) are not in the common format and were left out, first at line(s) 481")
        .contains("warning: sampled log: requests fall only in minute(s) :05 of each hour, 1.67 % of the time")
        .contains("of the span has no data");
    assertThat(TrafficProfiles.read(dir.resolve("s.yaml")).rate().missing()).hasSize(7);
  }

  @Test
  void simulate_brokenExperiment_printsOneLinePerProblemAndExitsWith2() throws IOException {
    String broken = Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/nasa-kennedy-1995.yaml", "profile: " + Path.of("traffic-profiles/nasa-kennedy-1995.yaml").toAbsolutePath())
        .replace("latencyMillis: 250", "latencyMillis: -250")
        .replace("reactive: reactive-hpa", "reactive: reactiv-hpa");
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, broken);
    CommandRun r = CommandRun.of("simulate", file.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList()).containsExactly(
        file + ":46:18: slo.latencyMillis must be a finite number > 0, but was -250.0",
        file + ":56:15: policies[1].reactive must name an hpa policy listed before this one, but was 'reactiv-hpa' "
            + "(did you mean 'reactive-hpa'?); hpa policies: reactive-hpa");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void simulate_missingFile_exitsWith2() {
    CommandRun r = CommandRun.of("simulate", dir.resolve("nothing.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing.yaml: no such file");
  }

  @Test
  void unknownFlag_printsTheUsageAndExitsWith2() {
    CommandRun r = CommandRun.of("simulate", "simulations/smoke.yaml", "--bogus");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--bogus'").contains("Usage: loadcast simulate");
  }

  @Test
  void profileCheck_nasa_summarisesIt() {
    CommandRun r = CommandRun.of("profile", "check", "traffic-profiles/nasa-kennedy-1995.yaml");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("1995-07-01T00:00:01-04:00").contains("1995-07-28T13:32:25-04:00").contains("mix: 12 request templates");
  }

  @Test
  void profileDerive_accessLog_writesAProfileThatReadsBack() {
    Path out = dir.resolve("aug.yaml");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", "traffic-profiles/sources/nasa/nasa_ksc_1995-08-01_first20000.log.gz",
        "--timezone", "America/New_York", "--top-paths", "5", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    TrafficProfile profile = TrafficProfiles.read(out);
    assertThat(profile.mix().requests()).hasSize(5);
    assertThat(profile.rate().endSeconds()).isEqualTo(39_569);
    assertThat(profile.startTime().toString()).isEqualTo("1995-08-01T00:00:01-04:00");
    assertThat(dir.resolve("aug.rate.csv")).isNotEmptyFile();
  }

  @Test
  void profileDerive_seriesWithoutStart_exitsWith2AndSaysWhatToGive() {
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", "traffic-profiles/sources/nasa/nasa_ksc_1995-07_requests_per_second.txt.gz",
        "--out", dir.resolve("x.yaml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give --start");
    assertThat(dir.resolve("x.yaml")).doesNotExist();
  }

  @Test
  void profileDerive_reproducesTheCommittedNasaProfile() throws IOException {
    Path out = dir.resolve("nasa-kennedy-1995.yaml");
    CommandRun r = CommandRun.of("profile", "derive", "--rate", "curve", "traffic-profiles/sources/nasa/nasa_ksc_1995-07_requests_per_second.txt.gz",
        "--start", "1995-07-01T00:00:01-04:00", "--timezone", "America/New_York",
        "--mix-from", "traffic-profiles/sources/nasa/nasa_ksc_1995-08-01_first20000.log.gz",
        "--name", "nasa-kennedy-1995", "--seed", "1995", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("nasa-kennedy-1995.rate.csv")))
        .isEqualTo(Files.readString(Path.of("traffic-profiles/nasa-kennedy-1995.rate.csv")));
    TrafficProfile derived = TrafficProfiles.read(out);
    TrafficProfile committed = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml"));
    assertThat(derived.mix()).isEqualTo(committed.mix());
    assertThat(derived.rate().missing()).isEqualTo(committed.rate().missing());
  }

  @Test
  void profileCheck_missingFeeder_isLocatedAtTheFeederKey() throws IOException {
    Path profile = dir.resolve("shop.yaml");
    Files.writeString(profile, """
        name: shop
        seed: 1
        timezone: UTC
        startTime: 2024-01-01T00:00:00Z
        rate:
          curve: {points: [{atSeconds: 0, ratePerSecond: 1}, {atSeconds: 60, ratePerSecond: 1}]}
        mix:
          requests:
            - {name: item, method: GET, path: "/items/{id}", feeder: items.csv, weight: 1}
        """);
    CommandRun r = CommandRun.of("profile", "check", profile.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(profile + ":9:62: mix.requests[0].feeder 'items.csv' must be a CSV file beside the profile");
    Files.writeString(dir.resolve("items.csv"), "id\n42\n");
    assertThat(CommandRun.of("profile", "check", profile.toString()).code()).isZero();
  }
}
