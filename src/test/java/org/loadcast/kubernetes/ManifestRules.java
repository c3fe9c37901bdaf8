package org.loadcast.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads manifests back with the fabric8 model, strictly, and checks the rules the Kubernetes schema
 * and the API server would apply to them ({@code pkg/apis/core/validation}, {@code
 * pkg/apis/batch/validation}, "Recommended Labels", "Jobs").
 */
public final class ManifestRules {
  /**
   * A strict reader: an unknown property fails. The model's classes keep unknown properties in an
   * {@code additionalProperties} map through {@code @JsonAnySetter}; this reader ignores that
   * annotation, so that a misspelt or misplaced key is an error instead.
   */
  public static final ObjectMapper STRICT = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .annotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated a) {
          return null;
        }
      })
      .build();

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  private static final Pattern LABEL_KEY = Pattern.compile("(" + DNS_SUBDOMAIN.pattern() + "/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
  private static final Pattern EXPANSION = Pattern.compile("\\$\\$|\\$\\(([^)]*)\\)");

  private ManifestRules() {}

  /** Reads a manifest strictly into a model class. */
  public static <T> T read(String yaml, Class<T> type) {
    return STRICT.readValue(yaml, type);
  }

  /**
   * Returns every rule a ConfigMap and the Job that mounts it break.
   *
   * @param configMap the ConfigMap
   * @param job the Job
   * @param injectors the injectors asked for
   * @return one line per broken rule; empty when both are fine
   */
  public static List<String> violations(ConfigMap configMap, Job job, int injectors) {
    List<String> problems = new ArrayList<>();
    object(configMap, "v1", "ConfigMap", problems);
    object(job, "batch/v1", "Job", problems);
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    Map<String, String> binary = configMap.getBinaryData() == null ? Map.of() : configMap.getBinaryData();
    long bytes = 0;
    for (Map.Entry<String, String> e : data.entrySet()) {
      key(e.getKey(), problems);
      bytes += e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    for (Map.Entry<String, String> e : binary.entrySet()) {
      key(e.getKey(), problems);
      check(!data.containsKey(e.getKey()), "key " + e.getKey() + " is in data and binaryData", problems);
      bytes += java.util.Base64.getDecoder().decode(e.getValue()).length;
    }
    check(bytes <= 1024 * 1024, "ConfigMap holds " + bytes + " bytes, over 1 MiB", problems);

    JobSpec spec = job.getSpec();
    check("Indexed".equals(spec.getCompletionMode()), "completionMode is " + spec.getCompletionMode(), problems);
    check(spec.getCompletions() != null && spec.getCompletions() == injectors, "completions is " + spec.getCompletions(), problems);
    check(spec.getParallelism() != null && spec.getParallelism() == injectors, "parallelism is " + spec.getParallelism(), problems);
    check(Integer.valueOf(0).equals(spec.getBackoffLimit()), "backoffLimit is " + spec.getBackoffLimit(), problems);
    labels(spec.getTemplate().getMetadata().getLabels(), problems);
    PodSpec pod = spec.getTemplate().getSpec();
    check("Never".equals(pod.getRestartPolicy()), "restartPolicy is " + pod.getRestartPolicy(), problems);
    check(pod.getSecurityContext() != null && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())
        && pod.getSecurityContext().getRunAsUser() != null && pod.getSecurityContext().getRunAsUser() > 0,
        "the pod may run as root", problems);
    Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
    check(volumes.size() == pod.getVolumes().size(), "volume names repeat", problems);
    for (Volume volume : pod.getVolumes()) {
      check(DNS_LABEL.matcher(volume.getName()).matches(), "volume name " + volume.getName(), problems);
      if (volume.getConfigMap() != null) {
        check(configMap.getMetadata().getName().equals(volume.getConfigMap().getName()),
            "volume " + volume.getName() + " names ConfigMap " + volume.getConfigMap().getName(), problems);
        for (KeyToPath item : volume.getConfigMap().getItems()) {
          check(data.containsKey(item.getKey()) || binary.containsKey(item.getKey()), "item key " + item.getKey()
              + " is not in the ConfigMap", problems);
          check(!item.getPath().startsWith("/") && !List.of(item.getPath().split("/")).contains(".."),
              "item path " + item.getPath() + " is not a descending relative path", problems);
        }
      }
    }
    check(pod.getContainers().size() == 1, "the pod has " + pod.getContainers().size() + " containers", problems);
    for (Container container : pod.getContainers()) {
      check(DNS_LABEL.matcher(container.getName()).matches(), "container name " + container.getName(), problems);
      for (VolumeMount mount : container.getVolumeMounts()) {
        check(volumes.contains(mount.getName()), "volumeMount " + mount.getName() + " names no volume", problems);
      }
      check(container.getArgs().contains("-Dinjector=$(JOB_COMPLETION_INDEX)"), "no -Dinjector=$(JOB_COMPLETION_INDEX)", problems);
      check(container.getArgs().contains("-Dinjectors=" + injectors), "no -Dinjectors=" + injectors, problems);
      Set<String> env = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
      List<String> words = new ArrayList<>(container.getCommand());
      words.addAll(container.getArgs());
      for (String word : words) {
        Matcher m = EXPANSION.matcher(word);
        while (m.find()) {
          check(m.group(1) == null || env.contains(m.group(1)), "$(" + m.group(1) + ") names no variable of the container", problems);
        }
      }
      check(container.getResources().getRequests().keySet().containsAll(List.of("cpu", "memory"))
          && container.getResources().getRequests().equals(container.getResources().getLimits()),
          "requests and limits differ or lack cpu or memory", problems);
    }
    return problems;
  }

  /** Returns the rules an object's apiVersion, kind, name, namespace and labels break. */
  public static List<String> objectViolations(HasMetadata object, String apiVersion, String kind) {
    List<String> problems = new ArrayList<>();
    object(object, apiVersion, kind, problems);
    return problems;
  }

  private static void object(HasMetadata object, String apiVersion, String kind, List<String> problems) {
    check(apiVersion.equals(object.getApiVersion()), kind + " has apiVersion " + object.getApiVersion(), problems);
    check(kind.equals(object.getKind()), "kind is " + object.getKind() + ", not " + kind, problems);
    String name = object.getMetadata().getName();
    check(name != null && name.length() <= 63 && DNS_LABEL.matcher(name).matches(), kind + " name " + name, problems);
    String ns = object.getMetadata().getNamespace();
    check(ns == null || (ns.length() <= 63 && DNS_LABEL.matcher(ns).matches()), kind + " namespace " + ns, problems);
    labels(object.getMetadata().getLabels(), problems);
    check(object.getMetadata().getLabels().containsKey("app.kubernetes.io/name")
        && object.getMetadata().getLabels().containsKey("app.kubernetes.io/instance"), kind + " lacks the app labels", problems);
  }

  private static void labels(Map<String, String> labels, List<String> problems) {
    labels.forEach((k, v) -> {
      check(LABEL_KEY.matcher(k).matches() && k.substring(k.indexOf('/') + 1).length() <= 63, "label key " + k, problems);
      check(v.length() <= 63 && LABEL_VALUE.matcher(v).matches(), "label value '" + v + "'", problems);
    });
  }

  private static void key(String key, List<String> problems) {
    check(key.length() <= 253 && CONFIG_MAP_KEY.matcher(key).matches() && !key.equals(".") && !key.equals(".."),
        "ConfigMap key " + key, problems);
  }

  private static void check(boolean ok, String problem, List<String> problems) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
