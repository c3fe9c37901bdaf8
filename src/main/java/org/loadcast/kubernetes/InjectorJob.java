package org.loadcast.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A load test spread over {@code injectors} pods of one Indexed Kubernetes Job: pod {@code i} runs
 * {@code mvn -B -o gatling:test} with {@code -Dinjectors=N -Dinjector=i}, reads the experiment from a
 * ConfigMap mounted at {@link #CONFIG_MOUNT_PATH} and writes its results to {@code
 * /results/<runId>/injector-<i>} on a shared ReadWriteMany volume.
 *
 * <p>The shard index is {@code JOB_COMPLETION_INDEX}, which the Job controller sets for Indexed Jobs
 * from the pod annotation {@code batch.kubernetes.io/job-completion-index}; the container declares it
 * from that annotation as well, so that {@code $(JOB_COMPLETION_INDEX)} in the arguments always
 * names a variable of the container (Kubernetes documentation, "Jobs", Completion mode). Values
 * given by the user are escaped for that expansion: every {@code $} becomes {@code $$}.
 *
 * @param runId the run's id, a DNS-1123 label of at most {@link #MAX_RUN_ID_LENGTH} characters; it
 *     names the Job ({@code loadcast-<runId>}), the ConfigMap and the results directory
 * @param injectors how many injector pods, 1 to {@link #MAX_INJECTORS}; all run at once
 * @param image the container image with the project and its Maven repository for an offline build,
 *     such as {@code registry.example.com/loadcast:0.1.0}
 * @param target the system under test, an absolute {@code http} or {@code https} URL with a host
 * @param namespace the namespace of every object; empty for kubectl's current one
 * @param resultsClaim an existing ReadWriteMany PersistentVolumeClaim, a DNS-1123 subdomain
 * @param cpu the CPU each injector requests and is limited to, a Kubernetes quantity such as
 *     {@code 2} or {@code 1500m}
 * @param memory the memory each injector requests and is limited to, such as {@code 3Gi}
 * @param startAt the instant every injector starts; empty to let the first injector to start write
 *     it to {@code /results/<runId>/start-at}, 30 s ahead, for the others to read
 * @param experimentPath the experiment file's path under the ConfigMap's mount point, such as
 *     {@code simulations/smoke.yaml}
 */
public record InjectorJob(String runId, int injectors, String image, URI target, Optional<String> namespace,
    String resultsClaim, String cpu, String memory, Optional<Instant> startAt, String experimentPath) {
  /** How far ahead of the first injector pod's start the start file sets the common start, seconds. */
  public static final int START_LEAD_SECONDS = 30;

  /** Where the ConfigMap with the experiment and its files is mounted, read-only. */
  public static final String CONFIG_MOUNT_PATH = "/etc/loadcast";
  /** Where the results claim is mounted. */
  public static final String RESULTS_MOUNT_PATH = "/results";
  /** The environment variable with the pod's completion index, 0 to {@code injectors - 1}. */
  public static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";
  /**
   * The most injectors: the API server refuses an Indexed Job with a parallelism over 100,000
   * (Kubernetes {@code pkg/apis/batch/validation}, {@code maxParallelismForIndexedJob}).
   */
  public static final int MAX_INJECTORS = 100_000;
  /**
   * The longest run id: {@code loadcast-collect-<runId>} and an injector's host name, {@code
   * loadcast-<runId>-<index>}, must stay DNS labels of at most 63 characters.
   */
  public static final int MAX_RUN_ID_LENGTH = 40;
  /** The user id the pods run as; the image must let it read the project and its Maven repository. */
  public static final long RUN_AS_USER = 1000;
  /** Label keys every object carries (Kubernetes "Recommended Labels"). */
  public static final String NAME_LABEL = "app.kubernetes.io/name";
  /** The label whose value is the run id. */
  public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
  /** The label whose value is the object's part: {@code injector} or {@code collector}. */
  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";

  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL = Pattern.compile(LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  /**
   * An image reference, after the grammar of the {@code distribution/reference} package: an
   * optional registry host and port, path components of lower-case letters and digits joined by
   * {@code .}, {@code _}, {@code __} or dashes, an optional tag and an optional digest.
   */
  private static final Pattern IMAGE = Pattern.compile(
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?/)?"
      + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
      + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
  /** A positive Kubernetes quantity: a decimal number with an optional binary or decimal suffix. */
  private static final Pattern QUANTITY = Pattern.compile("(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?");

  /**
   * Checks every field.
   *
   * @throws IllegalArgumentException naming the field, the rule and the value, if a field is out of
   *     range
   */
  public InjectorJob {
    require(runId != null && runId.length() <= MAX_RUN_ID_LENGTH && DNS_LABEL.matcher(runId).matches(), "run id",
        "be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit) of at most "
        + MAX_RUN_ID_LENGTH + " characters", runId);
    require(injectors >= 1 && injectors <= MAX_INJECTORS, "injectors", "be in 1.." + MAX_INJECTORS, injectors);
    require(image != null && image.length() <= 4096 && IMAGE.matcher(image).matches(), "image",
        "be a container image reference such as registry.example.com/loadcast:0.1.0", image);
    require(target != null && target.isAbsolute() && ("http".equals(target.getScheme()) || "https".equals(target.getScheme()))
        && target.getHost() != null, "target", "be an absolute http or https URL with a host", target);
    namespace = namespace == null ? Optional.empty() : namespace;
    namespace.ifPresent(ns -> require(ns.length() <= 63 && DNS_LABEL.matcher(ns).matches(), "namespace",
        "be a DNS-1123 label of at most 63 characters", ns));
    require(resultsClaim != null && resultsClaim.length() <= 253 && DNS_SUBDOMAIN.matcher(resultsClaim).matches(),
        "results claim", "be a DNS-1123 subdomain of at most 253 characters", resultsClaim);
    require(cpu != null && positiveQuantity(cpu), "cpu", "be a positive Kubernetes quantity such as 2 or 1500m", cpu);
    require(memory != null && positiveQuantity(memory), "memory", "be a positive Kubernetes quantity such as 3Gi", memory);
    startAt = startAt == null ? Optional.empty() : startAt;
    startAt.ifPresent(at -> require(at.toEpochMilli() > 0, "start at", "be after 1970-01-01T00:00:00Z", at));
    require(experimentPath != null && !experimentPath.isEmpty() && !experimentPath.startsWith("/"), "experiment path",
        "be relative to " + CONFIG_MOUNT_PATH, experimentPath);
  }

  private static boolean positiveQuantity(String text) {
    return QUANTITY.matcher(text).matches() && text.chars().anyMatch(c -> c >= '1' && c <= '9');
  }

  private static void require(boolean ok, String field, String rule, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(field + " must " + rule + ", but was '" + value + "'");
    }
  }

  /** Returns the Job's name, which the ConfigMap shares: {@code loadcast-<runId>}. */
  public String jobName() {
    return "loadcast-" + runId;
  }

  /** Returns the collector pod's name: {@code loadcast-collect-<runId>}. */
  public String collectorName() {
    return "loadcast-collect-" + runId;
  }

  /** Returns the run's directory on the results volume, as the pods see it: {@code /results/<runId>}. */
  public String resultsDirectory() {
    return RESULTS_MOUNT_PATH + "/" + runId;
  }

  /**
   * Returns the labels of the run's objects.
   *
   * @param component {@code injector} or {@code collector}
   * @return the name, instance and component labels, by key
   */
  public SortedMap<String, String> labels(String component) {
    return new TreeMap<>(Map.of(NAME_LABEL, "loadcast", INSTANCE_LABEL, runId, COMPONENT_LABEL, component));
  }

  private ObjectMeta metadata(String name, String component) {
    return new ObjectMetaBuilder().withName(name).withNamespace(namespace.orElse(null)).withLabels(labels(component)).build();
  }

  /**
   * Returns the ConfigMap with the experiment and its files, named as the Job.
   *
   * @param files the files, at their paths under {@link #CONFIG_MOUNT_PATH}
   * @return a {@code v1} ConfigMap
   */
  public ConfigMap configMap(MountedFiles files) {
    return files.configMap(metadata(jobName(), "injector"));
  }

  /**
   * Returns the container arguments: Maven's offline Gatling run and the shard's system properties.
   *
   * @return {@code -B -o gatling:test -Dexperiment=... -Dinjectors=N -Dinjector=$(JOB_COMPLETION_INDEX)
   *     -Dtarget=... -Dresults.dir=... } and {@code -Dstart.at=EPOCH_MILLIS} or {@code -Dstart.file=...}
   */
  public List<String> args() {
    String index = "$(" + INDEX_VARIABLE + ")";
    List<String> args = new ArrayList<>(List.of("-B", "-o", "gatling:test",
        "-Dexperiment=" + escaped(CONFIG_MOUNT_PATH + "/" + experimentPath),
        "-Dinjectors=" + injectors,
        "-Dinjector=" + index,
        "-Dtarget=" + escaped(target.toString()),
        "-Dresults.dir=" + escaped(resultsDirectory()) + "/injector-" + index));
    if (startAt.isPresent()) {
      args.add("-Dstart.at=" + startAt.get().toEpochMilli());
    } else {
      args.add("-Dstart.file=" + escaped(resultsDirectory() + "/start-at"));
      args.add("-Dstart.leadSeconds=" + START_LEAD_SECONDS);
    }
    return args;
  }

  /** Escapes a value for Kubernetes' {@code $(VAR)} expansion, which turns {@code $$} into {@code $}. */
  private static String escaped(String value) {
    return value.replace("$", "$$");
  }

  /**
   * Returns the Indexed Job: {@code injectors} completions, all in parallel, no retry.
   *
   * <p>{@code backoffLimit} is 0: a retried injector would send its shard a second time.
   *
   * @param files the ConfigMap's files, laid out under {@link #CONFIG_MOUNT_PATH}
   * @return a {@code batch/v1} Job
   */
  public Job job(MountedFiles files) {
    Container injector = new ContainerBuilder()
        .withName("injector")
        .withImage(image)
        .withCommand("mvn")
        .withArgs(args())
        .withEnv(new EnvVarBuilder().withName(INDEX_VARIABLE).withNewValueFrom().withNewFieldRef()
            .withFieldPath("metadata.annotations['batch.kubernetes.io/job-completion-index']").endFieldRef().endValueFrom()
            .build())
        .withNewResources()
        .withRequests(resources())
        .withLimits(resources())
        .endResources()
        .withVolumeMounts(
            new VolumeMountBuilder().withName("experiment").withMountPath(CONFIG_MOUNT_PATH).withReadOnly(true).build(),
            new VolumeMountBuilder().withName("results").withMountPath(RESULTS_MOUNT_PATH).build())
        .withSecurityContext(containerSecurity())
        .build();
    Volume experiment = new VolumeBuilder().withName("experiment").withNewConfigMap().withName(jobName())
        .withItems(files.items()).withDefaultMode(0444).endConfigMap().build();
    return new JobBuilder()
        .withMetadata(metadata(jobName(), "injector"))
        .withNewSpec()
        .withCompletionMode("Indexed")
        .withCompletions(injectors)
        .withParallelism(injectors)
        .withBackoffLimit(0)
        .withNewTemplate()
        .withNewMetadata().withLabels(labels("injector")).endMetadata()
        .withNewSpec()
        .withRestartPolicy("Never")
        .withSecurityContext(podSecurity())
        .withContainers(injector)
        .withVolumes(experiment, resultsVolume(false))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /**
   * Returns a pod that mounts the results claim read-only and sleeps for an hour, for {@code kubectl
   * cp} to copy {@code /results/<runId>} from; it runs the injectors' image, which must have {@code
   * sleep} and {@code tar}.
   *
   * @return a {@code v1} Pod named {@link #collectorName()}
   */
  public Pod collectorPod() {
    return new PodBuilder()
        .withMetadata(metadata(collectorName(), "collector"))
        .withNewSpec()
        .withRestartPolicy("Never")
        .withSecurityContext(podSecurity())
        .withContainers(new ContainerBuilder()
            .withName("collector")
            .withImage(image)
            .withCommand("sleep", "3600")
            .withVolumeMounts(new VolumeMountBuilder().withName("results").withMountPath(RESULTS_MOUNT_PATH).withReadOnly(true)
                .build())
            .withSecurityContext(containerSecurity())
            .build())
        .withVolumes(resultsVolume(true))
        .endSpec()
        .build();
  }

  private Volume resultsVolume(boolean readOnly) {
    return new VolumeBuilder().withName("results").withNewPersistentVolumeClaim().withClaimName(resultsClaim)
        .withReadOnly(readOnly ? Boolean.TRUE : null).endPersistentVolumeClaim().build();
  }

  private SortedMap<String, Quantity> resources() {
    return new TreeMap<>(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)));
  }

  private static PodSecurityContext podSecurity() {
    return new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(RUN_AS_USER).withRunAsGroup(RUN_AS_USER)
        .withFsGroup(RUN_AS_USER).withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().build();
  }

  private static SecurityContext containerSecurity() {
    return new SecurityContextBuilder().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL")
        .endCapabilities().build();
  }
}
