package org.loadcast.dbadvisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * Reads the statements of a PostgreSQL server log written to {@code stderr} (the default {@code
 * log_destination}), one at a time, holding only the entry being read.
 *
 * <p><b>Accepted prefixes.</b> Every entry starts with {@code log_line_prefix} and a severity, as
 * {@code send_message_to_server_log} in PostgreSQL's {@code elog.c} writes it: {@code PREFIX
 * SEVERITY:  message}. These prefixes are accepted:
 * <ul>
 *   <li>{@code '%m [%p] '}, the default since PostgreSQL 10: {@code 2026-11-29 20:00:00.123 UTC [4242] };
 *   <li>{@code '%t [%p] '}: the same without milliseconds;
 *   <li>{@code '%m [%p] %q%u@%d '}, Debian's default: {@code ... [4242] shop@shopdb }.
 * </ul>
 * Continuation lines of a multi-line message start with a tab ({@code append_with_tabs} in
 * {@code elog.c}); any other line is an error.
 *
 * <p><b>Entries read</b> (PostgreSQL 15 documentation, 20.8.3 {@code log_min_duration_statement}, and
 * {@code exec_simple_query}/{@code exec_execute_message} in {@code postgres.c}):
 * <ul>
 *   <li>{@code LOG:  duration: 12.345 ms  statement: SELECT ...}, a simple-protocol statement;
 *   <li>{@code LOG:  duration: 0.321 ms  execute <unnamed>: SELECT ... $1} (also {@code execute S_1},
 *       {@code execute fetch from S_1/C_2}), an extended-protocol execution, with the parameters from a
 *       following {@code DETAIL:  parameters: $1 = '5', $2 = NULL} of the same process;
 *   <li>{@code LOG:  duration: 3.651 ms  plan:} from {@code auto_explain} (PostgreSQL 15 documentation,
 *       F.4), in text format ({@code Query Text: ...} then the plan) or JSON format (an object with
 *       {@code "Query Text"} and {@code "Plan"}).
 * </ul>
 * With {@code log_statement} also set, PostgreSQL logs {@code LOG:  statement: ...} (or {@code
 * execute ...}) first and later a bare {@code LOG:  duration: 12.345 ms} from the same process; the
 * two are paired, and a statement never followed by its duration (faster than {@code
 * log_min_duration_statement}) is dropped. The {@code parse} and {@code bind} durations of the
 * extended protocol are skipped, so that an execution counts once; so are all other messages. The
 * advisor's own statements, which start with {@link AdvisorSession#STATEMENT_TAG}, are skipped too:
 * they are not the workload. With Debian's prefix a log names each entry's database, and {@link
 * #read(BufferedReader, String, String, Consumer)} keeps one database's statements. Log lines carry no request id, so {@link
 * StatementExecution#requestId()} is null, and the prefix's time stamp (whose zone may be an
 * abbreviation) is not used.
 */
public final class PostgresLogReader {
  private static final Pattern ENTRY = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?(?: [A-Za-z0-9+\\-:/_]+)?) \\[(\\d+)\\] "
          + "(?:(\\S*)@(\\S*) )?(DEBUG[1-5]?|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC|DETAIL|HINT|QUERY|CONTEXT"
          + "|LOCATION|STATEMENT):  (.*)$");
  private static final Pattern DURATION = Pattern.compile(
      "^duration: (\\d+(?:\\.\\d+)?) ms  (?:statement: (.*)|execute (?:fetch from )?[^:\\s]+: (.*)|plan:\\n?(.*))$",
      Pattern.DOTALL);
  private static final Pattern LOGGED_STATEMENT =
      Pattern.compile("^(?:statement: (.*)|execute (?:fetch from )?[^:\\s]+: (.*))$", Pattern.DOTALL);
  private static final Pattern BARE_DURATION = Pattern.compile("^duration: (\\d+(?:\\.\\d+)?) ms$");
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')(?:, |$)");
  private static final Pattern PLAN_NODE = Pattern.compile("^.*\\S  \\((?:cost=|actual[ =])");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostgresLogReader() {}

  /**
   * Reads every statement execution of a log.
   *
   * @param in the log, read to its end
   * @param source the file as the user named it, for messages and {@link StatementExecution#source()}
   * @param sink receives each execution in log order
   * @throws IOException if reading fails
   * @throws InputException after the whole log is read, if any line is neither an entry with an
   *     accepted prefix nor a tab-indented continuation line, or an auto_explain entry holds no query
   *     text; one problem per such line (at most 20), {@code source:line:1: ...}
   */
  public static void read(BufferedReader in, String source, Consumer<? super StatementExecution> sink)
      throws IOException {
    read(in, source, null, sink);
  }

  /**
   * Reads the statement executions of one database from a log of a whole server.
   *
   * @param in the log, read to its end
   * @param source the file as the user named it, for messages and {@link StatementExecution#source()}
   * @param database the database to keep, as the prefix's {@code %d} names it; null keeps all. Entries
   *     whose prefix names no database (a prefix without {@code %d}) are kept.
   * @param sink receives each kept execution in log order
   * @return how many statements of other databases were dropped, >= 0
   * @throws IOException if reading fails
   * @throws InputException as {@link #read(BufferedReader, String, Consumer)} says
   */
  public static long read(BufferedReader in, String source, String database, Consumer<? super StatementExecution> sink)
      throws IOException {
    Reading reading = new Reading(source, database, sink);
    String line;
    int number = 0;
    while ((line = in.readLine()) != null) {
      number++;
      reading.line(line, number);
    }
    reading.finish();
    return reading.otherDatabases;
  }

  /** The state of one read: the entry being assembled and the statement awaiting its DETAIL. */
  private static final class Reading {
    private final String source;
    private final String database;
    private final Consumer<? super StatementExecution> sink;
    private long otherDatabases;
    private final List<InputProblem> problems = new ArrayList<>();
    private Entry entry;
    private Pending pending;
    private final Map<String, StatementExecution> awaitingDuration = new HashMap<>();

    Reading(String source, String database, Consumer<? super StatementExecution> sink) {
      this.source = source;
      this.database = database;
      this.sink = sink;
    }

    void line(String line, int number) {
      Matcher m = ENTRY.matcher(line);
      if (m.matches()) {
        close();
        String database = m.group(4) == null || m.group(4).isEmpty() ? null : m.group(4);
        entry = new Entry(m.group(2), database, m.group(5), number, new StringBuilder(m.group(6)));
      } else if (line.startsWith("\t") && entry != null) {
        entry.message.append('\n').append(line, 1, line.length());
      } else if (!line.isEmpty()) {
        problem(number, "not a log entry: a line must start with the log_line_prefix '%m [%p] ' (for example "
            + "'2026-11-29 20:00:00.123 UTC [4242] LOG:  ') or, inside a multi-line message, with a tab");
      }
    }

    void finish() {
      close();
      emitPending(List.of());
      if (!problems.isEmpty()) {
        throw new InputException(problems);
      }
    }

    private void problem(int line, String message) {
      if (problems.size() < SqlFile.MAX_PROBLEMS) {
        problems.add(new InputProblem(source, line, 1, message));
      }
    }

    private void close() {
      if (entry == null) {
        return;
      }
      Entry done = entry;
      entry = null;
      if (done.severity.equals("DETAIL") && pending != null && pending.pid().equals(done.pid)) {
        String detail = done.message.toString();
        emitPending(detail.startsWith("parameters: ") ? parameters(detail.substring("parameters: ".length())) : List.of());
        return;
      }
      emitPending(List.of());
      if (done.severity.equals("LOG")) {
        statement(done);
      }
    }

    private void emitPending(List<String> params) {
      if (pending != null) {
        Pending p = pending;
        StatementExecution statement = new StatementExecution(null, null, null, Math.max(0, p.micros()), p.sql(), params,
            null, p.where());
        if (p.micros() < 0) {
          awaitingDuration.put(p.pid(), statement);
        } else {
          sink.accept(statement);
        }
      }
      pending = null;
    }

    private void statement(Entry done) {
      String where = source + ":" + done.line;
      Matcher bare = BARE_DURATION.matcher(done.message);
      if (bare.matches()) {
        StatementExecution logged = awaitingDuration.remove(done.pid);
        if (logged != null) {
          sink.accept(new StatementExecution(null, null, null, micros(bare.group(1)), logged.sql(), logged.params(), null,
              logged.source()));
        }
        return;
      }
      Matcher statement = LOGGED_STATEMENT.matcher(done.message);
      if (statement.matches()) {
        awaitingDuration.remove(done.pid);
        pendingStatement(done, statement.group(1) != null ? statement.group(1) : statement.group(2), -1, where);
        return;
      }
      Matcher m = DURATION.matcher(done.message);
      if (!m.matches()) {
        return;
      }
      long micros = micros(m.group(1));
      if (m.group(2) != null || m.group(3) != null) {
        pendingStatement(done, m.group(2) != null ? m.group(2) : m.group(3), micros, where);
        return;
      }
      String plan = m.group(4);
      String sql;
      if (plan.strip().startsWith("{")) {
        JsonNode node = jsonPlan(plan, done.line);
        if (node == null) {
          return; // reported
        }
        JsonNode text = node.get("Query Text");
        sql = text != null && text.isTextual() ? text.asText() : null;
      } else {
        sql = textQueryText(plan);
      }
      if (sql == null || sql.isBlank()) {
        problem(done.line, "the auto_explain entry holds no query text: expected 'Query Text: ...' (text format) or "
            + "a JSON object with \"Query Text\" after 'plan:'");
        return;
      }
      if (kept(done, sql)) {
        sink.accept(new StatementExecution(null, null, null, micros, sql.strip(), List.of(), plan.strip(), where));
      }
    }

    private void pendingStatement(Entry done, String sql, long micros, String where) {
      if (!sql.isBlank() && kept(done, sql)) {
        pending = new Pending(done.pid, sql.strip(), micros, where);
      }
    }

    /** Whether a statement is of the database asked for, and not one of the advisor's own; counts the others' statements. */
    private boolean kept(Entry done, String sql) {
      if (sql.strip().startsWith(AdvisorSession.STATEMENT_TAG)) {
        return false;
      }
      if (database != null && done.database != null && !database.equals(done.database)) {
        otherDatabases++;
        return false;
      }
      return true;
    }

    private static long micros(String millis) {
      return Math.round(Double.parseDouble(millis) * 1000);
    }

    /**
     * Returns the auto_explain JSON plan of the entry at {@code line}, or null after reporting where it
     * is not valid JSON: the plan starts on the line after the entry's, each line behind a tab.
     */
    private JsonNode jsonPlan(String plan, int line) {
      try {
        return JSON.readTree(plan);
      } catch (JsonProcessingException e) {
        int planLine = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
        int planColumn = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
        if (problems.size() < SqlFile.MAX_PROBLEMS) {
          problems.add(new InputProblem(source, line + planLine, planColumn + 1, "the auto_explain JSON plan of the entry at line "
              + line + " is not valid JSON (is the log cut short?): " + e.getOriginalMessage()));
        }
        return null;
      }
    }

    private static String textQueryText(String plan) {
      String[] lines = plan.split("\n", -1);
      StringBuilder sql = null;
      for (String l : lines) {
        String trimmed = l.strip();
        if (sql == null) {
          if (trimmed.startsWith("Query Text: ")) {
            sql = new StringBuilder(trimmed.substring("Query Text: ".length()));
          }
        } else if (PLAN_NODE.matcher(l).find() || trimmed.startsWith("Query Parameters: ")) {
          break;
        } else {
          sql.append('\n').append(l);
        }
      }
      return sql == null ? null : sql.toString();
    }
  }

  /** Parses {@code $1 = '5', $2 = NULL} into {"5", null}, undoing the doubled quotes. */
  static List<String> parameters(String text) {
    List<String> values = new ArrayList<>();
    Matcher m = PARAMETER.matcher(text);
    int at = 0;
    while (at < text.length() && m.find(at) && m.start() == at) {
      values.add(m.group(3) == null ? null : m.group(3).replace("''", "'"));
      at = m.end();
    }
    return values;
  }

  private record Entry(String pid, String database, String severity, int line, StringBuilder message) {}

  /** A statement read, waiting for the DETAIL with its parameters; {@code micros} is -1 while its duration is to come. */
  private record Pending(String pid, String sql, long micros, String where) {}
}
