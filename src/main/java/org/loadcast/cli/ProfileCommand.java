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
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.MissingDataRule;
import org.loadcast.profile.ProfileDerivation;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.TrafficSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast profile}: derive and check traffic profiles. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Derive and check traffic profiles.",
    subcommands = {ProfileCommand.Derive.class, ProfileCommand.Check.class})
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
}
