package org.loadcast.dbadvisor;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One record of {@code dbadvice.json} (schema: {@code org/loadcast/dbadvisor/dbadvice.schema.json}).
 *
 * @param kind what is recommended
 * @param statement the normalised statement it concerns
 * @param evidence why, with figures
 * @param costBefore the statement's planner cost now, in PostgreSQL cost units; null when no plan was
 *     costed
 * @param costAfter the planner cost with the change; null when not costed
 * @param ddl the DDL to run (INDEX); null for other kinds
 * @param rewrite the rewritten statement or the change to make (N_PLUS_ONE, CACHE, PLAN_WARNING); null
 *     for INDEX
 * @param estimatedSavingMillis the database time the change would save per run of the workload that
 *     was analysed, in milliseconds; null when it cannot be estimated in time (planner costs alone)
 */
public record Recommendation(RecommendationKind kind, String statement, Evidence evidence, Double costBefore,
    Double costAfter, String ddl, String rewrite, Double estimatedSavingMillis) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if kind, statement or evidence is missing; an INDEX has no ddl; a
   *     number is negative or not finite
   */
  public Recommendation {
    if (kind == null || statement == null || statement.isBlank() || evidence == null) {
      throw new IllegalArgumentException("kind, statement and evidence are required");
    }
    if (kind == RecommendationKind.INDEX && (ddl == null || ddl.isBlank())) {
      throw new IllegalArgumentException("an INDEX recommendation needs its ddl");
    }
    check("costBefore", costBefore);
    check("costAfter", costAfter);
    check("estimatedSavingMillis", estimatedSavingMillis);
  }

  private static void check(String name, Double value) {
    if (value != null && (!(value >= 0) || value.isInfinite())) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, but was " + value);
    }
  }

  /**
   * Returns the recommendation for one chosen index and one statement it serves.
   *
   * @param choice the chosen index
   * @param served the statement's what-if cost under it; one of {@code choice.served()}
   * @param statement the statement's normalised text
   * @param executions how many times the statement ran
   */
  public static Recommendation index(IndexChoice choice, CandidateCost served, String statement, long executions) {
    Map<String, Double> figures = new TreeMap<>();
    figures.put("executions", (double) executions);
    figures.put("costCutFraction", served.cutFraction());
    figures.put("workloadBenefitCost", choice.benefit());
    figures.put("writePenaltyCost", choice.writePenalty());
    String text = String.format(Locale.ROOT, "%s cuts the statement's planner cost from %.2f to %.2f (%.0f %%) over %d "
        + "executions", choice.candidate(), served.costBefore(), served.costAfter(), 100 * served.cutFraction(), executions);
    return new Recommendation(RecommendationKind.INDEX, statement, new Evidence(text, figures), served.costBefore(),
        served.costAfter(), choice.candidate().ddl(), null, null);
  }

  /** Returns the recommendation for an N+1 pattern. */
  public static Recommendation nPlusOne(NPlusOnePattern pattern) {
    Map<String, Double> figures = new TreeMap<>();
    figures.put("requestsWithPattern", (double) pattern.requestsWithPattern());
    figures.put("requestsOfName", (double) pattern.requestsOfName());
    figures.put("medianRunLength", pattern.medianRunLength());
    figures.put("totalMillis", pattern.totalMillis());
    String text = String.format(Locale.ROOT, "in %d of %d '%s' requests, the statement ran %.1f times in a row (median) "
        + "after: %s", pattern.requestsWithPattern(), pattern.requestsOfName(),
        pattern.requestName() == null ? "unnamed" : pattern.requestName(),
        pattern.medianRunLength(), pattern.sourceStatement());
    return new Recommendation(RecommendationKind.N_PLUS_ONE, pattern.repeatedStatement(), new Evidence(text, figures),
        null, null, null, pattern.rewrite().text(), pattern.avoidableMillis());
  }

  /** Returns the recommendation for a caching candidate. */
  public static Recommendation cache(CachingCandidate candidate) {
    Map<String, Double> figures = new TreeMap<>();
    figures.put("executions", (double) candidate.executions());
    figures.put("distinctParameterSets", (double) candidate.distinctParameterSets());
    figures.put("hitRatioFraction", candidate.hitRatio());
    figures.put("meanDurationMillis", candidate.meanDurationMillis());
    String text = String.format(Locale.ROOT, "%d executions with only %d distinct parameter sets on read-mostly %s",
        candidate.executions(), candidate.distinctParameterSets(), String.join(", ", candidate.tables()));
    String rewrite = String.format(Locale.ROOT, "cache the result by (statement, parameters); best-case hit ratio %.2f",
        candidate.hitRatio());
    return new Recommendation(RecommendationKind.CACHE, candidate.statement(), new Evidence(text, figures), null, null,
        null, rewrite, candidate.savedMillis());
  }
}
