package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML file bound to a record type, which remembers where each value stands in the file.
 *
 * <p>Binding uses Jackson with strict settings: unknown keys, missing required keys, nulls for
 * numbers and scalar coercions are errors. Each error becomes an {@link InputProblem} at the 1-based
 * line and column of the offending key or value, with the field path, the rule and the value found.
 * Record constructors report rules as {@code "field must ..., but was ..."}; the field named first
 * is located in the file.
 *
 * <p>Every document is held to the limits of {@link YamlLimits} (aliases, nesting, size), set
 * through the YAML library's options; an alias stands for its anchor's value. A required key
 * written with a null value is reported as such.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param <T> the bound type
 */
public final class YamlFile<T> {
  private static final ObjectMapper MAPPER = JsonMapper.builder(YamlLimits.factory(true))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();
  /** The most problems one file reports; more would bury the first. */
  public static final int MAX_PROBLEMS = 20;
  private static final Pattern LEADING_PATH = Pattern.compile("^([A-Za-z][A-Za-z0-9]*(?:\\[\\d+])*(?:\\.[A-Za-z][A-Za-z0-9]*(?:\\[\\d+])*)*)(?![A-Za-z0-9\\[.])(.*)$", Pattern.DOTALL);

  private final String fileName;
  private final T value;
  private final Map<String, JsonLocation> keyLocations;
  private final Map<String, JsonLocation> valueLocations;
  private final Map<String, String> valueTexts;

  private YamlFile(String fileName, T value, Locations locations) {
    this.fileName = fileName;
    this.value = value;
    this.keyLocations = Map.copyOf(locations.keys);
    this.valueLocations = Map.copyOf(locations.values);
    this.valueTexts = Map.copyOf(locations.texts);
  }

  /**
   * Reads and binds a YAML file.
   *
   * @param file the file to read
   * @param type the record type of the document
   * @param <T> the bound type
   * @return the bound document with its locations
   * @throws InputException if the file cannot be read, is not valid YAML, or does not bind; the
   *     problem carries {@code file:line:column}
   */
  public static <T> YamlFile<T> read(Path file, Class<T> type) {
    return parse(readText(file), file.toString(), type);
  }

  private static String readText(Path file) {
    return YamlLimits.readText(file);
  }

  /**
   * Sorts problems into file order and keeps the first {@value #MAX_PROBLEMS}, with a last line
   * that counts the rest.
   *
   * @param problems the problems, in any order
   * @return a new list in order of line, then column
   */
  public static List<InputProblem> inFileOrder(List<InputProblem> problems) {
    List<InputProblem> sorted = new java.util.ArrayList<>(problems);
    sorted.sort(java.util.Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column));
    if (sorted.size() <= MAX_PROBLEMS) {
      return sorted;
    }
    InputProblem last = sorted.get(MAX_PROBLEMS);
    List<InputProblem> kept = new java.util.ArrayList<>(sorted.subList(0, MAX_PROBLEMS));
    kept.add(new InputProblem(last.file(), last.line(), last.column(),
        "and " + (sorted.size() - MAX_PROBLEMS) + " more problem(s) after this point; fix the ones above first"));
    return kept;
  }

  private void checkSchema(String text, JsonSchema schema, TreeCheck check) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InputException(problemFor(e, null));
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new InputException(new InputProblem(fileName, 0, 0, "the file is empty"));
    }
    List<InputProblem> problems = new java.util.ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<ValidationMessage> messages = new java.util.ArrayList<>(schema.validate(tree));
    for (ValidationMessage message : messages) {
      if (!reported(message, messages)) {
        continue;
      }
      InputProblem problem = new SchemaMessage(message, tree, schema.getSchemaNode()).problem(this);
      if (seen.add(problem.toString())) {
        problems.add(problem);
      }
    }
    // A misspelled key is both unknown and the reason a required key is missing: say it once.
    problems.removeIf(p -> p.message().startsWith("unknown key") && p.message().contains("known keys:")
        && problems.stream().anyMatch(q -> q != p && q.line() == p.line() && q.column() == p.column()
            && q.message().startsWith(p.message().substring(0, p.message().indexOf(';')))));
    if (check != null) {
      check.check(this, tree, problems);
    }
    if (!problems.isEmpty()) {
      throw new InputException(inFileOrder(problems));
    }
  }

  /**
   * Returns whether a violation is worth a sentence of its own. A {@code oneOf} whose alternatives
   * each require their own key ("exactly one of a curve and a model") fails in two ways: when the
   * value has no such key or several, the {@code oneOf} says so in one sentence and its
   * alternatives' failures would only repeat it; when the value names exactly one alternative, the
   * failures inside that alternative are the real ones (a negative median in {@code logNormal}), and
   * the {@code oneOf} and the other alternatives say nothing useful.
   */
  private static boolean reported(ValidationMessage message, List<ValidationMessage> all) {
    if ("oneOf".equals(message.getType())) {
      return chosenAlternative(message) < 0;
    }
    for (ValidationMessage oneOf : all) {
      if ("oneOf".equals(oneOf.getType()) && encloses(oneOf, message)) {
        int chosen = chosenAlternative(oneOf);
        Object branch = message.getEvaluationPath().getElement(oneOf.getEvaluationPath().getNameCount());
        if (chosen < 0 || !String.valueOf(chosen).equals(String.valueOf(branch))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Returns whether a violation lies inside an alternative of a failed {@code oneOf}. */
  private static boolean encloses(ValidationMessage oneOf, ValidationMessage message) {
    com.networknt.schema.JsonNodePath outer = oneOf.getEvaluationPath();
    com.networknt.schema.JsonNodePath inner = message.getEvaluationPath();
    if (inner.getNameCount() <= outer.getNameCount() || !message.getInstanceLocation().startsWith(oneOf.getInstanceLocation())) {
      return false;
    }
    for (int i = 0; i < outer.getNameCount(); i++) {
      if (!String.valueOf(outer.getElement(i)).equals(String.valueOf(inner.getElement(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the index of the one alternative of a failed {@code oneOf} whose required keys the value
   * has, when exactly one has them all; -1 otherwise.
   */
  private static int chosenAlternative(ValidationMessage oneOf) {
    JsonNode alternatives = oneOf.getSchemaNode();
    JsonNode instance = oneOf.getInstanceNode();
    if (alternatives == null || !alternatives.isArray() || instance == null || !instance.isObject()) {
      return -1;
    }
    int chosen = -1;
    for (int i = 0; i < alternatives.size(); i++) {
      JsonNode required = alternatives.get(i).get("required");
      if (required == null || !required.isArray() || required.isEmpty()) {
        return -1;
      }
      boolean all = true;
      for (JsonNode name : required) {
        all &= instance.has(name.asText());
      }
      if (all) {
        if (chosen >= 0) {
          return -1;
        }
        chosen = i;
      }
    }
    return chosen;
  }

  /** Returns the text of the scalar at a JSON pointer, or null when there is none. */
  String textAt(String pointer) {
    return valueTexts.get(pointer);
  }

  /** Returns the problem at a JSON pointer of this file. */
  InputProblem problemAtPointer(String pointer, String message) {
    JsonLocation location = locate(pointer);
    return new InputProblem(fileName, lineOf(location), columnOf(location), message);
  }

  /** Returns the problem at the key of a JSON pointer, or its value when the key is not in the file. */
  InputProblem problemAtKey(String pointer, String message) {
    JsonLocation location = keyLocations.get(pointer);
    if (location == null) {
      return problemAtPointer(pointer, message);
    }
    return new InputProblem(fileName, lineOf(location), columnOf(location), message);
  }

  /**
   * Returns the problem for a required key that is absent, pointing at a likely typo if there is one:
   * a key written beside it, close to it in spelling, that is not itself one of the object's keys.
   */
  InputProblem missingKeyProblem(String objectPath, String name, Collection<String> known) {
    return misspelledKey(objectPath, name, known).or(() -> unknownKeyBeside(objectPath, name, known))
        .orElseGet(() -> problemAt(objectPath, join(objectPath, name) + " is required"));
  }

  /**
   * Returns the problem of the first key, in file order, written beside a missing required one that
   * the object does not know: binding stops at the missing key, and the unknown one must not go
   * unnamed. Empty when the object's keys are not known or all keys are known.
   */
  private Optional<InputProblem> unknownKeyBeside(String objectPath, String required, Collection<String> known) {
    if (known.isEmpty()) {
      return Optional.empty();
    }
    String prefix = pointerOf(objectPath) + "/";
    return keyLocations.entrySet().stream()
        .filter(k -> k.getKey().startsWith(prefix) && !k.getKey().substring(prefix.length()).contains("/")
            && !known.contains(k.getKey().substring(prefix.length())))
        .min(java.util.Comparator.comparingInt((Map.Entry<String, JsonLocation> k) -> lineOf(k.getValue()))
            .thenComparingInt(k -> columnOf(k.getValue())))
        .map(k -> new InputProblem(fileName, lineOf(k.getValue()), columnOf(k.getValue()), "unknown key '"
            + k.getKey().substring(prefix.length()) + "'" + (objectPath.isEmpty() ? "" : " in " + objectPath)
            + "; known keys: " + String.join(", ", known.stream().sorted().toList()) + "; "
            + join(objectPath, required) + " is required"));
  }

  /**
   * Binds YAML text.
   *
   * @param text the YAML document
   * @param fileName the name to show in problems
   * @param type the record type of the document
   * @param <T> the bound type
   * @return the bound document with its locations
   * @throws InputException if the text is not valid YAML or does not bind
   */
  public static <T> YamlFile<T> parse(String text, String fileName, Class<T> type) {
    return parse(text, fileName, type, null);
  }

  /**
   * Reads a YAML file, checks it against a JSON Schema, and binds it.
   *
   * @param file the file to read
   * @param type the record type of the document
   * @param schema the schema the document must satisfy; every violation is reported
   * @param <T> the bound type
   * @return the bound document with its locations
   * @throws InputException if the file cannot be read or is not valid YAML (one problem), or breaks
   *     the schema (every violation, in file order, at most {@value #MAX_PROBLEMS}), or does not bind
   */
  public static <T> YamlFile<T> read(Path file, Class<T> type, JsonSchema schema) {
    return parse(readText(file), file.toString(), type, schema);
  }

  /**
   * Checks on a document's values that a schema cannot express (a time-zone id, a calendar date),
   * run on the YAML tree together with the schema, so that their problems are reported with the
   * schema's, all at once.
   */
  public interface TreeCheck {
    /**
     * Adds the problems of a document.
     *
     * @param file the file, to locate problems with {@link #problemAt}
     * @param tree the document as read
     * @param problems where to add them
     */
    void check(YamlFile<?> file, JsonNode tree, List<InputProblem> problems);
  }

  /**
   * Reads a YAML file, checks it against a JSON Schema and a tree check, and binds it.
   *
   * @param file the file to read
   * @param type the record type of the document
   * @param schema the schema the document must satisfy
   * @param check further checks of the document's values
   * @param <T> the bound type
   * @return the bound document with its locations
   * @throws InputException as {@link #read(Path, Class, JsonSchema)}, with the tree check's problems
   *     among the schema's, in file order
   */
  public static <T> YamlFile<T> read(Path file, Class<T> type, JsonSchema schema, TreeCheck check) {
    String text = readText(file);
    Locations locations = Locations.index(text, file.toString());
    new YamlFile<T>(file.toString(), null, locations).checkSchema(text, schema, check);
    return bind(text, file.toString(), type, locations);
  }

  /**
   * Checks YAML text against a JSON Schema and binds it.
   *
   * @param text the YAML document
   * @param fileName the name to show in problems
   * @param type the record type of the document
   * @param schema the schema the document must satisfy, or null to only bind
   * @param <T> the bound type
   * @return the bound document with its locations
   * @throws InputException as {@link #read(Path, Class, JsonSchema)}
   */
  public static <T> YamlFile<T> parse(String text, String fileName, Class<T> type, JsonSchema schema) {
    Locations locations = Locations.index(text, fileName);
    if (schema != null) {
      new YamlFile<T>(fileName, null, locations).checkSchema(text, schema, null);
    }
    return bind(text, fileName, type, locations);
  }

  /** Binds YAML text whose locations are indexed already. */
  private static <T> YamlFile<T> bind(String text, String fileName, Class<T> type, Locations locations) {
    if (locations.values.isEmpty() && locations.keys.isEmpty()) {
      throw new InputException(new InputProblem(fileName, 0, 0, "the file is empty"));
    }
    try {
      T value = MAPPER.readValue(text, type);
      if (value == null) {
        throw new InputException(new InputProblem(fileName, 0, 0, "the file is empty"));
      }
      YamlFile<T> bound = new YamlFile<>(fileName, value, locations);
      List<InputProblem> nulls = bound.requiredNulls(locations.nulls);
      if (!nulls.isEmpty()) {
        throw new InputException(inFileOrder(nulls));
      }
      return bound;
    } catch (JsonProcessingException e) {
      YamlFile<T> located = new YamlFile<>(fileName, null, locations);
      if (e instanceof ValueInstantiationException failed && failed.getCause() != null
          && String.valueOf(failed.getCause().getMessage()).contains("\n")) {
        // A record that reports several broken rules at once, one per line.
        String path = pathOf(failed.getPath());
        throw new InputException(inFileOrder(failed.getCause().getMessage().lines()
            .map(line -> located.problemBelow(path, line)).toList()));
      }
      throw new InputException(located.problemFor(e, type));
    }
  }

  /**
   * Returns the problems of required keys written with a null value ({@code distribution: ~}):
   * Jackson takes an explicit null for a value, so that the key is present, and the code that reads
   * it would fail. The bound value is walked along each null's pointer to find the record
   * component, so that a polymorphic element (a policy) is looked up in its own class.
   */
  private List<InputProblem> requiredNulls(java.util.Set<String> nullPointers) {
    List<InputProblem> problems = new java.util.ArrayList<>();
    for (String pointer : nullPointers) {
      String[] segments = pointer.substring(1).split("/", -1);
      Object current = value;
      for (int i = 0; i < segments.length && current != null; i++) {
        String segment = segments[i].replace("~1", "/").replace("~0", "~");
        if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit) && !segment.isEmpty()) {
          int index = Integer.parseInt(segment);
          current = index < list.size() ? list.get(index) : null;
        } else if (current.getClass().isRecord()) {
          RecordComponent component = Arrays.stream(current.getClass().getRecordComponents())
              .filter(c -> keyOf(c).equals(segment)).findFirst().orElse(null);
          if (component == null) {
            break;
          }
          JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
          if (i == segments.length - 1 && property != null && property.required()) {
            String path = dottedOf(pointer);
            problems.add(problemAtPointer(pointer, path + " is required, but was null"));
          }
          try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true); // a document record may be package-private
            current = accessor.invoke(current);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
          }
        } else {
          break;
        }
      }
    }
    return problems;
  }

  /** Returns the bound document. */
  public T value() {
    return value;
  }

  /** Returns the file name shown in problems. */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns whether the file writes a key, with any value (null included).
   *
   * @param path the field path as users see it, such as {@code growth} or {@code policies[0].name}
   * @return true when the key is in the file; false when it is absent, though its value may have a default
   */
  public boolean has(String path) {
    return keyLocations.containsKey(pointerOf(path));
  }

  /**
   * Returns a problem located at a field of this file.
   *
   * @param path the field path as users see it, such as {@code rate.curve.points[3].ratePerSecond};
   *     the location falls back to the nearest enclosing field that the file has
   * @param message what is wrong, starting with the path
   * @return the located problem
   */
  public InputProblem problemAt(String path, String message) {
    JsonLocation location = locate(pointerOfDotted(path));
    return new InputProblem(fileName, lineOf(location), columnOf(location), message);
  }

  /**
   * Returns a problem located at the key of a field rather than at its value: for a key that should
   * not be there, or names something that does not exist.
   *
   * @param path the field path as users see it; the location falls back as {@link #problemAt} does
   * @param message what is wrong, starting with the path
   * @return the located problem
   */
  public InputProblem keyProblemAt(String path, String message) {
    return problemAtKey(pointerOfDotted(path), message);
  }

  /**
   * Returns the JSON pointer of a path as users write it. Keys that hold '.', '/' or '[' (request names such as {@code
   * GET /ksc.html} in a mapping) do not survive the plain conversion to a JSON pointer, so when that
   * finds nothing, the deepest field whose own dotted path starts the given one is taken.
   *
   * @return the JSON pointer of the field, or the plain conversion when no field matches
   */
  private String pointerOfDotted(String path) {
    String pointer = pointerOf(path);
    if (valueLocations.containsKey(pointer) || keyLocations.containsKey(pointer)) {
      return pointer;
    }
    String best = null;
    int bestLength = -1;
    for (Map<String, JsonLocation> index : List.of(valueLocations, keyLocations)) {
      for (String candidate : index.keySet()) {
        String dotted = dottedOf(candidate);
        boolean starts = path.equals(dotted) || (path.startsWith(dotted)
            && (path.charAt(dotted.length()) == '.' || path.charAt(dotted.length()) == '['));
        if (starts && dotted.length() > bestLength) {
          best = candidate;
          bestLength = dotted.length();
        }
      }
    }
    return best == null ? pointer : best;
  }

  /** Converts a JSON pointer such as {@code /a/b/3/c~1d} to the dotted path {@code a.b[3].c/d}. */
  private static String dottedOf(String pointer) {
    StringBuilder dotted = new StringBuilder();
    for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
        dotted.append('[').append(name).append(']');
      } else {
        dotted.append(dotted.length() == 0 ? "" : ".").append(name);
      }
    }
    return dotted.toString();
  }

  /**
   * Returns the problem for a rule broken below a field: the message's leading path, such as {@code
   * points[3].ratePerSecond} in "points[3].ratePerSecond must be >= 0", is resolved under {@code
   * basePath} and located.
   *
   * @param basePath the path of the enclosing field, empty for the root
   * @param message the rule as the record reported it
   * @return the located problem, its message starting with the full path
   */
  public InputProblem problemBelow(String basePath, String message) {
    Matcher m = LEADING_PATH.matcher(message);
    if (!m.matches()) {
      return problemAt(basePath, (basePath.isEmpty() ? "" : basePath + ": ") + message);
    }
    String full = basePath.isEmpty() ? m.group(1) : basePath + "." + m.group(1);
    return problemAt(full, full + m.group(2));
  }

  /** Returns the problem of a failed read or binding; {@code type} is the bound root type, or null. */
  private InputProblem problemFor(JsonProcessingException e, Class<?> type) {
    String path = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
    if (e instanceof UnrecognizedPropertyException unknown) {
      return problemAt(path, unknownKeyMessage(path, unknown));
    }
    if (e instanceof ValueInstantiationException failed && failed.getCause() != null) {
      return problemBelow(path, failed.getCause().getMessage());
    }
    if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException typeId) {
      return typeProblem(path, typeId);
    }
    if (e instanceof InvalidFormatException format) {
      return problemAt(path, label(path) + " must be " + describe(format.getTargetType())
          + ", but was '" + format.getValue() + "'");
    }
    if (e instanceof MismatchedInputException mismatch) {
      return mismatchProblem(path, mismatch, type);
    }
    JsonLocation location = e.getLocation();
    String field = !path.isEmpty() ? path
        : e instanceof com.fasterxml.jackson.core.exc.StreamReadException read && read.getProcessor() != null
        ? dottedOf(read.getProcessor().getParsingContext().pathAsPointer().toString()) : "";
    Optional<InputProblem> limit = YamlLimits.limitProblem(e.getOriginalMessage(), fileName, location);
    if (limit.isPresent()) {
      // a constraint on a value (a number's length) comes without a location: give its field's
      return limit.get().line() > 0 || field.isEmpty() ? limit.get() : problemAt(field, field + ": " + limit.get().message());
    }
    return new InputProblem(fileName, lineOf(location), columnOf(location),
        notFinite(e.getOriginalMessage(), field).orElseGet(() -> syntaxMessage(e.getOriginalMessage())));
  }

  /**
   * Returns the message for a number YAML reads but a field cannot hold ({@code .nan}, {@code .inf}),
   * naming the field by its dotted path; empty for another message or without a field.
   */
  private static Optional<String> notFinite(String message, String field) {
    Matcher malformed = message == null ? null : Pattern.compile("Malformed numeric value '([^']*)'").matcher(message);
    if (malformed == null || !malformed.find() || field == null || field.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(field + " must be a finite number, but was '" + malformed.group(1) + "'");
  }

  private InputProblem typeProblem(String path, com.fasterxml.jackson.databind.exc.InvalidTypeIdException e) {
    Matcher known = Pattern.compile("known type ids = \\[([^\\]]*)]").matcher(e.getOriginalMessage());
    String choices = known.find() ? known.group(1) : "";
    String field = join(path, "type");
    if (e.getTypeId() == null) {
      return problemAt(path, field + " is required: one of " + choices);
    }
    String hint = closestName(e.getTypeId(), List.of(choices.split(",\\s*"))).map(s -> " (did you mean '" + s + "'?)").orElse("");
    return problemAt(field, field + " must be one of " + choices + ", but was '" + e.getTypeId() + "'" + hint);
  }

  /**
   * Returns a YAML parser's message on one line: what it was parsing and what it found, without the
   * positions and the quoted snippet, which the location already gives.
   */
  static String syntaxMessage(String message) {
    if (message == null) {
      return "not valid YAML";
    }
    Matcher duplicate = Pattern.compile("Duplicate field '([^']*)'").matcher(message);
    if (duplicate.find()) {
      return "the key '" + duplicate.group(1) + "' appears twice in the same mapping; keep one";
    }
    Matcher malformed = Pattern.compile("Malformed numeric value '([^']*)'").matcher(message);
    if (malformed.find()) {
      return "'" + malformed.group(1) + "' is not a number this file may hold: numbers must be finite";
    }
    Matcher event = Pattern.compile("Expected a field name \\(Scalar value in YAML\\), got this instead: "
        + "<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\b").matcher(message);
    if (event.find()) {
      String found = switch (event.group(1)) {
        case "MappingStart" -> "a mapping";
        case "SequenceStart" -> "a list";
        default -> event.group(1).toLowerCase(java.util.Locale.ROOT);
      };
      return "not valid YAML: a key must be a text, but was " + found + " (a stray '{' or '[' before a key?)";
    }
    Matcher range = Pattern.compile("Numeric value \\(([^)]*)\\) out of range of (long|int)").matcher(message);
    if (range.find()) {
      return "'" + range.group(1) + "' is too large for a whole number: it must lie within +/-9223372036854775807";
    }
    List<String> kept = new java.util.ArrayList<>();
    boolean inSnippet = false;
    for (String line : message.lines().toList()) {
      String stripped = line.strip();
      if (stripped.startsWith("in '")) {
        inSnippet = true;
      } else if (inSnippet) {
        inSnippet = !stripped.startsWith("^");
      } else if (!stripped.isEmpty()) {
        kept.add(stripped);
      }
    }
    return "not valid YAML: " + String.join("; ", kept);
  }

  private InputProblem mismatchProblem(String path, MismatchedInputException e, Class<?> type) {
    String original = e.getOriginalMessage();
    Matcher missing = Pattern.compile("Missing required creator property '([^']+)'").matcher(original);
    List<JsonMappingException.Reference> references = e.getPath();
    String name = missing.find() ? missing.group(1) : null;
    // An absent primitive (boolean, int) reaches Jackson as a null, not as a missing key.
    if (name == null && original.startsWith("Cannot map `null` into type") && !has(path) && !references.isEmpty()
        && references.get(references.size() - 1).getFieldName() != null) {
      name = references.get(references.size() - 1).getFieldName();
    }
    if (name != null) {
      String objectPath = path.equals(name) || path.endsWith("." + name) ? path.substring(0, path.length() - name.length()).replaceAll("\\.$", "") : path;
      int objectDepth = objectPath.equals(path) ? references.size() : references.size() - 1;
      return missingKeyProblem(objectPath, name, recordKeys(type, references.subList(0, objectDepth)));
    }
    if (original.startsWith("Cannot map `null`") || original.contains("null value")) {
      return problemAt(path, label(path) + " must be " + describe(e.getTargetType()) + ", but was null");
    }
    return problemAt(path, label(path) + " must be " + describe(e.getTargetType())
        + ", but was " + describeToken(path));
  }

  /**
   * Returns the problem of a key written next to a required one that is missing, when the two are
   * close enough to be a typo: that key is the mistake to point at.
   */
  private Optional<InputProblem> misspelledKey(String objectPath, String required, Collection<String> known) {
    String prefix = pointerOf(objectPath) + "/";
    for (Map.Entry<String, JsonLocation> key : keyLocations.entrySet()) {
      String pointer = key.getKey();
      String name = pointer.startsWith(prefix) ? pointer.substring(prefix.length()) : null;
      if (name != null && !name.contains("/") && !name.equals(required) && !known.contains(name)
          && closestName(name, List.of(required)).isPresent()) {
        JsonLocation at = key.getValue();
        return Optional.of(new InputProblem(fileName, lineOf(at), columnOf(at), "unknown key '" + name + "'"
            + (objectPath.isEmpty() ? "" : " in " + objectPath) + " (did you mean '" + required + "'?); "
            + join(objectPath, required) + " is required"));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the keys of the record reached from {@code root} along {@code references} (record
   * components by name, list and array elements by index), under their {@code @JsonProperty} names
   * where given; empty when the path does not lead to a record (an interface bound by type id).
   */
  static List<String> recordKeys(Class<?> root, List<JsonMappingException.Reference> references) {
    java.lang.reflect.Type current = root;
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null && current instanceof Class<?> record && record.isRecord()) {
        current = Arrays.stream(record.getRecordComponents()).filter(c -> keyOf(c).equals(ref.getFieldName()))
            .findFirst().map(RecordComponent::getGenericType).orElse(null);
      } else if (ref.getFieldName() == null && current instanceof ParameterizedType list
          && list.getActualTypeArguments().length == 1) {
        current = list.getActualTypeArguments()[0];
      } else if (ref.getFieldName() == null && current instanceof Class<?> array && array.isArray()) {
        current = array.getComponentType();
      } else {
        return List.of();
      }
    }
    return current instanceof Class<?> record && record.isRecord()
        ? Arrays.stream(record.getRecordComponents()).map(YamlFile::keyOf).toList() : List.of();
  }

  private static String keyOf(RecordComponent component) {
    JsonProperty named = component.getAccessor().getAnnotation(JsonProperty.class);
    return named != null && !named.value().isEmpty() ? named.value() : component.getName();
  }

  static String join(String objectPath, String name) {
    return objectPath.isEmpty() ? name : objectPath + "." + name;
  }

  private String describeToken(String path) {
    String pointer = pointerOfDotted(path);
    String text = valueTexts.get(pointer);
    if (text != null) {
      return "'" + text + "'";
    }
    if (!valueLocations.containsKey(pointer)) {
      return "missing";
    }
    String first = pointer + "/0";
    boolean list = valueLocations.containsKey(first) || keyLocations.keySet().stream().anyMatch(k -> k.startsWith(first + "/"));
    boolean mapping = !list && keyLocations.keySet().stream().anyMatch(k -> k.startsWith(pointer + "/"));
    return list ? "a list" : mapping ? "a mapping" : "an empty list or mapping";
  }

  private static String unknownKeyMessage(String path, UnrecognizedPropertyException e) {
    Collection<Object> known = e.getKnownPropertyIds();
    String key = e.getPropertyName();
    String where = path.contains(".") || path.contains("[") ? path.substring(0, path.length() - key.length()).replaceAll("\\.$", "") : "";
    StringBuilder message = new StringBuilder("unknown key '").append(key).append('\'');
    if (!where.isEmpty()) {
      message.append(" in ").append(where);
    }
    closestName(key, known).ifPresent(s -> message.append(" (did you mean '").append(s).append("'?)"));
    message.append("; known keys: ").append(String.join(", ", known.stream().map(Object::toString).sorted().toList()));
    return message.toString();
  }

  /**
   * Returns the known name closest to {@code name} by edit distance, when it is close enough to be a
   * likely typo: at most 2 edits, or a third of the length for long names.
   *
   * @param name the name given
   * @param known the names that exist
   * @return the suggestion, or empty when none is close
   */
  public static Optional<String> closestName(String name, Collection<?> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Object candidate : known) {
      int d = editDistance(name.toLowerCase(java.util.Locale.ROOT), candidate.toString().toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate.toString();
      }
    }
    int allowed = Math.max(2, name.length() / 3);
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance (Levenshtein 1966), two-row dynamic programme. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a value of the right type";
    }
    if (type == double.class || type == Double.class || type == float.class) {
      return "a number";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.toString().toLowerCase(java.util.Locale.ROOT)).toList());
    }
    if (type == String.class) {
      return "a text";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping of keys to values";
  }

  private static String label(String path) {
    return path.isEmpty() ? "the document" : path;
  }

  private JsonLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      JsonLocation location = valueLocations.get(p);
      if (location == null) {
        location = keyLocations.get(p);
      }
      if (location != null || p.isEmpty()) {
        return location;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getLineNr(), 0);
  }

  private static int columnOf(JsonLocation location) {
    return location == null ? 0 : Math.max(location.getColumnNr(), 0);
  }

  private static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : references) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** Converts {@code a.b[3].c} to the JSON pointer {@code /a/b/3/c}. */
  static String pointerOf(String path) {
    if (path.isEmpty()) {
      return "";
    }
    return "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
  }

  /** Where each key and each value starts in the text, by JSON pointer. */
  private static final class Locations {
    final Map<String, JsonLocation> keys = new HashMap<>();
    final Map<String, JsonLocation> values = new HashMap<>();
    final Map<String, String> texts = new HashMap<>();
    final java.util.Set<String> nulls = new java.util.HashSet<>();

    /** A YAML reader that lets duplicate keys through, so that the index can report every one. */
    private static final YAMLFactory LENIENT = YamlLimits.factory(false);

    static Locations index(String text, String fileName) {
      YamlLimits.screen(text, fileName);
      Locations locations = new Locations();
      List<InputProblem> duplicates = new java.util.ArrayList<>();
      String lastField = null;
      JsonLocation lastFieldAt = null;
      try (JsonParser parser = LENIENT.createParser(text)) {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == JsonToken.FIELD_NAME) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            lastField = pointer;
            JsonLocation at = parser.currentTokenLocation();
            lastFieldAt = at;
            if (locations.keys.containsKey(pointer)) {
              duplicates.add(new InputProblem(fileName, lineOf(at), columnOf(at), "the key '" + parser.currentName()
                  + "' appears twice in the same mapping (first at line " + lineOf(locations.keys.get(pointer))
                  + "); keep one"));
              continue;
            }
          }
          if (token == JsonToken.VALUE_NUMBER_FLOAT && Double.isInfinite(parser.getDoubleValue())) {
            // YAML reads 1e309 as infinity: a field would take it, and the checks ">= 0" pass
            JsonLocation at = parser.currentTokenLocation();
            String field = dottedOf(parser.getParsingContext().pathAsPointer().toString());
            throw new InputException(new InputProblem(fileName, lineOf(at), columnOf(at), (field.isEmpty() ? "the document" : field)
                + " must be a finite number, but was '" + parser.getText() + "', beyond the largest number (about 1.8e308)"));
          }
          locations.record(parser, token);
        }
      } catch (IOException e) {
        JsonLocation location = e instanceof JsonProcessingException p ? p.getLocation() : null;
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        if (message != null && message.contains("\\t(TAB)")) {
          throw new InputException(tabProblem(text, fileName, lineOf(location)));
        }
        // a constraint on a value (a number's length) comes without a location: give its key's
        YamlLimits.limitProblem(message, fileName, location != null ? location : lastFieldAt).ifPresent(p -> {
          throw new InputException(p);
        });
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getContextMark() != null
            && "while scanning a simple key".equals(marked.getContext())) {
          // SnakeYAML reports it at the end of the line before; the key without its ':' starts the context
          org.yaml.snakeyaml.error.Mark at = marked.getContextMark();
          throw new InputException(new InputProblem(fileName, at.getLine() + 1, at.getColumn() + 1,
              "not valid YAML: a key without its ':' and value (a line cut short, or a missing ':')"));
        }
        // the parser stops at the value of the last key it read: name the field, as the other checks do
        throw new InputException(new InputProblem(fileName, lineOf(location), columnOf(location),
            notFinite(message, lastField == null ? null : dottedOf(lastField)).orElseGet(() -> syntaxMessage(message))));
      }
      if (!duplicates.isEmpty()) {
        throw new InputException(inFileOrder(duplicates));
      }
      return locations;
    }

    /**
     * Returns the problem of a tab in indentation, at the tab: the YAML parser reports it at the end
     * of the line before.
     */
    private static InputProblem tabProblem(String text, String fileName, int reportedLine) {
      List<String> lines = text.lines().toList();
      for (int i = Math.max(0, reportedLine - 1); i < lines.size(); i++) {
        String line = lines.get(i);
        int indent = 0;
        while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
          if (line.charAt(indent) == '\t') {
            return new InputProblem(fileName, i + 1, indent + 1, "not valid YAML: a tab in the indentation; "
                + "YAML indents with spaces only");
          }
          indent++;
        }
      }
      return new InputProblem(fileName, reportedLine, 0, "not valid YAML: a tab where YAML allows spaces only");
    }

    private void record(JsonParser parser, JsonToken token) throws IOException {
      JsonLocation location = parser.currentTokenLocation();
      if (token == JsonToken.FIELD_NAME) {
        keys.put(parser.getParsingContext().pathAsPointer().toString(), location);
      } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
        JsonStreamContext parent = parser.getParsingContext().getParent();
        values.putIfAbsent(parent == null ? "" : parent.pathAsPointer().toString(), location);
      } else if (token.isScalarValue()) {
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        values.put(pointer, location);
        texts.put(pointer, token == JsonToken.VALUE_NULL ? "null" : parser.getText());
        if (token == JsonToken.VALUE_NULL) {
          nulls.add(pointer);
        }
      }
    }
  }
}
