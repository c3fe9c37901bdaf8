package org.loadcast.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.loadcast.autoscale.ArrivalForecast;
import org.loadcast.autoscale.ArrivalHistory;
import org.loadcast.autoscale.AwsPredictivePolicy;
import org.loadcast.autoscale.HpaBehavior;
import org.loadcast.autoscale.HpaPolicy;
import org.loadcast.autoscale.ScalingRules;
import org.loadcast.autoscale.HybridPolicy;
import org.loadcast.autoscale.PredictivePolicy;
import org.loadcast.autoscale.ScalingContext;
import org.loadcast.autoscale.ScalingPolicy;
import org.loadcast.autoscale.ScheduledAction;
import org.loadcast.autoscale.StepAdjustment;
import org.loadcast.autoscale.StepAlarm;
import org.loadcast.autoscale.StepScalingPolicy;
import org.loadcast.autoscale.TargetTrackingPolicy;
import org.loadcast.forecast.ForecastMethod;
import org.loadcast.forecast.Seasonality;
import org.loadcast.profile.EventCalendar;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.report.CostFrontier;
import org.loadcast.report.DemandSummary;
import org.loadcast.report.DemandedInstances;
import org.loadcast.report.ForecastEvaluation;
import org.loadcast.report.Frontiers;
import org.loadcast.report.LoadTestSummary;
import org.loadcast.report.PolicyOutcome;
import org.loadcast.report.RunMetadata;
import org.loadcast.report.RunReport;
import org.loadcast.report.ServiceSummary;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationProgress;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

/**
 * The simulation half of the pipeline, shared by {@code loadcast simulate} and the Gatling
 * simulation: scale the profile's demand, run every policy on the same random streams, and gather
 * the report.
 */
public final class ExperimentRun {
  private ExperimentRun() {}

  /**
   * Runs every policy of an experiment in the simulator, in parallel.
   *
   * <p>The horizon is the last {@code horizonSeconds} of the profile; the profile before it is the
   * forecasters' history. Missing stretches inside the horizon are bridged by a straight line (and
   * the report says how many seconds); history buckets more than half missing stay missing. The
   * rate is scaled so that its peak over the horizon needs {@code peakInstances} instances at
   * {@code peakUtilizationPercent}, and arrivals are drawn at the scaled rate.
   *
   * <p>The simulator's arrivals are requests. When the profile's mix has sessions, its rate counts
   * sessions, so the demand is the request rate {@link #requestRate}: the session rate times the
   * expected requests per session. A session's requests are taken to arrive when the session does:
   * the smear of its think times over the following seconds is ignored (a session's think time is
   * seconds to minutes; the simulator's buckets are minutes). The peak scaling divides the factor out
   * again, so it shows only in the demand's reported scale.
   *
   * @param experiment the experiment
   * @param service the service model to run: the experiment's or a calibrated one
   * @param loadTest the load test that calibrated it, if any
   * @param metadata the run's metadata; its duration is filled in by the caller afterwards
   * @param threads how many policies run at once, {@code >= 1}
   * @return the report, with policies in the experiment's order
   */
  public static RunReport simulate(
      Experiment experiment, ServiceModel service, Optional<LoadTestSummary> loadTest, RunMetadata metadata, int threads) {
    return simulate(experiment, service, loadTest, metadata, threads, null);
  }

  /**
   * Runs every policy of an experiment, and the sweeps of its cost-versus-SLO frontiers, in
   * parallel, as {@link #simulate(Experiment, ServiceModel, Optional, RunMetadata, int)} does.
   *
   * <p>Each policy runs at its operating point and at every value of its sweep ({@link
   * NamedPolicy#sweep}), all on one fixed pool of {@code threads} threads. Every run has the same
   * spec and seed, so every run sees the same arrivals and service times, and its result does not
   * depend on the number of threads or the order the runs finish in; results are gathered in the
   * experiment's order, then by knob value.
   *
   * @param experiment the experiment
   * @param service the service model to run: the experiment's or a calibrated one
   * @param loadTest the load test that calibrated it, if any
   * @param metadata the run's metadata; its duration is filled in by the caller afterwards
   * @param threads how many runs go at once, {@code >= 1}
   * @param meter the progress bar, counting simulated seconds over every run; null for none
   * @return the report, with policies in the experiment's order
   */
  static RunReport simulate(Experiment experiment, ServiceModel service, Optional<LoadTestSummary> loadTest,
      RunMetadata metadata, int threads, ProgressMeter meter) {
    TrafficProfile profile = experiment.profile();
    double from = experiment.horizonStartSeconds();
    double horizon = experiment.horizonSeconds();
    RateCurve original = requestRate(profile);
    double utilization = experiment.peakUtilizationPercent() / 100;
    double capacity = service.capacityPerSecond();
    RateCurve bridged = original.bridgedOverMissing();
    double peak = bridged.peakRatePerSecond(from, from + horizon);
    double scale = demandScale(experiment.profile(), horizon, experiment.peakInstances(),
        experiment.peakUtilizationPercent(), service);
    RateCurve demand = bridged.scaled(scale);
    ClusterConfig cluster = cluster(experiment, service, demand.rateAt(from) / (capacity * utilization));
    SimulationSpec spec = new SimulationSpec(demand, from, horizon, cluster, experiment.slo(), experiment.seed());
    EventCalendar events = profile.events().rebased(from, scale * profile.mix().requestsPerArrival());
    List<Run> runs = runs(experiment);
    List<SimulationResult> results = runAll(experiment, runs, spec, original, capacity, events, threads, meter);
    List<PolicyOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      if (runs.get(i).operating()) {
        NamedPolicy named = experiment.policies().get(runs.get(i).policyIndex());
        outcomes.add(new PolicyOutcome(named.name(), describe(named.policy(), capacity, spec.cluster().bootSeconds(),
            spec.cluster().warmupSeconds()), results.get(i)));
      }
    }
    Optional<Frontiers> frontiers = experiment.frontier()
        ? Optional.of(Frontiers.of(experiment.frontierReference(), frontiers(experiment, runs, results)))
        : Optional.empty();
    DemandSummary demandSummary = demandSummary(experiment, scale, peak * scale, original.missingSeconds(from, from + horizon));
    DemandedInstances demanded = DemandedInstances.of(spec);
    List<String> notes = notes(experiment, original, from, horizon);
    if (!demanded.isKnown()) {
      notes.add("The elasticity metrics are missing: " + demanded.basis() + ".");
    }
    Optional<ForecastEvaluation> forecast = forecastEvaluation(experiment, spec, original, outcomes.get(0).result(), notes);
    return new RunReport(metadata, experiment.name(), experiment.description(), experiment.seed(), experiment.slo(),
        serviceSummary(service, experiment), demandSummary, outcomes, loadTest, notes, demanded,
        elasticityReference(experiment), frontiers, forecast);
  }

  /**
   * Returns the profile's demand in requests per second: its rate, times the expected requests per
   * session when the mix has sessions ({@link org.loadcast.profile.RequestMix#requestsPerArrival()}).
   *
   * @param profile the profile
   * @return the request-rate curve, with the profile's times and missing ranges; the profile's own
   *     curve for a weighted mix
   */
  public static RateCurve requestRate(TrafficProfile profile) {
    double perArrival = profile.mix().requestsPerArrival();
    return perArrival == 1 ? profile.rate() : profile.rate().scaled(perArrival);
  }

  /**
   * Returns the factor the profile's request rate ({@link #requestRate}) is multiplied by so that
   * its peak over the horizon (the last {@code horizonSeconds} of the profile, missing stretches
   * bridged by a straight line) needs {@code peakInstances} instances of the service at {@code
   * peakUtilizationPercent}: {@code peakInstances × capacity × utilization / peak}.
   *
   * @param profile the traffic profile
   * @param horizonSeconds the simulated last stretch of the profile, seconds
   * @param peakInstances instances the scaled peak needs, &gt; 0
   * @param peakUtilizationPercent the utilization at which they carry it, in (0, 100]
   * @param service the service model, whose {@link ServiceModel#capacityPerSecond()} is one
   *     instance's capacity
   * @return the scale factor, &gt; 0 for a horizon with traffic; infinite or NaN when its peak is 0
   */
  public static double demandScale(TrafficProfile profile, double horizonSeconds, double peakInstances,
      double peakUtilizationPercent, ServiceModel service) {
    RateCurve bridged = requestRate(profile).bridgedOverMissing();
    double from = profile.rate().endSeconds() - horizonSeconds;
    double peak = bridged.peakRatePerSecond(from, from + horizonSeconds);
    return peakInstances * service.capacityPerSecond() * (peakUtilizationPercent / 100) / peak;
  }

  /** Returns the first HPA policy, the baseline of the elastic speedup; empty if there is none. */
  private static Optional<String> elasticityReference(Experiment experiment) {
    return experiment.policies().stream().filter(p -> p.policy() instanceof HpaPolicy).map(NamedPolicy::name)
        .findFirst();
  }

  private static ClusterConfig cluster(Experiment experiment, ServiceModel service, double initialInstances) {
    ExperimentDocument.Instances instances = experiment.instances();
    return new ClusterConfig(service.workersPerInstance(), service.maxQueueLength(), service.serviceTime(),
        instances.bootSeconds(), instances.warmupSeconds(), instances.pricePerHour(), experiment.loadBalancing(),
        Math.max(1, (int) Math.ceil(initialInstances)), instances.warmupInitialCapacityFractionOrOne(),
        experiment.requestTimeoutSeconds(), instances.billingGranularitySecondsOrZero(),
        instances.minimumBilledSecondsOrZero());
  }

  /**
   * One simulation: a policy at its operating point or at one value of its sweep.
   *
   * @param policyIndex the policy's place in the experiment
   * @param policy the configuration run
   * @param operating whether this is the policy as configured
   */
  private record Run(int policyIndex, ScalingPolicy policy, boolean operating) {}

  /** Returns every run: per policy in the experiment's order, its operating point, then its sweep. */
  private static List<Run> runs(Experiment experiment) {
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i < experiment.policies().size(); i++) {
      NamedPolicy named = experiment.policies().get(i);
      runs.add(new Run(i, named.policy(), true));
      if (experiment.frontier()) {
        for (double value : named.sweep()) {
          runs.add(new Run(i, named.policy().withKnob(value), false));
        }
      }
    }
    return runs;
  }

  private static List<CostFrontier> frontiers(Experiment experiment, List<Run> runs, List<SimulationResult> results) {
    List<CostFrontier> frontiers = new ArrayList<>();
    for (int p = 0; p < experiment.policies().size(); p++) {
      List<CostFrontier.Point> points = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        if (runs.get(i).policyIndex() == p) {
          var totals = results.get(i).totals();
          points.add(new CostFrontier.Point(runs.get(i).policy().knobValue(), totals.cost(), totals.sloViolationMinutes(),
              totals.instanceHours(), runs.get(i).operating()));
        }
      }
      NamedPolicy named = experiment.policies().get(p);
      frontiers.add(CostFrontier.of(named.name(), named.policy().knobName(), points));
    }
    return frontiers;
  }

  private static List<SimulationResult> runAll(Experiment experiment, List<Run> runs, SimulationSpec spec, RateCurve original,
      double capacity, EventCalendar events, int threads, ProgressMeter meter) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, runs.size())));
    LongAdder simulatedSeconds = new LongAdder();
    try {
      List<Future<SimulationResult>> futures = new ArrayList<>();
      for (Run run : runs) {
        ScalingContext context = new ScalingContext(capacity, spec.cluster().bootSeconds(),
            history(original, spec.demand(), spec.fromSeconds(), bucketSeconds(run.policy())),
            experiment.profile().wallClock(spec.fromSeconds()), spec.cluster().warmupSeconds(), events);
        futures.add(pool.submit(() -> ClusterSimulation.run(spec, run.policy().newAutoscaler(context), progress(simulatedSeconds))));
      }
      List<SimulationResult> results = new ArrayList<>();
      for (Future<SimulationResult> future : futures) {
        results.add(await(future, meter, simulatedSeconds));
      }
      if (meter != null) {
        meter.update(simulatedSeconds.sum());
        meter.finish();
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while simulating", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns a listener that adds one run's simulated seconds, whole ones, to the shared count. */
  private static SimulationProgress progress(LongAdder simulatedSeconds) {
    return new SimulationProgress() {
      private long counted;

      @Override
      public void reached(double seconds) {
        long whole = (long) seconds;
        simulatedSeconds.add(whole - counted);
        counted = whole;
      }
    };
  }

  /** Waits for a run, redrawing the progress bar every 250 ms meanwhile. */
  private static SimulationResult await(Future<SimulationResult> future, ProgressMeter meter, LongAdder simulatedSeconds)
      throws InterruptedException, ExecutionException {
    while (true) {
      try {
        return meter == null ? future.get() : future.get(250, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        meter.update(simulatedSeconds.sum());
      }
    }
  }

  /**
   * Returns the progress bar of a simulation phase: "simulating N runs [###   ] 40 % 20.1 of 35
   * simulated days", on {@code err}, after 2 s.
   *
   * @param experiment the experiment, for the number of runs and the horizon
   * @param nanoClock the wall clock of the bar, such as {@link System#nanoTime}
   * @param err where the bar is drawn
   * @return the meter
   */
  static ProgressMeter progressMeter(Experiment experiment, java.util.function.LongSupplier nanoClock, java.io.PrintWriter err) {
    int count = runs(experiment).size();
    long total = (long) experiment.horizonSeconds() * count;
    return new ProgressMeter("simulating " + count + " run" + (count == 1 ? "" : "s"), total,
        done -> String.format(Locale.ROOT, "%.1f of %.1f simulated days", done / 86400.0, total / 86400.0),
        nanoClock, err);
  }

  /** The sliding training window of the forecast evaluation: two weeks, as RollingOriginTracesTest. */
  static final double FORECAST_TRAINING_SECONDS = 14 * 86_400;

  /**
   * Returns the rolling-origin evaluation of forecasts of the demand as the experiment's first
   * predictive or hybrid policy sees it: its buckets and season, the expected arrivals of the history
   * then the arrivals simulated in the horizon, at h = ⌊(boot + warmup) / bucket⌋ + 1 buckets (the
   * bucket that holds a decision at a bucket's end plus the provisioning lead). The policy's own
   * forecaster first, then the other {@link ArrivalForecast} for comparison, against the naive and
   * seasonal naive baselines. The training window is the longest of at most two weeks whose first
   * two seasons have no missing bucket ({@link #trainingWindow}). Empty, with a note, when the
   * experiment has no such policy or the evaluation cannot run.
   */
  private static Optional<ForecastEvaluation> forecastEvaluation(
      Experiment experiment, SimulationSpec spec, RateCurve original, SimulationResult run, List<String> notes) {
    Optional<ScalingPolicy> predictive = experiment.policies().stream().map(NamedPolicy::policy)
        .filter(p -> p instanceof PredictivePolicy || p instanceof HybridPolicy).findFirst();
    if (predictive.isEmpty()) {
      return Optional.empty();
    }
    int bucket = bucketSeconds(predictive.get());
    int season = predictive.get() instanceof HybridPolicy h ? h.seasonalPeriodBuckets() : ((PredictivePolicy) predictive.get()).seasonalPeriodBuckets();
    Seasonality seasonality = predictive.get() instanceof HybridPolicy h ? h.seasonality() : ((PredictivePolicy) predictive.get()).seasonality();
    ArrivalForecast own = predictive.get() instanceof HybridPolicy h ? h.forecastMethod() : ((PredictivePolicy) predictive.get()).forecastMethod();
    int steps = (int) Math.floor((spec.cluster().bootSeconds() + spec.cluster().warmupSeconds()) / bucket) + 1;
    try {
      if (bucket % 60 != 0) {
        throw new IllegalArgumentException("the buckets (" + bucket + " s) must be whole minutes");
      }
      double[] history = history(original, spec.demand(), spec.fromSeconds(), bucket).arrivals();
      int perBucket = bucket / 60;
      int horizon = run.minutes().size() / perBucket;
      double[] series = Arrays.copyOf(history, history.length + horizon);
      for (int b = 0; b < series.length; b++) {
        series[b] = b < history.length ? series[b] / bucket : run.minutes().subList((b - history.length) * perBucket,
            (b - history.length + 1) * perBucket).stream().mapToLong(m -> m.arrivals()).sum() / (double) bucket;
      }
      int training = trainingWindow(history, (int) (FORECAST_TRAINING_SECONDS / bucket), 2 * season);
      Map<String, ForecastMethod> methods = new LinkedHashMap<>();
      methods.put(own.yamlName() + " (as the first predictive policy)", own.method(seasonality, season, steps));
      for (ArrivalForecast other : ArrivalForecast.values()) {
        if (other != own) {
          methods.put(other.yamlName(), other.method(seasonality, season, steps));
        }
      }
      return Optional.of(ForecastEvaluation.of(series, horizon, bucket, steps, season, training, methods));
    } catch (IllegalArgumentException e) {
      notes.add("The forecast evaluation is missing: " + e.getMessage() + ".");
      return Optional.empty();
    }
  }

  /**
   * Returns the length of the longest window ending with the history, at most {@code longest}
   * buckets, whose first {@code complete} buckets are all observed: Holt-Winters initialises on its
   * first two seasons (and skips missing buckets after them), as the predictive policies' fit does.
   *
   * @param history buckets, NaN where missing
   * @param longest the longest window wanted
   * @param complete buckets at the window's start that must be observed
   * @return the length, or 0 when no window has its start complete
   */
  static int trainingWindow(double[] history, int longest, int complete) {
    int bad = -1;
    for (int start = Math.max(0, history.length - longest); start + complete <= history.length; start++) {
      if (bad < start) {
        bad = -1;
        for (int i = start + complete - 1; i >= start && bad < 0; i--) {
          bad = Double.isNaN(history[i]) ? i : -1;
        }
        if (bad < 0) {
          return history.length - start;
        }
      }
    }
    return 0;
  }

  private static int bucketSeconds(ScalingPolicy policy) {
    if (policy instanceof AwsPredictivePolicy) {
      return 3600;
    }
    if (policy instanceof HybridPolicy h) {
      return h.bucketSeconds();
    }
    return policy instanceof PredictivePolicy p ? p.bucketSeconds() : 300;
  }

  /**
   * Returns the expected arrivals per bucket of the scaled demand before the horizon, the last
   * bucket ending where the horizon starts; a bucket more than half missing in the original data
   * is NaN.
   *
   * @param original the profile's curve, with its missing ranges
   * @param demand the scaled, bridged curve
   * @param horizonStart where the horizon starts, in profile seconds
   * @param bucketSeconds the bucket width
   * @return the history; empty when less than one bucket precedes the horizon
   */
  static ArrivalHistory history(RateCurve original, RateCurve demand, double horizonStart, int bucketSeconds) {
    int count = (int) Math.floor((horizonStart - original.startSeconds()) / bucketSeconds);
    double first = horizonStart - (double) count * bucketSeconds;
    double[] arrivals = new double[Math.max(0, count)];
    for (int b = 0; b < arrivals.length; b++) {
      double from = first + (double) b * bucketSeconds;
      double to = from + bucketSeconds;
      arrivals[b] = original.missingSeconds(from, to) > bucketSeconds / 2.0 ? Double.NaN : demand.integral(from, to);
    }
    return new ArrivalHistory(bucketSeconds, arrivals);
  }

  /** Describes an HPA's behavior: its rate policies per direction, or the path without one. */
  private static String behavior(HpaBehavior behavior) {
    if (behavior == null) {
      return "no behavior (scale-up at most max(2 × current, 4) per sync)";
    }
    return "scale-up " + rules(behavior.scaleUp()) + ", scale-down " + rules(behavior.scaleDown());
  }

  private static String rules(ScalingRules rules) {
    String policies = rules.policies().stream()
        .map(p -> p.value() + (p.type() == ScalingRules.RatePolicy.Type.PODS ? " pods" : " %") + " per " + p.periodSeconds() + " s")
        .collect(java.util.stream.Collectors.joining(", "));
    return rules.selectPolicy().kubernetesName() + " of [" + policies + "]"
        + (rules.stabilizationWindowSeconds() > 0 ? " stabilized " + rules.stabilizationWindowSeconds() + " s" : "");
  }

  private static String describe(ScalingPolicy policy, double capacity, double bootSeconds, double warmupSeconds) {
    if (policy instanceof HpaPolicy h) {
      return String.format(Locale.ROOT,
          "Kubernetes HPA v2 on CPU: target %d %%, tolerance %.2f up and %.2f down, sync %.0f s, replicas %d to %d, "
              + "scale-down stabilization %d s, %s; CPU averaged over %.1f s periods read %.1f s late",
          h.targetUtilizationPercent(), h.scaleUpTolerance(), h.scaleDownTolerance(), h.syncPeriodSeconds(), h.minReplicas(),
          h.maxReplicas(), h.scaleDownStabilizationSeconds(), behavior(h.behavior()), h.metrics().periodSeconds(),
          h.metrics().lagSeconds());
    }
    if (policy instanceof TargetTrackingPolicy t) {
      return String.format(Locale.ROOT,
          "AWS target tracking on average CPU: target %.0f %%, %.0f s datapoints, out after %d above the target, "
              + "in after %d below %.2f × target%s, warm-up %s excluded and blocking scale-in, capacity %d to %d%s",
          t.targetUtilizationPercent(), t.evaluationPeriodSeconds(), t.scaleOutDatapoints(), t.scaleInDatapoints(),
          t.scaleInThresholdFraction(), t.scaleInDisabled() ? " (scale-in disabled)" : "",
          t.instanceWarmupSeconds() == null ? "until ready" : String.format(Locale.ROOT, "%.0f s", t.instanceWarmupSeconds()),
          t.minCapacity(), t.maxCapacity(), scheduleNote(t.scheduled()));
    }
    if (policy instanceof AwsPredictivePolicy a) {
      return String.format(Locale.ROOT,
          "AWS predictive scaling (ForecastAndScale): hourly forecast for %d h refreshed every %d h from at least %d h and "
              + "at most %d days of history, sized at %.0f %% of %.1f requests per second per instance, launched %.0f s early, "
              + "never scaling in; final capacity = max(predictive, dynamic), the dynamic policy being: %s",
          AwsPredictivePolicy.FORECAST_HOURS, AwsPredictivePolicy.REFRESH_SECONDS / 3600, AwsPredictivePolicy.MIN_HISTORY_HOURS,
          AwsPredictivePolicy.MAX_HISTORY_HOURS / 24, a.targetUtilizationPercent(), capacity, a.schedulingBufferSeconds(),
          describe(a.dynamic(), capacity, bootSeconds, warmupSeconds));
    }
    if (policy instanceof StepScalingPolicy st) {
      return String.format(Locale.ROOT,
          "AWS step scaling on average CPU: %.0f s datapoints, scale-out %s, scale-in %s, warm-up %s excluded and "
              + "blocking scale-in, capacity %d to %d%s",
          st.evaluationPeriodSeconds(), describe(st.scaleOut()), describe(st.scaleIn()),
          st.instanceWarmupSeconds() == null ? "until ready" : String.format(Locale.ROOT, "%.0f s", st.instanceWarmupSeconds()),
          st.minCapacity(), st.maxCapacity(), scheduleNote(st.scheduled()));
    }
    if (policy instanceof HybridPolicy h) {
      double lead = h.leadSeconds() != null ? h.leadSeconds() : bootSeconds + warmupSeconds;
      return String.format(Locale.ROOT,
          "Loadcast hybrid: replicas = ceil(max(S, D) / (%.1f requests per second per instance × %d %%)), with the HPA's "
              + "recommendation as a floor and a %d s scale-down stabilization; S = %s "
              + "forecast of the de-evented rate %.0f s ahead × the events in force then (%s); D = rate + %.2f × smoothed "
              + "slope (β %.2f, %d s windows) × %.0f s",
          capacity, h.reactive().targetUtilizationPercent(), h.scaleDownStabilizationSeconds(),
          forecaster(h.forecastMethod(), h.seasonality(), h.seasonalPeriodBuckets(), h.bucketSeconds()), lead,
          h.useCalendar() ? "calendar read" : "calendar ignored", h.derivativeWeight(), h.derivativeSmoothing(),
          h.rateWindowSeconds(), lead);
    }
    PredictivePolicy p = (PredictivePolicy) policy;
    double lead = p.leadSeconds() != null ? p.leadSeconds() : bootSeconds + p.reactive().syncPeriodSeconds();
    return String.format(Locale.ROOT,
        "%s forecast of the arrival rate %.0f s ahead, "
            + "sized at %d %% of %.1f requests per second per instance, with the HPA's recommendation as a floor "
            + "and its stabilization and limits",
        forecaster(p.forecastMethod(), p.seasonality(), p.seasonalPeriodBuckets(), p.bucketSeconds()), lead,
        p.reactive().targetUtilizationPercent(), capacity);
  }

  /** Names a policy's forecaster and its season for the report. */
  private static String forecaster(ArrivalForecast method, Seasonality seasonality, int periodBuckets, int bucketSeconds) {
    if (method == ArrivalForecast.HOLT_WINTERS) {
      return String.format(Locale.ROOT, "Holt-Winters (%s, R formulation, season %d × %d s buckets)",
          seasonality.name().toLowerCase(Locale.ROOT), periodBuckets, bucketSeconds);
    }
    return String.format(Locale.ROOT, "Adaptive combination (seasonally adjusted and plain damped trend, "
        + "inverse-MSE weights; season %d × %d s buckets)", periodBuckets, bucketSeconds);
  }

  private static String describe(StepAlarm alarm) {
    if (alarm == null) {
      return "none";
    }
    List<String> steps = new ArrayList<>();
    for (StepAdjustment s : alarm.steps()) {
      steps.add(String.format(Locale.ROOT, "%s..%s: %+d", s.lowerBound() == null ? "-inf" : number(s.lowerBound()),
          s.upperBound() == null ? "+inf" : number(s.upperBound()), s.scalingAdjustment()));
    }
    return String.format(Locale.ROOT, "when %s %.0f %% for %d datapoint(s), %s [%s]", alarm.above() ? ">=" : "<=",
        alarm.thresholdPercent(), alarm.evaluationPeriods(), alarm.adjustmentType().awsName()
            + (alarm.minAdjustmentMagnitude() == null ? "" : " (min " + alarm.minAdjustmentMagnitude() + ")"),
        String.join(", ", steps));
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String scheduleNote(List<ScheduledAction> scheduled) {
    if (scheduled.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (ScheduledAction a : scheduled) {
      parts.add("'" + a.cron() + "'" + (a.minCapacity() == null ? "" : " min " + a.minCapacity())
          + (a.maxCapacity() == null ? "" : " max " + a.maxCapacity()));
    }
    return ", scheduled: " + String.join("; ", parts);
  }

  private static ServiceSummary serviceSummary(ServiceModel service, Experiment experiment) {
    ExperimentDocument.Instances instances = experiment.instances();
    return new ServiceSummary(service.workersPerInstance(), service.maxQueueLength(), describe(service.serviceTime()),
        service.serviceTime().meanSeconds() * 1000, service.capacityPerSecond(), service.origin(),
        Double.isFinite(experiment.requestTimeoutSeconds()) ? experiment.requestTimeoutSeconds() : null,
        instances.warmupInitialCapacityFraction(), instances.billingGranularitySeconds(), instances.minimumBilledSeconds());
  }

  /** Returns a service-time distribution for people, such as "log-normal, median 40.0 ms, σ 0.50". */
  static String describe(ServiceTime time) {
    if (time instanceof ServiceTime.PerTemplate p) {
      Map<ServiceTime, List<String>> groups = new LinkedHashMap<>();
      for (ServiceTime.PerTemplate.Template t : p.templates()) {
        groups.computeIfAbsent(t.serviceTime(), k -> new ArrayList<>()).add(t.name());
      }
      List<String> parts = new ArrayList<>();
      groups.forEach((distribution, names) -> parts.add((names.size() == 1 ? names.get(0) : names.size() + " templates")
          + ": " + describe(distribution)));
      return String.format(Locale.ROOT, "per request template (mean %.1f ms): %s", p.meanSeconds() * 1000,
          String.join("; ", parts));
    }
    if (time instanceof ServiceTime.Empirical e) {
      // the mean is beside it wherever the description is shown
      return String.format(Locale.ROOT, "empirical, %d measurements, median %.1f ms, p99 %.1f ms",
          e.totalCount(), e.quantileSeconds(0.5) * 1000, e.quantileSeconds(0.99) * 1000);
    }
    if (time instanceof ServiceTime.LogNormal l) {
      return String.format(Locale.ROOT, "log-normal, median %.1f ms, σ %.2f", l.medianSeconds() * 1000, l.sigma());
    }
    if (time instanceof ServiceTime.Exponential e) {
      return String.format(Locale.ROOT, "exponential, mean %.1f ms", e.meanSeconds() * 1000);
    }
    return String.format(Locale.ROOT, "deterministic, %.1f ms", time.meanSeconds() * 1000);
  }

  private static DemandSummary demandSummary(Experiment experiment, double scale, double peak, double bridged) {
    TrafficProfile profile = experiment.profile();
    double from = experiment.horizonStartSeconds();
    return new DemandSummary(profile.name(), profile.timezone().getId(), profile.wallClock(from).toEpochSecond(),
        profile.wallClock(from).toOffsetDateTime().toString(), experiment.horizonSeconds(),
        from - profile.rate().startSeconds(), scale, peak, experiment.peakInstances(),
        experiment.peakUtilizationPercent(), bridged);
  }

  private static List<String> notes(Experiment experiment, RateCurve original, double from, double horizon) {
    List<String> notes = new ArrayList<>();
    long gaps = original.missing().stream().filter(r -> r.overlapSeconds(from, from + horizon) > 0).count();
    if (gaps > 0) {
      notes.add(String.format(Locale.ROOT,
          "The horizon holds %d stretch(es) of missing data (%.0f s in all): the simulated demand bridges them "
              + "with a straight line between the rates on either side.", gaps, original.missingSeconds(from, from + horizon)));
    }
    long historyGaps = original.missing().stream().filter(r -> r.toSeconds() <= from).count();
    if (historyGaps > 0) {
      notes.add(String.format(Locale.ROOT,
          "The history before the horizon holds %d stretch(es) of missing data (%.0f s): forecasters skip buckets "
              + "that are more than half missing instead of reading them as zero load.",
          historyGaps, original.missingSeconds(original.startSeconds(), from)));
    }
    if (experiment.profile().mix().sessions() != null) {
      notes.add(String.format(Locale.ROOT,
          "The profile's rate counts sessions; the simulated demand is that rate times %.3f, the expected requests per "
              + "session, with each session's requests arriving together: the spread of their think times is ignored.",
          experiment.profile().mix().requestsPerArrival()));
    }
    notes.add("Every policy sees the same arrivals and service times: each source of randomness has its own "
        + "stream derived from the seed.");
    return notes;
  }
}
