package org.loadcast.profile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads traffic profiles from YAML and writes derived ones. */
public final class TrafficProfiles {
  /** The JSON Schema that profiles name for editors, relative to {@code traffic-profiles/}. */
  public static final String SCHEMA_COMMENT = "# yaml-language-server: $schema=traffic-profile.schema.json";
  private static final ObjectMapper WRITER = JsonMapper.builder(YAMLFactory.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build())
      .build();

  private TrafficProfiles() {}

  /**
   * Reads a profile and the curve file it names.
   *
   * @param file the YAML file
   * @return the profile
   * @throws InputException listing every problem found, each at {@code file:line:column}
   */
  public static TrafficProfile read(Path file) {
    YamlFile<ProfileDocument> yaml = YamlFile.read(file, ProfileDocument.class, ProfileSchema.get(), TrafficProfiles::checkValues);
    ProfileDocument doc = yaml.value();
    List<InputProblem> problems = new ArrayList<>();
    ZoneId zone = zone(yaml, problems);
    OffsetDateTime start = startTime(yaml, problems);
    RateCurve curve = curve(yaml, file, zone, start, problems);
    EventCalendar events = zone == null || start == null || curve == null
        ? EventCalendar.NONE : events(yaml, zone, start, curve, problems);
    RateCurve rate = curve == null ? null : events.applyTo(curve);
    if (rate != null) {
      checkPeak(yaml, rate, problems);
    }
    if (!problems.isEmpty()) {
      throw new InputException(YamlFile.inFileOrder(problems));
    }
    try {
      return new TrafficProfile(doc.name(), doc.description(), doc.seed(), zone, start, rate, events, doc.mix());
    } catch (IllegalArgumentException e) {
      throw new InputException(yaml.problemBelow("", e.getMessage()));
    }
  }

  /** The highest rate a profile may reach, in requests per second: far beyond any real service. */
  public static final double MAX_RATE_PER_SECOND = 1e9;

  private static void checkPeak(YamlFile<ProfileDocument> yaml, RateCurve rate, List<InputProblem> problems) {
    double peak = rate.peakRatePerSecond(rate.startSeconds(), rate.endSeconds());
    if (!(peak <= MAX_RATE_PER_SECOND)) {
      problems.add(yaml.problemAt("rate", String.format(java.util.Locale.ROOT, "rate must stay at or below %.0e "
          + "requests per second, the most a replay or simulation can hold, but reaches %.3e", MAX_RATE_PER_SECOND, peak)));
    }
  }

  private static EventCalendar events(
      YamlFile<ProfileDocument> yaml, ZoneId zone, OffsetDateTime start, RateCurve curve, List<InputProblem> problems) {
    List<CalendarEvent> events = new ArrayList<>();
    List<ProfileDocument.Event> written = yaml.value().events();
    for (int i = 0; i < written.size(); i++) {
      ProfileDocument.Event e = written.get(i);
      String path = "events[" + i + "]";
      Double from = eventTime(yaml, path + ".start", e.start(), zone, start, problems);
      Double to = eventTime(yaml, path + ".end", e.end(), zone, start, problems);
      if (from == null || to == null) {
        continue;
      }
      if (!(to > from)) {
        problems.add(yaml.problemAt(path + ".end", path + ".end must be after " + path + ".start (" + e.start()
            + "), but was " + e.end()));
        continue;
      }
      if (to <= curve.startSeconds() || from >= curve.endSeconds()) {
        problems.add(yaml.problemAt(path + ".start", path + " must overlap the profile, which runs from "
            + start.plusSeconds((long) curve.startSeconds()) + " to " + start.plusSeconds((long) curve.endSeconds())
            + ", but was " + e.start() + " to " + e.end()));
        continue;
      }
      CalendarEvent.Effect effect = e.multiplier() != null
          ? new CalendarEvent.Multiplier(e.multiplier()) : new CalendarEvent.AbsoluteRate(e.ratePerSecond());
      events.add(new CalendarEvent(e.name(), e.kind() == null ? CalendarEvent.Kind.OTHER : e.kind(), from, to, effect));
    }
    try {
      return new EventCalendar(events);
    } catch (IllegalArgumentException ex) {
      problems.add(yaml.problemBelow("", ex.getMessage()));
      return EventCalendar.NONE;
    }
  }

  /** Returns a date-time as seconds since the profile starts, or null after adding a problem. */
  private static Double eventTime(
      YamlFile<ProfileDocument> yaml, String path, String text, ZoneId zone, OffsetDateTime start,
      List<InputProblem> problems) {
    try {
      java.time.temporal.TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_DATE_TIME
          .parseBest(text, OffsetDateTime::from, java.time.LocalDateTime::from);
      java.time.Instant instant = parsed instanceof OffsetDateTime offset
          ? offset.toInstant() : ((java.time.LocalDateTime) parsed).atZone(zone).toInstant();
      java.time.Duration since = java.time.Duration.between(start.toInstant(), instant);
      return since.getSeconds() + since.getNano() / 1e9;
    } catch (DateTimeException e) {
      problems.add(yaml.problemAt(path, eventTimeMessage(path, text)));
      return null;
    }
  }

  /** Checks the values of a profile that the schema cannot: its zone, its start time, its events' dates. */
  private static void checkValues(YamlFile<?> yaml, com.fasterxml.jackson.databind.JsonNode tree, List<InputProblem> problems) {
    com.fasterxml.jackson.databind.JsonNode zone = tree.get("timezone");
    if (zone != null && zone.isTextual()) {
      try {
        ZoneId.of(zone.asText());
      } catch (DateTimeException e) {
        problems.add(yaml.problemAt("timezone", zoneMessage(zone.asText())));
      }
    }
    com.fasterxml.jackson.databind.JsonNode start = tree.get("startTime");
    if (start != null && start.isTextual()) {
      try {
        OffsetDateTime.parse(start.asText());
      } catch (DateTimeException e) {
        problems.add(yaml.problemAt("startTime", startTimeMessage(start.asText())));
      }
    }
    com.fasterxml.jackson.databind.JsonNode events = tree.get("events");
    if (events != null && events.isArray()) {
      for (int i = 0; i < events.size(); i++) {
        for (String key : List.of("start", "end")) {
          com.fasterxml.jackson.databind.JsonNode time = events.get(i).get(key);
          String path = "events[" + i + "]." + key;
          if (time != null && time.isTextual() && time.asText().matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            dateTimeProblem(path, time.asText()).ifPresent(message -> problems.add(yaml.problemAt(path, message)));
          }
        }
      }
    }
  }

  /** Returns the problem of an event's date-time, or empty when it reads. */
  private static java.util.Optional<String> dateTimeProblem(String path, String text) {
    try {
      java.time.format.DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, java.time.LocalDateTime::from);
      return java.util.Optional.empty();
    } catch (DateTimeException e) {
      return java.util.Optional.of(eventTimeMessage(path, text));
    }
  }

  private static String zoneMessage(String zone) {
    java.util.Optional<String> hint = YamlFile.closestName(zone, ZoneId.getAvailableZoneIds());
    return "timezone must be a region id such as America/New_York, but was '" + zone + "'"
        + hint.map(h -> " (did you mean '" + h + "'?)").orElse("");
  }

  private static String startTimeMessage(String text) {
    return "startTime must be an ISO-8601 date-time with offset such as 1995-07-01T00:00:00-04:00, but was '" + text + "'";
  }

  private static String eventTimeMessage(String path, String text) {
    return path + " must be an ISO-8601 date-time such as 2026-11-27T00:00 (in the profile's timezone) or "
        + "2026-11-27T00:00-05:00, but was '" + text + "'";
  }

  private static ZoneId zone(YamlFile<ProfileDocument> yaml, List<InputProblem> problems) {
    try {
      return ZoneId.of(yaml.value().timezone());
    } catch (DateTimeException e) {
      problems.add(yaml.problemAt("timezone", zoneMessage(yaml.value().timezone())));
      return null;
    }
  }

  private static OffsetDateTime startTime(YamlFile<ProfileDocument> yaml, List<InputProblem> problems) {
    try {
      return OffsetDateTime.parse(yaml.value().startTime());
    } catch (DateTimeException e) {
      problems.add(yaml.problemAt("startTime", startTimeMessage(yaml.value().startTime())));
      return null;
    }
  }

  /** Returns the curve of a rate model: one step per this many seconds, each the mean over its step. */
  public static final double MODEL_RESOLUTION_SECONDS = 60;

  private static RateCurve curve(
      YamlFile<ProfileDocument> yaml, Path file, ZoneId zone, OffsetDateTime start, List<InputProblem> problems) {
    ProfileDocument.Rate rate = yaml.value().rate();
    if (rate.model() != null) {
      if (!rate.missing().isEmpty()) {
        problems.add(yaml.problemAt("rate.missing", "rate.missing must be absent with a model, which has no "
            + "unobserved stretches, but was given (" + rate.missing().size() + " range(s))"));
      }
      if (zone == null || start == null) {
        return null;
      }
      try {
        return rate.model().toCurve(start, zone, yaml.value().seed(), MODEL_RESOLUTION_SECONDS);
      } catch (IllegalArgumentException e) {
        problems.add(yaml.problemAt("rate.model", "rate.model must give a finite rate at every second, but "
            + e.getMessage()));
        return null;
      }
    }
    ProfileDocument.Curve curve = rate.curve();
    try {
      if (curve.file() != null) {
        Path csv = resolveSibling(file, curve.file());
        if (!Files.isRegularFile(csv)) {
          problems.add(yaml.problemAt("rate.curve.file", "rate.curve.file must name a CSV file beside the profile, but '"
              + curve.file() + "' does not exist (looked for " + csv + ")"));
          return null;
        }
        return RateCurveCsv.read(csv, curve.interpolation(), rate.missing());
      }
      double[] at = curve.points().stream().mapToDouble(ProfileDocument.RatePoint::atSeconds).toArray();
      double[] perSecond = curve.points().stream().mapToDouble(ProfileDocument.RatePoint::ratePerSecond).toArray();
      return RateCurve.of(at, perSecond, curve.interpolation(), rate.missing());
    } catch (IllegalArgumentException e) {
      String base = e.getMessage().startsWith("missing") ? "rate" : "rate.curve";
      problems.add(yaml.problemBelow(base, e.getMessage()));
      return null;
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static List<ProfileDocument.Event> documentEvents(TrafficProfile profile) {
    List<ProfileDocument.Event> events = new ArrayList<>();
    for (CalendarEvent e : profile.events().events()) {
      Double multiplier = e.effect() instanceof CalendarEvent.Multiplier m ? m.factor() : null;
      Double fixed = e.effect() instanceof CalendarEvent.AbsoluteRate a ? a.ratePerSecond() : null;
      events.add(new ProfileDocument.Event(e.name(), e.kind(), dateTime(profile, e.fromSeconds()),
          dateTime(profile, e.toSeconds()), multiplier, fixed));
    }
    return events;
  }

  private static String dateTime(TrafficProfile profile, double atSeconds) {
    return profile.wallClock(atSeconds).toOffsetDateTime().toString();
  }

  /**
   * Returns the files a profile is made of: the YAML, and its curve file when it names one.
   *
   * @param file the YAML file
   * @return the files, the YAML first
   * @throws InputException if the YAML does not read
   */
  public static List<Path> files(Path file) {
    ProfileDocument.Curve curve = YamlFile.read(file, ProfileDocument.class).value().rate().curve();
    return curve == null || curve.file() == null ? List.of(file) : List.of(file, relativeSibling(file, curve.file()));
  }

  private static Path relativeSibling(Path file, String name) {
    return FileNames.resolve(file.getParent(), name);
  }

  private static Path resolveSibling(Path file, String name) {
    return FileNames.resolve(file.toAbsolutePath().getParent(), name);
  }

  /**
   * Writes a derived profile: the YAML, and its curve as a CSV file beside it. Both are written to
   * temporary files first and then moved into place, so a failure leaves nothing half-written.
   *
   * @param profile the profile
   * @param source its provenance
   * @param yamlFile where the YAML goes; the CSV goes beside it, named after it with {@code .rate.csv}
   * @throws UncheckedIOException if writing fails
   */
  public static void write(TrafficProfile profile, ProfileDocument.Source source, Path yamlFile) {
    try {
      writeAll(files(profile, source, yamlFile));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the files of a profile with a curve, as {@link #write} would write them: the curve's CSV
   * beside the YAML, then the YAML.
   *
   * @param profile the profile
   * @param source its provenance
   * @param yamlFile where the YAML goes
   * @return the path and text of each file, in writing order
   */
  public static java.util.Map<Path, String> files(TrafficProfile profile, ProfileDocument.Source source, Path yamlFile) {
    String csvName = yamlFile.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".rate.csv";
    ProfileDocument doc = new ProfileDocument(profile.name(), profile.description(), source, profile.seed(),
        profile.timezone().getId(), profile.startTime().toString(),
        new ProfileDocument.Rate(new ProfileDocument.Curve(csvName, null, profile.rate().interpolation()),
            profile.rate().missing()),
        documentEvents(profile), profile.mix());
    try {
      StringWriter csv = new StringWriter();
      RateCurveCsv.write(profile.rate(), csv);
      java.util.Map<Path, String> files = new java.util.LinkedHashMap<>();
      files.put(yamlFile.resolveSibling(csvName), csv.toString());
      files.put(yamlFile, documentText(doc));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns a profile document as the YAML text a profile file holds, naming the schema for editors.
   *
   * @param doc the document
   * @return the text, ending with a line break
   */
  public static String documentText(ProfileDocument doc) {
    try {
      return SCHEMA_COMMENT + "\n" + WRITER.writeValueAsString(doc);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a profile document always serializes", e);
    }
  }

  /**
   * Writes a set of files all or nothing, as far as a file system allows: every text goes to a
   * temporary file beside its destination first, every destination is checked not to be a
   * directory, and only then are the temporary files moved into place. A failure before the moves
   * leaves no file changed and no temporary file behind.
   *
   * @param files the path and text of each file, in the order they are moved
   * @throws IOException if a file cannot be written or a destination is a directory
   */
  public static void writeAll(java.util.Map<Path, String> files) throws IOException {
    java.util.Map<Path, Path> temps = new java.util.LinkedHashMap<>();
    try {
      for (java.util.Map.Entry<Path, String> file : files.entrySet()) {
        if (Files.isDirectory(file.getKey())) {
          throw new IOException(file.getKey() + " is a directory; nothing was written");
        }
        temps.put(file.getKey(), temporary(file.getKey(), file.getValue()));
      }
      for (java.util.Map.Entry<Path, Path> temp : temps.entrySet()) {
        Files.move(temp.getValue(), temp.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      for (Path temp : temps.values()) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Writes a profile document as YAML, naming the schema for editors, through a temporary file and
   * an atomic move. Use it for a profile whose rate is a model, which has no curve file.
   *
   * @param doc the document
   * @param yamlFile where it goes
   * @throws UncheckedIOException if writing fails
   */
  public static void writeDocument(ProfileDocument doc, Path yamlFile) {
    try {
      writeAtomically(yamlFile, documentText(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes text to a file through a temporary file in the same directory and an atomic move. The
   * file is readable by all (rw-r--r--) where the file system has POSIX permissions.
   *
   * @param file the destination
   * @param text the content, written as UTF-8
   * @throws IOException if writing or moving fails; the temporary file is removed
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    Path temp = temporary(file, text);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes text to a new temporary file beside {@code file}, readable by all, and returns it. */
  private static Path temporary(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      return temp;
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }
}
