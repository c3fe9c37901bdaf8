package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses the indexes to build for a whole workload, from what-if plan costs.
 *
 * <p><b>Which candidates qualify</b> (Dexter's rules, github.com/ankane/dexter, as issue 8 states
 * them): a candidate qualifies when it cuts some statement's cost by at least half ({@code costAfter
 * <= 0.5 * costBefore}); a two-column candidate qualifies only when, for some statement, it also
 * halves again the cost under the best single-column candidate measured for that statement ({@code
 * costAfter <= 0.5 * min(costBefore, best single-column costAfter)}).
 *
 * <p><b>Which qualified candidates are chosen</b>: the greedy search of Chaudhuri and Narasayya ("An
 * Efficient, Cost-Driven Index Selection Tool for Microsoft SQL Server", VLDB 1997, section 4),
 * which pganalyze's Index Advisor also applies workload-wide. Each statement's cost is its best cost
 * under the indexes chosen so far. Repeatedly, the candidate with the largest net benefit is added:
 * the sum over statements of {@code executions * max(0, current cost - cost with the candidate)},
 * minus a write penalty of {@code writes on its table * maintenanceCostPerWrite}. The search stops
 * when no candidate has a positive net benefit. Ties go to the candidate that sorts first by table
 * and columns.
 *
 * <p><b>Assumption.</b> The write penalty prices the upkeep of one more index per written row in
 * planner cost units; the default, {@value #DEFAULT_MAINTENANCE_COST_PER_WRITE}, is PostgreSQL's
 * default {@code random_page_cost}: one random index page touched per write. It is a rough charge,
 * not a measurement; HOT updates that touch no indexed column cost less, page splits more.
 */
public final class IndexSelection {
  /** The default maintenance cost of one index per table write, in planner cost units. */
  public static final double DEFAULT_MAINTENANCE_COST_PER_WRITE = 4.0;
  /** A candidate must remove at least this share of a statement's cost. */
  public static final double MIN_CUT_FRACTION = 0.5;

  private IndexSelection() {}

  /**
   * Chooses the indexes.
   *
   * @param costs the what-if costs, at most one per (statement fingerprint, candidate)
   * @param executions how many times each statement ran, by fingerprint; every fingerprint in costs
   *     must appear, with a count >= 0
   * @param writesByTable how many rows the workload wrote to each table (inserts, updates, deletes);
   *     a table not listed has no writes
   * @param maintenanceCostPerWrite the charge per write per index, in planner cost units; >= 0
   * @return the chosen indexes in the order the greedy search took them; empty when no candidate
   *     qualifies or none has a positive net benefit
   * @throws IllegalArgumentException if a (fingerprint, candidate) pair repeats, a statement has two
   *     different costs before, a fingerprint has no execution count, a count is negative, or maintenanceCostPerWrite is negative or not finite
   */
  public static List<IndexChoice> choose(Collection<CandidateCost> costs, Map<String, Long> executions,
      Map<String, Long> writesByTable, double maintenanceCostPerWrite) {
    if (!(maintenanceCostPerWrite >= 0) || Double.isInfinite(maintenanceCostPerWrite)) {
      throw new IllegalArgumentException("maintenanceCostPerWrite must be finite and >= 0, but was "
          + maintenanceCostPerWrite);
    }
    Map<IndexCandidate, Map<String, CandidateCost>> byCandidate = index(costs, executions);
    Map<String, Double> current = new TreeMap<>();
    for (CandidateCost c : costs) {
      Double before = current.putIfAbsent(c.fingerprint(), c.costBefore());
      if (before != null && before != c.costBefore()) {
        throw new IllegalArgumentException("statement " + c.fingerprint() + " has two costs before: " + before + " and "
            + c.costBefore() + " (" + c.candidate() + "); one plan without the index has one cost");
      }
    }
    List<IndexCandidate> remaining = qualified(byCandidate);
    List<IndexChoice> chosen = new ArrayList<>();
    while (true) {
      IndexChoice best = null;
      for (IndexCandidate candidate : remaining) {
        IndexChoice choice = evaluate(candidate, byCandidate.get(candidate), current, executions,
            writesByTable.getOrDefault(candidate.table(), 0L) * maintenanceCostPerWrite);
        if (choice.netBenefit() > 0 && (best == null || choice.netBenefit() > best.netBenefit())) {
          best = choice;
        }
      }
      if (best == null) {
        return chosen;
      }
      chosen.add(best);
      remaining.remove(best.candidate());
      for (CandidateCost served : best.served()) {
        current.put(served.fingerprint(), served.costAfter());
      }
    }
  }

  /**
   * Returns the candidates that pass Dexter's two rules, sorted by table, then columns.
   *
   * @param costs the what-if costs
   * @return the qualifying candidates; empty when none qualifies
   */
  public static List<IndexCandidate> qualifying(Collection<CandidateCost> costs) {
    Map<IndexCandidate, Map<String, CandidateCost>> byCandidate = new LinkedHashMap<>();
    costs.forEach(c -> byCandidate.computeIfAbsent(c.candidate(), k -> new TreeMap<>()).put(c.fingerprint(), c));
    return qualified(byCandidate);
  }

  private static Map<IndexCandidate, Map<String, CandidateCost>> index(Collection<CandidateCost> costs,
      Map<String, Long> executions) {
    Map<IndexCandidate, Map<String, CandidateCost>> byCandidate = new LinkedHashMap<>();
    for (CandidateCost c : costs) {
      Long count = executions.get(c.fingerprint());
      if (count == null || count < 0) {
        throw new IllegalArgumentException("executions of statement " + c.fingerprint() + " must be given and >= 0, but was "
            + count);
      }
      if (byCandidate.computeIfAbsent(c.candidate(), k -> new TreeMap<>()).put(c.fingerprint(), c) != null) {
        throw new IllegalArgumentException("the what-if cost of " + c.candidate() + " for statement " + c.fingerprint()
            + " is given twice");
      }
    }
    return byCandidate;
  }

  private static List<IndexCandidate> qualified(Map<IndexCandidate, Map<String, CandidateCost>> byCandidate) {
    Map<String, Double> bestSingle = new HashMap<>();
    byCandidate.forEach((candidate, costs) -> {
      if (candidate.columns().size() == 1) {
        costs.values().forEach(c -> bestSingle.merge(c.fingerprint(), c.costAfter(), Math::min));
      }
    });
    List<IndexCandidate> kept = new ArrayList<>();
    byCandidate.forEach((candidate, costs) -> {
      boolean passes = costs.values().stream().anyMatch(c -> {
        double bar = candidate.columns().size() == 1
            ? c.costBefore()
            : Math.min(c.costBefore(), bestSingle.getOrDefault(c.fingerprint(), c.costBefore()));
        return c.costAfter() <= (1 - MIN_CUT_FRACTION) * bar;
      });
      if (passes) {
        kept.add(candidate);
      }
    });
    kept.sort(Comparator.comparing(IndexCandidate::table).thenComparing(IndexCandidate::toString));
    return kept;
  }

  private static IndexChoice evaluate(IndexCandidate candidate, Map<String, CandidateCost> costs,
      Map<String, Double> current, Map<String, Long> executions, double penalty) {
    double benefit = 0;
    List<CandidateCost> served = new ArrayList<>();
    for (CandidateCost c : costs.values()) {
      double now = current.get(c.fingerprint());
      if (c.costAfter() < now) {
        benefit += executions.get(c.fingerprint()) * (now - c.costAfter());
        served.add(new CandidateCost(c.fingerprint(), candidate, now, c.costAfter()));
      }
    }
    return new IndexChoice(candidate, benefit, penalty, served);
  }
}
