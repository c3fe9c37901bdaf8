package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Finds N+1 query loops in a JDBC statement log: within one request, a run of at least {@code
 * minRepeats} consecutive executions of the same normalised statement right after a different
 * (source) statement, taking at least {@code minTotalMillis} together.
 *
 * <p>This is the rule of Sentry's N+1 query detector (Sentry documentation, "Performance Issues: N+1
 * Queries": repeated, sequential database spans with the same description after a source span, over
 * a total-duration threshold), with the thresholds the issue asks for (5 repetitions, 50 ms) as defaults.
 * A run at the very start of a request has no source statement and is not reported. The log's order
 * is the execution order, unless every execution of the request has a start time, in which case
 * they are sorted by it (stably).
 *
 * <p>Not thread-safe: it caches the parse of each statement text.
 */
public final class NPlusOneDetector {
  private static final Pattern EQUALS_PARAMETER =
      Pattern.compile("((?:[A-Za-z_][\\w$]*|\"(?:[^\"]|\"\")+\")(?:\\.(?:[A-Za-z_][\\w$]*|\"(?:[^\"]|\"\")+\"))?) = \\?");
  private final Thresholds thresholds;
  private final StatementShapes shapes = new StatementShapes();

  /**
   * The detector's thresholds.
   *
   * @param minRepeats the shortest run reported; >= 2 (default 5)
   * @param minTotalMillis the least total time of a run reported, in milliseconds; >= 0 (default 50)
   */
  public record Thresholds(int minRepeats, double minTotalMillis) {

    /** The defaults: 5 repetitions and 50 ms. */
    public static final Thresholds DEFAULT = new Thresholds(5, 50.0);

    /**
     * Validates the thresholds.
     *
     * @throws IllegalArgumentException if minRepeats is below 2 or minTotalMillis is negative or not finite
     */
    public Thresholds {
      if (minRepeats < 2) {
        throw new IllegalArgumentException("minRepeats must be >= 2, but was " + minRepeats);
      }
      if (!(minTotalMillis >= 0) || Double.isInfinite(minTotalMillis)) {
        throw new IllegalArgumentException("minTotalMillis must be finite and >= 0, but was " + minTotalMillis);
      }
    }
  }

  /**
   * Creates a detector.
   *
   * @param thresholds the thresholds
   * @throws IllegalArgumentException if thresholds is null
   */
  public NPlusOneDetector(Thresholds thresholds) {
    if (thresholds == null) {
      throw new IllegalArgumentException("thresholds is required");
    }
    this.thresholds = thresholds;
  }

  /**
   * Returns the N+1 runs of each request.
   *
   * @param executions the log's executions; those without a request id are ignored
   * @return the runs, by request in order of first appearance, then in execution order; empty when
   *     no request has one
   */
  public List<NPlusOneFinding> detect(List<StatementExecution> executions) {
    List<NPlusOneFinding> findings = new ArrayList<>();
    for (List<StatementExecution> request : byRequest(executions).values()) {
      findings.addAll(detectInRequest(request));
    }
    return findings;
  }

  /**
   * Returns the N+1 patterns summed per request name, source and repeated statement.
   *
   * @param executions the log's executions; those without a request id are ignored
   * @return the patterns, largest {@code totalMillis} first (ties by request name, then statement);
   *     empty when no request has a run
   */
  public List<NPlusOnePattern> summarize(List<StatementExecution> executions) {
    Map<String, List<StatementExecution>> requests = byRequest(executions);
    Map<String, Integer> requestsOfName = new LinkedHashMap<>();
    requests.values().forEach(r -> requestsOfName.merge(String.valueOf(r.get(0).requestName()), 1, Integer::sum));
    Map<List<String>, List<NPlusOneFinding>> groups = new LinkedHashMap<>();
    for (List<StatementExecution> request : requests.values()) {
      for (NPlusOneFinding f : detectInRequest(request)) {
        groups.computeIfAbsent(List.of(String.valueOf(f.requestName()), f.sourceStatement(), f.repeatedStatement()),
            k -> new ArrayList<>()).add(f);
      }
    }
    List<NPlusOnePattern> patterns = new ArrayList<>();
    for (Map.Entry<List<String>, List<NPlusOneFinding>> group : groups.entrySet()) {
      patterns.add(pattern(group.getValue(), requestsOfName.get(group.getKey().get(0))));
    }
    patterns.sort(Comparator.comparingDouble(NPlusOnePattern::totalMillis).reversed()
        .thenComparing(p -> String.valueOf(p.requestName())).thenComparing(NPlusOnePattern::repeatedStatement));
    return patterns;
  }

  private static NPlusOnePattern pattern(List<NPlusOneFinding> findings, int requestsOfName) {
    NPlusOneFinding first = findings.get(0);
    Set<String> requests = new HashSet<>();
    double[] lengths = new double[findings.size()];
    double total = 0;
    double avoidable = 0;
    for (int i = 0; i < findings.size(); i++) {
      NPlusOneFinding f = findings.get(i);
      requests.add(f.requestId());
      lengths[i] = f.count();
      total += f.totalMillis();
      avoidable += f.totalMillis() - f.totalMillis() / f.count();
    }
    return new NPlusOnePattern(first.requestName(), first.sourceStatement(), first.repeatedStatement(),
        requests.size(), requestsOfName, new Median().evaluate(lengths), total, avoidable, first.rewrite());
  }

  private static Map<String, List<StatementExecution>> byRequest(List<StatementExecution> executions) {
    Map<String, List<StatementExecution>> requests = new LinkedHashMap<>();
    for (StatementExecution e : executions) {
      if (e.requestId() != null) {
        requests.computeIfAbsent(e.requestId(), k -> new ArrayList<>()).add(e);
      }
    }
    for (List<StatementExecution> request : requests.values()) {
      if (request.stream().allMatch(e -> e.startedAtMicros() != null)) {
        request.sort(Comparator.comparing(StatementExecution::startedAtMicros));
      }
    }
    return requests;
  }

  private List<NPlusOneFinding> detectInRequest(List<StatementExecution> request) {
    List<NPlusOneFinding> findings = new ArrayList<>();
    int start = 0;
    while (start < request.size()) {
      String fingerprint = shapes.of(request.get(start).sql()).normalized().fingerprint();
      int end = start + 1;
      while (end < request.size() && shapes.of(request.get(end).sql()).normalized().fingerprint().equals(fingerprint)) {
        end++;
      }
      if (start > 0) {
        finding(request, start, end).ifPresent(findings::add);
      }
      start = end;
    }
    return findings;
  }

  private Optional<NPlusOneFinding> finding(List<StatementExecution> request, int start, int end) {
    int count = end - start;
    List<StatementExecution> run = request.subList(start, end);
    double totalMillis = run.stream().mapToLong(StatementExecution::durationMicros).sum() / 1000.0;
    if (count < thresholds.minRepeats() || totalMillis < thresholds.minTotalMillis()) {
      return Optional.empty();
    }
    StatementExecution source = request.get(start - 1);
    StatementShapes.Shape sourceShape = shapes.of(source.sql());
    StatementShapes.Shape repeated = shapes.of(run.get(0).sql());
    int distinct = (int) run.stream().map(StatementExecution::params).distinct().count();
    return Optional.of(new NPlusOneFinding(run.get(0).requestId(), run.get(0).requestName(),
        sourceShape.normalized().text(), repeated.normalized().text(), repeated.normalized().fingerprint(), count,
        totalMillis, distinct, rewrite(sourceShape, repeated)));
  }

  /** Returns the batched rewrite: a join when the parameter is the source table's id, else {@code = ANY(?)}. */
  static BatchedRewrite rewrite(StatementShapes.Shape source, StatementShapes.Shape repeated) {
    String text = repeated.normalized().text();
    Matcher m = EQUALS_PARAMETER.matcher(text);
    if (!m.find()) {
      return none(text);
    }
    int at = m.start();
    String column = m.group(1);
    if (m.find()) {
      return none(text);
    }
    String any = text.substring(0, at) + column + " = ANY(?)" + text.substring(at + column.length() + " = ?".length());
    Optional<ColumnRef> filtered = repeated.usage().flatMap(u -> u.equalityColumns().stream()
        .filter(c -> column.equals(c.column()) || column.endsWith("." + c.column())).findFirst());
    Optional<String> parent = filtered.flatMap(c -> source.usage().flatMap(u -> u.tablesRead().stream()
        .filter(t -> !t.equals(c.table()) && references(c.column(), t)).findFirst()));
    if (filtered.isPresent() && parent.isPresent()) {
      ColumnRef c = filtered.get();
      String join = String.format(Locale.ROOT, "JOIN %s ON %s.%s = %s.id, added to: %s (or, as one batched lookup: %s)",
          SqlIdentifier.quoteQualified(c.table()), SqlIdentifier.quoteQualified(c.table()), SqlIdentifier.quote(c.column()),
          SqlIdentifier.quoteQualified(parent.get()), source.normalized().text(), any);
      return new BatchedRewrite(BatchedRewrite.Kind.JOIN, join);
    }
    return new BatchedRewrite(BatchedRewrite.Kind.ANY_ARRAY, any);
  }

  /** Returns whether {@code column} names the key of {@code table} by the usual {@code <singular>_id} convention. */
  private static boolean references(String column, String table) {
    String bare = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
    if (!column.endsWith("_id")) {
      return false;
    }
    String stem = column.substring(0, column.length() - 3);
    return Objects.equals(bare, stem) || bare.equals(stem + "s") || bare.equals(stem + "es")
        || stem.endsWith("y") && bare.equals(stem.substring(0, stem.length() - 1) + "ies");
  }

  private static BatchedRewrite none(String text) {
    return new BatchedRewrite(BatchedRewrite.Kind.NONE,
        "no mechanical rewrite (the statement does not filter on exactly one 'column = ?'): fetch the rows for all "
            + "N values in one statement instead of: " + text);
  }
}
