package org.loadcast.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * What a load test's results directory holds, and how far the load test got: {@code run-state.json},
 * written with every checkpoint ({@link ResultsCheckpoint}) next to {@code per-second.csv} and {@code
 * latency.hlog}, and read by {@code loadcast report RUN_DIR} to build a report, partial or not.
 *
 * @param formatVersion the file's format, {@value #FORMAT_VERSION}
 * @param state {@code running} while the load test runs (a run killed without warning stays so),
 *     {@code interrupted} when its JVM was asked to stop before the end, {@code complete} when it ran
 *     to its end
 * @param completedSeconds the whole seconds the results hold, from second 0, {@code 0 <=
 *     completedSeconds}; the last one has ended by the load test's clock
 * @param plannedSeconds the seconds the load test's schedule has arrivals in (warm-up, probe, drain
 *     and replay), {@code >= 1}
 * @param phase the planned phase of the last completed second: {@code warmup}, {@code probe},
 *     {@code drain} or {@code replay}; {@code warmup} when no second completed
 * @param experiment the experiment file as the load test was given it, not blank
 * @param scheduleSha256 the lower-case hex SHA-256 (64 digits) of the compiled arrival schedule
 *     ({@code LoadTestPlan.scheduleSha256}), to check the experiment against
 * @param runId the run's id, not blank
 * @param startEpochMillis wall-clock time of second 0, milliseconds since the epoch, {@code >= 0}
 * @param injectorIndex which shard of the schedule this load test ran, {@code 0 <= injectorIndex <
 *     injectorCount}
 * @param injectorCount how many injectors share the load test, {@code >= 1}
 * @param replayFraction the replay's admitted fraction of its upper-bound schedule, in {@code (0, 1]},
 *     once it is fixed (given, or measured from the probe when the replay starts); null (written as
 *     {@code null}) before
 */
@JsonPropertyOrder({"formatVersion", "state", "completedSeconds", "plannedSeconds", "phase", "experiment",
    "scheduleSha256", "runId", "startEpochMillis", "injectorIndex", "injectorCount", "replayFraction"})
public record RunState(int formatVersion, State state, int completedSeconds, int plannedSeconds, String phase,
    String experiment, String scheduleSha256, String runId, long startEpochMillis, int injectorIndex, int injectorCount,
    Double replayFraction) {
  /** The file's name in a results directory. */
  public static final String FILE = "run-state.json";
  /** The only format version there is. */
  public static final int FORMAT_VERSION = 1;
  private static final java.util.Set<String> PHASES = java.util.Set.of("warmup", "probe", "drain", "replay");
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
          DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  /** How far a load test got. */
  public enum State {
    /** It runs, or it was killed without warning. */
    RUNNING,
    /** Its JVM was asked to stop (Ctrl-C, SIGTERM) before the end: the last checkpoint was written then. */
    INTERRUPTED,
    /** It ran to its end. */
    COMPLETE;

    /** Returns the lower-case name the file holds. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the state a file names.
     *
     * @throws IllegalArgumentException if the name is none of {@code running}, {@code interrupted}, {@code complete}
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static State of(String name) {
      for (State s : values()) {
        if (s.fileName().equals(name)) {
          return s;
        }
      }
      throw new IllegalArgumentException("state must be running, interrupted or complete, but was '" + name + "'");
    }
  }

  /**
   * Validates the state.
   *
   * @throws IllegalArgumentException naming the field, the rule and the value, if a component is
   *     outside the range given above
   */
  public RunState {
    check(formatVersion == FORMAT_VERSION, "formatVersion must be " + FORMAT_VERSION + ", but was " + formatVersion);
    check(state != null, "state must be running, interrupted or complete, but was null");
    check(plannedSeconds >= 1, "plannedSeconds must be >= 1, but was " + plannedSeconds);
    check(completedSeconds >= 0, "completedSeconds must be >= 0, but was " + completedSeconds);
    check(phase != null && PHASES.contains(phase), "phase must be warmup, probe, drain or replay, but was '" + phase + "'");
    check(experiment != null && !experiment.isBlank(), "experiment must name the experiment file, but was '" + experiment + "'");
    check(scheduleSha256 != null && scheduleSha256.matches("[0-9a-f]{64}"),
        "scheduleSha256 must be 64 lower-case hex digits (a SHA-256), but was '" + scheduleSha256 + "'");
    check(runId != null && !runId.isBlank(), "runId must not be blank, but was '" + runId + "'");
    check(startEpochMillis >= 0, "startEpochMillis must be >= 0, but was " + startEpochMillis);
    check(injectorCount >= 1, "injectorCount must be >= 1, but was " + injectorCount);
    check(injectorIndex >= 0 && injectorIndex < injectorCount,
        "injectorIndex must be 0 to injectorCount - 1, but was " + injectorIndex);
    check(replayFraction == null || replayFraction > 0 && replayFraction <= 1,
        "replayFraction must be in (0, 1] or absent, but was " + replayFraction);
  }

  private static void check(boolean rule, String message) {
    if (!rule) {
      throw new IllegalArgumentException(message);
    }
  }

  /**
   * Returns this state with another state, completed seconds, phase, second 0 and fraction, the rest
   * unchanged.
   *
   * @throws IllegalArgumentException as the constructor
   */
  public RunState at(State newState, int newCompletedSeconds, String newPhase, long newStartEpochMillis,
      Double newReplayFraction) {
    return new RunState(formatVersion, newState, newCompletedSeconds, plannedSeconds, newPhase, experiment, scheduleSha256,
        runId, newStartEpochMillis, injectorIndex, injectorCount, newReplayFraction);
  }

  /** Returns the file's text: indented JSON, the fields in component order, ending with a newline. */
  public String json() {
    try {
      return JSON.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Jackson cannot write a record of numbers and strings", e);
    }
  }

  /**
   * Reads {@code run-state.json} from a results directory and validates it.
   *
   * @param directory a load test's results directory
   * @return the state
   * @throws InputException if the file is missing, is not JSON, or a field is missing, unknown,
   *     repeated, of the wrong type or outside its range: as {@code file:line:column: ...}
   * @throws UncheckedIOException if the file cannot be read
   */
  public static RunState read(Path directory) {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "a load test's results directory must hold "
          + FILE + " (the load test writes it with every checkpoint), but '" + directory + "' has none"));
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses and validates the text of a {@code run-state.json}.
   *
   * @param text the file's text
   * @param fileName the file as the user named it, for the problem
   * @return the state
   * @throws InputException as {@link #read} describes
   */
  static RunState parse(String text, String fileName) {
    try {
      return JSON.readValue(text, RunState.class);
    } catch (JsonMappingException e) {
      String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
      String message = cause != null ? cause.getMessage()
          : (field == null ? "" : field + ": ") + e.getOriginalMessage().split("\n")[0];
      JsonLocation named = locationOf(text, cause != null ? message.split(" ")[0] : field);
      JsonLocation at = named != null ? named : e.getLocation();
      throw new InputException(new InputProblem(fileName, line(at), column(at), message));
    } catch (JsonProcessingException e) {
      throw new InputException(new InputProblem(fileName, line(e.getLocation()), column(e.getLocation()),
          "not valid JSON: " + e.getOriginalMessage()));
    }
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getLineNr(), 0);
  }

  private static int column(JsonLocation at) {
    return at == null ? 0 : Math.max(at.getColumnNr(), 0);
  }

  /** Returns where the value of a top-level field starts, or null when the text has no such field. */
  private static JsonLocation locationOf(String text, String field) {
    if (field == null) {
      return null;
    }
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
          parser.nextToken();
          return parser.currentTokenLocation();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
