package org.loadcast.sim;

import java.util.List;

/**
 * The SPEC Research Group elasticity metrics of one run: how far, how long and how steadily the
 * supplied instances followed the demanded ones.
 *
 * <p>Sources: Herbst, Bauer, Kounev et al., "Quantifying Cloud Performance and Dependability:
 * Taxonomy, Metric Design, and Emerging Challenges", ACM TOMPECS 3(4), 2018; Herbst et al.,
 * "Ready for Rain? A View from SPEC Research on the Future of Cloud Metrics", SPEC-RG-2016-01;
 * Bauer, Herbst et al., "Chameleon: A Hybrid, Proactive Auto-Scaling Mechanism on a Level-Playing
 * Field", IEEE TPDS 30(4), 2019. Summarised in {@code ../shared/reference/AUTOSCALING.md} §4.1.
 *
 * <p>With demand {@code d_t} and supply {@code s_t} sampled every {@code Δt} over {@code n} steps,
 * {@code T = n·Δt} and {@code (x)⁺ = max(x, 0)}; {@code s̄_t} is the supply averaged over step
 * {@code t} and {@code s_t} the supply at its end:
 * <pre>
 *   θU = 100/T · Σ_t (d_t − s̄_t)⁺ / max(d_t, 1) · Δt         under-provisioning accuracy, %
 *   θO = 100/T · Σ_t (s̄_t − d_t)⁺ / max(d_t, 1) · Δt         over-provisioning accuracy, %
 *   τU = 100/T · Σ_t [s̄_t &lt; d_t] · Δt                        under-provisioning timeshare, %
 *   τO = 100/T · Σ_t [s̄_t &gt; d_t] · Δt                        over-provisioning timeshare, %
 *   υ  = 100/(T − Δt) · Σ_{t≥2} min(|sgn Δs_t − sgn Δd_t|, 1) · Δt      instability, %
 *   j  = (E_S − E_D) / T                                       jitter, adaptations per hour
 * </pre>
 *
 * <p>Conventions, decided here because the sources leave them open:
 * <ul>
 *   <li><b>Demand-normalised accuracy</b>, as in the paper (not BUNGEE's absolute
 *       instance·time area): θ is the mean missing or surplus supply as a share of demand. A minute
 *       with zero demand is normalised by one instance, so each surplus instance in it counts
 *       100 %; it cannot be under-provisioned.</li>
 *   <li><b>Instability</b> follows the paper's symmetric formula: a step counts when the signs of
 *       the supply change and the demand change differ, including one moving while the other
 *       stays (BUNGEE's code counts only {@code sgn Δs > sgn Δd}). One step gives 0.</li>
 *   <li><b>Jitter</b>: {@code E_S} and {@code E_D} count the steps {@code t ≥ 2} where the supply,
 *       respectively the demand, changed. Negative: the supply adapts less often than the demand
 *       changes; positive: it oscillates. Per hour, where BUNGEE reports per minute.</li>
 *   <li><b>Which supply.</b> Accuracy and timeshare take the supply averaged over each step, so
 *       that they measure areas exactly. Instability and jitter take the supply sampled at the
 *       end of each step, as the paper samples {@code s_t}: the change of an average counts a
 *       scaling step that falls inside a step twice (2 → 2.5 → 3 for one step from 2 to 3), and
 *       these two metrics count changes.</li>
 *   <li>Supply and demand closer than {@value #EQUAL_WITHIN_INSTANCES} instances count as equal,
 *       so that rounding in a time-averaged supply is not read as a change.</li>
 * </ul>
 * All metrics but jitter are in [0, 100], lower is better, 0 is perfect; jitter is best at 0.
 *
 * @param thetaUPercent under-provisioning accuracy θU: mean missing supply as a percentage of
 *     demand, in [0, 100] (a step misses at most all of its demand)
 * @param thetaOPercent over-provisioning accuracy θO: mean surplus supply as a percentage of
 *     demand, &gt;= 0, unbounded above
 * @param tauUPercent under-provisioning timeshare τU: share of time with supply below demand, in
 *     [0, 100]
 * @param tauOPercent over-provisioning timeshare τO: share of time with supply above demand, in
 *     [0, 100]
 * @param instabilityPercent instability υ: share of steps where supply and demand do not move in
 *     the same direction, in [0, 100]
 * @param jitterPerHour jitter j: supply adaptations minus demand changes per hour, finite
 */
public record ElasticityMetrics(double thetaUPercent, double thetaOPercent, double tauUPercent,
    double tauOPercent, double instabilityPercent, double jitterPerHour) {

  /** Supply and demand closer than this, in instances, count as equal. */
  public static final double EQUAL_WITHIN_INSTANCES = 1e-6;

  /**
   * The smoothing added to both sides of every ratio in {@link #elasticSpeedup}, in percentage
   * points: one point, about 14 minutes of a day in a timeshare.
   */
  public static final double SPEEDUP_SMOOTHING_PERCENT = 1;

  /**
   * Validates the metrics.
   *
   * @throws IllegalArgumentException if a percentage is not finite or below 0, or if θU, a
   *     timeshare or the instability is above 100, or if the jitter is not finite
   */
  public ElasticityMetrics {
    requirePercent("thetaUPercent", thetaUPercent, 100);
    requirePercent("thetaOPercent", thetaOPercent, Double.POSITIVE_INFINITY);
    requirePercent("tauUPercent", tauUPercent, 100);
    requirePercent("tauOPercent", tauOPercent, 100);
    requirePercent("instabilityPercent", instabilityPercent, 100);
    if (!Double.isFinite(jitterPerHour)) {
      throw new IllegalArgumentException("jitterPerHour must be finite, but was " + jitterPerHour);
    }
  }

  /**
   * Computes the metrics of a supply series sampled at the same instants as the demand: the same
   * series serves as the averaged and the sampled supply.
   *
   * @param supplyInstances the supplied (ready) instances per step, in time order; each finite
   *     and &gt;= 0
   * @param demandInstances the demanded instances per step: the fewest that meet the SLO; each
   *     &gt;= 0; as many as the supply
   * @param stepSeconds the sampling step Δt, in seconds, finite and &gt; 0
   * @return the metrics; for a single step, instability and jitter are 0
   * @throws IllegalArgumentException if a series is empty, if their sizes differ, if a value is
   *     negative or not finite, or if {@code stepSeconds} is not a finite number &gt; 0
   * @throws NullPointerException if a series or one of its values is null
   */
  public static ElasticityMetrics of(
      List<Double> supplyInstances, List<Integer> demandInstances, double stepSeconds) {
    validate("supplyInstances", supplyInstances, demandInstances, stepSeconds);
    return of(supplyInstances, supplyInstances, demandInstances, stepSeconds);
  }

  /**
   * Computes the metrics of a supply against a demand per step: accuracy and timeshare from the
   * supply averaged over each step, instability and jitter from the supply at the end of each step.
   *
   * @param meanSupplyInstances the supplied (ready) instances per step averaged over the step, in
   *     time order; each finite and &gt;= 0
   * @param endSupplyInstances the supplied instances at the end of each step; each finite and
   *     &gt;= 0; as many as the averages
   * @param demandInstances the demanded instances per step: the fewest that meet the SLO; each
   *     &gt;= 0; as many as the supply
   * @param stepSeconds the sampling step Δt, in seconds, finite and &gt; 0
   * @return the metrics; for a single step, instability and jitter are 0
   * @throws IllegalArgumentException if a series is empty, if their sizes differ, if a value is
   *     negative or not finite, or if {@code stepSeconds} is not a finite number &gt; 0
   * @throws NullPointerException if a series or one of its values is null
   */
  public static ElasticityMetrics of(List<Double> meanSupplyInstances, List<Double> endSupplyInstances,
      List<Integer> demandInstances, double stepSeconds) {
    validate("meanSupplyInstances", meanSupplyInstances, demandInstances, stepSeconds);
    validate("endSupplyInstances", endSupplyInstances, demandInstances, stepSeconds);
    int n = meanSupplyInstances.size();
    double underShare = 0;
    double overShare = 0;
    int underSteps = 0;
    int overSteps = 0;
    for (int t = 0; t < n; t++) {
      double gap = meanSupplyInstances.get(t) - demandInstances.get(t);
      double normaliser = Math.max(demandInstances.get(t), 1);
      if (gap < -EQUAL_WITHIN_INSTANCES) {
        underShare += -gap / normaliser;
        underSteps++;
      } else if (gap > EQUAL_WITHIN_INSTANCES) {
        overShare += gap / normaliser;
        overSteps++;
      }
    }
    return new ElasticityMetrics(100 * underShare / n, 100 * overShare / n, 100.0 * underSteps / n,
        100.0 * overSteps / n, instabilityPercent(endSupplyInstances, demandInstances),
        jitterPerHour(endSupplyInstances, demandInstances, n * stepSeconds));
  }

  /**
   * Returns the elastic speedup of this run against a reference run: the geometric mean of the
   * ratios {@code reference / this} of θU, θO, τU, τO and υ (n = 5, as in Chameleon, TPDS 2019;
   * "Ready for Rain" uses the first four). Jitter is left out: it has no "lower is better".
   *
   * <p>A ratio is undefined when a metric is 0, which a good policy reaches easily (never
   * under-provisioned), so every ratio is smoothed, {@code (m_ref + c) / (m + c)} with
   * {@code c = }{@value #SPEEDUP_SMOOTHING_PERCENT} percentage point ({@code AUTOSCALING.md}
   * §4.1, pitfall). This keeps the score continuous: a metric of 0 against 0.25 % gains 1.25, not
   * an unbounded factor; metrics well above one point keep close to their SPEC ratio.
   *
   * @param reference the baseline, such as the reactive HPA, never null
   * @return the speedup, &gt; 0 and finite: above 1 when this run is better than the reference, 1
   *     against itself
   * @throws NullPointerException if {@code reference} is null
   */
  public double elasticSpeedup(ElasticityMetrics reference) {
    return elasticSpeedup(reference, SPEEDUP_SMOOTHING_PERCENT);
  }

  /**
   * Returns the elastic speedup against a reference run with a chosen smoothing; see
   * {@link #elasticSpeedup(ElasticityMetrics)}.
   *
   * @param reference the baseline, never null
   * @param smoothingPercent the constant added to both sides of every ratio, in percentage points,
   *     finite and &gt;= 0; 0 gives the unsmoothed SPEC ratios, and then a 0 metric gives 0 or
   *     infinity (NaN when both sides are 0)
   * @return the speedup, &gt;= 0
   * @throws IllegalArgumentException if {@code smoothingPercent} is negative or not finite
   * @throws NullPointerException if {@code reference} is null
   */
  public double elasticSpeedup(ElasticityMetrics reference, double smoothingPercent) {
    if (!(smoothingPercent >= 0 && Double.isFinite(smoothingPercent))) {
      throw new IllegalArgumentException("smoothingPercent must be finite and >= 0, but was " + smoothingPercent);
    }
    double c = smoothingPercent;
    double product = (reference.thetaUPercent + c) / (thetaUPercent + c)
        * ((reference.thetaOPercent + c) / (thetaOPercent + c))
        * ((reference.tauUPercent + c) / (tauUPercent + c))
        * ((reference.tauOPercent + c) / (tauOPercent + c))
        * ((reference.instabilityPercent + c) / (instabilityPercent + c));
    return Math.pow(product, 1.0 / 5);
  }

  private static double instabilityPercent(List<Double> supply, List<Integer> demand) {
    int n = supply.size();
    if (n < 2) {
      return 0;
    }
    int unstable = 0;
    for (int t = 1; t < n; t++) {
      if (direction(supply.get(t) - supply.get(t - 1)) != direction(demand.get(t) - demand.get(t - 1))) {
        unstable++;
      }
    }
    return 100.0 * unstable / (n - 1);
  }

  private static double jitterPerHour(List<Double> supply, List<Integer> demand, double durationSeconds) {
    int supplyChanges = 0;
    int demandChanges = 0;
    for (int t = 1; t < supply.size(); t++) {
      supplyChanges += direction(supply.get(t) - supply.get(t - 1)) != 0 ? 1 : 0;
      demandChanges += demand.get(t).equals(demand.get(t - 1)) ? 0 : 1;
    }
    return (supplyChanges - demandChanges) / (durationSeconds / 3600);
  }

  /** Returns the sign of a change, with changes within {@link #EQUAL_WITHIN_INSTANCES} as 0. */
  private static int direction(double change) {
    return change > EQUAL_WITHIN_INSTANCES ? 1 : change < -EQUAL_WITHIN_INSTANCES ? -1 : 0;
  }

  private static void validate(String name, List<Double> supply, List<Integer> demand, double stepSeconds) {
    if (supply.isEmpty()) {
      throw new IllegalArgumentException(name + " must hold at least one step, but was empty");
    }
    if (demand.size() != supply.size()) {
      throw new IllegalArgumentException("demandInstances must hold as many steps as " + name + " ("
          + supply.size() + "), but held " + demand.size());
    }
    if (!(stepSeconds > 0 && Double.isFinite(stepSeconds))) {
      throw new IllegalArgumentException("stepSeconds must be finite and > 0, but was " + stepSeconds);
    }
    for (int t = 0; t < supply.size(); t++) {
      if (!(supply.get(t) >= 0 && Double.isFinite(supply.get(t)))) {
        throw new IllegalArgumentException(name + "[" + t + "] must be finite and >= 0, but was " + supply.get(t));
      }
      if (demand.get(t) < 0) {
        throw new IllegalArgumentException("demandInstances[" + t + "] must be >= 0, but was " + demand.get(t));
      }
    }
  }

  private static void requirePercent(String name, double value, double max) {
    if (!(value >= 0 && value <= max && Double.isFinite(value))) {
      String range = max == Double.POSITIVE_INFINITY ? ">= 0" : "in [0, " + (int) max + "]";
      throw new IllegalArgumentException(name + " must be finite and " + range + ", but was " + value);
    }
  }
}
