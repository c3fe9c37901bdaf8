package org.loadcast.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.loadcast.hotspot.FlameGraphPage;
import org.loadcast.results.ResultFiles;
import org.loadcast.sim.ElasticityMetrics;

/**
 * Writes a run's report directory: {@code summary.json}, its JSON Schema
 * {@code summary.schema.json}, {@code index.html} and one CSV per series under {@code series/}
 * ({@link SeriesExport}).
 *
 * <p>Each file is written to a temporary file in the directory and moved into place, so a failure
 * leaves no half-written file. The HTML comes from a Pebble template with auto-escaping on, and
 * embeds uPlot from its webjar, so it opens offline from {@code file://}.
 */
public final class ReportWriter {
  /** Where uPlot lies in its webjar on the classpath; the pages inline its script and style from there. */
  public static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  /**
   * The JSON Schema (draft 2020-12) of {@code summary.json}, on the classpath; a copy is written
   * next to each summary so that a report directory documents itself offline.
   */
  public static final String SUMMARY_SCHEMA = "org/loadcast/report/summary.schema.json";
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final ObjectMapper SCRIPT_JSON = JsonMapper.builder().build();
  static final PebbleEngine PEBBLE = new PebbleEngine.Builder()
      .loader(classpathLoader())
      .autoEscaping(true)
      .strictVariables(true)
      .defaultLocale(Locale.ROOT)
      .build();

  private ReportWriter() {}

  private static ClasspathLoader classpathLoader() {
    ClasspathLoader loader = new ClasspathLoader(ReportWriter.class.getClassLoader());
    loader.setPrefix("org/loadcast/report");
    return loader;
  }

  /**
   * Writes the report: {@code summary.json} and its schema, the series CSVs, the flame graph when the
   * system under test was profiled, and {@code index.html}. Every file is rendered in memory before the first is written, so a template
   * or data error writes nothing; each file then goes to a temporary file and is moved into place.
   *
   * @param report the run
   * @param directory the report directory; created if absent
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(RunReport report, Path directory) {
    try {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("summary.json", summaryJson(report));
      files.put("summary.schema.json", resource(SUMMARY_SCHEMA));
      files.putAll(SeriesExport.of(report));
      report.loadTest().map(LoadTestSummary::hotspots).filter(h -> h.flameGraphFile() != null).ifPresent(h ->
          files.put(h.flameGraphFile(), FlameGraphPage.render(h.code().foldedStacks(),
              "Flame graph: " + h.code().source().split(",")[0] + ", " + h.code().methods().samples() + " samples")));
      files.put("index.html", html(report));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns {@code summary.json}: the experiment, the seed and one entry per policy. It holds no
   * time or path of the machine, so the same inputs and seed give the same bytes.
   *
   * @param report the run
   * @return the JSON text, ending with a newline
   */
  public static String summaryJson(RunReport report) throws IOException {
    return JSON.writeValueAsString(Summary.of(report)) + "\n";
  }

  /**
   * Returns the file-name prefix of a policy's series: its position from 1 and a file-safe form of
   * its name, such as {@code 1-reactive-hpa}.
   */
  static String policyFilePrefix(int index, String policyName) {
    return String.format(Locale.ROOT, "%d-%s", index + 1, policyName.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  private static String html(RunReport report) throws IOException {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("report", report);
    context.put("view", ReportView.of(report));
    return renderChartPage("index.peb", context, ChartData.of(report));
  }

  /**
   * Renders one of the report package's Pebble templates (auto-escaping on) with {@link Locale#ROOT}.
   *
   * @param template the template's name, such as {@code dbadvice.peb}
   * @param context the template's variables
   * @return the rendered text
   * @throws IOException if the template cannot be read or rendered
   */
  static String render(String template, Map<String, Object> context) throws IOException {
    StringWriter out = new StringWriter();
    PEBBLE.getTemplate(template).evaluate(out, context, Locale.ROOT);
    return out.toString();
  }

  /**
   * Renders a page with charts: the context plus {@code chartData} (the data as script-safe JSON,
   * {@link #scriptJson}) and uPlot's script and styles to inline ({@code uplotJs}, {@code uplotCss}).
   *
   * @param template the template's name
   * @param context the template's other variables; not changed
   * @param chartData what the page's charts draw, serialised as JSON
   * @return the rendered page
   * @throws IOException if a template or resource cannot be read or rendered
   */
  static String renderChartPage(String template, Map<String, Object> context, Object chartData) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>(context);
    all.put("chartData", scriptJson(chartData));
    all.put("uplotJs", resource(UPLOT + "uPlot.iife.min.js"));
    all.put("uplotCss", resource(UPLOT + "uPlot.min.css"));
    return render(template, all);
  }

  /**
   * Returns JSON safe to place inside a {@code <script>} element: '<', '>' and '&' are written as
   * Unicode escapes, so no value can close the element.
   */
  static String scriptJson(Object value) throws IOException {
    return SCRIPT_JSON.writer().with(new ScriptEscapes()).writeValueAsString(value);
  }

  /**
   * Returns a UTF-8 text resource from the classpath, such as a template's script or uPlot.
   *
   * @param name the resource's path, without a leading slash
   * @return its text
   * @throws IOException if it is not on the classpath or cannot be read
   */
  public static String resource(String name) throws IOException {
    try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("the resource " + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Escapes the characters that could end a script element or start markup. */
  private static final class ScriptEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    ScriptEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch));
    }
  }

  /** The shape of {@code summary.json}; {@code summary.schema.json} documents it and must change with it. */
  record Summary(@JsonInclude(JsonInclude.Include.NON_NULL) Boolean partial,
      @JsonInclude(JsonInclude.Include.NON_NULL) LoadTestInterruption interruption, String experiment, long seed, Map<String, Object> slo, ServiceSummary serviceModel,
      Map<String, Object> elasticity, List<PolicySummary> policies, FrontierSummary frontier, ForecastSummary forecast,
      @JsonInclude(JsonInclude.Include.NON_NULL) CalibrationSummary calibration,
      @JsonInclude(JsonInclude.Include.NON_NULL) FidelitySummary fidelity,
      @JsonInclude(JsonInclude.Include.NON_NULL) CapacitySummary capacity) {

    static Summary of(RunReport report) {
      Map<String, Object> slo = new LinkedHashMap<>();
      slo.put("percentile", report.slo().percentile());
      slo.put("latencyMillis", report.slo().latencyMillis());
      Map<String, Object> elasticity = new LinkedHashMap<>();
      elasticity.put("reference", report.elasticityReference().orElse(null));
      elasticity.put("stepSeconds", RunReport.ELASTICITY_STEP_SECONDS);
      elasticity.put("demandedInstances", report.demanded().basis());
      List<PolicySummary> policies = new ArrayList<>();
      for (PolicyOutcome outcome : report.policies()) {
        policies.add(PolicySummary.of(report, outcome));
      }
      LoadTestInterruption interruption = report.loadTest().map(LoadTestSummary::interruption).orElse(null);
      return new Summary(interruption == null ? null : Boolean.TRUE, interruption, report.experiment(), report.seed(), slo, report.service(), elasticity, policies,
          report.frontiers().map(FrontierSummary::of).orElse(null), report.forecast().map(ForecastSummary::of).orElse(null),
          report.calibration().orElse(null), report.loadTest().map(lt -> FidelitySummary.of(lt.fidelity())).orElse(null),
          CapacitySummary.of(report));
    }
  }

  /**
   * The capacity plan in {@code summary.json}: the fields of {@code loadcast capacity}'s {@code
   * capacity.json} ({@link CapacityReport}) that the report shows, without the daily series, which
   * {@code runway.csv} holds. Null when the experiment has no {@code growth} section.
   *
   * @param computed whether the plan was computed
   * @param notComputedReason why not, such as too few daily peaks for the growth method; null when computed
   * @param runwayKind {@code reached}, {@code not-reached} or {@code infeasible}; null when not computed
   * @param runwayDate the first day whose upper peak needs more than growth.maxInstances; null unless reached
   * @param runwayReason the runway in one sentence; null when not computed
   * @param serviceModelOrigin the service model the plan sizes with; null when not computed
   * @param demandScale the factor from the profile's rate to the experiment's demand; null when not computed
   * @param perInstanceCapacityPerSecond one instance's simulated capacity at the SLO, requests per second
   * @param perInstanceErlangCapacityPerSecond its M/M/k capacity at the SLO, requests per second
   * @param fleetCapacityPerSecond maxInstances × the simulated capacity, requests per second
   * @param fleetSplitCapacityPerSecond maxInstances × the M/M/k capacity, requests per second
   * @param growth the growth settings and fitted trend; null when not computed
   * @param plan the monthly plan, in date order; empty when not computed
   * @param sizing the sizing table; empty when not computed
   */
  record CapacitySummary(boolean computed, String notComputedReason, String runwayKind, String runwayDate,
      String runwayReason, String serviceModelOrigin, Double demandScale, Double perInstanceCapacityPerSecond,
      Double perInstanceErlangCapacityPerSecond, Double fleetCapacityPerSecond, Double fleetSplitCapacityPerSecond,
      CapacityReport.Growth growth, List<CapacityReport.PlanRow> plan, List<CapacityReport.SizingRow> sizing) {

    static CapacitySummary of(RunReport report) {
      if (report.capacityNotComputed().isPresent()) {
        return new CapacitySummary(false, report.capacityNotComputed().get(), null, null, null, null, null, null, null,
            null, null, null, List.of(), List.of());
      }
      return report.capacity().map(c -> new CapacitySummary(true, null, c.runwayKind(), c.runwayDate(), c.runwayReason(),
          c.serviceModelOrigin(), c.demandScale(), c.perInstanceCapacityPerSecond(),
          c.perInstanceErlangCapacityPerSecond(), c.fleetCapacityPerSecond(), c.fleetSplitCapacityPerSecond(), c.growth(),
          c.plan(), c.sizing())).orElse(null);
    }
  }

  /**
   * One policy in {@code summary.json}. The elasticity figures ({@link ElasticityMetrics}) are in
   * percent, jitter in adaptations per hour; they are null when the demand is unknown, and
   * {@code elasticSpeedup} also without an HPA policy to compare with. {@code timedOutRequests} is
   * present only with a request timeout, {@code billedInstanceHours} only with a billing granularity
   * or minimum; {@code cost} is always the billed hours times the price.
   */
  record PolicySummary(String name, double sloViolationMinutesPercent, long sloViolationMinutes,
      long minutesWithTraffic, double sloViolationRequestsPercent, long droppedRequests, double instanceHours, double cost, long arrivals, long completed,
      Double p95LatencyMillis, Double p99LatencyMillis, int scaleOuts, int scaleIns, int scalingActions,
      Double thetaU, Double thetaO, Double tauU, Double tauO, Double instability, Double jitter, Double elasticSpeedup,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long timedOutRequests,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double billedInstanceHours) {

    static PolicySummary of(RunReport report, PolicyOutcome outcome) {
      var t = outcome.result().totals();
      Optional<ElasticityMetrics> e = report.elasticity(outcome);
      OptionalDouble speedup = report.elasticSpeedup(outcome);
      return new PolicySummary(outcome.name(), t.sloViolationMinutesPercent(), t.sloViolationMinutes(),
          t.minutesWithTraffic(), t.sloViolationRequestsPercent(), t.dropped(), t.instanceHours(), t.cost(), t.arrivals(), t.completed(), finite(t.p95LatencyMillis()),
          finite(t.p99LatencyMillis()), t.scaleOuts(), t.scaleIns(), t.scaleOuts() + t.scaleIns(),
          e.map(ElasticityMetrics::thetaUPercent).orElse(null), e.map(ElasticityMetrics::thetaOPercent).orElse(null),
          e.map(ElasticityMetrics::tauUPercent).orElse(null), e.map(ElasticityMetrics::tauOPercent).orElse(null),
          e.map(ElasticityMetrics::instabilityPercent).orElse(null), e.map(ElasticityMetrics::jitterPerHour).orElse(null),
          speedup.isPresent() ? speedup.getAsDouble() : null,
          report.service().requestTimeoutSeconds() == null ? null : t.timedOut(),
          report.service().billingGranularitySeconds() == null && report.service().minimumBilledSeconds() == null
              ? null : t.billedInstanceHours());
    }

    private static Double finite(double value) {
      return Double.isNaN(value) ? null : value;
    }
  }

  /**
   * The cost-versus-SLO frontiers in {@code summary.json}: null when the experiment turned them off.
   *
   * @param reference the policy the others are compared with, or null
   * @param policies one entry per policy, in the experiment's order
   */
  record FrontierSummary(String reference, List<PolicyFrontier> policies) {
    static FrontierSummary of(Frontiers frontiers) {
      List<PolicyFrontier> policies = new ArrayList<>();
      for (CostFrontier f : frontiers.policies()) {
        FrontierVerdict verdict = frontiers.verdicts().stream().filter(v -> v.policy().equals(f.policy())).findFirst().orElse(null);
        policies.add(PolicyFrontier.of(f, verdict));
      }
      return new FrontierSummary(frontiers.reference().orElse(null), policies);
    }
  }

  /**
   * One policy's sweep.
   *
   * @param name the policy
   * @param knob the swept field
   * @param operatingValue the knob's value as configured
   * @param points every run, by increasing knob value
   * @param verdict the comparison with the reference's frontier; null for the reference itself or
   *     without a reference
   */
  record PolicyFrontier(String name, String knob, double operatingValue, List<FrontierPoint> points, VerdictSummary verdict) {
    static PolicyFrontier of(CostFrontier f, FrontierVerdict verdict) {
      List<FrontierPoint> points = f.points().stream().map(p -> new FrontierPoint(p.knobValue(), p.cost(),
          p.sloViolationMinutes(), p.instanceHours(), p.operatingPoint(), f.frontier().contains(p))).toList();
      return new PolicyFrontier(f.policy(), f.knob(), f.operatingPoint().knobValue(), points,
          verdict == null ? null : VerdictSummary.of(verdict));
    }
  }

  /**
   * One run of a sweep.
   *
   * @param knobValue the knob's value
   * @param cost instance-hours × price
   * @param sloViolationMinutes minutes over the SLO
   * @param instanceHours provisioned instance-hours
   * @param operatingPoint whether this is the policy as configured
   * @param onFrontier whether no other run of the policy dominates it
   */
  record FrontierPoint(double knobValue, double cost, long sloViolationMinutes, double instanceHours, boolean operatingPoint,
      boolean onFrontier) {}

  /**
   * A frontier against the reference's; the numbers of a comparison without overlap are null.
   *
   * @param reference the reference policy
   * @param equalSloOverlap whether the frontiers share a range of violation minutes
   * @param atSloViolationMinutes the level of the equal-SLO comparison
   * @param referenceCost the reference frontier's cost there
   * @param policyCost this frontier's cost there
   * @param costSaved the reference's cost minus this one's
   * @param equalCostOverlap whether the frontiers share a range of cost
   * @param atCost the level of the equal-cost comparison
   * @param referenceSloViolationMinutes the reference frontier's violation minutes there
   * @param policySloViolationMinutes this frontier's violation minutes there
   * @param sloViolationMinutesAvoided the reference's violation minutes minus this one's
   * @param atOwnOperatingPoint the same two comparisons at this policy's own operating point (its
   *     violation minutes, its cost)
   * @param sentence the verdict for people
   */
  record VerdictSummary(String reference, boolean equalSloOverlap, Double atSloViolationMinutes, Double referenceCost,
      Double policyCost, Double costSaved, boolean equalCostOverlap, Double atCost, Double referenceSloViolationMinutes,
      Double policySloViolationMinutes, Double sloViolationMinutesAvoided, OwnPointSummary atOwnOperatingPoint,
      String sentence) {
    static VerdictSummary of(FrontierVerdict v) {
      FrontierVerdict.Comparison slo = v.equalSlo();
      FrontierVerdict.Comparison cost = v.equalCost();
      FrontierVerdict.Comparison ownSlo = v.equalOwnSlo();
      FrontierVerdict.Comparison ownCost = v.equalOwnCost();
      return new VerdictSummary(v.reference(), slo.overlap(), finite(slo.level()), finite(slo.referenceValue()),
          finite(slo.policyValue()), finite(slo.saved()), cost.overlap(), finite(cost.level()), finite(cost.referenceValue()),
          finite(cost.policyValue()), finite(cost.saved()),
          new OwnPointSummary(ownSlo.overlap(), finite(ownSlo.level()), finite(ownSlo.referenceValue()),
              finite(ownSlo.policyValue()), finite(ownSlo.saved()), ownCost.overlap(), finite(ownCost.level()),
              finite(ownCost.referenceValue()), finite(ownCost.policyValue()), finite(ownCost.saved())),
          v.sentence());
    }
  }

  /**
   * The frontier comparisons at the compared policy's own operating point; the numbers of a
   * comparison without overlap are null. The fields mean what {@link VerdictSummary}'s of the same
   * names mean.
   *
   * @param equalSloOverlap whether the frontiers share a range of violation minutes
   * @param atSloViolationMinutes the policy's operating violation minutes, moved into the shared range
   * @param referenceCost the reference frontier's cost there
   * @param policyCost this frontier's cost there
   * @param costSaved the reference's cost minus this one's
   * @param equalCostOverlap whether the frontiers share a range of cost
   * @param atCost the policy's operating cost, moved into the shared range
   * @param referenceSloViolationMinutes the reference frontier's violation minutes there
   * @param policySloViolationMinutes this frontier's violation minutes there
   * @param sloViolationMinutesAvoided the reference's violation minutes minus this one's
   */
  record OwnPointSummary(boolean equalSloOverlap, Double atSloViolationMinutes, Double referenceCost, Double policyCost,
      Double costSaved, boolean equalCostOverlap, Double atCost, Double referenceSloViolationMinutes,
      Double policySloViolationMinutes, Double sloViolationMinutesAvoided) {}

  /**
   * The rolling-origin forecast evaluation in {@code summary.json} ({@link ForecastEvaluation}); null
   * when the experiment has no predictive policy or the evaluation could not run.
   *
   * @param bucketSeconds the bucket width
   * @param horizonBuckets h, buckets ahead
   * @param trainingBuckets the sliding training window
   * @param refitEveryBuckets origins between fits
   * @param seasonalLagBuckets the seasonal naive lag
   * @param scoredTargets forecasts scored per method
   * @param goalRatio the goal on a method's MAE over the better baseline's
   * @param methods the methods, each with its ratio and whether it meets the goal
   * @param baselines the naive and seasonal naive baselines
   */
  record ForecastSummary(int bucketSeconds, int horizonBuckets, int trainingBuckets, int refitEveryBuckets,
      int seasonalLagBuckets, int scoredTargets, double goalRatio, List<ForecastScore> methods, List<ForecastScore> baselines) {
    static ForecastSummary of(ForecastEvaluation e) {
      List<ForecastScore> methods = e.methods().stream()
          .map(m -> ForecastScore.of(m.score(), finite(m.ratioToBetterBaseline()), m.meetsGoal())).toList();
      return new ForecastSummary(e.bucketSeconds(), e.horizonBuckets(), e.trainingBuckets(), e.refitEveryBuckets(),
          e.seasonalLagBuckets(), e.scoredTargets(), e.goalRatio(), methods,
          List.of(ForecastScore.of(e.naive(), null, null), ForecastScore.of(e.seasonalNaive(), null, null)));
    }
  }

  /**
   * One forecaster's scores; a figure that is not finite is null.
   *
   * @param name the method
   * @param maeRequestsPerSecond mean absolute error
   * @param smapePercent symmetric MAPE
   * @param mase mean absolute scaled error
   * @param ratioToBetterBaseline MAE over the better baseline's; null for a baseline
   * @param meetsGoal whether the ratio is at most the goal; null for a baseline
   */
  record ForecastScore(String name, Double maeRequestsPerSecond, Double smapePercent, Double mase,
      Double ratioToBetterBaseline, Boolean meetsGoal) {
    static ForecastScore of(ForecastEvaluation.Score s, Double ratio, Boolean meetsGoal) {
      return new ForecastScore(s.name(), finite(s.maeRequestsPerSecond()), finite(s.smapePercent()), finite(s.mase()),
          ratio, meetsGoal);
    }
  }

  /**
   * Sim-to-real fidelity in {@code summary.json} ({@link Fidelity}); null when no load test ran. A
   * figure that is not finite is null.
   *
   * @param windowSeconds the window length
   * @param maxUtilizationFraction windows at or above this offered utilization are not compared
   * @param replications simulations pooled per window
   * @param comparedWindows windows compared
   * @param p50RelativeErrorPercent the median's weighted absolute percentage error
   * @param p95RelativeErrorPercent the 95th percentile's
   * @param p50BiasPercent the median's signed error over the measured total; negative is optimistic
   * @param p95BiasPercent the 95th percentile's
   * @param p50GoalPercent the goal for the median's error
   * @param p95GoalPercent the goal for the 95th percentile's
   * @param meetsGoal whether both errors meet their goals
   * @param windows every whole window, in time order
   */
  record FidelitySummary(int windowSeconds, double maxUtilizationFraction, int replications, int comparedWindows,
      Double p50RelativeErrorPercent, Double p95RelativeErrorPercent, Double p50BiasPercent, Double p95BiasPercent,
      double p50GoalPercent, double p95GoalPercent, boolean meetsGoal, double clientOffsetMillis, int offsetProbeSteps,
      List<FidelityWindow> windows) {
    static FidelitySummary of(Fidelity f) {
      return new FidelitySummary(f.windowSeconds(), f.maxUtilizationFraction(), f.replications(), f.comparedWindows(),
          finite(f.p50RelativeErrorPercent()), finite(f.p95RelativeErrorPercent()), finite(f.p50BiasPercent()),
          finite(f.p95BiasPercent()), Fidelity.P50_GOAL_PERCENT, Fidelity.P95_GOAL_PERCENT, f.meetsGoal(),
          f.clientOffsetMillis(), f.offsetSteps(),
          f.windows().stream().map(w -> new FidelityWindow(w.startSecond(), w.requests(), w.utilizationFraction(),
              finite(w.measuredP50Millis()), finite(w.measuredP95Millis()), finite(w.predictedP50Millis()),
              finite(w.predictedP95Millis()), w.compared())).toList());
    }
  }

  /**
   * One window of the fidelity comparison; latencies in milliseconds, null when there were none.
   *
   * @param startSecond the replay second it starts at
   * @param requests requests sent in it
   * @param utilizationFraction its offered utilization
   * @param measuredP50Millis measured median
   * @param measuredP95Millis measured 95th percentile
   * @param predictedP50Millis simulated median
   * @param predictedP95Millis simulated 95th percentile
   * @param compared whether it counts in the errors
   */
  record FidelityWindow(int startSecond, long requests, double utilizationFraction, Double measuredP50Millis,
      Double measuredP95Millis, Double predictedP50Millis, Double predictedP95Millis, boolean compared) {}

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
