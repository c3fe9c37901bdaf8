package org.loadcast.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.YamlFile;

/** File facts a run records: input digests, run ids and the tool's version. */
public final class RunFiles {
  private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private RunFiles() {}

  /**
   * Returns the lower-case hex SHA-256 of a file's bytes.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /**
   * Returns the digest of each input of an experiment: the experiment file, the profile and the
   * profile's curve file when it has one.
   */
  public static Map<String, String> inputDigests(Experiment experiment) {
    Map<String, String> digests = new LinkedHashMap<>();
    for (Path file : experimentAndProfile(experiment)) {
      digests.put(file.toString(), sha256(file));
    }
    return digests;
  }

  private static List<Path> experimentAndProfile(Experiment experiment) {
    List<Path> files = new ArrayList<>(List.of(experiment.file()));
    files.addAll(TrafficProfiles.files(experiment.profileFile()));
    return files;
  }

  /**
   * Returns every file an experiment reads: those of {@link #inputDigests}, then the feeder files of
   * the profile's request templates ({@link FeederFiles#resolve}), then the HdrHistogram logs of its
   * empirical service times ({@code serviceTime.histogramLog}, relative to the experiment file).
   *
   * @param experiment a checked experiment
   * @return the files, absolute and normalised, each once, in that order
   * @throws org.loadcast.profile.InputException if the experiment file no longer reads
   */
  public static List<Path> inputFiles(Experiment experiment) {
    Set<Path> files = new LinkedHashSet<>();
    experimentAndProfile(experiment).forEach(f -> files.add(f.toAbsolutePath().normalize()));
    for (RequestTemplate template : experiment.profile().mix().requests()) {
      if (template.feeder() != null) {
        files.add(FeederFiles.resolve(experiment.profileFile(), template));
      }
    }
    ExperimentDocument.Service service = YamlFile.read(experiment.file(), ExperimentDocument.class).value().simulation().service();
    Path directory = experiment.file().toAbsolutePath().getParent();
    java.util.stream.Stream.concat(java.util.stream.Stream.of(service.serviceTime()), service.serviceTimeByTemplate().values().stream())
        .map(ExperimentDocument.ServiceTimeDocument::histogramLog)
        .filter(java.util.Objects::nonNull)
        .forEach(log -> files.add(directory.resolve(log).normalize()));
    return List.copyOf(files);
  }

  /** Returns a run id: the experiment name and the UTC start time, such as {@code smoke-20260101-120000}. */
  public static String runId(String experimentName, Instant startedAt) {
    return experimentName + "-" + RUN_ID_TIME.format(startedAt);
  }

  /** Returns Loadcast's version, from the build. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = RunFiles.class.getResourceAsStream("/org/loadcast/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
