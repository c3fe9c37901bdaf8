package org.loadcast.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.loadcast.capacity.CapacityPlan;
import org.loadcast.capacity.DailyPeaks;
import org.loadcast.capacity.GrowthAssumptions;
import org.loadcast.capacity.GrowthProjection;
import org.loadcast.capacity.GrowthSettings;
import org.loadcast.capacity.InstanceModel;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.LoadBalancing;
import org.loadcast.capacity.Runway;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.forecast.EtsFit;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.report.CalibrationSummary;
import org.loadcast.report.CapacityReport;
import org.loadcast.report.RunReport;

/**
 * The analysis of {@code loadcast capacity}: load (the experiment's demand) → daily peaks → growth
 * projection → monthly plan and runway, beside one instance's capacity at the SLO, a sizing table,
 * and the USL of a load test's probe.
 *
 * <p><b>Service model.</b> The experiment's ({@code simulation.service}), or with a load test's
 * results the model the load test calibrated from its probe ({@link ResultsCalibration}): its
 * workers, its measured low-load latency histogram scaled to the measured capacity, and its USL.
 * The one model serves the demand scale, the plan, the capacity at the SLO and the sizing table,
 * so that the answers match the load test's report.
 *
 * <p><b>Demand.</b> The profile's request rate ({@link ExperimentRun#requestRate}) times the
 * experiment's demand scale ({@link ExperimentRun#demandScale}), the same factor the simulation
 * uses, so the plan is in the experiment's units. Its means over {@link #stepSeconds} intervals
 * (missing intervals NaN) give the daily peaks ({@link DailyPeaks}) in the profile's zone.
 *
 * <p><b>Plan.</b> {@link GrowthProjection#ofMonths} with the experiment's {@code growth} section,
 * then {@link CapacityPlan#of} against the upper bound with the random-split bound ({@code
 * REFERENCE.md} §5.3), the instance being the service model (workers, mean service time), the
 * experiment's SLO and price.
 *
 * <p><b>Capacity at the SLO.</b> {@link SimulatedSizing#maxRatePerInstance} with the service
 * model's own distribution, beside the M/M/k bound {@link LatencySlo#maxArrivalRatePerSecond}.
 * The sizing table sizes the history's peak and each month's upper peak with Erlang C (pooled and
 * split, {@code REFERENCE.md} §5.1) and, for at most {@link #MAX_SIMULATED_SIZINGS} of them, with
 * {@link SimulatedSizing#size}.
 *
 * <p>Deterministic: one seed; no wall clock. Stateless and thread-safe.
 */
final class CapacityAnalysis {
  /** Sizings by simulation in the table, at most: each takes seconds. */
  static final int MAX_SIMULATED_SIZINGS = 6;
  /** The largest fleet rate simulated, in requests per second: beyond, a sizing takes too long. */
  static final double MAX_SIMULATED_RATE_PER_SECOND = 20_000;
  /** What the USL fields say without {@code --results}. */
  static final String NO_RESULTS = "no load-test results given (--results reports/<run>/results)";
  /** The service model's origin without {@code --results}. */
  static final String EXPERIMENT_MODEL = "the experiment's simulation.service";

  private CapacityAnalysis() {}

  /**
   * Analyses an experiment's capacity.
   *
   * @param experiment the experiment, its seed the run's
   * @param calibrated a load test's calibration, whose model replaces the experiment's service
   *     model everywhere (demand scale, capacity, sizing, plan) and whose USL is reported; empty
   *     without one
   * @return the report
   * @throws IllegalArgumentException if the history holds too few daily peaks to fit the growth
   *     method (from {@link GrowthProjection#ofMonths})
   */
  static CapacityReport of(Experiment experiment, Optional<ResultsCalibration> calibrated) {
    GrowthSettings growth = experiment.growth();
    ServiceModel service = calibrated.map(ResultsCalibration::service).orElse(experiment.service());
    TrafficProfile profile = experiment.profile();
    double scale = ExperimentRun.demandScale(profile, experiment.horizonSeconds(), experiment.peakInstances(),
        experiment.peakUtilizationPercent(), service);
    int step = stepSeconds(growth.peakWindowSeconds());
    double[] means = ExperimentRun.requestRate(profile).scaled(scale).intervalMeans(step);
    Instant start = profile.startTime().toInstant().plusSeconds((long) profile.rate().startSeconds());
    DailyPeaks peaks = DailyPeaks.of(means, start, step, profile.timezone(), growth.peakWindowSeconds(),
        growth.maxMissingFraction());
    GrowthProjection projection = GrowthProjection.ofMonths(peaks, growth.method(), growth.horizonMonths(),
        growth.intervalPercent(), growth.assumptions());
    LatencySlo slo = slo(experiment);
    InstanceModel instance = new InstanceModel(service.workersPerInstance(), service.serviceTime().meanSeconds(), slo,
        experiment.instances().pricePerHour());
    CapacityPlan plan = CapacityPlan.of(projection, instance, LoadBalancing.RANDOM_SPLIT, growth.maxInstances());
    SimulatedSizing.Fleet fleet = SimulatedSizing.Fleet.of(service, experiment.seed());
    double simulated = SimulatedSizing.maxRatePerInstance(fleet, slo);
    double erlang = slo.maxArrivalRatePerSecond(service.workersPerInstance(), service.serviceTime().meanSeconds());
    CalibrationSummary.Usl usl = calibrated.map(c -> CalibrationAnalysis.usl(c.calibration().usl())).orElse(null);
    int max = growth.maxInstances();
    return new CapacityReport(experiment.name(), experiment.description(), experiment.seed(),
        profile.timezone().getId(), experiment.slo().percentile(), experiment.slo().latencyMillis(),
        service.workersPerInstance(), 1000 * service.serviceTime().meanSeconds(),
        calibrated.map(c -> "calibrated from " + c.run()).orElse(EXPERIMENT_MODEL), experiment.instances().pricePerHour(),
        scale, growth(growth, step, projection), usl == null ? null : usl.sigma(), usl == null ? null : usl.kappa(),
        usl == null ? null : usl.lambdaPerSecond(), usl == null ? null : usl.kappaFixedAtZero(),
        usl == null ? null : usl.points(), usl == null ? NO_RESULTS : usl.notFittedReason(), simulated, erlang,
        service.capacityPerSecond(), max * simulated, max * erlang, runwayKind(plan.runway()), runwayDate(plan.runway()),
        runwaySentence(plan, growth.intervalPercent()), plan.periods().stream().map(CapacityAnalysis::row).toList(),
        sizing(peaks, plan, fleet, slo), peakDays(peaks), skippedDays(peaks), projected(projection));
  }

  /**
   * Returns a run's report with the experiment's capacity plan (see {@link #of}), when the
   * experiment file has a {@code growth} section ({@link Experiment#growthSection}); unchanged
   * without one. A history too short for the growth method does not fail the run: the report then
   * says why the plan was not computed ({@link RunReport#withCapacityNotComputed}).
   *
   * @param report the run's report
   * @param experiment the experiment, its seed the run's
   * @param calibrated the load test's calibration, as in {@link #of}; empty for {@code loadcast simulate}
   * @return the report with the plan, or with the reason it was not computed
   */
  static RunReport addTo(RunReport report, Experiment experiment, Optional<ResultsCalibration> calibrated) {
    if (!experiment.growthSection()) {
      return report;
    }
    try {
      return report.withCapacity(of(experiment, calibrated));
    } catch (IllegalArgumentException e) {
      return report.withCapacityNotComputed("growth: the profile's demand cannot be projected: " + e.getMessage());
    }
  }

  /**
   * Returns the interval of the rate means: 300 s when it divides the peak window, else 60 s
   * (which always does, {@link GrowthSettings}).
   */
  static int stepSeconds(int peakWindowSeconds) {
    return peakWindowSeconds % 300 == 0 ? 300 : 60;
  }

  /** Returns the experiment's SLO as the capacity model states it. */
  static LatencySlo slo(Experiment experiment) {
    return LatencySlo.percentileAtMost(experiment.slo().percentile() / 100, experiment.slo().latencySeconds());
  }

  private static CapacityReport.Growth growth(GrowthSettings g, int step, GrowthProjection projection) {
    EtsFit fit = projection.fit();
    GrowthAssumptions a = g.assumptions();
    List<String> launches = a.launches().stream().map(l -> String.format(Locale.ROOT, "%s %s %+.1f%%%s", l.name(),
        l.date(), l.peakIncreasePercent(), l.endDate().map(e -> " until " + e).orElse(""))).toList();
    return new CapacityReport.Growth(g.method().yamlName(), g.method().etsName(), g.horizonMonths(), g.intervalPercent(),
        g.peakWindowSeconds(), g.maxMissingPercentPerDay(), g.maxInstances(), a.expectedGrowthPercentPerMonth(), launches,
        step, finite(fit.alpha()), finite(fit.beta()), finite(fit.damping()), finite(Math.sqrt(fit.residualVariance())),
        projection.historyStart().toString(), projection.origin().toString(), projection.horizonEnd().toString());
  }

  private static CapacityReport.PlanRow row(CapacityPlan.Period p) {
    SizingPlan.Sized sized = p.sizing().filter(s -> s instanceof SizingPlan.Sized).map(s -> (SizingPlan.Sized) s)
        .orElse(null);
    String infeasible = p.sizing().filter(s -> s instanceof SizingPlan.Infeasible)
        .map(s -> ((SizingPlan.Infeasible) s).reason()).orElse(null);
    boolean none = p.sizing().isEmpty();
    return new CapacityReport.PlanRow(p.from().toString(), p.to().toString(), p.peakDate().toString(), p.peak().point(),
        p.peak().lower(), p.peak().upper(), none ? Integer.valueOf(0) : sized == null ? null : sized.pooled().instances(),
        none ? Integer.valueOf(0) : sized == null ? null : sized.randomSplit().instances(),
        p.plannedInstances().isPresent() ? p.plannedInstances().getAsInt() : null,
        p.cost().isPresent() ? p.cost().getAsDouble() : null, infeasible);
  }

  private static String runwayKind(Runway runway) {
    return runway instanceof Runway.Reached ? "reached" : runway instanceof Runway.NotReached ? "not-reached" : "infeasible";
  }

  private static String runwayDate(Runway runway) {
    return runway instanceof Runway.Reached r ? r.date().toString() : null;
  }

  /** Returns the runway in one sentence. */
  static String runwaySentence(CapacityPlan plan, double intervalPercent) {
    Runway runway = plan.runway();
    if (runway instanceof Runway.Reached r) {
      String need = r.sizing() instanceof SizingPlan.Sized s ? s.randomSplit().instances() + " instances (random split)"
          : "more than any fleet (" + ((SizingPlan.Infeasible) r.sizing()).reason() + ")";
      // how much of the runway is the interval: what the point forecast alone would need that day
      String pointNeed = !(r.peak().point() > 0) ? "no instance"
          : plan.instance().size(r.peak().point()) instanceof SizingPlan.Sized p
              ? p.randomSplit().instances() + " instance" + (p.randomSplit().instances() == 1 ? "" : "s")
              : "more than any fleet";
      return String.format(Locale.ROOT, "The fleet of at most %d instances runs out on %s: the upper %s %% bound of "
          + "that day's peak, %.1f requests per second (point %.1f), needs %s; the point forecast alone would need %s.",
          r.maxInstances(), r.date(), number(intervalPercent), r.peak().upper(), r.peak().point(), need, pointNeed);
    }
    if (runway instanceof Runway.NotReached n) {
      return String.format(Locale.ROOT, "Not reached by %s: at most %d instances carry the upper %s %% bound of every "
          + "projected day's peak.", n.horizonEnd(), n.maxInstances(), number(intervalPercent));
    }
    return "No fleet meets the SLO at any load: " + ((Runway.Infeasible) runway).reason() + ".";
  }

  private static List<CapacityReport.SizingRow> sizing(DailyPeaks peaks, CapacityPlan plan, SimulatedSizing.Fleet fleet,
      LatencySlo slo) {
    List<String> labels = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    peaks.peaks().stream().max(java.util.Comparator.comparingDouble(DailyPeaks.Peak::peakRatePerSecond)).ifPresent(p -> {
      labels.add("history peak " + p.date());
      rates.add(p.peakRatePerSecond());
    });
    for (CapacityPlan.Period p : plan.periods()) {
      if (p.peak().upper() > 0) {
        labels.add("upper peak " + p.peakDate());
        rates.add(p.peak().upper());
      }
    }
    TreeSet<Integer> simulated = simulatedRows(rates.size());
    List<CapacityReport.SizingRow> rows = new ArrayList<>();
    for (int i = 0; i < rates.size(); i++) {
      rows.add(sizingRow(labels.get(i), rates.get(i), plan.instance(), simulated.contains(i) ? fleet : null, slo));
    }
    return rows;
  }

  /** Returns the rows to simulate: the first (the history's peak) and the rest spread evenly, the last included. */
  static TreeSet<Integer> simulatedRows(int rows) {
    TreeSet<Integer> chosen = new TreeSet<>();
    int picks = Math.min(rows, MAX_SIMULATED_SIZINGS);
    for (int j = 0; j < picks; j++) {
      chosen.add(picks == 1 ? 0 : (int) Math.round((double) j * (rows - 1) / (picks - 1)));
    }
    return chosen;
  }

  private static CapacityReport.SizingRow sizingRow(String label, double rate, InstanceModel instance,
      SimulatedSizing.Fleet fleet, LatencySlo slo) {
    String note = fleet == null ? "not simulated: at most " + MAX_SIMULATED_SIZINGS + " simulated sizings"
        : rate > MAX_SIMULATED_RATE_PER_SECOND ? String.format(Locale.ROOT, "not simulated: above %.0f requests per "
            + "second", MAX_SIMULATED_RATE_PER_SECOND) : null;
    SimulatedSizing.Result r = note == null ? SimulatedSizing.size(fleet, rate, slo) : null;
    SizingPlan erlang = r == null ? instance.size(rate) : r.erlang();
    SizingPlan.Sized sized = erlang instanceof SizingPlan.Sized s ? s : null;
    String reason = erlang instanceof SizingPlan.Infeasible i ? i.reason() : note != null ? note : r.reason();
    return new CapacityReport.SizingRow(label, rate, sized == null ? null : sized.pooled().instances(),
        sized == null ? null : sized.randomSplit().instances(), r != null && r.isFeasible() ? r.simulated().instances() : null,
        r != null && r.isFeasible() ? 100 * r.simulated().overSloFraction() : null, reason);
  }

  private static List<CapacityReport.PeakDay> peakDays(DailyPeaks peaks) {
    return peaks.peaks().stream().map(p -> new CapacityReport.PeakDay(p.date().toString(), p.peakRatePerSecond(),
        p.windowStart().atZone(peaks.zone()).toOffsetDateTime().toString(), p.missingSlots())).toList();
  }

  private static List<CapacityReport.SkippedDay> skippedDays(DailyPeaks peaks) {
    return peaks.skipped().stream().map(d -> new CapacityReport.SkippedDay(d.date().toString(), d.missingSlots(),
        d.slots(), d.reason())).toList();
  }

  private static List<CapacityReport.ProjectedDay> projected(GrowthProjection projection) {
    return projection.days().stream().map(d -> new CapacityReport.ProjectedDay(d.date().toString(), d.peak().lower(),
        d.peak().point(), d.peak().upper())).toList();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
