package org.loadcast.kubernetes;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes Kubernetes objects of the fabric8 model as YAML manifests for {@code kubectl apply -f}.
 *
 * <p>It uses Jackson 3 ({@code tools.jackson}), which the fabric8 8.x model binds with: its own
 * serializers, such as {@code Quantity}'s ({@code 3Gi}), apply only there.
 *
 * <p>The text is deterministic: the same object gives the same bytes. Properties come in the model's
 * order ({@code apiVersion}, {@code kind}, {@code metadata}, then the others as the model lists them,
 * alphabetically where it does not), map entries such as labels and ConfigMap keys are sorted, and
 * nothing depends on the clock. Multi-line strings are literal blocks ({@code |}), so that the files
 * of a ConfigMap stay readable; strings that look like numbers or booleans are quoted, so that a
 * YAML 1.1 reader such as kubectl's does not take them for numbers or booleans.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class ManifestYaml {
  private static final ObjectMapper MAPPER = YAMLMapper.builder()
      .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
      .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
      .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  private ManifestYaml() {}

  /**
   * Returns an object as one YAML document.
   *
   * @param object a ConfigMap, Job, Pod or other object of the model
   * @return the YAML text, ending with a line feed
   */
  public static String write(KubernetesResource object) {
    return MAPPER.writeValueAsString(object);
  }
}
