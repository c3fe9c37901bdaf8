package org.loadcast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.sim.ElasticityMetrics;
import org.loadcast.sim.SimulationTotals;

/**
 * The report's figures formatted for people, with {@link Locale#ROOT}, and the winner of each
 * criterion. The template only places these strings; it computes nothing.
 *
 * @param rows one row per policy, in the experiment's order
 * @param verdicts one sentence per policy after the first, comparing it with the first
 * @param probe the probe's steps, empty without a load test
 * @param frontierVerdicts one sentence per policy comparing its cost-versus-SLO frontier with the
 *     reference's; empty without frontiers or reference
 * @param frontierRows every run of every policy's sweep, by policy then knob value; empty without frontiers
 * @param forecastRows the methods then the baselines of the forecast evaluation; empty without one
 * @param winners the winner of each criterion of the verdict table, in the table's order; empty with
 *     one policy
 * @param bucketMinutes minutes per point of the timeline charts ({@link Downsampling}); 1 when
 *     every minute is drawn
 * @param forecastChart whether the forecast evaluation kept its horizon's series, for the
 *     forecast-against-actual chart
 * @param dashboardBucketSeconds seconds per point of the static dashboard's charts; 1 when every
 *     second is drawn or there is no load test
 */
public record ReportView(List<PolicyRow> rows, List<String> verdicts, List<ProbeRow> probe, List<String> frontierVerdicts,
    List<FrontierRow> frontierRows, List<ForecastRow> forecastRows, List<Winner> winners, int bucketMinutes,
    boolean forecastChart, int dashboardBucketSeconds) {

  /** The criteria of the verdict table; lower is better for each. */
  enum Criterion {
    VIOLATION_MINUTES("Fewest SLO-violation minutes", SimulationTotals::sloViolationMinutesPercent,
        t -> t.sloViolationMinutes() + " min (" + fixed(t.sloViolationMinutesPercent(), 2) + " %)"),
    VIOLATION_REQUESTS("Fewest requests over the SLO or dropped", SimulationTotals::sloViolationRequestsPercent,
        t -> fixed(t.sloViolationRequestsPercent(), 3) + " %"),
    DROPPED("Fewest dropped requests", t -> t.dropped(), t -> Long.toString(t.dropped())),
    P95("Lowest p95 latency", t -> nanToMax(t.p95LatencyMillis()), t -> fixed(t.p95LatencyMillis(), 1) + " ms"),
    P99("Lowest p99 latency", t -> nanToMax(t.p99LatencyMillis()), t -> fixed(t.p99LatencyMillis(), 1) + " ms"),
    INSTANCE_HOURS("Fewest instance-hours", SimulationTotals::instanceHours, t -> fixed(t.instanceHours(), 1)),
    COST("Lowest cost", SimulationTotals::cost, t -> fixed(t.cost(), 2));

    private final String label;
    private final ToDoubleFunction<SimulationTotals> value;
    private final java.util.function.Function<SimulationTotals, String> text;

    Criterion(String label, ToDoubleFunction<SimulationTotals> value, java.util.function.Function<SimulationTotals, String> text) {
      this.label = label;
      this.value = value;
      this.text = text;
    }

    private static double nanToMax(double v) {
      return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }
  }

  /**
   * The elasticity columns; lower is better for each but jitter (closest to 0) and elastic speedup
   * (higher).
   */
  enum ElasticityCriterion {
    THETA_U(ElasticityMetrics::thetaUPercent),
    THETA_O(ElasticityMetrics::thetaOPercent),
    TAU_U(ElasticityMetrics::tauUPercent),
    TAU_O(ElasticityMetrics::tauOPercent),
    INSTABILITY(ElasticityMetrics::instabilityPercent),
    JITTER(m -> Math.abs(m.jitterPerHour()));

    private final ToDoubleFunction<ElasticityMetrics> value;

    ElasticityCriterion(ToDoubleFunction<ElasticityMetrics> value) {
      this.value = value;
    }
  }

  static ReportView of(RunReport report) {
    List<PolicyRow> rows = new ArrayList<>();
    for (PolicyOutcome outcome : report.policies()) {
      Set<String> best = winnersFor(report, outcome);
      best.addAll(elasticityWinnersFor(report, outcome));
      rows.add(PolicyRow.of(report, outcome, best));
    }
    List<String> frontierVerdicts = report.frontiers().map(f -> f.verdicts().stream().map(FrontierVerdict::sentence).toList())
        .orElse(List.of());
    List<FrontierRow> frontierRows = new ArrayList<>();
    report.frontiers().ifPresent(f -> f.policies().forEach(c -> c.points().forEach(p -> frontierRows.add(FrontierRow.of(c, p)))));
    List<ForecastRow> forecastRows = new ArrayList<>();
    report.forecast().ifPresent(e -> {
      e.methods().forEach(m -> forecastRows.add(ForecastRow.of(m.score(), fixed(m.ratioToBetterBaseline(), 3),
          m.meetsGoal() ? "met" : "missed")));
      forecastRows.add(ForecastRow.of(e.naive(), "", "baseline"));
      forecastRows.add(ForecastRow.of(e.seasonalNaive(), "", "baseline"));
    });
    return new ReportView(rows, verdicts(report), probeRows(report), frontierVerdicts, frontierRows, forecastRows,
        winners(report), Downsampling.of(report.policies().get(0).result().minutes().size()).bucketPoints(),
        report.forecast().filter(f -> f.horizon().actualRatePerSecond().length > 0).isPresent(),
        Downsampling.of(report.loadTest().map(lt -> lt.dashboard().size()).orElse(0)).bucketPoints());
  }

  /**
   * Returns the winner of each criterion: the policies with the best value (several on a tie; "all
   * policies" when every one has it), that value, and the others' values from best to worst.
   */
  static List<Winner> winners(RunReport report) {
    List<Winner> winners = new ArrayList<>();
    if (report.policies().size() < 2) {
      return winners;
    }
    for (Criterion c : Criterion.values()) {
      List<PolicyOutcome> sorted = report.policies().stream()
          .sorted(java.util.Comparator.comparingDouble(p -> c.value.applyAsDouble(p.result().totals()))).toList();
      double best = c.value.applyAsDouble(sorted.get(0).result().totals());
      List<String> names = sorted.stream().filter(p -> c.value.applyAsDouble(p.result().totals()) == best)
          .map(PolicyOutcome::name).toList();
      String others = sorted.stream().filter(p -> c.value.applyAsDouble(p.result().totals()) != best)
          .map(p -> p.name() + " " + c.text.apply(p.result().totals())).collect(java.util.stream.Collectors.joining(", "));
      winners.add(new Winner(c.label, names.size() == report.policies().size() ? "all policies tie" : String.join(", ", names),
          c.text.apply(sorted.get(0).result().totals()), others));
    }
    // each speedup computes two policies' elasticity metrics over every minute: once per policy
    java.util.Map<String, Double> speedups = new java.util.LinkedHashMap<>();
    report.policies().forEach(p -> report.elasticSpeedup(p).ifPresent(v -> speedups.put(p.name(), v)));
    List<String> withSpeedup = speedups.keySet().stream()
        .sorted(java.util.Comparator.comparingDouble(name -> -speedups.get(name))).toList();
    if (withSpeedup.size() >= 2) {
      double best = speedups.get(withSpeedup.get(0));
      List<String> names = withSpeedup.stream().filter(name -> speedups.get(name) == best).toList();
      String others = withSpeedup.stream().filter(name -> speedups.get(name) != best)
          .map(name -> name + " " + fixed(speedups.get(name), 2))
          .collect(java.util.stream.Collectors.joining(", "));
      winners.add(new Winner("Highest elastic speedup against " + report.elasticityReference().orElseThrow(),
          names.size() == withSpeedup.size() ? "all policies tie" : String.join(", ", names), fixed(best, 2), others));
    }
    return winners;
  }

  /**
   * The winner of one criterion.
   *
   * @param criterion what is compared, such as "Lowest cost"
   * @param policies the best policies, comma-separated, or "all policies tie"
   * @param value the best value, formatted with its unit
   * @param others the other policies with their values, best first; empty on a tie of all
   */
  public record Winner(String criterion, String policies, String value, String others) {}

  private static Set<String> winnersFor(RunReport report, PolicyOutcome outcome) {
    Set<String> won = new TreeSet<>();
    if (report.policies().size() < 2) {
      return won;
    }
    for (Criterion c : Criterion.values()) {
      double best = report.policies().stream().mapToDouble(p -> c.value.applyAsDouble(p.result().totals())).min().orElseThrow();
      if (c.value.applyAsDouble(outcome.result().totals()) == best) {
        won.add(c.name());
      }
    }
    return won;
  }

  private static Set<String> elasticityWinnersFor(RunReport report, PolicyOutcome outcome) {
    Set<String> won = new TreeSet<>();
    Optional<ElasticityMetrics> own = report.elasticity(outcome);
    if (report.policies().size() < 2 || own.isEmpty()) {
      return won;
    }
    for (ElasticityCriterion c : ElasticityCriterion.values()) {
      double best = report.policies().stream().map(report::elasticity).flatMap(Optional::stream)
          .mapToDouble(c.value).min().orElseThrow();
      if (c.value.applyAsDouble(own.get()) == best) {
        won.add(c.name());
      }
    }
    OptionalDouble speedup = report.elasticSpeedup(outcome);
    double bestSpeedup = report.policies().stream().map(report::elasticSpeedup).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).max().orElse(Double.NaN);
    if (speedup.isPresent() && speedup.getAsDouble() == bestSpeedup) {
      won.add("ELASTIC_SPEEDUP");
    }
    return won;
  }

  private static List<String> verdicts(RunReport report) {
    List<String> verdicts = new ArrayList<>();
    SimulationTotals reference = report.policies().get(0).result().totals();
    String referenceName = report.policies().get(0).name();
    for (PolicyOutcome outcome : report.policies().subList(1, report.policies().size())) {
      SimulationTotals t = outcome.result().totals();
      verdicts.add(String.format(Locale.ROOT,
          "%s: %d SLO-violating minutes against %d for %s; requests over the SLO or dropped %.3f %% against %.3f %%; cost %s%.1f %% (%.2f against %.2f).",
          outcome.name(), t.sloViolationMinutes(), reference.sloViolationMinutes(), referenceName,
          t.sloViolationRequestsPercent(), reference.sloViolationRequestsPercent(),
          t.cost() >= reference.cost() ? "+" : "", percentChange(t.cost(), reference.cost()), t.cost(), reference.cost())
          + speedupClause(report, outcome));
    }
    return verdicts;
  }

  private static String speedupClause(RunReport report, PolicyOutcome outcome) {
    OptionalDouble speedup = report.elasticSpeedup(outcome);
    if (speedup.isEmpty() || report.elasticityReference().orElseThrow().equals(outcome.name())) {
      return "";
    }
    // the word follows the figure as shown: 1.004 is "1.00 (equal)", not "better"
    double shown = Math.round(speedup.getAsDouble() * 100) / 100.0;
    return String.format(Locale.ROOT, " Elastic speedup against %s: %.2f (%s).", report.elasticityReference().get(),
        shown, shown > 1 ? "better" : shown < 1 ? "worse" : "equal");
  }

  private static double percentChange(double value, double reference) {
    return reference == 0 ? 0 : 100 * (value - reference) / reference;
  }

  private static List<ProbeRow> probeRows(RunReport report) {
    List<ProbeRow> rows = new ArrayList<>();
    report.loadTest().ifPresent(lt -> lt.calibration().steps().forEach(s -> rows.add(ProbeRow.of(s))));
    return rows;
  }

  static String fixed(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "–";
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    // a small negative value rounds to "-0.0": a sign without a magnitude
    return text.matches("-0\\.?0*") ? text.substring(1) : text;
  }

  /**
   * One policy's figures.
   *
   * @param name the policy
   * @param description its configuration
   * @param violationMinutesPercent share of minutes over the SLO
   * @param violationRequestsPercent share of requests over the SLO or dropped
   * @param dropped dropped requests, and the timed-out ones when the experiment has a request timeout
   * @param p95LatencyMillis whole-run p95
   * @param p99LatencyMillis whole-run p99
   * @param instanceHours provisioned instance-hours
   * @param cost billed instance-hours times price
   * @param scaleActions scale-outs and scale-ins
   * @param thetaUPercent under-provisioning accuracy θU, or "–" when unknown
   * @param thetaOPercent over-provisioning accuracy θO, or "–"
   * @param tauUPercent under-provisioning timeshare τU, or "–"
   * @param tauOPercent over-provisioning timeshare τO, or "–"
   * @param instabilityPercent instability υ, or "–"
   * @param jitterPerHour jitter j, or "–"
   * @param elasticSpeedup elastic speedup ε against the reference policy, or "–"
   * @param best the criteria this policy wins
   */
  public record PolicyRow(
      String name, String description, String violationMinutesPercent, String violationRequestsPercent,
      String dropped, String p95LatencyMillis, String p99LatencyMillis, String instanceHours, String cost,
      String scaleActions, String thetaUPercent, String thetaOPercent, String tauUPercent, String tauOPercent,
      String instabilityPercent, String jitterPerHour, String elasticSpeedup, Set<String> best) {

    static PolicyRow of(RunReport report, PolicyOutcome outcome, Set<String> best) {
      SimulationTotals t = outcome.result().totals();
      Optional<ElasticityMetrics> e = report.elasticity(outcome);
      OptionalDouble speedup = report.elasticSpeedup(outcome);
      return new PolicyRow(outcome.name(), outcome.description(),
          fixed(t.sloViolationMinutesPercent(), 2) + " (" + t.sloViolationMinutes() + " of " + t.minutesWithTraffic() + ")",
          fixed(t.sloViolationRequestsPercent(), 3), t.dropped() + (report.service().requestTimeoutSeconds() == null ? ""
              : " + " + t.timedOut() + " timed out"), fixed(t.p95LatencyMillis(), 1),
          fixed(t.p99LatencyMillis(), 1), fixed(t.instanceHours(), 1), fixed(t.cost(), 2),
          t.scaleOuts() + " out, " + t.scaleIns() + " in",
          elasticity(e, ElasticityMetrics::thetaUPercent, 2), elasticity(e, ElasticityMetrics::thetaOPercent, 2),
          elasticity(e, ElasticityMetrics::tauUPercent, 2), elasticity(e, ElasticityMetrics::tauOPercent, 2),
          elasticity(e, ElasticityMetrics::instabilityPercent, 2), elasticity(e, ElasticityMetrics::jitterPerHour, 2),
          fixed(speedup.orElse(Double.NaN), 2), best);
    }

    private static String elasticity(
        Optional<ElasticityMetrics> metrics, ToDoubleFunction<ElasticityMetrics> value, int decimals) {
      return fixed(metrics.map(value::applyAsDouble).orElse(Double.NaN), decimals);
    }
  }

  /**
   * One probe step.
   *
   * @param offered offered rate per second
   * @param throughput completions per second
   * @param concurrency mean requests in flight
   * @param p50 median latency, ms
   * @param p95 95th percentile, ms
   * @param p99 99th percentile, ms
   * @param little Little's law discrepancy, percent
   * @param status "saturated", "Little's law off by more than 5 %" or "ok"
   */
  public record ProbeRow(String offered, String throughput, String concurrency, String p50, String p95, String p99,
      String little, String status) {

    static ProbeRow of(ProbeStepCheck s) {
      String status = s.failing() ? String.format(Locale.ROOT, "%.1f %% failed: not used", 100 * s.failedFraction())
          : s.saturated() ? "saturated" : s.measurementProblem() ? "Little's law off by more than 5 %: not used" : "ok";
      return new ProbeRow(fixed(s.offeredRatePerSecond(), 1), fixed(s.throughputPerSecond(), 1),
          fixed(s.meanConcurrency(), 2), fixed(s.p50LatencyMillis(), 1), fixed(s.p95LatencyMillis(), 1),
          fixed(s.p99LatencyMillis(), 1), fixed(100 * s.littleDiscrepancyFraction(), 1), status);
    }
  }

  /**
   * One run of a policy's sweep.
   *
   * @param policy the policy
   * @param knob the swept field and its value, such as "targetUtilizationPercent 65"
   * @param cost the run's cost
   * @param violationMinutes its SLO-violation minutes
   * @param instanceHours its instance-hours
   * @param standing "operating point", "frontier" or "dominated", or "operating point, frontier"
   * @param onFrontier whether no other run of the policy dominates it
   */
  public record FrontierRow(String policy, String knob, String cost, String violationMinutes, String instanceHours,
      String standing, boolean onFrontier) {

    static FrontierRow of(CostFrontier frontier, CostFrontier.Point p) {
      boolean on = frontier.frontier().contains(p);
      String standing = (p.operatingPoint() ? "operating point, " : "") + (on ? "on the frontier" : "dominated");
      return new FrontierRow(frontier.policy(), frontier.knob() + " " + number(p.knobValue()), fixed(p.cost(), 2),
          Long.toString(p.sloViolationMinutes()), fixed(p.instanceHours(), 1), standing, on);
    }

    private static String number(double value) {
      return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
  }

  /**
   * One forecaster's accuracy on the run's demand.
   *
   * @param name the method
   * @param mae mean absolute error, requests per second
   * @param smape symmetric MAPE, percent
   * @param mase mean absolute scaled error
   * @param ratio MAE over the better baseline's, empty for a baseline
   * @param goal "met", "missed" or "baseline"
   */
  public record ForecastRow(String name, String mae, String smape, String mase, String ratio, String goal) {
    static ForecastRow of(ForecastEvaluation.Score s, String ratio, String goal) {
      return new ForecastRow(s.name(), fixed(s.maeRequestsPerSecond(), 4), fixed(s.smapePercent(), 2), fixed(s.mase(), 3), ratio, goal);
    }
  }
}
