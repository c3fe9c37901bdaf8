package org.loadcast.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import org.loadcast.kubernetes.InjectorJob;
import org.loadcast.kubernetes.ManifestYaml;
import org.loadcast.kubernetes.MountedFiles;
import org.loadcast.kubernetes.Runbook;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.TrafficProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadcast k8s}: the Kubernetes manifests of a load test spread over N injectors (issue 9): a
 * ConfigMap with the experiment and every file it reads, an Indexed Job, a collector pod and a
 * runbook, written all or nothing to {@code --out}. The same inputs give the same bytes.
 */
@Command(name = "k8s", mixinStandardHelpOptions = true,
    description = {"Write Kubernetes manifests that run a load test from N injector pods: configmap.yaml (the experiment "
        + "and every file it reads, at their paths relative to the working directory), job.yaml (an Indexed Job; pod i "
        + "sends shard i of N), collect-pod.yaml (mounts the results claim for kubectl cp) and README.txt (the kubectl "
        + "commands, then loadcast results merge).",
        "Run it from the repository root: every input file must lie under the working directory."})
final class K8sCommand implements Callable<Integer> {
  private static final String COMMAND = "loadcast k8s";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "the experiment file, such as simulations/smoke.yaml")
  Path experimentFile;

  @Option(names = "--injectors", required = true, paramLabel = "N", description = "how many injector pods, 1 to 100000")
  int injectors;

  @Option(names = "--image", required = true, paramLabel = "IMAGE",
      description = "the injectors' image: the project and its Maven repository, for mvn -o gatling:test")
  String image;

  @Option(names = "--target", required = true, paramLabel = "URL", description = "the system under test, an http(s) URL")
  String target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the manifests to")
  Path out;

  @Option(names = "--namespace", paramLabel = "NS", description = "the namespace of every object; default: kubectl's current one")
  String namespace;

  @Option(names = "--results-claim", paramLabel = "NAME", defaultValue = "loadcast-results",
      description = "an existing ReadWriteMany PersistentVolumeClaim for the results (default: ${DEFAULT-VALUE})")
  String resultsClaim;

  @Option(names = "--run-id", paramLabel = "ID",
      description = "the run's id, a DNS-1123 label of at most 40 characters; default: from the experiment's name")
  String runId;

  @Option(names = "--cpu", paramLabel = "QUANTITY", defaultValue = "2",
      description = "CPU requested and limited per injector (default: ${DEFAULT-VALUE})")
  String cpu;

  @Option(names = "--memory", paramLabel = "QUANTITY", defaultValue = "3Gi",
      description = "memory requested and limited per injector (default: ${DEFAULT-VALUE})")
  String memory;

  @Option(names = "--start-at", paramLabel = "INSTANT",
      description = "when every injector starts, an ISO-8601 instant such as 2026-12-01T10:00:00Z; default: the first "
          + "injector up picks a start 30 s ahead and shares it through a start file")
  String startAt;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(experimentFile)) {
      throw problem("EXPERIMENT must be an experiment file, but '" + experimentFile + "' "
          + (Files.isDirectory(experimentFile) ? "is a directory" : "does not exist"));
    }
    SimulateCommand.checkWritableDirectory(out, COMMAND);
    Path root = Path.of("").toAbsolutePath();
    String experimentPath = relativePath(root, experimentFile.toAbsolutePath().normalize());
    Experiment experiment = Experiments.read(experimentFile);
    InjectorJob job = job(experiment, experimentPath);
    Map<String, byte[]> contents = contents(root, RunFiles.inputFiles(experiment));
    java.util.List<String> gzipped = gzipCurvesToFit(contents, root, experiment);
    MountedFiles files = mountedFiles(contents);
    Map<Path, String> written = new LinkedHashMap<>();
    written.put(out.resolve("configmap.yaml"), ManifestYaml.write(job.configMap(files)));
    written.put(out.resolve("job.yaml"), ManifestYaml.write(job.job(files)));
    written.put(out.resolve("collect-pod.yaml"), ManifestYaml.write(job.collectorPod()));
    written.put(out.resolve("README.txt"), Runbook.text(job, files, gzipped));
    try {
      TrafficProfiles.writeAll(written);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spec.commandLine().getOut().printf(Locale.ROOT, "run %s: %d injector(s), %d file(s) (%d bytes) in the ConfigMap%n"
        + "wrote %s: configmap.yaml, job.yaml, collect-pod.yaml, README.txt (how to create, watch, collect and merge)%n",
        job.runId(), job.injectors(), files.paths().size(), files.totalBytes(), out);
    gzipped.forEach(path -> spec.commandLine().getOut().printf(Locale.ROOT, "gzipped %s to fit the ConfigMap's 1 MiB; the "
        + "profile reader recognises gzip by its magic bytes%n", path));
    return 0;
  }

  private InjectorJob job(Experiment experiment, String experimentPath) {
    String id = runId != null ? runId : defaultRunId(experiment.name());
    if (id.isEmpty()) {
      throw problem("--run-id is required: the experiment's name '" + experiment.name() + "' has no letter or digit to make one of");
    }
    try {
      return new InjectorJob(id, injectors, image, targetUrl(), Optional.ofNullable(namespace), resultsClaim, cpu, memory,
          Optional.ofNullable(startAt).map(this::instant), experimentPath);
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage());
    }
  }

  private URI targetUrl() {
    try {
      return new URI(target);
    } catch (URISyntaxException e) {
      throw problem("target must be an absolute http or https URL with a host, but was '" + target + "' (" + e.getReason() + ")");
    }
  }

  private Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw problem("start at must be an ISO-8601 instant such as 2026-12-01T10:00:00Z, but was '" + text + "'");
    }
  }

  /**
   * Returns the run id an experiment name gives: lower-cased, each run of characters outside
   * {@code [a-z0-9]} turned into one {@code -}, cut to {@link InjectorJob#MAX_RUN_ID_LENGTH} characters, with no
   * {@code -} at either end.
   *
   * @param experimentName the experiment's {@code name}
   * @return such as {@code nasa-reactive-vs-predictive}; empty when the name has no letter or digit
   */
  static String defaultRunId(String experimentName) {
    String id = experimentName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
    id = id.substring(0, Math.min(id.length(), InjectorJob.MAX_RUN_ID_LENGTH));
    return id.replaceAll("-+$", "");
  }

  private static Map<String, byte[]> contents(Path root, java.util.List<Path> inputs) {
    Map<String, byte[]> contentByPath = new TreeMap<>();
    for (Path input : inputs) {
      try {
        contentByPath.put(relativePath(root, input), Files.readAllBytes(input));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return contentByPath;
  }

  /**
   * Gzips the profile's curve file in place when the files would not fit in one ConfigMap
   * otherwise ({@link MountedFiles#MAX_TOTAL_BYTES}): the curve reader ({@link
   * org.loadcast.profile.RateCurveCsv#read}) recognises gzip by its magic bytes, so the profile loads
   * unchanged. {@link GZIPOutputStream} writes no time and no file name, so the bytes are the same
   * on every run.
   *
   * @return the paths gzipped; empty when the files fit as they are
   */
  private static java.util.List<String> gzipCurvesToFit(Map<String, byte[]> contentByPath, Path root, Experiment experiment) {
    long total = contentByPath.values().stream().mapToLong(b -> b.length).sum();
    if (total <= MountedFiles.MAX_TOTAL_BYTES) {
      return java.util.List.of();
    }
    java.util.List<Path> profileFiles = TrafficProfiles.files(experiment.profileFile());
    java.util.List<String> gzipped = new java.util.ArrayList<>();
    for (Path curve : profileFiles.subList(1, profileFiles.size())) {
      String path = relativePath(root, curve.toAbsolutePath().normalize());
      contentByPath.put(path, gzip(contentByPath.get(path)));
      gzipped.add(path);
    }
    return gzipped;
  }

  private static byte[] gzip(byte[] content) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static MountedFiles mountedFiles(Map<String, byte[]> contentByPath) {
    try {
      return MountedFiles.of(contentByPath);
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage());
    }
  }

  /** Returns a file's path relative to the working directory, with {@code /} between directories. */
  private static String relativePath(Path root, Path file) {
    if (!file.startsWith(root) || file.equals(root)) {
      throw problem("input file '" + file + "' must lie under the working directory '" + root + "', for the ConfigMap "
          + "lays the files out at their paths relative to it; run from the repository root, or copy the file in");
    }
    return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
  }

  private static InputException problem(String message) {
    return new InputException(new InputProblem(COMMAND, 0, 0, message));
  }
}
