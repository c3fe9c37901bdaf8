package org.loadcast.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Who wrote a results directory, when several injectors share one load test: the identity file
 * {@code injector.json} that each injector writes next to {@code per-second.csv} and {@code
 * latency.hlog}, and that {@link ResultsMerge} checks before it adds their results.
 *
 * @param formatVersion the file's format, {@value #FORMAT_VERSION}
 * @param injectorIndex which shard of the schedule this injector ran, {@code 0 <= injectorIndex <
 *     injectorCount}
 * @param injectorCount how many injectors share the load test, {@code >= 1}
 * @param scheduleSha256 the lower-case hex SHA-256 (64 digits) of the full, unsharded compiled
 *     arrival schedule, the same in every shard of one load test
 * @param startEpochMillis the agreed common start of the load test, milliseconds since the epoch,
 *     {@code >= 0}; second 0 of every injector's results
 * @param startOffsetMillis this injector's actual start minus {@code startEpochMillis}, in
 *     milliseconds; negative when it started early
 * @param experiment the experiment file as the injector was given it, not blank
 * @param replayFraction the replay's admitted fraction of its upper-bound schedule, in {@code (0, 1]},
 *     the same in every shard of one load test (see {@code org.loadcast.cli.ReplayGate})
 */
@JsonPropertyOrder({"formatVersion", "injectorIndex", "injectorCount", "scheduleSha256", "startEpochMillis",
    "startOffsetMillis", "experiment", "replayFraction"})
public record InjectorInfo(int formatVersion, int injectorIndex, int injectorCount, String scheduleSha256,
    long startEpochMillis, long startOffsetMillis, String experiment, double replayFraction) {
  /** The file's name in a results directory. */
  public static final String FILE = "injector.json";
  /** The only format version there is. */
  public static final int FORMAT_VERSION = 1;
  private static final String SHA256_PATTERN = "[0-9a-f]{64}";
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final List<String> FIELDS = List.of("formatVersion", "injectorIndex", "injectorCount",
      "scheduleSha256", "startEpochMillis", "startOffsetMillis", "experiment", "replayFraction");

  /**
   * Validates the identity.
   *
   * @throws IllegalArgumentException naming the field, the rule and the value, if a component is
   *     outside the range given above
   */
  public InjectorInfo {
    Map<String, String> problems = problems(formatVersion, injectorIndex, injectorCount, scheduleSha256,
        startEpochMillis, experiment, replayFraction);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems.values()));
    }
  }

  /**
   * Returns what is wrong with the components, by field name, in field order; empty when nothing is.
   * The constructor and the reader share it, so that a file says exactly what a caller would be told.
   */
  private static Map<String, String> problems(int formatVersion, int injectorIndex, int injectorCount,
      String scheduleSha256, long startEpochMillis, String experiment, double replayFraction) {
    Map<String, String> problems = new LinkedHashMap<>();
    if (formatVersion != FORMAT_VERSION) {
      problems.put("formatVersion", "formatVersion must be " + FORMAT_VERSION + ", but was " + formatVersion);
    }
    if (injectorCount < 1) {
      problems.put("injectorCount", "injectorCount must be >= 1, but was " + injectorCount);
    } else if (injectorIndex < 0 || injectorIndex >= injectorCount) {
      problems.put("injectorIndex", "injectorIndex must be 0 to " + (injectorCount - 1) + " (injectorCount - 1), but was "
          + injectorIndex);
    }
    if (scheduleSha256 == null || !scheduleSha256.matches(SHA256_PATTERN)) {
      problems.put("scheduleSha256", "scheduleSha256 must be 64 lower-case hex digits (a SHA-256), but was "
          + (scheduleSha256 == null ? "null" : "'" + scheduleSha256 + "'"));
    }
    if (startEpochMillis < 0) {
      problems.put("startEpochMillis", "startEpochMillis must be >= 0, but was " + startEpochMillis);
    }
    if (experiment == null || experiment.isBlank()) {
      problems.put("experiment", "experiment must name the experiment file, but was "
          + (experiment == null ? "null" : "'" + experiment + "'"));
    }
    if (!(replayFraction > 0 && replayFraction <= 1)) {
      problems.put("replayFraction", "replayFraction must be in (0, 1], but was " + replayFraction);
    }
    return problems;
  }

  /**
   * Returns the file's text: indented JSON, the fields in component order, ending with a newline.
   *
   * @return the text of {@code injector.json}
   */
  public String json() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson cannot write a record of numbers and strings", e);
    }
  }

  /**
   * Writes {@code injector.json} into a results directory, through a temporary file and an atomic
   * move ({@link ResultFiles#writeAtomically}).
   *
   * @param directory the results directory; created if absent
   * @throws IOException if the directory cannot be created or the file written
   */
  public void write(Path directory) throws IOException {
    Files.createDirectories(directory);
    ResultFiles.writeAtomically(directory.resolve(FILE), json());
  }

  /**
   * Reads {@code injector.json} from a results directory and validates it.
   *
   * @param directory a results directory an injector wrote
   * @return the identity
   * @throws InputException if the file is missing or unreadable, is not JSON, is not one object, or a
   *     field is missing, unknown, repeated, of the wrong type or outside its range: every problem as
   *     {@code file:line:column: field must be ..., but was ...}, in file order
   */
  public static InjectorInfo read(Path directory) {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "an injector's results directory must hold "
          + FILE + ", but '" + directory + "' has none"));
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses and validates the text of an {@code injector.json}.
   *
   * @param text the file's text
   * @param fileName the file as the user named it, for the problems
   * @return the identity
   * @throws InputException as {@link #read} describes
   */
  static InjectorInfo parse(String text, String fileName) {
    Map<String, Field> fields = new LinkedHashMap<>();
    List<InputProblem> problems = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      fields(parser, fileName, fields, problems);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new InputException(new InputProblem(fileName, at == null ? 0 : Math.max(at.getLineNr(), 0),
          at == null ? 0 : Math.max(at.getColumnNr(), 0), "not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String name : FIELDS) {
      if (!fields.containsKey(name) && problems.stream().noneMatch(p -> p.message().startsWith(name + " "))) {
        problems.add(new InputProblem(fileName, 0, 0, name + " is required, but is missing"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    Map<String, String> rules = problems((int) number(fields, "formatVersion"), (int) number(fields, "injectorIndex"),
        (int) number(fields, "injectorCount"), fields.get("scheduleSha256").text(), number(fields, "startEpochMillis"),
        fields.get("experiment").text(), fields.get("replayFraction").real());
    rules.forEach((name, message) -> problems.add(fields.get(name).problem(fileName, message)));
    if (!problems.isEmpty()) {
      throw new InputException(org.loadcast.profile.YamlFile.inFileOrder(problems));
    }
    return new InjectorInfo((int) number(fields, "formatVersion"), (int) number(fields, "injectorIndex"),
        (int) number(fields, "injectorCount"), fields.get("scheduleSha256").text(), number(fields, "startEpochMillis"),
        number(fields, "startOffsetMillis"), fields.get("experiment").text(), fields.get("replayFraction").real());
  }

  /** One field as read: its value as text, a whole number or a number, and where the value starts. */
  private record Field(String text, long number, double real, JsonLocation at) {
    InputProblem problem(String fileName, String message) {
      return new InputProblem(fileName, at.getLineNr(), at.getColumnNr(), message);
    }
  }

  private static long number(Map<String, Field> fields, String name) {
    return fields.get(name).number();
  }

  /** Reads the one flat object of the file, field by field, checking each value's type. */
  private static void fields(JsonParser parser, String fileName, Map<String, Field> fields, List<InputProblem> problems)
      throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      JsonLocation at = parser.currentTokenLocation();
      throw new InputException(new InputProblem(fileName, Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0),
          "the file must hold one JSON object with the fields " + String.join(", ", FIELDS)));
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      JsonLocation at = parser.currentTokenLocation();
      if (token.isStructStart()) {
        parser.skipChildren();
      }
      Field field = field(name, token, parser, at);
      String rule = !FIELDS.contains(name) ? "is not a field of " + FILE + " (its fields are " + String.join(", ", FIELDS) + ")"
          : fields.containsKey(name) ? "must appear once, but appears again"
          : field == null ? "must be " + type(name) + ", but was " + shown(token, parser)
          : null;
      if (rule != null) {
        problems.add(new InputProblem(fileName, at.getLineNr(), at.getColumnNr(), name + " " + rule));
      } else {
        fields.put(name, field);
      }
    }
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      problems.add(new InputProblem(fileName, at.getLineNr(), at.getColumnNr(), "the file must end after its one object"));
    }
  }

  /** Returns the JSON type a field takes, as a rule says it. */
  private static String type(String name) {
    return isText(name) ? "a string" : name.equals("replayFraction") ? "a number"
        : name.endsWith("Millis") ? "a 64-bit whole number" : "a 32-bit whole number";
  }

  /** Returns a value as the user wrote it: a string in quotes, an object or array by its opening. */
  private static String shown(JsonToken token, JsonParser parser) throws IOException {
    return token.isStructStart() ? token.asString() + "..." : token == JsonToken.VALUE_STRING ? "'" + parser.getText() + "'"
        : parser.getText();
  }

  private static boolean isText(String name) {
    return name.equals("scheduleSha256") || name.equals("experiment");
  }

  /** Returns the value if its type suits the field: a string for the two texts, a whole number otherwise. */
  private static Field field(String name, JsonToken token, JsonParser parser, JsonLocation at) throws IOException {
    if (isText(name)) {
      return token == JsonToken.VALUE_STRING ? new Field(parser.getText(), 0, 0, at) : null;
    }
    if (name.equals("replayFraction")) {
      return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT
          ? new Field(null, 0, parser.getDoubleValue(), at) : null;
    }
    if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      return null;
    }
    long value = parser.getLongValue();
    boolean isInt = !name.endsWith("Millis");
    return isInt && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) ? null : new Field(null, value, 0, at);
  }
}
