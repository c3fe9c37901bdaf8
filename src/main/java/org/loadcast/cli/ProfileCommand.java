package org.loadcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loadcast.profile.AccessLogEntry;
import org.loadcast.profile.ArrivalMode;
import org.loadcast.profile.ArrivalSchedule;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.MissingDataRule;
import org.loadcast.profile.ProfileDerivation;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.ReplaySettings;
import org.loadcast.profile.ScheduleCompiler;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.TrafficSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast profile}: derive, check, schedule and show traffic profiles. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Derive, check, schedule and show traffic profiles.",
    subcommands = {ProfileCommand.Derive.class, ProfileCommand.Check.class, ProfileCommand.Schedule.class,
        ProfileCommand.Show.class})
public final class ProfileCommand {

  /** {@code loadcast profile derive}. */
  @Command(name = "derive", mixinStandardHelpOptions = true,
      description = {"Derive a traffic profile from historical data.",
          "INPUT is a per-second request series (one whole number per line; give --start) or an access log "
              + "in the Common or Combined Log Format. Files ending in .gz are read gzipped."})
  static final class Derive implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "a per-second series (.txt[.gz]) or an access log (.log[.gz])")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.yaml", description = "the profile to write; its curve goes beside it as FILE.rate.csv")
    Path out;

    @Option(names = "--start", paramLabel = "DATE-TIME", description = "wall-clock time of the series' first value, ISO-8601 with offset, e.g. 1995-07-01T00:00:01-04:00 (series only)")
    String start;

    @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE", description = "the zone in which the profile's days are read (default: ${DEFAULT-VALUE})")
    String timezone;

    @Option(names = "--name", paramLabel = "NAME", description = "the profile's name (default: the output file's name)")
    String name;

    @Option(names = "--seed", defaultValue = "1", description = "the profile's seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--resolution-seconds", defaultValue = "60", paramLabel = "SECONDS", description = "bucket width of the rate curve (default: ${DEFAULT-VALUE})")
    int resolutionSeconds;

    @Option(names = "--bandwidth-seconds", paramLabel = "SECONDS|auto", defaultValue = "300",
        description = {"standard deviation of the Gaussian kernel that estimates the rate from the counts (default: ${DEFAULT-VALUE}); "
            + "0 keeps the raw bucket means; auto chooses it by leave-one-out Poisson likelihood cross-validation.",
            "A low-rate trace's counts hold Poisson noise and per-user bursts (a page and its images within seconds) that do not "
                + "grow with traffic; cross-validation reads the bursts as signal and picks a short window."})
    String bandwidthSeconds;

    @Option(names = "--mix-from", paramLabel = "LOG", description = "an access log to take the request mix from (default: INPUT when it is a log)")
    Path mixFrom;

    @Option(names = "--top-paths", defaultValue = "12", paramLabel = "N", description = "request templates to keep, the most requested first (default: ${DEFAULT-VALUE})")
    int topPaths;

    @Override
    public Integer call() {
      validateOptions();
      boolean isLog = isLog(input);
      List<TrafficSources.AccessLog> logs = new ArrayList<>();
      int[] counts;
      OffsetDateTime startTime;
      if (isLog) {
        TrafficSources.AccessLog log = TrafficSources.readAccessLog(input);
        logs.add(log);
        counts = ProfileDerivation.countsPerSecond(log.entries());
        startTime = ProfileDerivation.firstTime(log.entries());
      } else {
        counts = TrafficSources.readCountsPerSecond(input);
        startTime = OffsetDateTime.parse(start);
      }
      Path mixSource = mixFrom != null ? mixFrom : isLog ? input : null;
      if (mixSource == null) {
        throw optionError("--mix-from", "a series has no paths: give --mix-from LOG to take the request mix from an access log");
      }
      TrafficSources.AccessLog mixLog = mixSource.equals(input) && !logs.isEmpty() ? logs.get(0) : TrafficSources.readAccessLog(mixSource);
      ProfileDerivation.DerivedCurve derived = ProfileDerivation.intensityFromCounts(counts, resolutionSeconds,
          MissingDataRule.DEFAULT, bandwidth());
      RateCurve curve = derived.curve();
      RequestMix mix = ProfileDerivation.mixFromLog(mixLog.entries(), topPaths);
      String profileName = name != null ? name : out.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      TrafficProfile profile = new TrafficProfile(profileName, description(counts, startTime, mixSource),
          seed, ZoneId.of(timezone), startTime, curve, mix);
      TrafficProfiles.write(profile, source(counts, derived, mixSource, mixLog, mix), out);
      warn(logs.isEmpty() ? null : logs.get(0), mixLog, curve);
      spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d points, %d missing range(s), %.0f requests, mix of %d%n",
          out, curve.pointCount(), curve.missing().size(), curve.integral(curve.startSeconds(), curve.endSeconds()),
          mix.requests().size());
      return 0;
    }

    /** Warns on standard error about what the derivation had to leave out. */
    private void warn(TrafficSources.AccessLog rateLog, TrafficSources.AccessLog mixLog, RateCurve curve) {
      var err = spec.commandLine().getErr();
      for (TrafficSources.AccessLog log : new java.util.LinkedHashSet<>(java.util.Arrays.asList(rateLog, mixLog))) {
        if (log != null && !log.skippedLines().isEmpty()) {
          err.printf(Locale.ROOT, "warning: %d line(s) of the log are not in the Common or Combined Log Format and were left out, "
              + "the first at line %d%n", log.skippedLines().size(), log.skippedLines().get(0));
        }
      }
      double span = curve.endSeconds() - curve.startSeconds();
      double missing = curve.missingSeconds(curve.startSeconds(), curve.endSeconds());
      if (missing > 0.5 * span) {
        err.printf(Locale.ROOT, "warning: %.0f %% of the span has no data (%d stretch(es)); is the source sampled, such as a few "
            + "minutes per hour? The curve's rate there is unknown, not zero%n", 100 * missing / span, curve.missing().size());
      }
    }

    private void validateOptions() {
      if (!Files.isRegularFile(input)) {
        throw new InputException(new InputProblem(input.toString(), 0, 0, "INPUT does not exist or is not a file"));
      }
      if (Files.isDirectory(out)) {
        throw optionError("--out", "--out must name the profile's YAML file, but '" + out + "' is a directory");
      }
      if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
        throw optionError("--name", "--name must use only letters, digits, '.', '-' and '_', but was '" + name + "'");
      }
      if (!isLog(input) && start == null) {
        throw optionError("--start", "a per-second series has no timestamps: give --start with the time of its first value");
      }
      if (start != null) {
        try {
          OffsetDateTime.parse(start);
        } catch (DateTimeException e) {
          throw optionError("--start", "--start must be an ISO-8601 date-time with offset such as 1995-07-01T00:00:01-04:00, but was '" + start + "'");
        }
      }
      try {
        ZoneId.of(timezone);
      } catch (DateTimeException e) {
        throw optionError("--timezone", "--timezone must be a region id such as America/New_York, but was '" + timezone + "'");
      }
      if (resolutionSeconds < 1) {
        throw optionError("--resolution-seconds", "--resolution-seconds must be >= 1, but was " + resolutionSeconds);
      }
      if (topPaths < 1) {
        throw optionError("--top-paths", "--top-paths must be >= 1, but was " + topPaths);
      }
      bandwidth();
    }

    private double bandwidth() {
      if (bandwidthSeconds.equals("auto")) {
        return Double.NaN;
      }
      try {
        double value = Double.parseDouble(bandwidthSeconds);
        if (value >= 0 && Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw optionError("--bandwidth-seconds", "--bandwidth-seconds must be a number of seconds >= 0 or auto, but was '"
          + bandwidthSeconds + "'");
    }

    private static InputException optionError(String option, String message) {
      return new InputException(new InputProblem("loadcast profile derive", 0, 0, message));
    }

    private static boolean isLog(Path file) {
      String n = file.getFileName().toString().replaceFirst("\\.gz$", "");
      return n.endsWith(".log") || n.contains("access");
    }

    private String description(int[] counts, OffsetDateTime startTime, Path mixSource) {
      return String.format(Locale.ROOT, "Derived from %s (%d seconds from %s) with the request mix of %s.",
          input.getFileName(), counts.length, startTime, mixSource.getFileName());
    }

    private ProfileDocument.Source source(
        int[] counts, ProfileDerivation.DerivedCurve derived, Path mixSource, TrafficSources.AccessLog log, RequestMix mix) {
      RateCurve curve = derived.curve();
      List<ProfileDocument.SourceFile> files = new ArrayList<>();
      files.add(new ProfileDocument.SourceFile(portable(input), RunFiles.sha256(input)));
      if (!mixSource.equals(input)) {
        files.add(new ProfileDocument.SourceFile(portable(mixSource), RunFiles.sha256(mixSource)));
      }
      long total = 0;
      for (int c : counts) {
        total += c;
      }
      double missing = curve.missing().stream().mapToDouble(TimeRange::durationSeconds).sum();
      long mixed = mix.requests().stream().mapToLong(r -> r.weight().longValue()).sum();
      String note = String.format(Locale.ROOT,
          "%d requests over %d s, in %d-second buckets. %s %d run(s) of empty seconds (%.0f s in all) are missing data, "
              + "not quiet traffic: each is at least %d s long and at least %.1f times the mean gap between requests "
              + "in the hour on either side (chance below 1e-9 under Poisson arrivals). The mix keeps the %d most "
              + "requested paths, %.1f %% of the %d parsed requests of the log (%d line(s) did not parse); weights are request counts.",
          total, counts.length, resolutionSeconds, smoothing(derived), curve.missing().size(), missing,
          MissingDataRule.DEFAULT.minimumRunSeconds(),
          MissingDataRule.DEFAULT.surpriseThreshold(), mix.requests().size(), 100.0 * mixed / log.entries().size(),
          log.entries().size(), log.skippedLines().size());
      return new ProfileDocument.Source(command(), files, note);
    }

    private static String smoothing(ProfileDerivation.DerivedCurve derived) {
      if (derived.bandwidthSeconds() == 0) {
        return "The rate is the raw mean of each bucket.";
      }
      return String.format(Locale.ROOT, "The rate is a Gaussian-kernel estimate of the intensity (standard deviation %.0f s%s), "
          + "which keeps the traffic's shape without the counts' Poisson noise.", derived.bandwidthSeconds(),
          derived.bandwidthChosen() ? ", chosen by leave-one-out Poisson likelihood cross-validation" : "");
    }

    private String command() {
      return "loadcast " + String.join(" ", spec.commandLine().getParseResult().originalArgs().stream()
          .map(a -> a.startsWith("/") ? portable(Path.of(a)) : a).toList());
    }

    /** Returns a path relative to the working directory when it lies below it. */
    private static String portable(Path path) {
      Path absolute = path.toAbsolutePath().normalize();
      Path cwd = Path.of("").toAbsolutePath();
      return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : path.toString();
    }
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
      RateCurve rate = profile.rate();
      double total = rate.integral(rate.startSeconds(), rate.endSeconds());
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s: ok%n  %s to %s (%s), %d points, %s%n  %.0f requests expected, peak %.3f per second%n"
              + "  %d missing range(s), %.0f s%n  mix: %d request templates%n",
          file, profile.wallClock(rate.startSeconds()).toOffsetDateTime(), profile.wallClock(rate.endSeconds()).toOffsetDateTime(),
          profile.timezone(), rate.pointCount(), rate.interpolation().yamlName(), total,
          rate.peakRatePerSecond(rate.startSeconds(), rate.endSeconds()), rate.missing().size(),
          rate.missingSeconds(rate.startSeconds(), rate.endSeconds()), profile.mix().requests().size());
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
      ArrivalSchedule schedule = ScheduleCompiler.compile(rate, replay, arrivalMode);
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
      description = "Write a self-contained HTML preview of a profile: its rate curve, missing ranges and request mix.")
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
