package org.loadcast.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.SchemaMessage;
import org.loadcast.profile.YamlFile;

/**
 * A run's {@code summary.json}, read from its report directory and checked against the JSON Schema
 * (draft 2020-12) that {@link ReportWriter} writes it by, {@link ReportWriter#SUMMARY_SCHEMA} on the
 * classpath. Checking with the current schema, rather than the copy in the directory, means a
 * summary written by an older Loadcast whose format has changed since is refused by name instead of
 * compared wrongly.
 *
 * @param directoryName the run's directory name, such as {@code nasa-reactive-vs-predictive-20260101T000000Z}
 * @param tree the summary, valid against the schema
 */
public record SummaryFile(String directoryName, JsonNode tree) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final JsonSchema SCHEMA = loadSchema();

  private static JsonSchema loadSchema() {
    try {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(JSON.readTree(ReportWriter.resource(ReportWriter.SUMMARY_SCHEMA)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the summary of a report directory.
   *
   * @param runDirectory a directory that {@code loadcast simulate} or the load test wrote
   * @return the summary, named by the directory's last path element
   * @throws InputException with one problem if the directory or its {@code summary.json} is missing or
   *     unreadable, or the file is not JSON ({@code file:line:column}); with every violation, in file
   *     order and at most {@value YamlFile#MAX_PROBLEMS}, if it does not meet the schema, each naming
   *     the field, the rule and the value
   */
  public static SummaryFile read(Path runDirectory) {
    if (!Files.isDirectory(runDirectory)) {
      throw new InputException(new InputProblem(runDirectory.toString(), 0, 0, Files.exists(runDirectory)
          ? "is a file, not a run's report directory" : "no such directory: expected a run's report directory "
          + "holding summary.json, as loadcast simulate writes it"));
    }
    Path file = runDirectory.resolve("summary.json");
    if (!Files.isRegularFile(file)) {
      throw new InputException(new InputProblem(file.toString(), 0, 0,
          "no such file: the run's report directory has no summary.json"));
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + e.getMessage()));
    }
    Path name = runDirectory.toAbsolutePath().normalize().getFileName();
    return new SummaryFile(name == null ? runDirectory.toString() : name.toString(), parse(text, file.toString()));
  }

  /**
   * Parses and checks summary text.
   *
   * @param text the text of a {@code summary.json}
   * @param fileName the file as the user named it, for the problems
   * @return the tree, valid against the schema
   * @throws InputException as {@link #read}
   */
  static JsonNode parse(String text, String fileName) {
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(new InputProblem(fileName, at == null ? 0 : Math.max(at.getLineNr(), 0),
          at == null ? 0 : Math.max(at.getColumnNr(), 0), "not valid JSON: "
              // Jackson appends where an unclosed object started, with a redacted source: the line and column say it
              + e.getOriginalMessage().replaceFirst("\\s*\\(start marker at .*$", "")));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new InputException(new InputProblem(fileName, 0, 0, "the file is empty"));
    }
    List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(tree));
    if (!messages.isEmpty()) {
      Map<String, JsonLocation> locations = locations(text);
      List<InputProblem> problems = new ArrayList<>();
      for (ValidationMessage m : messages) {
        problems.add(problem(fileName, m, locations));
      }
      throw new InputException(YamlFile.inFileOrder(problems));
    }
    return tree;
  }

  /** Returns one violation as {@code field: the rule, but was value}, at the field's value. */
  private static InputProblem problem(String fileName, ValidationMessage m, Map<String, JsonLocation> locations) {
    String pointer = SchemaMessage.pointer(m.getInstanceLocation());
    String field = SchemaMessage.dotted(m.getInstanceLocation());
    String rule = m.getMessage().replaceFirst("^\\$[^:]*:\\s*", "");
    JsonNode value = m.getInstanceNode();
    String target = field.isEmpty() ? "the summary" : field;
    String was = value == null || value.isContainerNode() || m.getType().equals("required")
        || m.getType().equals("additionalProperties") ? "" : ", but was " + value;
    JsonLocation at = locations.get(pointer);
    return new InputProblem(fileName, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
        target + " does not meet summary.schema.json: " + rule + was);
  }

  /** Where each value starts, by JSON pointer. */
  private static Map<String, JsonLocation> locations(String text) {
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          continue;
        }
        String pointer = token.isStructStart() && parser.getParsingContext().getParent() != null
            ? parser.getParsingContext().getParent().pathAsPointer().toString()
            : parser.getParsingContext().pathAsPointer().toString();
        locations.putIfAbsent(pointer, parser.currentTokenLocation());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // the text parsed a moment ago
    }
    return locations;
  }
}
