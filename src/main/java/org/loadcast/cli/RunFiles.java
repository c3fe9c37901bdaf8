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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.loadcast.profile.TrafficProfiles;

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
    digests.put(experiment.file().toString(), sha256(experiment.file()));
    for (Path file : TrafficProfiles.files(experiment.profileFile())) {
      digests.put(file.toString(), sha256(file));
    }
    return digests;
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
