package org.loadcast.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.Set;

/**
 * Checks a {@code summary.json} against its JSON Schema (draft 2020-12) with the networknt
 * validator, the same library that checks traffic profiles.
 */
public final class SummarySchema {
  private SummarySchema() {}

  /**
   * Validates a summary against the schema shipped on the classpath.
   *
   * @param summaryJson the text of a {@code summary.json}
   * @return the schema's messages, empty when the summary is valid
   * @throws IOException if the schema is missing or either text is not JSON
   */
  public static Set<ValidationMessage> validate(String summaryJson) throws IOException {
    return validate(ReportWriter.resource(ReportWriter.SUMMARY_SCHEMA), summaryJson);
  }

  /**
   * Validates a summary against a schema's text, such as the copy in a report directory.
   *
   * @param schemaJson the text of a {@code summary.schema.json}
   * @param summaryJson the text of a {@code summary.json}
   * @return the schema's messages, empty when the summary is valid
   * @throws IOException if either text is not JSON
   */
  public static Set<ValidationMessage> validate(String schemaJson, String summaryJson) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(schemaJson))
        .validate(json.readTree(summaryJson));
  }

  /** Returns the schema shipped on the classpath, as a tree. */
  static JsonNode tree() throws IOException {
    return new ObjectMapper().readTree(ReportWriter.resource(ReportWriter.SUMMARY_SCHEMA));
  }
}
