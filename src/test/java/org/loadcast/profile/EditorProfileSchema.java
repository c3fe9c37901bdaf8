package org.loadcast.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) that editors use, {@code traffic-profiles/traffic-profile.schema.json}
 * as committed, read afresh for each check so that tests see the file users get.
 */
final class EditorProfileSchema {
  private static final Path SCHEMA = Path.of("traffic-profiles/traffic-profile.schema.json");

  private EditorProfileSchema() {}

  /**
   * Validates a profile's YAML text against the schema.
   *
   * @param yaml the profile text
   * @return the schema's messages, empty when the text is valid
   * @throws IOException if the schema file cannot be read or the text is not YAML
   */
  static Set<ValidationMessage> validate(String yaml) throws IOException {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
        .validate(new YAMLMapper().readTree(yaml));
  }
}
