package org.loadcast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.loadcast.profile.AccessLogEntry;
import org.loadcast.profile.DataQuality;
import org.loadcast.profile.ExtractionSettings;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.LoggedRequest;
import org.loadcast.profile.MissingDataRule;
import org.loadcast.profile.ProfileDerivation;
import org.loadcast.profile.ProfileDocument;
import org.loadcast.profile.PrometheusValues;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RateModel;
import org.loadcast.profile.RateModelFit;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTally;
import org.loadcast.profile.SessionExtraction;
import org.loadcast.profile.SessionExtractor;
import org.loadcast.profile.TemplateCounter;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficFormat;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.TrafficReadOptions;
import org.loadcast.profile.TrafficSeries;
import org.loadcast.profile.TrafficSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast profile derive}: a traffic profile from historical data, with its model fit. */
@Command(name = "derive", mixinStandardHelpOptions = true,
    description = {"Derive a traffic profile from historical data.",
        "INPUT is an access log (Common, Combined, a custom Apache or nginx pattern), a count series (one whole number "
            + "per line; give --start), a timestamp,count CSV or a Prometheus query_range JSON. The format is detected "
            + "from the first lines unless --format is given; gzip is recognised by its magic bytes.",
        "Malformed lines are left out and counted, unobserved time (gaps, outages, the minutes a sampled log did not keep) "
            + "is missing data, never zero load; a summary goes to standard error."})
final class ProfileDeriveCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  /** The clock of the progress bar's 2-second rule; tests replace it. */
  LongSupplier nanoClock = System::nanoTime;

  @Parameters(index = "0", paramLabel = "INPUT", description = "the access log or rate series, plain or gzipped")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "FILE.yaml", description = "the profile to write; beside it go "
      + "FILE.fit.json (the model fit and the data's quality), FILE.rate.csv with --rate curve, and feeders/ with --sessions")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", description = {"the input's format (default: detected): common, combined, "
      + "apache-common, apache-combined, nginx (nginx's default combined), apache:<LogFormat pattern>, nginx:<log_format pattern>, "
      + "counts, csv or prometheus.", "Example: --format 'nginx:$remote_addr - [$time_iso8601] \"$request\" $status $bytes_sent'"})
  String format;

  @Option(names = "--start", paramLabel = "DATE-TIME", description = "wall-clock time of a count series' first value, ISO-8601 with offset, e.g. 1995-07-01T00:00:01-04:00 (counts only)")
  String start;

  @Option(names = "--step-seconds", paramLabel = "SECONDS", description = "the step of the series: of a count series (default 1), "
      + "of a CSV or Prometheus series (default: the most common difference between timestamps), of the counts a log is binned into (default 1)")
  Integer stepSeconds;

  @Option(names = "--input-timezone", defaultValue = "UTC", paramLabel = "ZONE", description = "the zone of CSV timestamps written "
      + "without an offset (YYYY-MM-DD HH:MM:SS) (default: ${DEFAULT-VALUE})")
  String inputTimezone;

  @Option(names = "--prometheus-values", defaultValue = "rate", paramLabel = "rate|count", description = "whether Prometheus values "
      + "are requests per second (count = value x step) or requests per step (default: ${DEFAULT-VALUE})")
  String prometheusValues;

  @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never", description = "a progress bar on standard "
      + "error for inputs that take more than 2 s; auto draws it only when the command runs in a console (default: ${DEFAULT-VALUE})")
  String progress;

  @Option(names = "--timezone", defaultValue = "UTC", paramLabel = "ZONE", description = "the zone in which the profile's days are read (default: ${DEFAULT-VALUE})")
  String timezone;

  @Option(names = "--name", paramLabel = "NAME", description = "the profile's name (default: the output file's name)")
  String name;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "the profile's seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--resolution-seconds", defaultValue = "60", paramLabel = "SECONDS", description = "bucket width of the rate curve, "
      + "a multiple of the series' step (default: ${DEFAULT-VALUE}, or the smallest multiple of a coarser step above it)")
  int resolutionSeconds;

  @Option(names = "--bandwidth-seconds", paramLabel = "SECONDS|auto", defaultValue = "300",
      description = {"standard deviation of the Gaussian kernel that estimates the rate from the counts (default: ${DEFAULT-VALUE}); "
          + "0 keeps the raw bucket means; auto chooses it by leave-one-out Poisson likelihood cross-validation.",
          "A low-rate trace's counts hold Poisson noise and per-user bursts (a page and its images within seconds) that do not "
              + "grow with traffic; cross-validation reads the bursts as signal and picks a short window."})
  String bandwidthSeconds;

  @Option(names = "--mix-from", paramLabel = "LOG", description = "an access log to take the request mix from (default: INPUT when it is a log)")
  Path mixFrom;

  @Option(names = "--top-paths", defaultValue = "12", paramLabel = "N", description = "request templates to keep, the most "
      + "requested first (default: ${DEFAULT-VALUE}; with --sessions, 20)")
  int topPaths;

  @Option(names = "--rate", defaultValue = "model", paramLabel = "model|curve", description = {"what the profile's rate is "
      + "(default: ${DEFAULT-VALUE}): the fitted model of daily and weekly shape, trend, bursts and noise, or the measured "
      + "curve (a kernel estimate, written beside the profile as FILE.rate.csv, with its missing ranges).",
      "Either way the model is fitted and FILE.fit.json says how well it fits (smapeHourlyPercent) and what the data held."})
  String rate;

  @Option(names = "--max-bursts-per-day", defaultValue = "1", paramLabel = "N", description = "most bursts the model fit "
      + "may use, per day of data on average (default: ${DEFAULT-VALUE})")
  double maxBurstsPerDay;

  @Option(names = "--sessions", description = {"make the mix sessions: a Markov chain over request templates with think "
      + "times, estimated from the log (clients cut at 30 minutes of inactivity); the rate then counts sessions, "
      + "the request rate times the log's sessions per request. Reads the log twice. Placeholders' feeders go to "
      + "feeders/ beside the profile."})
  boolean sessions;

  @Option(names = "--session-assets", defaultValue = "fold", paramLabel = "fold|keep", description = {"with --sessions, "
      + "what becomes of requests for static assets (images, style sheets, scripts, fonts, icons): folded into the page "
      + "before them, as a browser fetches them with the page (default: ${DEFAULT-VALUE}), or kept as states of their own.",
      "Folding keeps the chain to pages; the replay then sends the pages only, which the summary counts."})
  String sessionAssets;

  @Option(names = "--session-timeout-seconds", defaultValue = "1800", paramLabel = "SECONDS", description = "with --sessions, "
      + "the inactivity that ends a client's session (default: ${DEFAULT-VALUE}, the usual 30 minutes)")
  long sessionTimeoutSeconds;

  /** The input as read: its series, its request tally when it is a log, and its SHA-256. */
  private record Reading(TrafficSources.SeriesRead read, RequestTally requests, String sha256) {}

  @Override
  public Integer call() {
    validateOptions();
    requireMixSource();
    Reading reading = readInput();
    Reading mixReading = readMixSource(reading);
    TrafficSeries series = reading.read().series();
    int bucketSeconds = resolution(series.stepSeconds());
    ModelDerivation.FitInput fitInput = null;
    RateModelFit.ModelFit fit = null;
    String fitProblem = null;
    try {
      fitInput = ModelDerivation.fitInput(series);
      fit = ModelDerivation.fit(fitInput, series, ZoneId.of(timezone), new RateModelFit.FitOptions(maxBurstsPerDay, 24));
    } catch (IllegalArgumentException e) {
      fitProblem = "cannot fit a rate model: " + e.getMessage();
      if (rate.equals("model")) {
        throw new InputException(new InputProblem(input.toString(), 0, 0, fitProblem + "; --rate curve keeps the measured curve"));
      }
      spec.commandLine().getErr().println("warning: " + fitProblem + "; the profile keeps the measured curve");
    }
    SessionExtraction extraction = sessions ? extractSessions(mixReading) : null;
    double sessionsPerRequest = extraction == null ? 1 : (double) extraction.sessionCount() / extraction.requestsRead();
    RequestMix mix = extraction != null ? extraction.mix() : mixReading.requests().toMix(topPaths);
    java.util.Map<Path, String> outputs = new java.util.LinkedHashMap<>();
    List<String> wrote = new ArrayList<>();
    if (rate.equals("model")) {
      writeModel(reading, mixReading, fit, mix, extraction, sessionsPerRequest, outputs, wrote);
    } else {
      ProfileDerivation.DerivedCurve derived = deriveCurve(series, bucketSeconds);
      if (extraction != null) {
        derived = new ProfileDerivation.DerivedCurve(derived.curve().scaled(sessionsPerRequest), derived.bandwidthSeconds(),
            derived.bandwidthChosen());
      }
      write(reading, mixReading, bucketSeconds, derived, mix, extraction, outputs, wrote);
    }
    if (extraction != null) {
      writeFeeders(extraction, outputs);
    }
    Path fitJson = fitJsonPath();
    outputs.put(fitJson, ModelDerivation.fitJson(out, fit, fitProblem, fitInput, series, extraction, sessionsPerRequest));
    wrote.add(fit != null
        ? String.format(Locale.ROOT, "wrote %s: sMAPE of hourly rates %.2f %% over %d hours, %d parameters, %d burst(s)",
            fitJson, fit.smapeHourlyPercent(), fit.hoursScored(), fit.parameterCount(), fit.burstCount())
        : String.format(Locale.ROOT, "wrote %s: no model (%s)", fitJson, fitProblem));
    try {
      TrafficProfiles.writeAll(outputs);
    } catch (IOException e) {
      throw new InputException(new InputProblem(out.toString(), 0, 0, "--out: cannot write the profile's files: "
          + e.getMessage()));
    }
    wrote.forEach(spec.commandLine().getOut()::println);
    return 0;
  }

  private Path fitJsonPath() {
    return out.resolveSibling(out.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".fit.json");
  }

  /**
   * Reads the mix log twice: once to count the templates, once to cut and chain the sessions. The
   * log's own reading already tallied it, so both passes read the file again.
   */
  private SessionExtraction extractSessions(Reading mixReading) {
    Path log = mixFrom != null ? mixFrom : input;
    ExtractionSettings d = ExtractionSettings.defaults();
    boolean topGiven = spec.commandLine().getParseResult().hasMatchedOption("--top-paths");
    ExtractionSettings settings = new ExtractionSettings(topGiven ? topPaths : d.topTemplates(), sessionTimeoutSeconds,
        d.reorderToleranceSeconds(), d.minTransitionCount(), d.minThinkSamples(), sessionAssets.equals("fold"), d.feederRows());
    TemplateCounter counter = new TemplateCounter(settings);
    readRequests(log, entry -> counter.accept(logged(entry)));
    SessionExtractor extractor = new SessionExtractor(settings, counter.catalog());
    readRequests(log, entry -> extractor.accept(logged(entry)));
    SessionExtraction extraction = extractor.finish();
    spec.commandLine().getErr().println("sessions: " + extraction.summary());
    sampledLogWarning(mixReading).ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
    return extraction;
  }

  private static LoggedRequest logged(AccessLogEntry entry) {
    return new LoggedRequest(entry.time().toEpochSecond(), entry.clientHost(), entry.method(), entry.path(), entry.status());
  }

  private void readRequests(Path log, java.util.function.Consumer<AccessLogEntry> consumer) {
    try (InputStream in = Files.newInputStream(log)) {
      TrafficSources.readSeries(in, log.toString(), parsedFormatFor(log), TrafficReadOptions.defaults(), consumer);
    } catch (IOException e) {
      throw new InputException(new InputProblem(log.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
  }

  private Optional<TrafficFormat> parsedFormatFor(Path log) {
    return log.equals(input) ? parsedFormat() : Optional.empty();
  }

  private void writeFeeders(SessionExtraction extraction, java.util.Map<Path, String> outputs) {
    for (SessionExtraction.FeederRows feeder : extraction.feeders()) {
      StringBuilder csv = new StringBuilder(String.join(",", feeder.columns())).append('\n');
      for (List<String> row : feeder.rows()) {
        csv.append(String.join(",", row.stream().map(ProfileDeriveCommand::csvField).toList())).append('\n');
      }
      outputs.put(out.resolveSibling(feeder.feeder()), csv.toString());
    }
  }

  /** Returns a CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
  private static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private void writeModel(Reading reading, Reading mixReading, RateModelFit.ModelFit fit, RequestMix mix,
      SessionExtraction extraction, double sessionsPerRequest, java.util.Map<Path, String> outputs, List<String> wrote) {
    TrafficSeries series = reading.read().series();
    RateModel model = ModelDerivation.scaled(fit.model(), sessionsPerRequest);
    String profileName = name != null ? name : out.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    String note = String.format(Locale.ROOT, "%d requests over %d s. The rate is a model fitted to %s: daily and weekly "
        + "factors, a trend, %d burst(s) and hourly noise, %d parameters; the sMAPE of its hourly rates against the "
        + "trace is %.2f %% over %d observed hours (see the .fit.json beside this file). %d second(s) of the trace are "
        + "missing data, not zero load, and were left out of the fit.%s",
        series.totalCount(), series.spanSeconds(), fitInputNote(series), fit.burstCount(), fit.parameterCount(),
        fit.smapeHourlyPercent(), fit.hoursScored(), series.quality().missingSeconds(), mixNote(mixReading, mix, extraction,
            sessionsPerRequest));
    ProfileDocument doc = new ProfileDocument(profileName, description(series, mixReading == reading ? input : mixFrom),
        new ProfileDocument.Source(command(), sourceFiles(reading, mixReading), note), seed, timezone,
        series.start().toString(), new ProfileDocument.Rate(null, model, List.of()), List.of(), mix);
    outputs.put(out, TrafficProfiles.documentText(doc));
    wrote.add(String.format(Locale.ROOT, "wrote %s: a model of %d parameters over %d s of a trace of %.0f %s, mix of %d",
        out, model.parameterCount(), series.spanSeconds(), sessionsPerRequest * series.totalCount(),
        extraction == null ? "requests" : "sessions", mix.requests().size()));
  }

  private String fitInputNote(TrafficSeries series) {
    return series.quality().periodicCoverage().map(c -> "hourly estimates from a sampled log (" + c.describe() + ")")
        .orElse("the measured counts");
  }

  /** Returns the warning for sessions cut from a sampled log, whose windows end them early. */
  private static Optional<String> sampledLogWarning(Reading mixReading) {
    return mixReading.read().series().quality().periodicCoverage().map(c -> "the log is sampled (" + c.describe()
        + "): sessions end where the sample ends, so they come out shorter, with fewer requests, than the real ones");
  }

  private String mixNote(Reading mixReading, RequestMix mix, SessionExtraction extraction, double sessionsPerRequest) {
    if (extraction != null) {
      return String.format(Locale.ROOT, " Arrivals are sessions: the request rate times %.5f sessions per request. %s%s",
          sessionsPerRequest, extraction.summary(), sampledLogWarning(mixReading).map(w -> " Note: " + w + ".").orElse(""));
    }
    long mixed = mix.requests().stream().mapToLong(r -> r.weight().longValue()).sum();
    return String.format(Locale.ROOT, " The mix keeps the %d most requested paths, %.1f %% of the %d parsed requests of the "
        + "log; weights are request counts.", mix.requests().size(), 100.0 * mixed / mixReading.requests().requests(),
        mixReading.requests().requests());
  }

  private List<ProfileDocument.SourceFile> sourceFiles(Reading reading, Reading mixReading) {
    List<ProfileDocument.SourceFile> files = new ArrayList<>();
    files.add(new ProfileDocument.SourceFile(portable(input), reading.sha256()));
    if (mixReading != reading) {
      files.add(new ProfileDocument.SourceFile(portable(mixFrom), mixReading.sha256()));
    }
    return files;
  }

  /**
   * Checks, from INPUT's first lines, what its format needs before reading it all: --start for a
   * count series, --mix-from for any series, which has no paths.
   */
  private void requireMixSource() {
    TrafficFormat format;
    try (InputStream in = Files.newInputStream(input)) {
      format = parsedFormat().orElseGet(() -> TrafficSources.detectFormat(in, input.toString()));
    } catch (IOException e) {
      throw new InputException(new InputProblem(input.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
    List<InputProblem> problems = new ArrayList<>();
    if (format instanceof TrafficFormat.Counts && start == null) {
      problems.add(new InputProblem(input.toString(), 0, 0, "the counts format has no timestamps: give --start with the "
          + "time of the first value, ISO-8601 with offset such as 1995-07-01T00:00:01-04:00"));
    }
    if (!format.isAccessLog() && (mixFrom == null || mixFrom.equals(input))) {
      problems.add(optionProblem("--mix-from", "a " + format.name() + " series has no paths: give --mix-from LOG to take the "
          + "request mix from an access log"));
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  /** Reads INPUT in one pass and prints what it found on standard error. */
  private Reading readInput() {
    Reading reading = read(input, parsedFormat(), readOptions());
    TrafficSources.SeriesRead read = reading.read();
    var err = spec.commandLine().getErr();
    DataQualitySummary.print(input.toString(), read, err);
    if (start != null && !(read.format() instanceof TrafficFormat.Counts)) {
      err.printf(Locale.ROOT, "note: --start is ignored: a %s input has its own timestamps%n", read.format().name());
    }
    return reading;
  }

  /** Returns the reading whose requests make the mix: INPUT's own when it is a log and --mix-from names no other. */
  private Reading readMixSource(Reading reading) {
    boolean mixFromInput = mixFrom == null || mixFrom.equals(input);
    TrafficFormat format = reading.read().format();
    if (mixFromInput && !format.isAccessLog()) {
      throw optionError("--mix-from", "a " + format.name() + " series has no paths: give --mix-from LOG to take the "
          + "request mix from an access log");
    }
    if (mixFromInput) {
      return reading;
    }
    Reading mixReading = read(mixFrom, Optional.empty(), TrafficReadOptions.defaults());
    if (!mixReading.read().format().isAccessLog()) {
      throw new InputException(new InputProblem(mixFrom.toString(), 0, 0, "--mix-from must name an access log, but its content "
          + "is in the " + mixReading.read().format().name() + " format"));
    }
    DataQualitySummary.print(mixFrom.toString(), mixReading.read(), spec.commandLine().getErr());
    return mixReading;
  }

  /**
   * Returns the profile's rate curve for the series: the kernel estimate of {@link
   * ProfileDerivation#intensityFromSeries}. This is the step a fitted rate model plugs into; the
   * series carries its missing steps and its {@link DataQuality}.
   */
  private ProfileDerivation.DerivedCurve deriveCurve(TrafficSeries series, int bucketSeconds) {
    return ProfileDerivation.intensityFromSeries(series, bucketSeconds, bandwidth());
  }

  private void write(Reading reading, Reading mixReading, int bucketSeconds, ProfileDerivation.DerivedCurve derived, RequestMix mix,
      SessionExtraction extraction, java.util.Map<Path, String> outputs, List<String> wrote) {
    TrafficSeries series = reading.read().series();
    RateCurve curve = derived.curve();
    String profileName = name != null ? name : out.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    TrafficProfile profile = new TrafficProfile(profileName, description(series, mixReading == reading ? input : mixFrom),
        seed, ZoneId.of(timezone), series.start(), curve, mix);
    outputs.putAll(TrafficProfiles.files(profile, source(reading, mixReading, bucketSeconds, derived, mix, extraction), out));
    warnIfMostlyMissing(curve);
    wrote.add(String.format(Locale.ROOT, "wrote %s: %d points, %d missing range(s), %.0f %s, mix of %d",
        out, curve.pointCount(), curve.missing().size(), curve.integral(curve.startSeconds(), curve.endSeconds()),
        mix.sessions() == null ? "requests" : "sessions", mix.requests().size()));
  }

  /** Reads a file in one pass: the series, the request tally of a log, the file's digest and the progress bar. */
  private Reading read(Path file, Optional<TrafficFormat> chosen, TrafficReadOptions options) {
    RequestTally requests = new RequestTally();
    try (InputStream raw = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ProgressMeter meter = new ProgressMeter(file.getFileName().toString(), Files.size(file), nanoClock, spec.commandLine().getErr());
      InputStream in = new DigestInputStream(raw, digest);
      if (showProgress()) {
        in = meter.watch(in);
      }
      TrafficSources.SeriesRead read = TrafficSources.readSeries(in, file.toString(), chosen, options, requests);
      in.transferTo(OutputStream.nullOutputStream()); // the digest covers the whole file
      meter.finish();
      return new Reading(read, requests, HexFormat.of().formatHex(digest.digest()));
    } catch (IOException e) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  private boolean showProgress() {
    return progress.equals("always") || (progress.equals("auto") && System.console() != null);
  }

  /** Warns on standard error when most of the curve's span has no data. */
  private void warnIfMostlyMissing(RateCurve curve) {
    double span = curve.endSeconds() - curve.startSeconds();
    double missing = curve.missingSeconds(curve.startSeconds(), curve.endSeconds());
    if (missing > 0.5 * span) {
      spec.commandLine().getErr().printf(Locale.ROOT, "warning: %.0f %% of the span has no data (%d stretch(es)); is the source "
          + "sampled, such as a few minutes per hour? The curve's rate there is unknown, not zero%n", 100 * missing / span,
          curve.missing().size());
    }
  }

  /** Checks every option and reports all that are wrong at once, before any input is read. */
  private void validateOptions() {
    List<InputProblem> problems = new ArrayList<>();
    if (!Files.isRegularFile(input)) {
      problems.add(new InputProblem(input.toString(), 0, 0, "INPUT does not exist or is not a file"));
    }
    if (mixFrom != null && !Files.isRegularFile(mixFrom)) {
      problems.add(new InputProblem(mixFrom.toString(), 0, 0, "--mix-from does not exist or is not a file"));
    }
    if (Files.isDirectory(out)) {
      problems.add(optionProblem("--out", "--out must name the profile's YAML file, but '" + out + "' is a directory"));
    }
    if (name != null && !name.matches("[A-Za-z0-9._-]+")) {
      problems.add(optionProblem("--name", "--name must use only letters, digits, '.', '-' and '_', but was '" + name + "'"));
    }
    if (start != null) {
      try {
        OffsetDateTime.parse(start);
      } catch (DateTimeException e) {
        problems.add(optionProblem("--start", "--start must be an ISO-8601 date-time with offset such as 1995-07-01T00:00:01-04:00, but was '" + start + "'"));
      }
    }
    if (stepSeconds != null && stepSeconds < 1) {
      problems.add(optionProblem("--step-seconds", "--step-seconds must be >= 1, but was " + stepSeconds));
    }
    for (String[] zone : new String[][] {{"--timezone", timezone}, {"--input-timezone", inputTimezone}}) {
      try {
        ZoneId.of(zone[1]);
      } catch (DateTimeException e) {
        problems.add(optionProblem(zone[0], zone[0] + " must be a zone id such as America/New_York or UTC, but was '" + zone[1] + "'"));
      }
    }
    if (!List.of("auto", "always", "never").contains(progress)) {
      problems.add(optionProblem("--progress", "--progress must be auto, always or never, but was '" + progress + "'"));
    }
    if (resolutionSeconds < 1) {
      problems.add(optionProblem("--resolution-seconds", "--resolution-seconds must be >= 1, but was " + resolutionSeconds));
    }
    if (!List.of("fold", "keep").contains(sessionAssets)) {
      problems.add(optionProblem("--session-assets", "--session-assets must be fold or keep, but was '" + sessionAssets + "'"));
    }
    if (sessionTimeoutSeconds < 1) {
      problems.add(optionProblem("--session-timeout-seconds", "--session-timeout-seconds must be >= 1, but was " + sessionTimeoutSeconds));
    }
    if (rate == null || !List.of("model", "curve").contains(rate)) {
      problems.add(optionProblem("--rate", "--rate must be model or curve, but was '" + rate + "'"));
    }
    if (!(maxBurstsPerDay >= 0) || !Double.isFinite(maxBurstsPerDay)) {
      problems.add(optionProblem("--max-bursts-per-day", "--max-bursts-per-day must be a number >= 0, but was " + maxBurstsPerDay));
    }
    if (topPaths < 1) {
      problems.add(optionProblem("--top-paths", "--top-paths must be >= 1, but was " + topPaths));
    }
    for (Runnable parse : List.<Runnable>of(this::parsedFormat, this::readOptions, this::bandwidth)) {
      try {
        parse.run();
      } catch (InputException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        if (problems.isEmpty()) {
          throw e;
        }
        // a value already reported above, by the option it belongs to
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  private Optional<TrafficFormat> parsedFormat() {
    try {
      return format == null ? Optional.empty() : Optional.of(TrafficFormat.parse(format));
    } catch (IllegalArgumentException e) {
      throw optionError("--format", e.getMessage().startsWith("--format") ? e.getMessage() : "--format: " + e.getMessage());
    }
  }

  private TrafficReadOptions readOptions() {
    PrometheusValues values;
    try {
      values = PrometheusValues.of(prometheusValues);
    } catch (IllegalArgumentException e) {
      throw optionError("--prometheus-values", e.getMessage());
    }
    TrafficReadOptions options = TrafficReadOptions.defaults()
        .withStepSeconds(stepSeconds == null ? 0 : stepSeconds)
        .withInputTimezone(ZoneId.of(inputTimezone))
        .withPrometheusValues(values);
    return start == null ? options : options.withStart(OffsetDateTime.parse(start));
  }

  /** Returns the curve's bucket: --resolution-seconds, or when not given and the step does not divide it, the next multiple of the step. */
  private int resolution(int step) {
    if (resolutionSeconds % step == 0) {
      return resolutionSeconds;
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--resolution-seconds")) {
      throw optionError("--resolution-seconds", "--resolution-seconds must be a multiple of the series' step of " + step
          + " s, but was " + resolutionSeconds);
    }
    return (resolutionSeconds / step + 1) * step;
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

  private static InputProblem optionProblem(String option, String message) {
    return new InputProblem("loadcast profile derive", 0, 0, message);
  }

  private static InputException optionError(String option, String message) {
    return new InputException(new InputProblem("loadcast profile derive", 0, 0, message));
  }

  private String description(TrafficSeries series, Path mixSource) {
    return String.format(Locale.ROOT, "Derived from %s (%d seconds from %s) with the request mix of %s.",
        input.getFileName(), series.spanSeconds(), series.start(), mixSource.getFileName());
  }

  private ProfileDocument.Source source(Reading reading, Reading mixReading, int bucketSeconds,
      ProfileDerivation.DerivedCurve derived, RequestMix mix, SessionExtraction extraction) {
    RateCurve curve = derived.curve();
    TrafficSeries series = reading.read().series();
    List<ProfileDocument.SourceFile> files = new ArrayList<>();
    files.add(new ProfileDocument.SourceFile(portable(input), reading.sha256()));
    if (mixReading != reading) {
      files.add(new ProfileDocument.SourceFile(portable(mixFrom), mixReading.sha256()));
    }
    double missing = curve.missing().stream().mapToDouble(TimeRange::durationSeconds).sum();
    long mixed = mix.requests().stream().mapToLong(r -> r.weight().longValue()).sum();
    DataQuality mixQuality = mixReading.read().series().quality();
    String note = String.format(Locale.ROOT,
        "%d requests over %d s, in %d-second buckets. %s %d stretch(es) (%.0f s in all) are missing data, not quiet traffic: "
            + "%sruns of empty seconds at least %d s long and at least %.1f times the mean gap between requests "
            + "in the hour on either side (chance below 1e-9 under Poisson arrivals). The mix keeps the %d most "
            + "requested paths, %.1f %% of the %d parsed requests of the log (%d line(s) did not parse); weights are request counts.",
        series.totalCount(), series.spanSeconds(), bucketSeconds,
        smoothing(derived), curve.missing().size(), missing, missingCauses(series),
        MissingDataRule.DEFAULT.minimumRunSeconds(), MissingDataRule.DEFAULT.surpriseThreshold(), mix.requests().size(),
        100.0 * mixed / mixReading.requests().requests(), mixReading.requests().requests(), mixQuality.malformedLines());
    if (extraction != null) {
      note = note.substring(0, note.indexOf(" The mix keeps")) + mixNote(mixReading, mix, extraction,
          (double) extraction.sessionCount() / extraction.requestsRead());
    }
    return new ProfileDocument.Source(command(), files, note);
  }

  private static String missingCauses(TrafficSeries series) {
    StringBuilder causes = new StringBuilder();
    series.quality().periodicCoverage().ifPresent(c -> causes.append("the time outside ").append(c.describe())
        .append(" (a sampled log); "));
    if (series.stepSeconds() > 1) {
      causes.append("steps absent from the series; ");
    }
    return causes.toString();
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
