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
    YamlFile<ProfileDocument> yaml = YamlFile.read(file, ProfileDocument.class);
    ProfileDocument doc = yaml.value();
    List<InputProblem> problems = new ArrayList<>();
    ZoneId zone = zone(yaml, problems);
    OffsetDateTime start = startTime(yaml, problems);
    RateCurve curve = curve(yaml, file, problems);
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    try {
      return new TrafficProfile(doc.name(), doc.description(), doc.seed(), zone, start, curve, doc.mix());
    } catch (IllegalArgumentException e) {
      throw new InputException(yaml.problemBelow("", e.getMessage()));
    }
  }

  private static ZoneId zone(YamlFile<ProfileDocument> yaml, List<InputProblem> problems) {
    try {
      return ZoneId.of(yaml.value().timezone());
    } catch (DateTimeException e) {
      problems.add(yaml.problemAt("timezone",
          "timezone must be a region id such as America/New_York, but was '" + yaml.value().timezone() + "'"));
      return null;
    }
  }

  private static OffsetDateTime startTime(YamlFile<ProfileDocument> yaml, List<InputProblem> problems) {
    try {
      return OffsetDateTime.parse(yaml.value().startTime());
    } catch (DateTimeException e) {
      problems.add(yaml.problemAt("startTime",
          "startTime must be an ISO-8601 date-time with offset such as 1995-07-01T00:00:00-04:00, but was '"
              + yaml.value().startTime() + "'"));
      return null;
    }
  }

  private static RateCurve curve(YamlFile<ProfileDocument> yaml, Path file, List<InputProblem> problems) {
    ProfileDocument.Rate rate = yaml.value().rate();
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

  /**
   * Returns the files a profile is made of: the YAML, and its curve file when it names one.
   *
   * @param file the YAML file
   * @return the files, the YAML first
   * @throws InputException if the YAML does not read
   */
  public static List<Path> files(Path file) {
    ProfileDocument.Curve curve = YamlFile.read(file, ProfileDocument.class).value().rate().curve();
    return curve.file() == null ? List.of(file) : List.of(file, relativeSibling(file, curve.file()));
  }

  private static Path relativeSibling(Path file, String name) {
    Path parent = file.getParent();
    return parent == null ? Path.of(name) : parent.resolve(name).normalize();
  }

  private static Path resolveSibling(Path file, String name) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(name) : parent.resolve(name).normalize();
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
    String csvName = yamlFile.getFileName().toString().replaceFirst("\\.ya?ml$", "") + ".rate.csv";
    ProfileDocument doc = new ProfileDocument(profile.name(), profile.description(), source, profile.seed(),
        profile.timezone().getId(), profile.startTime().toString(),
        new ProfileDocument.Rate(new ProfileDocument.Curve(csvName, null, profile.rate().interpolation()),
            profile.rate().missing()),
        profile.mix());
    try {
      StringWriter csv = new StringWriter();
      RateCurveCsv.write(profile.rate(), csv);
      String yaml = SCHEMA_COMMENT + "\n" + WRITER.writeValueAsString(doc);
      Path csvTemp = temporary(yamlFile.resolveSibling(csvName), csv.toString());
      Path yamlTemp = temporary(yamlFile, yaml);
      try {
        Files.move(csvTemp, yamlFile.resolveSibling(csvName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(yamlTemp, yamlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(csvTemp);
        Files.deleteIfExists(yamlTemp);
      }
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
