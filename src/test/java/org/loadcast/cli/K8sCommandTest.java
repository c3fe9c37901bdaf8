package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loadcast.kubernetes.ManifestRules;

class K8sCommandTest {
  private static final String IMAGE = "registry.example.com/loadcast:0.1.0";
  private static final String TARGET = "http://shop.default.svc:8080";

  @TempDir
  Path dir;

  private CommandRun k8s(String experiment, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("k8s", experiment, "--injectors", "3", "--image", IMAGE, "--target", TARGET,
        "--out", out.toString()));
    args.addAll(List.of(more));
    return CommandRun.of(args.toArray(String[]::new));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulations/nasa-july-sessions.yaml", "simulations/hybrid-policies.yaml"})
  void k8s_experiment_manifestsPassTheSchemaAndServerRules(String experiment) throws IOException {
    CommandRun run = k8s(experiment, dir, "--namespace", "load-tests");

    assertThat(run.code()).as(run.err()).isZero();
    ConfigMap configMap = ManifestRules.read(read(dir.resolve("configmap.yaml")), ConfigMap.class);
    Job job = ManifestRules.read(read(dir.resolve("job.yaml")), Job.class);
    Pod collector = ManifestRules.read(read(dir.resolve("collect-pod.yaml")), Pod.class);
    assertThat(ManifestRules.violations(configMap, job, 3)).isEmpty();
    assertThat(ManifestRules.objectViolations(collector, "v1", "Pod")).isEmpty();
    assertThat(job.getMetadata().getNamespace()).isEqualTo("load-tests");
    List<String> args = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
    String runId = experiment.replaceAll(".*/|\\.yaml$", "");
    assertThat(args).containsExactly("-B", "-o", "gatling:test", "-Dexperiment=/etc/loadcast/" + experiment, "-Dinjectors=3",
        "-Dinjector=$(JOB_COMPLETION_INDEX)", "-Dtarget=" + TARGET,
        "-Dresults.dir=/results/" + runId + "/injector-$(JOB_COMPLETION_INDEX)", "-Dstart.file=/results/" + runId + "/start-at",
        "-Dstart.leadSeconds=30");
    assertThat(job.getMetadata().getLabels()).containsEntry("app.kubernetes.io/name", "loadcast")
        .containsEntry("app.kubernetes.io/instance", runId);
    assertThat(collector.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName()).isEqualTo("loadcast-results");
    assertThat(read(dir.resolve("README.txt"))).contains("kubectl create -n load-tests -f configmap.yaml -f job.yaml",
        "kubectl cp -n load-tests loadcast-collect-" + runId + ":/results/" + runId + " results/" + runId,
        "loadcast results merge results/" + runId + "/injector-* --out results/" + runId + "/merged");
  }

  @Test
  void violations_brokenJob_namesEachRule() throws IOException {
    assertThat(k8s("simulations/hybrid-policies.yaml", dir).code()).isZero();
    ConfigMap configMap = ManifestRules.read(read(dir.resolve("configmap.yaml")), ConfigMap.class);
    Job job = ManifestRules.read(read(dir.resolve("job.yaml")), Job.class);
    job.getSpec().setCompletionMode("NonIndexed");
    job.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().get(1).setName("nowhere");
    configMap.getData().remove("traffic-profiles_feeders_webshop-skus.csv");

    assertThat(ManifestRules.violations(configMap, job, 4)).contains("completionMode is NonIndexed", "completions is 3",
        "parallelism is 3", "volumeMount nowhere names no volume", "no -Dinjectors=4",
        "item key traffic-profiles_feeders_webshop-skus.csv is not in the ConfigMap");
  }

  @Test
  void read_unknownProperty_fails() throws IOException {
    assertThat(k8s("simulations/hybrid-policies.yaml", dir).code()).isZero();
    String job = read(dir.resolve("job.yaml")).replace("  backoffLimit: 0\n", "  backoffLimit: 0\n  backofLimit: 1\n");

    assertThatThrownBy(() -> ManifestRules.read(job, Job.class)).hasMessageContaining("backofLimit");
  }

  /**
   * Lays the ConfigMap's files out in a directory as the volume's items say, and reads the
   * experiment from there: it must be the same experiment, with the same replay schedule.
   */
  @ParameterizedTest
  @ValueSource(strings = {"simulations/smoke.yaml", "simulations/nasa-reactive-vs-predictive.yaml",
      "simulations/nasa-july-sessions.yaml", "simulations/hybrid-policies.yaml"})
  void configMapItems_laidOut_loadTheSameExperiment(String experiment) throws IOException {
    Path out = dir.resolve("out");
    assertThat(k8s(experiment, out).code()).isZero();
    ConfigMap configMap = ManifestRules.read(read(out.resolve("configmap.yaml")), ConfigMap.class);
    Job job = ManifestRules.read(read(out.resolve("job.yaml")), Job.class);
    Path mount = dir.resolve("etc/loadcast");
    List<KeyToPath> items = job.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getItems();
    for (KeyToPath item : items) {
      Path file = mount.resolve(item.getPath());
      Files.createDirectories(file.getParent());
      String text = configMap.getData() == null ? null : configMap.getData().get(item.getKey());
      byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : Base64.getDecoder().decode(configMap.getBinaryData().get(item.getKey()));
      Files.write(file, bytes);
      assertThat(gunzipped(bytes)).as(item.getPath()).isEqualTo(Files.readAllBytes(Path.of(item.getPath())));
    }
    String experimentArg = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(3);

    Experiment original = Experiments.read(Path.of(experiment));
    Experiment mounted = Experiments.read(mount.resolve(experimentArg.substring("-Dexperiment=/etc/loadcast/".length())));

    assertThat(items).hasSize(RunFiles.inputFiles(original).size());
    assertThat(mounted.name()).isEqualTo(original.name());
    assertThat(mounted.profile().name()).isEqualTo(original.profile().name());
    assertThat(mounted.profile().mix()).isEqualTo(original.profile().mix());
    assertThat(mounted.profileFile().getFileName()).isEqualTo(original.profileFile().getFileName());
    int[] originalCounts = LoadTestPlan.of(original).upperSchedule().counts();
    int[] mountedCounts = LoadTestPlan.of(mounted).upperSchedule().counts();
    assertThat(mountedCounts).hasSize(originalCounts.length).isEqualTo(originalCounts);
  }

  /** Returns the bytes gunzipped when they start with the gzip magic bytes, else as they are. */
  private static byte[] gunzipped(byte[] bytes) throws IOException {
    if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
      return bytes;
    }
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  @Test
  void k8s_smoke_gzipsTheCurveToFitTheConfigMap() throws IOException {
    CommandRun run = k8s("simulations/smoke.yaml", dir);

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("gzipped traffic-profiles/nasa-kennedy-1995.rate.csv to fit the ConfigMap's 1 MiB");
    ConfigMap configMap = ManifestRules.read(read(dir.resolve("configmap.yaml")), ConfigMap.class);
    assertThat(configMap.getBinaryData()).containsOnlyKeys("traffic-profiles_nasa-kennedy-1995.rate.csv");
    assertThat(configMap.getData()).containsOnlyKeys("simulations_smoke.yaml", "traffic-profiles_nasa-kennedy-1995.yaml");
    assertThat(read(dir.resolve("README.txt"))).contains("gzipped to fit the ConfigMap's 1 MiB");
  }

  @Test
  void k8s_hybridPolicies_carriesTheFeeder() throws IOException {
    assertThat(k8s("simulations/hybrid-policies.yaml", dir).code()).isZero();
    ConfigMap configMap = ManifestRules.read(read(dir.resolve("configmap.yaml")), ConfigMap.class);

    assertThat(configMap.getData()).containsOnlyKeys("simulations_hybrid-policies.yaml",
        "traffic-profiles_feeders_webshop-skus.csv", "traffic-profiles_webshop-black-friday.yaml");
  }

  @Test
  void k8s_secondRun_writesTheSameBytes() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    assertThat(k8s("simulations/nasa-july-sessions.yaml", first).code()).isZero();
    assertThat(k8s("simulations/nasa-july-sessions.yaml", second).code()).isZero();

    try (Stream<Path> files = Files.list(first)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).containsExactly("README.txt", "collect-pod.yaml", "configmap.yaml", "job.yaml");
      for (String name : names) {
        assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(Files.readAllBytes(first.resolve(name)));
      }
    }
  }

  @Test
  void k8s_startAt_givesEveryInjectorTheEpochMillis() throws IOException {
    assertThat(k8s("simulations/hybrid-policies.yaml", dir, "--start-at", "2026-12-01T10:00:00Z", "--run-id", "bf-1").code()).isZero();
    Job job = ManifestRules.read(read(dir.resolve("job.yaml")), Job.class);

    // 2026-12-01T10:00:00Z is 20,788 days and 10 hours after the epoch: 1,796,119,200 s.
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("-Dstart.at=1796119200000",
        "-Dresults.dir=/results/bf-1/injector-$(JOB_COMPLETION_INDEX)").noneMatch(a -> a.startsWith("-Dstart.file"));
    assertThat(job.getMetadata().getName()).isEqualTo("loadcast-bf-1");
  }

  @Test
  void k8s_dollarInTarget_isEscapedForExpansion() throws IOException {
    CommandRun run = CommandRun.of("k8s", "simulations/hybrid-policies.yaml", "--injectors", "2", "--image", IMAGE,
        "--target", "http://shop:8080/a$(HOME)", "--out", dir.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Job job = ManifestRules.read(read(dir.resolve("job.yaml")), Job.class);
    ConfigMap configMap = ManifestRules.read(read(dir.resolve("configmap.yaml")), ConfigMap.class);

    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).contains("-Dtarget=http://shop:8080/a$$(HOME)");
    assertThat(ManifestRules.violations(configMap, job, 2)).isEmpty();
  }

  /** A feeder over 1 MiB cannot be gzipped (Gatling reads it as it is): the command refuses, naming it. */
  @Test
  void k8s_filesOverTheConfigMapLimit_areRefusedNamingTheBiggest() throws IOException {
    Path tree = Files.createDirectories(Path.of("target", "k8s-command-test"));
    Path work = Files.createTempDirectory(tree, "big-feeder");
    try {
      Files.createDirectories(work.resolve("simulations"));
      Files.createDirectories(work.resolve("traffic-profiles/feeders"));
      Files.copy(Path.of("simulations/hybrid-policies.yaml"), work.resolve("simulations/hybrid-policies.yaml"));
      Files.copy(Path.of("traffic-profiles/webshop-black-friday.yaml"), work.resolve("traffic-profiles/webshop-black-friday.yaml"));
      StringBuilder skus = new StringBuilder("sku\n");
      for (int i = 0; skus.length() <= 1024 * 1024; i++) {
        skus.append(String.format(java.util.Locale.ROOT, "SKU-%08d%n", i));
      }
      Files.writeString(work.resolve("traffic-profiles/feeders/webshop-skus.csv"), skus);
      long size = Files.size(work.resolve("traffic-profiles/feeders/webshop-skus.csv"));
      String prefix = Path.of("").toAbsolutePath().relativize(work.toAbsolutePath()) + "/";

      CommandRun run = k8s(work.resolve("simulations/hybrid-policies.yaml").toString(), dir);

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err().lines()).singleElement().asString().contains("must total at most 1048576 bytes",
          "the biggest: " + prefix + "traffic-profiles/feeders/webshop-skus.csv (" + size + " bytes), " + prefix
              + "traffic-profiles/webshop-black-friday.yaml (2247 bytes)");
      assertThat(dir).isEmptyDirectory();
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "--injectors=0|injectors must be in 1..100000, but was '0'",
      "--image=Not An Image!|image must be a container image reference",
      "--target=ftp://shop/|target must be an absolute http or https URL with a host, but was 'ftp://shop/'",
      "--target=http://|target must be an absolute http or https URL",
      "--target=shop:8080|target must be an absolute http or https URL",
      "--run-id=Smoke_1|run id must be a DNS-1123 label",
      "--cpu=two|cpu must be a positive Kubernetes quantity",
      "--memory=0Gi|memory must be a positive Kubernetes quantity",
      "--namespace=Load Tests|namespace must be a DNS-1123 label",
      "--results-claim=-claim|results claim must be a DNS-1123 subdomain",
      "--start-at=tomorrow|start at must be an ISO-8601 instant"})
  void k8s_badFlag_exitsTwoWithOneLine(String flagAndPhrase) {
    String[] parts = flagAndPhrase.split("\\|");
    String flag = parts[0].substring(0, parts[0].indexOf('='));
    List<String> args = new ArrayList<>(List.of("k8s", "simulations/hybrid-policies.yaml", "--out", dir.toString(), parts[0]));
    Map<String, String> required = Map.of("--injectors", "3", "--image", IMAGE, "--target", TARGET);
    required.forEach((name, value) -> {
      if (!name.equals(flag)) {
        args.add(name + "=" + value);
      }
    });
    CommandRun run = CommandRun.of(args.toArray(String[]::new));

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().startsWith("loadcast k8s: ").contains(parts[1]);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void k8s_missingExperiment_exitsTwoWithOneLine() {
    CommandRun run = k8s("simulations/no-such.yaml", dir);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString()
        .isEqualTo("loadcast k8s: EXPERIMENT must be an experiment file, but 'simulations/no-such.yaml' does not exist");
  }

  @Test
  void k8s_experimentOutsideTheWorkingDirectory_isRefused() throws IOException {
    Path profile = Path.of("traffic-profiles/webshop-black-friday.yaml").toAbsolutePath();
    Path copy = dir.resolve("exp.yaml");
    Files.writeString(copy, read(Path.of("simulations/hybrid-policies.yaml"))
        .replace("../traffic-profiles/webshop-black-friday.yaml", profile.toString()));
    Path out = dir.resolve("out");

    CommandRun run = k8s(copy.toString(), out);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines()).singleElement().asString().contains("must lie under the working directory");
    assertThat(out).doesNotExist();
  }

  @Test
  void defaultRunId_experimentName_becomesADnsLabel() {
    assertThat(K8sCommand.defaultRunId("Smoke Test_2")).isEqualTo("smoke-test-2");
    assertThat(K8sCommand.defaultRunId("--NASA: July--")).isEqualTo("nasa-july");
    assertThat(K8sCommand.defaultRunId("a".repeat(39) + "-b")).isEqualTo("a".repeat(39));
    assertThat(K8sCommand.defaultRunId("___")).isEmpty();
  }
}
