package org.loadcast.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One JSON Schema violation, told in the house style: {@code path must ..., but was ...}, located
 * at the key or value it is about.
 *
 * <p>The violations come from the networknt json-schema-validator (JSON Schema draft 2020-12). Each
 * keyword gets its own sentence; a keyword without one falls back to the validator's message.
 */
public final class SchemaMessage {
  private final ValidationMessage message;
  private final JsonNode document;
  private final JsonNode schemaRoot;

  /**
   * Wraps a violation.
   *
   * @param message the validator's message
   * @param document the whole document that was validated
   * @param schemaRoot the root of the schema, to look up the keys an object may have
   */
  SchemaMessage(ValidationMessage message, JsonNode document, JsonNode schemaRoot) {
    this.message = message;
    this.document = document;
    this.schemaRoot = schemaRoot;
  }

  /** Returns the located problem in the file. */
  InputProblem problem(YamlFile<?> file) {
    String pointer = pointer(message.getInstanceLocation());
    String path = dotted(message.getInstanceLocation());
    String label = path.isEmpty() ? "the document" : path;
    JsonNode schema = message.getSchemaNode();
    JsonNode instance = message.getInstanceNode();
    String was = describe(instance, file.textAt(pointer));
    if (instance != null && instance.isNumber() && !Double.isFinite(instance.asDouble())) {
      return file.problemAtPointer(pointer, label + " must be a finite number, but was " + was);
    }
    switch (message.getType()) {
      case "additionalProperties": {
        String key = message.getProperty();
        List<String> known = knownKeys();
        StringBuilder text = new StringBuilder("unknown key '").append(key).append('\'');
        if (!path.isEmpty()) {
          text.append(" in ").append(path);
        }
        YamlFile.closestName(key, known).ifPresent(s -> text.append(" (did you mean '").append(s).append("'?)"));
        if (!known.isEmpty()) {
          text.append("; known keys: ").append(String.join(", ", known));
        }
        return file.problemAtKey(pointer + "/" + key, text.toString());
      }
      case "required":
        return file.missingKeyProblem(path, message.getProperty(), knownKeys());
      case "type":
        return file.problemAtPointer(pointer, label + " must be " + typeName(schema) + ", but was " + was);
      case "minimum":
        return file.problemAtPointer(pointer, label + " must be >= " + number(schema) + ", but was " + was);
      case "exclusiveMinimum":
        return file.problemAtPointer(pointer, label + " must be > " + number(schema) + ", but was " + was);
      case "maximum":
        return file.problemAtPointer(pointer, label + " must be <= " + number(schema) + ", but was " + was);
      case "exclusiveMaximum":
        return file.problemAtPointer(pointer, label + " must be < " + number(schema) + ", but was " + was);
      case "enum":
        return file.problemAtPointer(pointer, enumMessage(label, schema, instance, was));
      case "const":
        return file.problemAtPointer(pointer, label + " must be " + schema + ", but was " + was);
      case "pattern":
        return file.problemAtPointer(pointer, label + " must " + patternRule(schema) + ", but was " + was);
      case "minItems":
        return file.problemAtPointer(pointer, label + " must have at least " + schema.asInt() + " item(s), but had "
            + instance.size());
      case "maxItems":
        return file.problemAtPointer(pointer, label + " must have at most " + schema.asInt() + " item(s), but had "
            + instance.size());
      case "minLength":
        return file.problemAtPointer(pointer, label + " must have at least " + schema.asInt()
            + " character(s), but was " + was);
      case "minProperties":
        return file.problemAtPointer(pointer, label + " must have at least " + schema.asInt() + " key(s), but had "
            + instance.size());
      case "oneOf":
        return file.problemAtPointer(pointer, oneOfMessage(label, schema, instance));
      case "not":
        return notMessage(file, pointer, path, label, schema);
      case "propertyNames":
        return propertyNameMessage(file, pointer, label);
      default:
        return file.problemAtPointer(pointer, label + ": " + message.getMessage().replaceFirst("^\\$[^:]*:\\s*", ""));
    }
  }

  /**
   * Returns the sentence for a {@code not: {required: [key]}}, the way a schema forbids a key, with
   * the condition of the {@code if} it stands under when that is one property's {@code enum}.
   */
  private InputProblem notMessage(YamlFile<?> file, String pointer, String path, String label, JsonNode schema) {
    JsonNode required = schema == null ? null : schema.get("required");
    if (required == null || !required.isArray() || required.size() != 1) {
      return file.problemAtPointer(pointer, label + " must not match " + schema);
    }
    String key = required.get(0).asText();
    String condition = condition();
    return file.problemAtKey(pointer + "/" + key, YamlFile.join(path, key) + " must be absent" + condition
        + ", but was given");
  }

  /** Returns " for a method of GET or HEAD" when the violated rule stands under such an {@code if}. */
  private String condition() {
    String location = message.getSchemaLocation().toString();
    int then = location.lastIndexOf("/then/");
    int hash = location.indexOf('#');
    if (then < 0 || hash < 0) {
      return "";
    }
    JsonNode properties = schemaRoot.at(location.substring(hash + 1, then) + "/if/properties");
    if (properties.size() != 1) {
      return "";
    }
    String name = properties.fieldNames().next();
    JsonNode choices = properties.get(name).get("enum");
    if (choices == null) {
      return "";
    }
    List<String> values = new ArrayList<>();
    choices.forEach(c -> values.add(c.asText()));
    return " when " + name + " is " + String.join(" or ", values);
  }

  /** Returns the sentence for a key whose name breaks the {@code propertyNames} rule. */
  private InputProblem propertyNameMessage(YamlFile<?> file, String pointer, String label) {
    String key = message.getProperty();
    if (key == null) {
      java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("'([^']*)'").matcher(message.getMessage());
      key = quoted.find() ? quoted.group(1) : "?";
    }
    String rule = label.endsWith("headers")
        ? "be an HTTP header name (a token: letters, digits and !#$%&'*+.^_`|~-)"
        : "match " + message.getSchemaNode();
    return file.problemAtKey(pointer + "/" + key, label + " key '" + key + "' must " + rule + ", but was '" + key + "'");
  }

  private static String enumMessage(String label, JsonNode schema, JsonNode instance, String was) {
    List<String> choices = new ArrayList<>();
    schema.forEach(choice -> choices.add(choice.asText()));
    String hint = instance != null && instance.isTextual()
        ? YamlFile.closestName(instance.asText(), choices).map(s -> " (did you mean '" + s + "'?)").orElse("")
        : "";
    return label + " must be one of " + String.join(", ", choices) + ", but was " + was + hint;
  }

  /**
   * Returns the sentence for a {@code oneOf} whose alternatives each require their own keys, such
   * as "a curve or a model": which keys were found. Other {@code oneOf}s get a generic sentence.
   */
  private static String oneOfMessage(String label, JsonNode alternatives, JsonNode instance) {
    List<String> names = new ArrayList<>();
    for (JsonNode alternative : alternatives) {
      JsonNode required = alternative.get("required");
      if (required == null || !required.isArray()) {
        return label + " must match exactly one of its " + alternatives.size() + " allowed forms";
      }
      required.forEach(name -> {
        if (!names.contains(name.asText())) {
          names.add(name.asText());
        }
      });
    }
    List<String> present = new ArrayList<>();
    for (String name : names) {
      if (instance != null && instance.has(name)) {
        present.add(name);
      }
    }
    String found = present.isEmpty() ? "neither" : "both " + String.join(" and ", present);
    if (present.isEmpty() && instance != null && instance.isObject() && instance.size() > 0) {
      List<String> keys = new ArrayList<>();
      instance.fieldNames().forEachRemaining(keys::add);
      found += " (it had " + String.join(", ", keys) + ")";
    }
    return label + " must have exactly one of " + String.join(", ", names) + ", but had " + found;
  }

  /** Returns the keys that the object at the violation's schema location may have, sorted. */
  private List<String> knownKeys() {
    String location = message.getSchemaLocation().toString();
    int hash = location.indexOf('#');
    if (hash < 0) {
      return List.of();
    }
    String fragment = location.substring(hash + 1);
    int last = fragment.lastIndexOf('/');
    String parent = last <= 0 ? "" : fragment.substring(0, last);
    JsonNode properties = schemaRoot.at(parent + "/properties");
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
      keys.add(names.next());
    }
    keys.sort(null);
    return keys;
  }

  private static String patternRule(JsonNode schema) {
    String pattern = schema.asText();
    if (pattern.equals("^/")) {
      return "start with '/'";
    }
    if (pattern.equals("^[A-Za-z0-9._-]+$")) {
      return "use only letters, digits, '.', '-' and '_'";
    }
    if (pattern.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) {
      return "be an ISO-8601 date-time such as 2026-11-27T09:00 (in the profile's timezone) or 2026-11-27T09:00-05:00";
    }
    return "match the pattern " + pattern;
  }

  private static String typeName(JsonNode schema) {
    if (schema == null) {
      return "a value of another type";
    }
    if (schema.isArray()) {
      List<String> names = new ArrayList<>();
      schema.forEach(t -> names.add(typeWord(t.asText())));
      return "one of: " + String.join(", ", names);
    }
    return typeWord(schema.asText());
  }

  private static String typeWord(String type) {
    switch (type) {
      case "integer":
        return "a whole number";
      case "number":
        return "a number";
      case "string":
        return "a text";
      case "boolean":
        return "true or false";
      case "array":
        return "a list";
      case "object":
        return "a mapping of keys to values";
      default:
        return type;
    }
  }

  private static String number(JsonNode schema) {
    if (schema.isIntegralNumber()) {
      return Long.toString(schema.asLong());
    }
    double value = schema.asDouble();
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /** Describes a value as found: its text as written for scalars, its kind otherwise. */
  private static String describe(JsonNode instance, String text) {
    if (instance == null || instance.isMissingNode()) {
      return "missing";
    }
    if (instance.isObject()) {
      return "a mapping";
    }
    if (instance.isArray()) {
      return "a list";
    }
    if (instance.isNull()) {
      return "null (empty)";
    }
    if (instance.isTextual()) {
      return "'" + instance.asText() + "'";
    }
    return text != null ? text : instance.toString();
  }

  /**
   * Converts a validator path such as {@code $.rate.curve.points[3]} to the pointer {@code /rate/curve/points/3}.
   *
   * @param path the validator's instance location
   * @return the JSON pointer (RFC 6901); empty for the root
   */
  public static String pointer(JsonNodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(path.getElement(i).toString().replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /**
   * Converts a validator path to the dotted form users read: {@code rate.curve.points[3]}.
   *
   * @param path the validator's instance location
   * @return the dotted path; empty for the root
   */
  public static String dotted(JsonNodePath path) {
    StringBuilder dotted = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      if (element instanceof Integer index) {
        dotted.append('[').append(index).append(']');
      } else {
        dotted.append(dotted.length() == 0 ? "" : ".").append(element);
      }
    }
    return dotted.toString();
  }
}
