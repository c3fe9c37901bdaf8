package org.loadcast.dbadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Reads a JDBC statement log recorded during a load test, one JSON object per line, holding only the
 * line being read.
 *
 * <p><b>{@link JdbcLogFormat#LOADCAST}</b>, Loadcast's own format, one execution per line:
 * <pre>{"requestId":"r-17","requestName":"GET /orders/{id}","startedAtMicros":1250300,
 *  "durationMicros":840,"sql":"SELECT * FROM order_items WHERE order_id = ?","params":["42"]}</pre>
 * {@code requestId} (text, required) groups the statements of one request; {@code requestName}
 * (text, required) groups requests; {@code startedAtMicros} (integer >= 0, required) is the start,
 * in microseconds since the run's start or the epoch (one origin per file); {@code durationMicros}
 * (integer >= 0, required); {@code sql} (text, required); {@code params} (array of text, numbers,
 * booleans or null; optional, default empty). Other keys are errors.
 *
 * <p><b>{@link JdbcLogFormat#DATASOURCE_PROXY}</b>: the JSON entries of datasource-proxy's query
 * logging listeners ({@code DefaultJsonQueryLogEntryCreator}, datasource-proxy 1.4 and later):
 * {@code {"name":"ds", "connection":8, "time":4, "success":true, "type":"Prepared", "batch":false,
 * "querySize":1, "batchSize":0, "query":["select ..."], "params":[["2","1"]]}}, where {@code time} is
 * the elapsed milliseconds. That entry carries no request id and no start time, so the line must be
 * either that object with the request id added as a top-level field, or a JSON log event (as JSON
 * log encoders write them) whose {@code message} field holds the entry as text and whose top-level
 * field, typically an MDC key, holds the request id. The user names that field ({@link
 * Options#requestIdField()}) and, optionally, the request-name field. Executions keep file order;
 * {@code startedAtMicros} is null. A batch counts as one execution per query text, its time split
 * evenly, without parameters.
 */
public final class JdbcStatementLogReader {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LOADCAST_KEYS =
      Set.of("requestId", "requestName", "startedAtMicros", "durationMicros", "sql", "params");

  private JdbcStatementLogReader() {}

  /**
   * How to read a log.
   *
   * @param format the line format
   * @param requestIdField for {@link JdbcLogFormat#DATASOURCE_PROXY}: the top-level field holding the
   *     request id; required there, ignored for {@link JdbcLogFormat#LOADCAST}
   * @param requestNameField for {@link JdbcLogFormat#DATASOURCE_PROXY}: the top-level field holding
   *     the request name, or null when the log has none
   */
  public record Options(JdbcLogFormat format, String requestIdField, String requestNameField) {

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if format is null, or it is DATASOURCE_PROXY and requestIdField
     *     is blank
     */
    public Options {
      if (format == null) {
        throw new IllegalArgumentException("format is required");
      }
      if (format == JdbcLogFormat.DATASOURCE_PROXY && (requestIdField == null || requestIdField.isBlank())) {
        throw new IllegalArgumentException("requestIdField is required for the datasource-proxy format");
      }
    }

    /** Returns the options for Loadcast's own format. */
    public static Options loadcast() {
      return new Options(JdbcLogFormat.LOADCAST, null, null);
    }
  }

  /**
   * Reads every statement execution of a log.
   *
   * @param in the log, read to its end
   * @param source the file as the user named it, for messages and {@link StatementExecution#source()}
   * @param options the format and field names
   * @param sink receives each execution in file order
   * @throws IOException if reading fails
   * @throws InputException after the whole log is read, if any non-blank line is not a JSON object
   *     of the format; one problem per line (at most 20), {@code source:line:column: field must ...,
   *     but was ...}
   */
  public static void read(BufferedReader in, String source, Options options, Consumer<? super StatementExecution> sink)
      throws IOException {
    List<InputProblem> problems = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        if (!node.isObject()) {
          throw new LineError(1, "the line must be a JSON object, but was " + brief(line));
        }
        String where = source + ":" + number;
        if (options.format() == JdbcLogFormat.LOADCAST) {
          sink.accept(loadcast(node, where));
        } else {
          datasourceProxy(node, options, where).forEach(sink);
        }
      } catch (JsonProcessingException e) {
        add(problems, new InputProblem(source, number, Math.max(1, e.getLocation() == null ? 1 : e.getLocation().getColumnNr()),
            "the line is not valid JSON: " + e.getOriginalMessage()));
      } catch (LineError e) {
        add(problems, new InputProblem(source, number, e.column, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
  }

  private static void add(List<InputProblem> problems, InputProblem problem) {
    if (problems.size() < SqlFile.MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  private static StatementExecution loadcast(JsonNode node, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!LOADCAST_KEYS.contains(name)) {
        throw new LineError(1, "unknown key '" + name + "'; known keys: durationMicros, params, requestId, "
            + "requestName, sql, startedAtMicros");
      }
    }
    String requestId = text(node, "requestId");
    String requestName = text(node, "requestName");
    long started = nonNegative(node, "startedAtMicros");
    long duration = nonNegative(node, "durationMicros");
    String sql = text(node, "sql");
    List<String> params = node.has("params") ? values(node.get("params"), "params") : List.of();
    return new StatementExecution(requestId, requestName, started, duration, sql, params, null, where);
  }

  private static List<StatementExecution> datasourceProxy(JsonNode line, Options options, String where)
      throws JsonProcessingException {
    JsonNode entry = line;
    if (!line.has("query") && line.path("message").isTextual() && line.get("message").asText().strip().startsWith("{")) {
      entry = JSON.readTree(line.get("message").asText());
    }
    if (!entry.path("query").isArray()) {
      throw new LineError(1, "query must be an array of statements (a datasource-proxy JSON entry, alone or in the "
          + "'message' field), but was " + brief(String.valueOf(entry.get("query"))));
    }
    String requestId = fieldText(line, options.requestIdField(), true);
    String requestName = options.requestNameField() == null ? null : fieldText(line, options.requestNameField(), false);
    long elapsedMillis = nonNegative(entry, "time");
    List<String> queries = new ArrayList<>();
    entry.get("query").forEach(q -> queries.add(q.asText()));
    if (queries.isEmpty()) {
      return List.of();
    }
    boolean batch = entry.path("batch").asBoolean(false);
    JsonNode params = entry.path("params");
    List<StatementExecution> out = new ArrayList<>();
    if (batch) {
      Set<String> distinct = new LinkedHashSet<>(queries);
      long each = elapsedMillis * 1000 / distinct.size();
      distinct.forEach(q -> out.add(new StatementExecution(requestId, requestName, null, each, q, List.of(), null, where)));
      return out;
    }
    long each = elapsedMillis * 1000 / queries.size();
    for (int i = 0; i < queries.size(); i++) {
      List<String> values = params.isArray() && params.size() > i ? values(params.get(i), "params[" + i + "]") : List.of();
      out.add(new StatementExecution(requestId, requestName, null, each, queries.get(i), values, null, where));
    }
    return out;
  }

  /** Returns prepared parameters (an array) or callable ones (an object keyed by index or name, in key order). */
  private static List<String> values(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(v -> values.add(value(v, field)));
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>(JdbcStatementLogReader::byIndex);
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.values().forEach(v -> values.add(value(v, field)));
    } else {
      throw new LineError(1, field + " must be an array of values, but was " + brief(node.toString()));
    }
    return values;
  }

  private static int byIndex(String a, String b) {
    boolean numbers = a.matches("\\d{1,9}") && b.matches("\\d{1,9}");
    return numbers ? Integer.compare(Integer.parseInt(a), Integer.parseInt(b)) : a.compareTo(b);
  }

  private static String value(JsonNode v, String field) {
    if (v.isNull()) {
      return null;
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    throw new LineError(1, field + " must hold text, numbers, booleans or null, but held " + brief(v.toString()));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new LineError(1, field + " is required");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new LineError(1, field + " must be non-blank text, but was " + brief(v.toString()));
    }
    return v.asText();
  }

  private static String fieldText(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new LineError(1, "the request-id field '" + field + "' is missing from the line");
      }
      return null;
    }
    if (!v.isValueNode() || v.asText().isBlank()) {
      throw new LineError(1, field + " must be non-blank text or a number, but was " + brief(v.toString()));
    }
    return v.asText();
  }

  private static long nonNegative(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      throw new LineError(1, field + " is required");
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
      throw new LineError(1, field + " must be an integer >= 0, but was " + brief(v.toString()));
    }
    return v.asLong();
  }

  private static String brief(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** A rule broken by one line; becomes an {@link InputProblem}. */
  private static final class LineError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int column;

    LineError(int column, String message) {
      super(message);
      this.column = column;
    }
  }
}
