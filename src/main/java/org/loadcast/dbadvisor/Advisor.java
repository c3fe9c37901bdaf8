package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole advice on one workload: the statements a service runs, from {@code pg_stat_statements},
 * server logs, SQL files and JDBC statement logs; their plans and findings; index candidates checked
 * with what-if costs and chosen across the workload; N+1 loops and caching candidates. What {@code
 * loadcast dbadvise} runs.
 *
 * <p>Steps, for the statements that filter, join or sort (SELECT, UPDATE, DELETE):
 *
 * <ol>
 *   <li>the generic or plain plan and its findings ({@link PlanReader}, {@link PlanChecks}), each a
 *       {@link RecommendationKind#PLAN_WARNING};
 *   <li>the candidates of its columns ({@link ColumnUsage}, {@link IndexCandidates}), less the ones
 *       an existing index serves and the ones on views and catalog tables ({@link ExistingIndexes});
 *   <li>each candidate's cost before and after ({@link WhatIfCheck}: HypoPG, or a build rolled back);
 *   <li>the workload-wide choice ({@link IndexSelection}), with each table's writes as penalty; one
 *       {@link RecommendationKind#INDEX} per chosen index and statement it serves. Its estimated
 *       saving assumes time proportional to planner cost: the statement's measured total time times
 *       the cost cut (only where the source measured time).
 * </ol>
 *
 * <p>Without a database, only the N+1 and caching analyses of the statement logs run. Not
 * thread-safe; one advice per call.
 */
public final class Advisor {
  private Advisor() {}

  /**
   * The thresholds.
   *
   * @param topStatements how many statements of {@code pg_stat_statements} to read, by total time, >= 1
   * @param checks the plan checks' thresholds
   * @param nPlusOne the N+1 thresholds
   * @param maxWriteShareFraction the largest write share of a read-mostly table, for caching, in [0, 1]
   * @param maintenanceCostPerWrite the write penalty per write per index, planner cost units, >= 0
   */
  public record Settings(int topStatements, PlanChecks checks, NPlusOneDetector.Thresholds nPlusOne,
      double maxWriteShareFraction, double maintenanceCostPerWrite) {
    /** 50 statements, and each part's defaults. */
    public static final Settings DEFAULTS = new Settings(50, PlanChecks.DEFAULTS, NPlusOneDetector.Thresholds.DEFAULT,
        CachingCandidates.DEFAULT_MAX_WRITE_SHARE, IndexSelection.DEFAULT_MAINTENANCE_COST_PER_WRITE);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if a value is outside its range
     */
    public Settings {
      if (topStatements < 1) {
        throw new IllegalArgumentException("topStatements must be >= 1, but was " + topStatements);
      }
      if (!(maxWriteShareFraction >= 0 && maxWriteShareFraction <= 1)) {
        throw new IllegalArgumentException("maxWriteShareFraction must be in [0, 1], but was " + maxWriteShareFraction);
      }
    }
  }

  /**
   * One statement of the workload, all its executions together.
   *
   * @param sql a representative text, with {@code ?} markers, as the database can plan it
   * @param normalized its normalised text and fingerprint
   * @param executions how many times it ran, >= 1
   * @param totalMillis the time its executions took, ms; NaN when the source did not measure it
   */
  public record Statement(String sql, NormalizedSql normalized, long executions, double totalMillis) {}

  /**
   * What the advice found.
   *
   * @param advice the recommendations, for {@code dbadvice.json}: plan warnings, indexes, N+1 loops,
   *     caching candidates, in that order
   * @param indexDdl the chosen indexes' {@code CREATE INDEX} statements, what {@code --apply} runs
   * @param whatIfMethod how the candidates were measured; null without a database
   * @param statements the workload's statements, by total time then executions
   */
  public record Result(DbAdvice advice, List<String> indexDdl, WhatIfMethod whatIfMethod, List<Statement> statements) {}

  /**
   * Gathers a workload's statements by fingerprint.
   *
   * @param topStatements {@code pg_stat_statements}' rows; empty for none. The server counts every
   *     execution of these, so a log's executions of the same statements are not added again.
   * @param executions executions from server and statement logs, with their durations; empty for none
   * @param unmeasured statements that ran an unknown number of times for an unknown time, such as a
   *     SQL file's: each counts as one execution without a time; empty for none
   * @return one entry per fingerprint, by total time (unmeasured last), then executions, then text
   */
  public static List<Statement> workload(List<StatementStatistics> topStatements, List<StatementExecution> executions,
      List<String> unmeasured) {
    Map<String, Statement> byFingerprint = new LinkedHashMap<>();
    for (StatementStatistics s : topStatements) {
      String sql = questionMarks(s.query());
      add(byFingerprint, new Statement(sql, NormalizedSql.of(sql), Math.max(1, s.calls()), s.totalExecMillis()));
    }
    Set<String> counted = new java.util.HashSet<>(byFingerprint.keySet());
    for (StatementExecution e : executions) {
      NormalizedSql normalized = NormalizedSql.of(e.sql());
      if (!counted.contains(normalized.fingerprint())) {
        add(byFingerprint, new Statement(e.sql(), normalized, 1, e.durationMicros() / 1000.0));
      }
    }
    for (String sql : unmeasured) {
      add(byFingerprint, new Statement(sql, NormalizedSql.of(sql), 1, Double.NaN));
    }
    List<Statement> list = new ArrayList<>(byFingerprint.values());
    list.sort(java.util.Comparator.comparingDouble((Statement s) -> Double.isNaN(s.totalMillis()) ? 1 : 0)
        .thenComparing(java.util.Comparator.comparingDouble(Statement::totalMillis).reversed())
        .thenComparing(java.util.Comparator.comparingLong(Statement::executions).reversed())
        .thenComparing(s -> s.normalized().text()));
    return list;
  }

  private static void add(Map<String, Statement> byFingerprint, Statement s) {
    byFingerprint.merge(s.normalized().fingerprint(), s, (a, b) -> new Statement(a.sql(), a.normalized(),
        a.executions() + b.executions(), Double.isNaN(a.totalMillis()) || Double.isNaN(b.totalMillis())
            ? Double.NaN : a.totalMillis() + b.totalMillis()));
  }

  /**
   * Advises on a workload.
   *
   * @param session a read-only session on the database, or null to advise without one
   * @param statements the workload's statements ({@link #workload})
   * @param executions the executions of the statement logs, in file order, for N+1 and caching; empty
   *     for none
   * @param settings the thresholds
   * @return the advice
   * @throws org.loadcast.profile.InputException if the server cannot plan a statement or build a
   *     candidate; the message names the statement
   */
  public static Result advise(AdvisorSession session, List<Statement> statements, List<StatementExecution> executions,
      Settings settings) {
    List<Recommendation> warnings = new ArrayList<>();
    List<Recommendation> indexes = new ArrayList<>();
    List<String> ddl = new ArrayList<>();
    WhatIfMethod method = null;
    if (session != null) {
      method = WhatIfCheck.availableMethod(session);
      Map<String, Statement> byFingerprint = new LinkedHashMap<>();
      Map<String, Long> executionsByFingerprint = new TreeMap<>();
      Map<String, Long> writesByTable = new TreeMap<>();
      List<CandidateCost> costs = new ArrayList<>();
      Map<String, List<ExistingIndex>> existing = new TreeMap<>();
      Map<String, Boolean> indexable = new TreeMap<>();
      for (Statement s : statements) {
        ColumnUsage usage;
        try {
          usage = ColumnUsage.of(s.sql());
        } catch (RuntimeException e) {
          continue; // not parsed: nothing to index; its normalised text still counts in N+1 and caching
        }
        usage.tablesWritten().forEach(t -> writesByTable.merge(t, s.executions(), Long::sum));
        if (usage.kind() == StatementKind.INSERT || usage.kind() == StatementKind.OTHER) {
          continue;
        }
        byFingerprint.put(s.normalized().fingerprint(), s);
        executionsByFingerprint.put(s.normalized().fingerprint(), s.executions());
        StatementPlan plan = PlanReader.analyse(session, s.sql(), settings.checks());
        for (PlanFinding f : plan.findings()) {
          warnings.add(new Recommendation(RecommendationKind.PLAN_WARNING, s.normalized().text(),
              new Evidence(f.summary(), Map.of("tableRows", f.tableRows(), "keptRows", f.keptRows())),
              plan.root().totalCost(), null, null, null, null));
        }
        Set<String> tables = new LinkedHashSet<>(usage.tablesRead());
        for (String table : tables) {
          existing.computeIfAbsent(table, t -> ExistingIndexes.of(session, t));
        }
        List<ExistingIndex> known = tables.stream().flatMap(t -> existing.get(t).stream()).toList();
        for (IndexCandidate candidate : IndexCandidates.forStatement(usage, known)) {
          if (!indexable.computeIfAbsent(candidate.table(), t -> ExistingIndexes.indexable(session, t))) {
            continue; // a view, a catalog table or a relation that does not exist: no index to build on it
          }
          WhatIfCost cost = WhatIfCheck.cost(session, s.sql(), withoutConcurrently(candidate.ddl()), candidate.table(),
              method);
          if (cost.costBefore() > 0) {
            costs.add(new CandidateCost(s.normalized().fingerprint(), candidate, cost.costBefore(), cost.costAfter()));
          }
        }
      }
      for (IndexChoice choice : IndexSelection.choose(costs, executionsByFingerprint, writesByTable,
          settings.maintenanceCostPerWrite())) {
        ddl.add(choice.candidate().ddl());
        for (CandidateCost served : choice.served()) {
          Statement s = byFingerprint.get(served.fingerprint());
          Recommendation r = Recommendation.index(choice, served, s.normalized().text(), s.executions());
          double saving = s.totalMillis() * served.cutFraction();
          indexes.add(Double.isFinite(saving) ? new Recommendation(r.kind(), r.statement(), r.evidence(), r.costBefore(),
              r.costAfter(), r.ddl(), r.rewrite(), saving) : r);
        }
      }
    }
    List<Recommendation> all = new ArrayList<>(warnings);
    all.addAll(indexes);
    new NPlusOneDetector(settings.nPlusOne()).summarize(executions).forEach(p -> all.add(Recommendation.nPlusOne(p)));
    CachingCandidates.find(executions, settings.maxWriteShareFraction()).forEach(c -> all.add(Recommendation.cache(c)));
    return new Result(new DbAdvice(DbAdvice.FORMAT_VERSION, all), List.copyOf(ddl), method, statements);
  }

  /** Returns a CREATE INDEX statement without CONCURRENTLY, which a what-if transaction cannot run. */
  static String withoutConcurrently(String createIndex) {
    return createIndex.replaceFirst("(?i)\\bINDEX\\s+CONCURRENTLY\\b", "INDEX");
  }

  /**
   * Returns a statement with PostgreSQL's {@code $n} markers (as {@code pg_stat_statements} shows
   * them) as JDBC's {@code ?}, so that it shares its fingerprint with the same statement in a JDBC
   * log; markers inside strings, quoted names and comments stay.
   */
  static String questionMarks(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      int end = SqlLexer.skip(sql, i);
      if (end == i + 1 && sql.charAt(i) == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
        int j = i + 1;
        while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
          j++;
        }
        out.append('?');
        i = j;
      } else {
        out.append(sql, i, end);
        i = end;
      }
    }
    return out.toString();
  }

  /** Returns the recommendations of a kind, in order. */
  public static List<Recommendation> ofKind(Collection<Recommendation> recommendations, RecommendationKind kind) {
    return recommendations.stream().filter(r -> r.kind() == kind).toList();
  }

  /** Returns a one-line summary, e.g. "2 indexes, 1 N+1 loop, 1 caching candidate, 3 plan warnings". */
  public static String summary(DbAdvice advice) {
    List<Recommendation> r = advice.recommendations();
    return String.format(Locale.ROOT, "%d index recommendation(s), %d N+1 loop(s), %d caching candidate(s), %d plan warning(s)",
        ofKind(r, RecommendationKind.INDEX).size(), ofKind(r, RecommendationKind.N_PLUS_ONE).size(),
        ofKind(r, RecommendationKind.CACHE).size(), ofKind(r, RecommendationKind.PLAN_WARNING).size());
  }
}
