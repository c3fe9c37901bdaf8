package org.loadcast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loadcast.profile.ArrivalMode;
import org.loadcast.profile.ArrivalSchedule;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.ReplaySettings;
import org.loadcast.profile.ScheduleCompiler;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast profile}: derive, check, schedule and show traffic profiles. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Derive, check, schedule and show traffic profiles.",
    subcommands = {ProfileDeriveCommand.class, ProfileCommand.Check.class, ProfileCommand.Schedule.class,
        ProfileCommand.Show.class})
public final class ProfileCommand {

  /**
   * Checks the feeders a profile's templates name, located at each template's {@code feeder} key.
   *
   * @throws InputException listing every feeder problem
   */
  static void checkFeeders(Path file, TrafficProfile profile) {
    List<FeederFiles.FieldProblem> problems = FeederFiles.fieldProblems(file, profile.mix());
    if (problems.isEmpty()) {
      return;
    }
    org.loadcast.profile.YamlFile<ProfileDocument> yaml = org.loadcast.profile.YamlFile.read(file, ProfileDocument.class);
    throw new InputException(problems.stream().map(p -> yaml.problemAt(p.path(), p.message())).toList());
  }

  /** {@code loadcast profile check}. */
  @Command(name = "check", mixinStandardHelpOptions = true, description = "Check a traffic profile and summarise it.")
  static final class Check implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "the profile")
    Path file;

    @Override
    public Integer call() {
      TrafficProfile profile = TrafficProfiles.read(file);
      checkFeeders(file, profile);
      RateCurve rate = profile.rate();
      double total = rate.integral(rate.startSeconds(), rate.endSeconds());
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s: ok%n  %s to %s (%s), %d points, %s%n  %.0f %s expected, peak %.3f per second%n"
              + "  %d missing range(s), %.0f s%n  mix: %d request templates%s%n",
          file, profile.wallClock(rate.startSeconds()).toOffsetDateTime(), profile.wallClock(rate.endSeconds()).toOffsetDateTime(),
          profile.timezone(), rate.pointCount(), rate.interpolation().yamlName(), total,
          profile.mix().sessions() == null ? "requests" : "sessions",
          rate.peakRatePerSecond(rate.startSeconds(), rate.endSeconds()), rate.missing().size(),
          rate.missingSeconds(rate.startSeconds(), rate.endSeconds()), profile.mix().requests().size(),
          profile.mix().sessions() == null ? "" : String.format(Locale.ROOT,
              ", in sessions of %.2f requests and %.1f s of think time on average (%.0f requests)",
              profile.mix().sessions().expectedRequestsPerSession(), profile.mix().sessions().expectedThinkSecondsPerSession(),
              total * profile.mix().sessions().expectedRequestsPerSession()));
      for (org.loadcast.profile.CalendarEvent event : profile.events().events()) {
        spec.commandLine().getOut().printf(Locale.ROOT, "  event %s (%s): %s to %s, %s%n", event.name(),
            event.kind().yamlName(), profile.wallClock(event.fromSeconds()).toOffsetDateTime(),
            profile.wallClock(event.toSeconds()).toOffsetDateTime(),
            event.effect() instanceof org.loadcast.profile.CalendarEvent.Multiplier m
                ? String.format(Locale.ROOT, "rate x %s", m.factor())
                : String.format(Locale.ROOT, "rate fixed at %s per second",
                    ((org.loadcast.profile.CalendarEvent.AbsoluteRate) event.effect()).ratePerSecond()));
      }
      return 0;
    }
  }

  /** {@code loadcast profile schedule}. */
  @Command(name = "schedule", mixinStandardHelpOptions = true,
      description = {"Compile a profile into arrivals per replay second, for a load generator to replay exactly.",
          "Replay second k plays profile seconds [A + k·C, A + (k+1)·C). Deterministic counts round the cumulative "
              + "integral of the scaled rate, so each second is within 1 of its expectation and the total is the rounded "
              + "integral; Poisson counts are independent draws with that expectation, from the seed's stream \"schedule\". "
              + "A replay that is not a whole number of seconds ends with a partial second. Missing data is bridged by "
              + "straight lines, with a warning."})
  static final class Schedule implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "the profile")
    Path file;

    @Option(names = "--compress", defaultValue = "1", paramLabel = "C",
        description = "profile seconds per replay second, > 0; 720 plays a day in 120 s (default: ${DEFAULT-VALUE})")
    double compress;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "multiplier of the profile's rate, >= 0 (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--out", required = true, paramLabel = "schedule.csv", description = "the CSV to write, columns second,arrivals")
    Path out;

    @Option(names = "--mode", defaultValue = "deterministic", paramLabel = "deterministic|poisson",
        description = "how expected arrivals become whole counts (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--seed", paramLabel = "N", description = "the seed of poisson mode (default: the profile's)")
    Long seed;

    @Option(names = "--from-seconds", paramLabel = "A", description = "start of the replayed window, in profile seconds (default: the profile's start)")
    Double fromSeconds;

    @Option(names = "--to-seconds", paramLabel = "B", description = "end of the replayed window, in profile seconds (default: the profile's end)")
    Double toSeconds;

    /** Returns a number as given on the command line: without a trailing .0, in plain notation when short. */
    private static String format(double value) {
      return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().length() <= 16
          ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }

    @Override
    public Integer call() {
      checkNumbers();
      TrafficProfile profile = TrafficProfiles.read(file);
      RateCurve rate = profile.rate();
      double from = fromSeconds != null ? fromSeconds : rate.startSeconds();
      double to = toSeconds != null ? toSeconds : rate.endSeconds();
      checkWindow(rate, from, to);
      ArrivalMode arrivalMode = arrivalMode(seed != null ? seed : profile.seed());
      ReplaySettings replay = replaySettings(from, to);
      ArrivalSchedule schedule;
      try {
        schedule = ScheduleCompiler.compile(rate, replay, arrivalMode);
      } catch (IllegalArgumentException e) {
        throw new InputException(new InputProblem("loadcast profile schedule", 0, 0, "--compress " + format(compress)
            + " and --scale " + format(scale) + " ask too much of one replay second: " + e.getMessage()
            + "; lower --compress or --scale, or replay a shorter window"));
      }
      try {
        TrafficProfiles.writeAtomically(out, csv(schedule));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      double missing = rate.missingSeconds(from, to);
      if (missing > 0) {
        spec.commandLine().getErr().printf(Locale.ROOT, "warning: %.0f s of the window have no data and were bridged by straight "
            + "lines between the observed rates on either side%n", missing);
      }
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d replay seconds, %d arrivals (%.1f expected), peak %d per second%n",
          out, schedule.stepCount(), schedule.totalArrivals(), schedule.expectedArrivals(), (long) schedule.peakRatePerSecond());
      return 0;
    }

    /** Returns the schedule as CSV: a {@code second,arrivals} header, then one line per replay second from 0. */
    static String csv(ArrivalSchedule schedule) {
      StringBuilder csv = new StringBuilder(16 * schedule.stepCount() + 16).append("second,arrivals\n");
      for (int k = 0; k < schedule.stepCount(); k++) {
        csv.append(k).append(',').append(schedule.count(k)).append('\n');
      }
      return csv.toString();
    }

    private void checkNumbers() {
      if (!(compress > 0) || !Double.isFinite(compress)) {
        throw optionError("--compress must be a finite number > 0, but was " + compress);
      }
      if (!(scale >= 0) || !Double.isFinite(scale)) {
        throw optionError("--scale must be a finite number >= 0, but was " + scale);
      }
      if (fromSeconds != null && !Double.isFinite(fromSeconds)) {
        throw optionError("--from-seconds must be a finite number, but was " + fromSeconds);
      }
      if (toSeconds != null && !Double.isFinite(toSeconds)) {
        throw optionError("--to-seconds must be a finite number, but was " + toSeconds);
      }
      if (Files.isDirectory(out)) {
        throw optionError("--out must name the schedule's CSV file, but '" + out + "' is a directory");
      }
      arrivalMode(0);
    }

    private void checkWindow(RateCurve rate, double from, double to) {
      if (from < rate.startSeconds() || from >= rate.endSeconds()) {
        throw optionError(String.format(Locale.ROOT, "--from-seconds must lie within the profile [%s, %s), but was %s",
            plain(rate.startSeconds()), plain(rate.endSeconds()), plain(from)));
      }
      if (to > rate.endSeconds() || to <= from) {
        throw optionError(String.format(Locale.ROOT, "--to-seconds must lie within the profile (%s, %s] after --from-seconds, but was %s",
            plain(from), plain(rate.endSeconds()), plain(to)));
      }
    }

    private ReplaySettings replaySettings(double from, double to) {
      try {
        return new ReplaySettings(from, to, compress, scale);
      } catch (IllegalArgumentException e) {
        throw optionError(e.getMessage());
      }
    }

    private ArrivalMode arrivalMode(long runSeed) {
      try {
        return ArrivalMode.named(mode, runSeed);
      } catch (IllegalArgumentException e) {
        throw optionError("--mode must be deterministic or poisson, but was '" + mode + "'");
      }
    }

    private static String plain(double value) {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static InputException optionError(String message) {
      return new InputException(new InputProblem("loadcast profile schedule", 0, 0, message));
    }
  }

  /** {@code loadcast profile show}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Write a self-contained HTML preview of a profile: its rate curve, missing ranges, calendar events, "
          + "request mix and session model.")
  static final class Show implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.yaml", description = "the profile")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "preview.html", description = "the HTML file to write")
    Path out;

    @Override
    public Integer call() {
      if (Files.isDirectory(out)) {
        throw new InputException(new InputProblem("loadcast profile show", 0, 0,
            "--out must name the preview's HTML file, but '" + out + "' is a directory"));
      }
      TrafficProfile profile = TrafficProfiles.read(file);
      org.loadcast.report.ProfilePreview.write(profile, out);
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s%n", out);
      return 0;
    }
  }
}
