package org.loadcast.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema of traffic profiles (draft 2020-12), the same file that ships as
 * {@code traffic-profiles/traffic-profile.schema.json} for editors. The reader checks every profile
 * against it before binding, so that all rule violations are reported at once.
 */
final class ProfileSchema {
  private static final String RESOURCE = "traffic-profile.schema.json";
  private static final JsonSchema SCHEMA = load();

  private ProfileSchema() {}

  /** Returns the compiled schema; thread-safe. */
  static JsonSchema get() {
    return SCHEMA;
  }

  private static JsonSchema load() {
    try (InputStream in = ProfileSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the profile schema " + RESOURCE + " is missing from the classpath");
      }
      JsonNode node = new ObjectMapper().readTree(in);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
