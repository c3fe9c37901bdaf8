package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds SELECTs worth caching: the same normalised statement run again with the same parameters, on
 * tables the workload rarely writes.
 *
 * <p>A table is read-mostly when the statements that write it (INSERT, UPDATE, DELETE) are fewer than
 * {@code maxWriteShareFraction} of all statements that touch it (default 0.05, that is 5 %). The hit
 * ratio is the best case, an unbounded cache that never expires: every execution after the first of
 * each distinct parameter set is a hit, so {@code hitRatio = 1 - distinct / executions}, and the time
 * saved is {@code hits * meanDuration} (the cache lookup itself counted as free).
 *
 * <p>Statements JSqlParser cannot parse are left out (their tables are unknown). Thread-safe: each
 * call keeps its state to itself.
 */
public final class CachingCandidates {
  /** The default largest share of writes among the statements touching a read-mostly table. */
  public static final double DEFAULT_MAX_WRITE_SHARE = 0.05;

  private CachingCandidates() {}

  /**
   * Returns the caching candidates of a workload.
   *
   * @param executions the statement executions, from any source
   * @param maxWriteShareFraction a table is read-mostly when its writing statements are fewer than this
   *     share of the statements touching it; in (0, 1]
   * @return the candidates, largest {@code savedMillis} first (ties by statement); empty when no read
   *     repeats with the same parameters on read-mostly tables
   * @throws IllegalArgumentException if maxWriteShareFraction is outside (0, 1]
   */
  public static List<CachingCandidate> find(List<StatementExecution> executions, double maxWriteShareFraction) {
    if (!(maxWriteShareFraction > 0 && maxWriteShareFraction <= 1)) {
      throw new IllegalArgumentException("maxWriteShareFraction must be in (0, 1], but was " + maxWriteShareFraction);
    }
    StatementShapes shapes = new StatementShapes();
    Map<String, long[]> tableTouches = new LinkedHashMap<>();
    Map<String, Reads> reads = new LinkedHashMap<>();
    for (StatementExecution e : executions) {
      StatementShapes.Shape shape = shapes.of(e.sql());
      Optional<ColumnUsage> usage = shape.usage();
      if (usage.isEmpty()) {
        continue;
      }
      Set<String> touched = new HashSet<>(usage.get().tablesRead());
      touched.addAll(usage.get().tablesWritten());
      for (String table : touched) {
        long[] counts = tableTouches.computeIfAbsent(table, t -> new long[2]);
        counts[0]++;
        if (usage.get().tablesWritten().contains(table)) {
          counts[1]++;
        }
      }
      if (usage.get().kind() == StatementKind.SELECT && !usage.get().tablesRead().isEmpty()) {
        reads.computeIfAbsent(shape.normalized().fingerprint(), f -> new Reads(shape.normalized(), usage.get().tablesRead()))
            .add(e);
      }
    }
    List<CachingCandidate> candidates = new ArrayList<>();
    for (Reads r : reads.values()) {
      boolean readMostly = r.tables.stream().allMatch(t -> {
        long[] counts = tableTouches.get(t);
        return counts[1] < maxWriteShareFraction * counts[0];
      });
      long distinct = r.parameterSets.size();
      if (readMostly && distinct < r.executions) {
        double mean = r.totalMicros / 1000.0 / r.executions;
        candidates.add(new CachingCandidate(r.statement.text(), r.statement.fingerprint(), r.tables, r.executions,
            distinct, 1 - (double) distinct / r.executions, mean, (r.executions - distinct) * mean));
      }
    }
    candidates.sort(Comparator.comparingDouble(CachingCandidate::savedMillis).reversed()
        .thenComparing(CachingCandidate::statement));
    return candidates;
  }

  /** The executions of one normalised SELECT. */
  private static final class Reads {
    final NormalizedSql statement;
    final List<String> tables;
    final Set<List<String>> parameterSets = new HashSet<>();
    long executions;
    long totalMicros;

    Reads(NormalizedSql statement, List<String> tables) {
      this.statement = statement;
      this.tables = tables;
    }

    void add(StatementExecution e) {
      List<String> key = new ArrayList<>();
      key.add(e.sql().strip());
      key.addAll(e.params());
      parameterSets.add(key);
      executions++;
      totalMicros += e.durationMicros();
    }
  }
}
