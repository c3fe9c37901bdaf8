package org.loadcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loadcast.autoscale.AdjustmentType;
import org.loadcast.autoscale.ArrivalForecast;
import org.loadcast.autoscale.AwsPredictivePolicy;
import org.loadcast.autoscale.HpaBehavior;
import org.loadcast.autoscale.HpaController;
import org.loadcast.autoscale.HpaPolicy;
import org.loadcast.autoscale.HybridPolicy;
import org.loadcast.autoscale.PredictivePolicy;
import org.loadcast.autoscale.ScalingPolicy;
import org.loadcast.autoscale.ScheduledAction;
import org.loadcast.autoscale.ScalingRules;
import org.loadcast.autoscale.StepAdjustment;
import org.loadcast.autoscale.StepAlarm;
import org.loadcast.autoscale.StepScalingPolicy;
import org.loadcast.autoscale.TargetTrackingPolicy;
import org.loadcast.capacity.GrowthSettings;
import org.loadcast.capacity.InstanceSizing;
import org.loadcast.forecast.Seasonality;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.YamlFile;
import org.loadcast.results.ResultFiles;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.MetricWindow;
import org.loadcast.sim.ServiceTime;

/** Reads and checks experiment files ({@code simulations/*.yaml}). */
public final class Experiments {
  private Experiments() {}

  /**
   * Reads an experiment and the profile it names.
   *
   * @param file the experiment file
   * @return the checked experiment
   * @throws InputException listing every problem found, each at {@code file:line:column}
   */
  public static Experiment read(Path file) {
    YamlFile<ExperimentDocument> yaml = YamlFile.read(file, ExperimentDocument.class);
    ExperimentDocument doc = yaml.value();
    List<InputProblem> problems = new ArrayList<>();
    if (doc.profile() == null || doc.profile().isBlank()) {
      throw new InputException(yaml.problemAt("profile", "profile must name the traffic profile's file, but was "
          + (doc.profile() == null ? "null" : "'" + doc.profile() + "'")));
    }
    Path profileFile;
    try {
      profileFile = resolve(file, doc.profile());
    } catch (IllegalArgumentException e) {
      throw new InputException(yaml.problemAt("profile", "profile must name the traffic profile's file, but " + e.getMessage()));
    }
    TrafficProfile profile = readProfile(yaml, profileFile, problems);
    ServiceModel service = service(yaml, file, profile, problems);
    LatencySlo slo = check(yaml, "slo", problems, () -> new LatencySlo(doc.slo().percentile(), doc.slo().latencyMillis()));
    List<NamedPolicy> policies = policies(yaml, problems);
    boolean frontier = !Boolean.FALSE.equals(doc.frontier().enabled());
    Optional<String> reference = frontierReference(yaml, policies, problems);
    checkInstances(yaml, problems);
    GrowthSettings growth = growth(yaml, policies, service, problems);
    if (profile != null) {
      checkAgainstProfile(yaml, profile, problems);
    }
    if (profile != null && service != null && problems.isEmpty()) {
      checkSimulationSize(yaml, profile, service, problems);
    }
    if (!problems.isEmpty()) {
      throw new InputException(problems);
    }
    ExperimentDocument.Simulation sim = doc.simulation();
    ExperimentDocument.Target target = doc.target() == null ? new ExperimentDocument.Target(null, null) : doc.target();
    return new Experiment(file, doc.name(), doc.description() == null ? "" : doc.description(), doc.seed(),
        profileFile, profile, target, Optional.ofNullable(doc.loadTest()), sim.horizonSeconds(), sim.peakInstances(),
        sim.peakUtilizationPercent(), service, sim.instances(), sim.loadBalancing(),
        sim.requestTimeoutSeconds() == null ? Double.POSITIVE_INFINITY : sim.requestTimeoutSeconds(), slo, policies, frontier, reference, growth,
        yaml.has("growth"));
  }

  /**
   * Returns the growth settings: the {@code growth} section, checked when it was read, with an absent
   * {@code maxInstances} taken as the largest maximum among the policies. The fleet limit must also
   * stay within what the sizing searches, {@link InstanceSizing#MAX_TOTAL_WORKERS} workers in all.
   */
  private static GrowthSettings growth(YamlFile<ExperimentDocument> yaml, List<NamedPolicy> policies, ServiceModel service,
      List<InputProblem> problems) {
    ExperimentDocument.Growth doc = yaml.value().growth();
    int largest = policies.stream().mapToInt(p -> p.policy().maxInstances()).max().orElse(0);
    if (doc.maxInstances() == null && largest < 1) {
      if (problems.isEmpty()) {
        problems.add(yaml.problemAt("growth", "growth.maxInstances is required when no policy gives maxReplicas or maxCapacity"));
      }
      return null;
    }
    GrowthSettings settings = check(yaml, "growth", problems, () -> doc.settings(largest));
    if (settings != null && service != null) {
      int limit = InstanceSizing.MAX_TOTAL_WORKERS / service.workersPerInstance();
      if (settings.maxInstances() > limit) {
        problems.add(yaml.problemAt(doc.maxInstances() != null ? "growth.maxInstances" : "growth",
            "growth.maxInstances must be <= " + limit + " (" + InstanceSizing.MAX_TOTAL_WORKERS + " workers, the sizing's "
            + "search limit, at " + service.workersPerInstance() + " per instance), but was " + settings.maxInstances()));
        return null;
      }
    }
    return settings;
  }

  /** Resolves a name the experiment wrote against its folder; relative to the working directory when inside it. */
  private static Path resolve(Path file, String relative) {
    Path resolved = org.loadcast.profile.FileNames.resolve(file.toAbsolutePath().getParent(), relative);
    Path cwd = Path.of("").toAbsolutePath();
    return resolved.startsWith(cwd) ? cwd.relativize(resolved) : resolved;
  }

  private static TrafficProfile readProfile(YamlFile<ExperimentDocument> yaml, Path profileFile, List<InputProblem> problems) {
    if (!Files.isRegularFile(profileFile)) {
      problems.add(yaml.problemAt("profile", "profile must name a traffic profile file, but '" + yaml.value().profile()
          + (Files.isDirectory(profileFile) ? "' is a directory" : "' does not exist") + " (looked for " + profileFile + ")"));
      return null;
    }
    try {
      return TrafficProfiles.read(profileFile);
    } catch (InputException e) {
      problems.addAll(e.problems());
      return null;
    }
  }

  private static ServiceModel service(
      YamlFile<ExperimentDocument> yaml, Path file, TrafficProfile profile, List<InputProblem> problems) {
    ExperimentDocument.Service s = yaml.value().simulation().service();
    String base = "simulation.service";
    ServiceTime common = check(yaml, base + ".serviceTime", problems, () -> serviceTime(s.serviceTime(), file));
    if (common == null) {
      return null;
    }
    ServiceTime time = s.serviceTimeByTemplate().isEmpty() ? common
        : perTemplate(yaml, file, profile, common, problems);
    if (time == null) {
      return null;
    }
    ServiceModel model = check(yaml, base, problems, () -> new ServiceModel(s.workersPerInstance(), s.maxQueueLength(), time,
        "written in the experiment (" + yaml.fileName() + ")"));
    if (model != null && !(model.capacityPerSecond() > 0 && Double.isFinite(model.capacityPerSecond()))) {
      problems.add(yaml.problemAt(base + ".serviceTime", base + ".serviceTime must have a finite mean above 0, but its mean is "
          + time.meanSeconds() + " s"));
      return null;
    }
    return model;
  }

  private static ServiceTime serviceTime(ExperimentDocument.ServiceTimeDocument d, Path file) {
    List<String> unused = new ArrayList<>();
    boolean mean = d.distribution().equals("exponential") || d.distribution().equals("deterministic");
    boolean logNormal = d.distribution().equals("lognormal");
    boolean empirical = d.distribution().equals("empirical");
    addIf(unused, !mean && d.meanMillis() != null, "meanMillis");
    addIf(unused, !logNormal && d.medianMillis() != null, "medianMillis");
    addIf(unused, !logNormal && d.sigma() != null, "sigma");
    addIf(unused, !empirical && d.histogramLog() != null, "histogramLog");
    addIf(unused, !empirical && d.tag() != null, "tag");
    if (!unused.isEmpty() && (mean || logNormal || empirical)) {
      throw new IllegalArgumentException(String.join(" and ", unused) + " must not be given with distribution "
          + d.distribution() + ", which does not use " + (unused.size() == 1 ? "it" : "them"));
    }
    return switch (d.distribution()) {
      case "exponential" -> new ServiceTime.Exponential(required(d.meanMillis(), "meanMillis") / 1000);
      case "deterministic" -> new ServiceTime.Deterministic(required(d.meanMillis(), "meanMillis") / 1000);
      case "lognormal" -> new ServiceTime.LogNormal(required(d.medianMillis(), "medianMillis") / 1000,
          required(d.sigma(), "sigma"));
      case "empirical" -> empirical(d, file);
      default -> throw new IllegalArgumentException("distribution must be one of exponential, lognormal, deterministic, "
          + "empirical, but was '" + d.distribution() + "'");
    };
  }

  private static void addIf(List<String> names, boolean condition, String name) {
    if (condition) {
      names.add(name);
    }
  }

  /** Reads an empirical distribution from the HdrHistogram interval log the document names. */
  private static ServiceTime empirical(ExperimentDocument.ServiceTimeDocument d, Path file) {
    if (d.histogramLog() == null) {
      throw new IllegalArgumentException("histogramLog is required for this distribution");
    }
    Path log = resolve(file, d.histogramLog());
    if (!Files.isRegularFile(log)) {
      throw new IllegalArgumentException("histogramLog must name an HdrHistogram interval log, but '" + d.histogramLog()
          + "' does not exist (looked for " + log + ")");
    }
    try {
      return ServiceTime.Empirical.of(ResultFiles.readLatencyMicros(log, d.tag()), 1e-6);
    } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("histogramLog '" + d.histogramLog() + "' " + e.getMessage());
    }
  }

  /**
   * Returns the per-template service times: each template of the profile's mix with a request share
   * above 0, weighted by that share, with its own distribution or the common one.
   */
  private static ServiceTime perTemplate(
      YamlFile<ExperimentDocument> yaml, Path file, TrafficProfile profile, ServiceTime common, List<InputProblem> problems) {
    String base = "simulation.service.serviceTimeByTemplate";
    Map<String, ExperimentDocument.ServiceTimeDocument> docs = yaml.value().simulation().service().serviceTimeByTemplate();
    Map<String, ServiceTime> times = new HashMap<>();
    int before = problems.size();
    for (Map.Entry<String, ExperimentDocument.ServiceTimeDocument> e : docs.entrySet()) {
      String path = base + "." + e.getKey();
      if (profile != null && profile.mix().template(e.getKey()) == null) {
        List<String> names = profile.mix().requests().stream().map(org.loadcast.profile.RequestTemplate::name).toList();
        problems.add(yaml.keyProblemAt(path, path + " must name a request template of the profile's mix, but '" + e.getKey()
            + "' is none" + YamlFile.closestName(e.getKey(), names).map(n -> " (did you mean '" + n + "'?)").orElse("")));
        continue;
      }
      ServiceTime time = check(yaml, path, problems, () -> serviceTime(e.getValue(), file));
      if (time != null) {
        times.put(e.getKey(), time);
      }
    }
    if (profile == null || problems.size() > before) {
      return null;
    }
    List<ServiceTime.PerTemplate.Template> templates = new ArrayList<>();
    for (Map.Entry<String, Double> share : profile.mix().requestShares().entrySet()) {
      if (share.getValue() > 0) {
        templates.add(new ServiceTime.PerTemplate.Template(share.getKey(), share.getValue(),
            times.getOrDefault(share.getKey(), common)));
      }
    }
    return new ServiceTime.PerTemplate(templates);
  }

  private static double required(Double value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required for this distribution");
    }
    return value;
  }

  private static void checkInstances(YamlFile<ExperimentDocument> yaml, List<InputProblem> problems) {
    ExperimentDocument.Instances i = yaml.value().simulation().instances();
    String base = "simulation.instances";
    if (!(i.bootSeconds() >= 0)) {
      problems.add(yaml.problemAt(base + ".bootSeconds", base + ".bootSeconds must be >= 0, but was " + i.bootSeconds()));
    }
    if (!(i.warmupSeconds() >= 0)) {
      problems.add(yaml.problemAt(base + ".warmupSeconds", base + ".warmupSeconds must be >= 0, but was " + i.warmupSeconds()));
    }
    if (!(i.pricePerHour() >= 0)) {
      problems.add(yaml.problemAt(base + ".pricePerHour", base + ".pricePerHour must be >= 0, but was " + i.pricePerHour()));
    }
    Double fraction = i.warmupInitialCapacityFraction();
    if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
      problems.add(yaml.problemAt(base + ".warmupInitialCapacityFraction", base
          + ".warmupInitialCapacityFraction must be in [0, 1], but was " + fraction));
    }
    Double granularity = i.billingGranularitySeconds();
    if (granularity != null && !(granularity > 0 && Double.isFinite(granularity))) {
      problems.add(yaml.problemAt(base + ".billingGranularitySeconds", base
          + ".billingGranularitySeconds must be a finite number > 0, but was " + granularity));
    }
    Double minimum = i.minimumBilledSeconds();
    if (minimum != null && !(minimum >= 0 && Double.isFinite(minimum))) {
      problems.add(yaml.problemAt(base + ".minimumBilledSeconds", base
          + ".minimumBilledSeconds must be a finite number >= 0, but was " + minimum));
    }
  }

  private static List<NamedPolicy> policies(YamlFile<ExperimentDocument> yaml, List<InputProblem> problems) {
    List<ExperimentDocument.PolicyDocument> docs = yaml.value().policies();
    if (docs.isEmpty()) {
      problems.add(yaml.problemAt("policies", "policies must list at least one policy, but was empty"));
    }
    List<Double> offsets = sweepOffsets(yaml, problems);
    Map<String, ScalingPolicy> built = new HashMap<>();
    java.util.Set<String> failed = new java.util.HashSet<>();
    List<NamedPolicy> policies = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      String base = "policies[" + i + "]";
      ExperimentDocument.PolicyDocument doc = docs.get(i);
      if (doc.name() == null || doc.name().isBlank()) {
        problems.add(yaml.problemAt(base + ".name", base + ".name must be a non-empty text, but was "
            + (doc.name() == null ? "null" : "'" + doc.name() + "'")));
        continue;
      }
      if (policies.stream().anyMatch(p -> p.name().equals(doc.name()))) {
        problems.add(yaml.problemAt(base + ".name", base + ".name must be unique, but '" + doc.name() + "' repeats"));
        continue;
      }
      if (doc instanceof ExperimentDocument.PredictiveDocument p && failed.contains(p.reactive())
          || doc instanceof ExperimentDocument.HybridDocument h && failed.contains(h.reactive())
          || doc instanceof ExperimentDocument.AwsPredictiveDocument a && failed.contains(a.dynamic())) {
        continue;
      }
      ScalingPolicy policy = check(yaml, base, problems, () -> build(doc, built, yaml, base, problems));
      if (policy == null) {
        failed.add(doc.name());
      } else {
        policies.add(new NamedPolicy(doc.name(), policy, sweep(doc, policy, offsets, yaml, base, problems)));
        built.put(doc.name(), policy);
      }
    }
    return policies;
  }

  private static ScalingPolicy build(
      ExperimentDocument.PolicyDocument doc, Map<String, ScalingPolicy> built, YamlFile<ExperimentDocument> yaml,
      String base, List<InputProblem> problems) {
    if (doc instanceof ExperimentDocument.HpaDocument h) {
      return hpa(h, yaml, base, problems);
    }
    if (doc instanceof ExperimentDocument.TargetTrackingDocument t) {
      List<ScheduledAction> scheduled = scheduled(t.scheduled(), yaml, base, problems);
      return new TargetTrackingPolicy(t.targetUtilizationPercent(), t.minCapacity() == null ? 1 : t.minCapacity(),
          t.maxCapacity(), t.instanceWarmupSeconds(), orDefault(t.evaluationPeriodSeconds(), 60.0),
          t.scaleOutDatapoints() == null ? 3 : t.scaleOutDatapoints(), t.scaleInDatapoints() == null ? 15 : t.scaleInDatapoints(),
          orDefault(t.scaleInThresholdFraction(), 0.9), Boolean.TRUE.equals(t.scaleInDisabled()), scheduled);
    }
    if (doc instanceof ExperimentDocument.StepScalingDocument st) {
      int before = problems.size();
      List<ScheduledAction> scheduled = scheduled(st.scheduled(), yaml, base, problems);
      StepAlarm out = alarm(st.scaleOut(), true, yaml, base + ".scaleOut", problems);
      StepAlarm in = alarm(st.scaleIn(), false, yaml, base + ".scaleIn", problems);
      if (problems.size() > before) {
        throw new AlreadyReported();
      }
      return new StepScalingPolicy(st.minCapacity() == null ? 1 : st.minCapacity(), st.maxCapacity(),
          st.instanceWarmupSeconds(), orDefault(st.evaluationPeriodSeconds(), 60.0), out, in, scheduled);
    }
    if (doc instanceof ExperimentDocument.AwsPredictiveDocument a) {
      ScalingPolicy dynamic = built.get(a.dynamic());
      if (!(dynamic instanceof TargetTrackingPolicy) && !(dynamic instanceof StepScalingPolicy)) {
        List<String> names = built.entrySet().stream()
            .filter(e -> e.getValue() instanceof TargetTrackingPolicy || e.getValue() instanceof StepScalingPolicy)
            .map(Map.Entry::getKey).sorted().toList();
        String hint = YamlFile.closestName(a.dynamic(), names).map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw new IllegalArgumentException("dynamic must name a target-tracking or step-scaling policy listed before this one, "
            + "but was '" + a.dynamic() + "'" + hint + "; such policies: " + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
      return new AwsPredictivePolicy(dynamic, a.targetUtilizationPercent(), orDefault(a.schedulingBufferSeconds(), 300.0));
    }
    if (doc instanceof ExperimentDocument.HybridDocument h) {
      HpaPolicy floor = reactiveFloor(h.reactive(), built);
      int bucket = h.bucketSeconds() == null ? 300 : h.bucketSeconds();
      int period = h.seasonalPeriodBuckets() == null ? Math.max(2, 86_400 / bucket) : h.seasonalPeriodBuckets();
      ArrivalForecast method = Objects.requireNonNullElse(h.forecastMethod(), ArrivalForecast.ADAPTIVE_COMBINATION);
      return new HybridPolicy(floor, bucket, period, method, seasonality(method, h.seasonality()),
          h.leadSeconds(), orDefault(h.refitSeconds(), 86_400.0), orDefault(h.derivativeWeight(), 1.0),
          orDefault(h.derivativeSmoothing(), 0.2), h.rateWindowSeconds() == null ? 60 : h.rateWindowSeconds(),
          !Boolean.FALSE.equals(h.useCalendar()),
          h.scaleDownStabilizationSeconds() == null ? 300 : h.scaleDownStabilizationSeconds());
    }
    ExperimentDocument.PredictiveDocument p = (ExperimentDocument.PredictiveDocument) doc;
    HpaPolicy floor = reactiveFloor(p.reactive(), built);
    int bucket = p.bucketSeconds() == null ? 300 : p.bucketSeconds();
    int period = p.seasonalPeriodBuckets() == null ? Math.max(2, 86_400 / bucket) : p.seasonalPeriodBuckets();
    ArrivalForecast method = Objects.requireNonNullElse(p.forecastMethod(), ArrivalForecast.ADAPTIVE_COMBINATION);
    return new PredictivePolicy(floor, bucket, period, method, seasonality(method, p.seasonality()), p.leadSeconds(),
        orDefault(p.refitSeconds(), 86_400.0));
  }

  /** The seasonality as written; for Holt-Winters, additive when absent. */
  private static Seasonality seasonality(ArrivalForecast method, Seasonality written) {
    return written == null && method == ArrivalForecast.HOLT_WINTERS ? Seasonality.ADDITIVE : written;
  }

  /**
   * Returns an HPA, its controller flags, metrics window and behavior each checked where it is
   * written.
   *
   * @throws IllegalArgumentException if a rule is broken: the HPA's own, or one already reported
   */
  private static HpaPolicy hpa(ExperimentDocument.HpaDocument h, YamlFile<ExperimentDocument> yaml, String base,
      List<InputProblem> problems) {
    int before = problems.size();
    HpaController defaults = HpaController.DEFAULTS;
    HpaController controller = check(yaml, base, problems, () -> new HpaController(
        orDefault(h.syncPeriodSeconds(), defaults.syncPeriodSeconds()), orDefault(h.tolerance(), defaults.tolerance()),
        h.downscaleStabilizationSeconds() == null ? defaults.downscaleStabilizationSeconds() : h.downscaleStabilizationSeconds(),
        orDefault(h.cpuInitializationPeriodSeconds(), defaults.cpuInitializationPeriodSeconds()),
        orDefault(h.initialReadinessDelaySeconds(), defaults.initialReadinessDelaySeconds())));
    ExperimentDocument.MetricWindowDocument m = h.metrics();
    MetricWindow metrics = m == null ? HpaPolicy.METRICS_SERVER : check(yaml, base + ".metrics", problems, () -> {
      double period = orDefault(m.periodSeconds(), HpaPolicy.METRICS_SERVER.periodSeconds());
      return new MetricWindow(period, orDefault(m.lagSeconds(), period / 2));
    });
    HpaBehavior behavior = null;
    if (h.behavior() != null) {
      int downscaleWindow = h.downscaleStabilizationSeconds() == null
          ? defaults.downscaleStabilizationSeconds() : h.downscaleStabilizationSeconds();
      ScalingRules up = rules(h.behavior().scaleUp(), ScalingRules.DEFAULT_SCALE_UP, 0, yaml, base + ".behavior.scaleUp", problems);
      ScalingRules down = rules(h.behavior().scaleDown(), ScalingRules.DEFAULT_SCALE_DOWN, downscaleWindow, yaml,
          base + ".behavior.scaleDown", problems);
      behavior = up == null || down == null ? null : new HpaBehavior(up, down);
    }
    if (problems.size() > before) {
      throw new AlreadyReported();
    }
    int target = h.targetUtilizationPercent() == null ? HpaPolicy.DEFAULT_TARGET_UTILIZATION_PERCENT : h.targetUtilizationPercent();
    return new HpaPolicy(target, h.minReplicas() == null ? 1 : h.minReplicas(), h.maxReplicas(), behavior, controller, metrics);
  }

  /**
   * Returns one direction's scaling rules with the API server's defaults for absent fields, or the
   * defaults when the direction is absent; null when a rule is broken (each added to the problems).
   */
  private static ScalingRules rules(ExperimentDocument.HpaScalingRulesDocument d, ScalingRules defaults,
      int defaultWindowSeconds, YamlFile<ExperimentDocument> yaml, String base, List<InputProblem> problems) {
    if (d == null) {
      return defaults.withStabilizationWindowSeconds(defaultWindowSeconds);
    }
    int before = problems.size();
    ScalingRules.SelectPolicy select = d.selectPolicy() == null ? ScalingRules.SelectPolicy.MAX : check(yaml, base, problems,
        () -> kubernetesName(ScalingRules.SelectPolicy.values(), "selectPolicy", d.selectPolicy(),
            ScalingRules.SelectPolicy::kubernetesName));
    List<ScalingRules.RatePolicy> policies = new ArrayList<>();
    if (d.policies() == null) {
      policies.addAll(defaults.policies());
    } else {
      for (int j = 0; j < d.policies().size(); j++) {
        ExperimentDocument.HpaScalingPolicyDocument p = d.policies().get(j);
        ScalingRules.RatePolicy policy = check(yaml, base + ".policies[" + j + "]", problems,
            () -> new ScalingRules.RatePolicy(kubernetesName(ScalingRules.RatePolicy.Type.values(), "type", p.type(),
                ScalingRules.RatePolicy.Type::kubernetesName), p.value(), p.periodSeconds()));
        policies.add(policy);
      }
    }
    if (problems.size() > before) {
      return null;
    }
    int window = d.stabilizationWindowSeconds() == null ? defaultWindowSeconds : d.stabilizationWindowSeconds();
    return check(yaml, base, problems, () -> new ScalingRules(window, select, policies, d.tolerance()));
  }

  /**
   * Returns the constant written with its Kubernetes name, which is case-sensitive as in a manifest.
   *
   * @throws IllegalArgumentException naming the field, the names and the value, with the closest name
   */
  private static <E> E kubernetesName(E[] values, String field, String name, java.util.function.Function<E, String> nameOf) {
    for (E value : values) {
      if (nameOf.apply(value).equals(name)) {
        return value;
      }
    }
    List<String> names = java.util.Arrays.stream(values).map(nameOf).toList();
    throw new IllegalArgumentException(field + " must be one of " + String.join(", ", names) + ", but was '" + name + "'"
        + YamlFile.closestName(String.valueOf(name), names).map(s -> " (did you mean '" + s + "'?)").orElse(""));
  }

  /** The default sweep: these offsets from the operating value, in points, those the policy can take. */
  static final List<Double> DEFAULT_SWEEP_OFFSETS = List.of(-20.0, -10.0, 10.0);

  /** Returns {@code frontier.defaultSweepOffsets}, or the default; each bad offset is added to the problems. */
  private static List<Double> sweepOffsets(YamlFile<ExperimentDocument> yaml, List<InputProblem> problems) {
    List<Double> written = yaml.value().frontier().defaultSweepOffsets();
    if (written == null) {
      return DEFAULT_SWEEP_OFFSETS;
    }
    List<Double> offsets = new ArrayList<>();
    for (int j = 0; j < written.size(); j++) {
      String field = "frontier.defaultSweepOffsets[" + j + "]";
      Double offset = written.get(j);
      String rule = offset == null || !Double.isFinite(offset) ? "must be a finite number"
          : offset == 0 ? "must not be 0 (the operating point runs anyway)"
          : offsets.contains(offset) ? "must not repeat an earlier offset" : null;
      if (rule != null) {
        problems.add(yaml.problemAt(field, field + " " + rule + ", but was " + (offset == null ? "null" : number(offset))));
      } else {
        offsets.add(offset);
      }
    }
    return offsets;
  }

  /**
   * Returns the knob values a policy's frontier runs besides its operating point: the default
   * offsets from the operating value when {@code sweep} is absent, none when the frontier is off, else the values written,
   * each checked (finite, not the operating value, not repeated, one the policy can take).
   */
  private static List<Double> sweep(ExperimentDocument.PolicyDocument doc, ScalingPolicy policy, List<Double> offsets,
      YamlFile<ExperimentDocument> yaml, String base, List<InputProblem> problems) {
    boolean enabled = !Boolean.FALSE.equals(yaml.value().frontier().enabled());
    if (doc.sweep() == null || !enabled) {
      if (doc.sweep() != null && !doc.sweep().isEmpty()) {
        problems.add(yaml.problemAt(base + ".sweep", base + ".sweep must be absent or [] when frontier.enabled is false, but "
            + "lists " + doc.sweep().size() + " value(s)"));
      }
      return enabled ? defaultSweep(policy, offsets, yaml, base, doc.name(), problems) : List.of();
    }
    List<Double> values = new ArrayList<>();
    for (int j = 0; j < doc.sweep().size(); j++) {
      String field = base + ".sweep[" + j + "]";
      Double value = doc.sweep().get(j);
      String rule = value == null || !Double.isFinite(value) ? "must be a finite number"
          : value == policy.knobValue() ? "must differ from the operating point's " + policy.knobName() + " (" + number(value) + ")"
          : values.contains(value) ? "must not repeat an earlier value" : null;
      if (rule != null) {
        problems.add(yaml.problemAt(field, field + " " + rule + ", but was " + (value == null ? "null" : number(value))));
        continue;
      }
      try {
        policy.withKnob(value);
        values.add(value);
      } catch (IllegalArgumentException e) {
        problems.add(yaml.problemAt(field, field + ": " + e.getMessage()));
      }
    }
    return values;
  }

  /**
   * Returns the operating value plus each offset the policy can take. An offset of the built-in
   * default that the policy cannot take is left out, as documented; one written in {@code
   * frontier.defaultSweepOffsets} is a problem, located at the offset and naming the policy.
   */
  private static List<Double> defaultSweep(ScalingPolicy policy, List<Double> offsets,
      YamlFile<ExperimentDocument> yaml, String base, String name, List<InputProblem> problems) {
    List<Double> written = yaml.value().frontier().defaultSweepOffsets();
    List<Double> values = new ArrayList<>();
    for (double offset : offsets) {
      double value = policy.knobValue() + offset;
      try {
        policy.withKnob(value);
        values.add(value);
      } catch (IllegalArgumentException outOfRange) {
        if (written != null) {
          String field = "frontier.defaultSweepOffsets[" + written.indexOf(offset) + "]";
          problems.add(yaml.problemAt(field, field + " must give a value " + base + " (" + name + ") can take, but " + number(policy.knobValue())
              + " + " + number(offset) + " = " + number(value) + " is not: " + outOfRange.getMessage()));
        }
      }
    }
    return values;
  }

  /**
   * Returns the policy the frontiers are compared with: {@code frontier.reference}, else the first
   * hpa policy, else the first target-tracking or step-scaling one; empty when there is none.
   */
  private static Optional<String> frontierReference(
      YamlFile<ExperimentDocument> yaml, List<NamedPolicy> policies, List<InputProblem> problems) {
    String named = yaml.value().frontier().reference();
    List<String> names = policies.stream().map(NamedPolicy::name).toList();
    if (named != null) {
      if (!names.contains(named) && yaml.value().policies().stream().noneMatch(d -> named.equals(d.name()))) {
        String hint = YamlFile.closestName(named, names).map(n -> " (did you mean '" + n + "'?)").orElse("");
        problems.add(yaml.problemAt("frontier.reference", "frontier.reference must name a policy of this experiment, but was '"
            + named + "'" + hint));
      }
      return Optional.of(named);
    }
    Optional<String> hpa = policies.stream().filter(p -> p.policy() instanceof HpaPolicy).map(NamedPolicy::name).findFirst();
    return hpa.isPresent() ? hpa : policies.stream()
        .filter(p -> p.policy() instanceof TargetTrackingPolicy || p.policy() instanceof StepScalingPolicy)
        .map(NamedPolicy::name).findFirst();
  }

  /**
   * Returns the hpa policy a predictive or hybrid policy names as its floor.
   *
   * @throws IllegalArgumentException if no hpa policy listed before has that name; the message lists them
   */
  private static HpaPolicy reactiveFloor(String reactive, Map<String, ScalingPolicy> built) {
    Map<String, HpaPolicy> hpas = new HashMap<>();
    built.forEach((name, policy) -> {
      if (policy instanceof HpaPolicy hpa) {
        hpas.put(name, hpa);
      }
    });
    HpaPolicy floor = hpas.get(reactive);
    if (floor == null) {
      String hint = YamlFile.closestName(reactive, hpas.keySet()).map(s -> " (did you mean '" + s + "'?)").orElse("");
      throw new IllegalArgumentException("reactive must name an hpa policy listed before this one, but was '"
          + reactive + "'" + hint + "; hpa policies: " + (hpas.isEmpty() ? "none" : String.join(", ", hpas.keySet().stream().sorted().toList())));
    }
    return floor;
  }

  /**
   * Returns the scheduled actions, each checked on its own so that every bad one is reported.
   *
   * @throws IllegalArgumentException if one was bad (already reported), so that the policy is not built
   */
  private static List<ScheduledAction> scheduled(List<ExperimentDocument.ScheduledActionDocument> docs,
      YamlFile<ExperimentDocument> yaml, String base, List<InputProblem> problems) {
    List<ScheduledAction> actions = new ArrayList<>();
    int before = problems.size();
    for (int j = 0; j < docs.size(); j++) {
      ExperimentDocument.ScheduledActionDocument d = docs.get(j);
      ScheduledAction action = check(yaml, base + ".scheduled[" + j + "]", problems,
          () -> new ScheduledAction(d.cron(), d.minCapacity(), d.maxCapacity()));
      if (action != null) {
        actions.add(action);
      }
    }
    if (problems.size() > before) {
      throw new AlreadyReported();
    }
    return actions;
  }

  /** Returns the alarm, or null when absent or broken (each broken rule is added to the problems). */
  private static StepAlarm alarm(ExperimentDocument.StepAlarmDocument d, boolean above, YamlFile<ExperimentDocument> yaml,
      String base, List<InputProblem> problems) {
    if (d == null) {
      return null;
    }
    List<StepAdjustment> steps = new ArrayList<>();
    int before = problems.size();
    for (int j = 0; j < d.steps().size(); j++) {
      ExperimentDocument.StepAdjustmentDocument s = d.steps().get(j);
      StepAdjustment step = check(yaml, base + ".steps[" + j + "]", problems,
          () -> new StepAdjustment(s.lowerBound(), s.upperBound(), s.scalingAdjustment()));
      if (step != null) {
        steps.add(step);
      }
    }
    AdjustmentType type = check(yaml, base, problems, () -> adjustmentType(d.adjustmentType()));
    if (problems.size() > before) {
      return null;
    }
    return check(yaml, base, problems, () -> new StepAlarm(above, d.thresholdPercent(),
        d.evaluationPeriods() == null ? 1 : d.evaluationPeriods(), type, d.minAdjustmentMagnitude(), steps));
  }

  private static AdjustmentType adjustmentType(String name) {
    try {
      return AdjustmentType.ofAwsName(name);
    } catch (IllegalArgumentException e) {
      List<String> names = java.util.Arrays.stream(AdjustmentType.values()).map(AdjustmentType::awsName).toList();
      throw new IllegalArgumentException(e.getMessage()
          + YamlFile.closestName(String.valueOf(name), names).map(s -> " (did you mean '" + s + "'?)").orElse(""));
    }
  }

  /** A rule broken below a policy, already added to the problems. */
  private static final class AlreadyReported extends IllegalArgumentException {
    AlreadyReported() {
      super("already reported");
    }
  }

  private static double orDefault(Double value, double fallback) {
    return value == null ? fallback : value;
  }

  private static void checkAgainstProfile(YamlFile<ExperimentDocument> yaml, TrafficProfile profile, List<InputProblem> problems) {
    double length = profile.rate().endSeconds() - profile.rate().startSeconds();
    double horizon = yaml.value().simulation().horizonSeconds();
    if (horizon >= length) {
      problems.add(yaml.problemAt("simulation.horizonSeconds", "simulation.horizonSeconds must be less than the profile's length ("
          + number(length) + " s) so that history remains before it, but was " + number(horizon)));
    }
    double boot = yaml.value().simulation().instances().bootSeconds();
    if (boot >= horizon) {
      problems.add(yaml.problemAt("simulation.instances.bootSeconds", "simulation.instances.bootSeconds must be less than "
          + "simulation.horizonSeconds (" + number(horizon) + "), but was " + number(boot)));
    }
    checkLaunchesAfterHistory(yaml, profile, problems);
    ExperimentDocument.LoadTest loadTest = yaml.value().loadTest();
    if (loadTest != null) {
      replayStartSeconds(yaml, profile).ifPresentOrElse(start -> {
        double end = start + loadTest.replay().durationSeconds();
        if (start < profile.rate().startSeconds() || end > profile.rate().endSeconds()) {
          problems.add(yaml.problemAt("loadTest.replay.startTime", "loadTest.replay must lie within the profile ("
              + profile.wallClock(profile.rate().startSeconds()) + " to " + profile.wallClock(profile.rate().endSeconds())
              + "), but covers " + profile.wallClock(Math.max(start, 0)) + " plus " + (long) loadTest.replay().durationSeconds() + " s"));
        }
      }, () -> problems.add(yaml.problemAt("loadTest.replay.startTime",
          "loadTest.replay.startTime must be an ISO-8601 date-time with offset such as 1995-07-27T00:00:00-04:00, but was '"
              + loadTest.replay().startTime() + "'")));
    }
  }

  /**
   * Checks that every growth launch starts on or after the first projected day, the local date the
   * profile ends on (the projection starts the day after the last whole day of history): a step dated
   * in the history is in the fitted peaks already, and multiplying the forecast by it again would count
   * it twice.
   */
  private static void checkLaunchesAfterHistory(YamlFile<ExperimentDocument> yaml, TrafficProfile profile,
      List<InputProblem> problems) {
    java.time.ZonedDateTime end = profile.wallClock(profile.rate().endSeconds());
    java.time.LocalDate firstProjected = end.toLocalDate();
    List<ExperimentDocument.LaunchDocument> launches = yaml.value().growth().launches();
    for (int i = 0; i < launches.size(); i++) {
      java.time.LocalDate date = launches.get(i).launch().date();
      if (date.isBefore(firstProjected)) {
        problems.add(yaml.problemAt("growth.launches[" + i + "].date", "growth.launches[" + i + "].date must be on or "
            + "after " + firstProjected + ", the first projected day (the profile ends " + end.toOffsetDateTime()
            + "): a step dated in the history is in its peaks already, but was " + date));
      }
    }
  }

  /** The most arrivals one simulated policy may draw: about ten minutes of simulation on one core. */
  public static final double MAX_SIMULATED_ARRIVALS = 5e9;

  /**
   * Returns the arrivals one policy's simulation draws on average: the integral of the demand,
   * scaled so that its peak needs {@code peakInstances} instances of the service. The demand is in
   * requests ({@link ExperimentRun#requestRate}), so with sessions it counts their requests.
   */
  public static double expectedArrivals(TrafficProfile profile, double horizonSeconds, double peakInstances,
      double peakUtilizationPercent, ServiceModel service) {
    org.loadcast.profile.RateCurve bridged = ExperimentRun.requestRate(profile).bridgedOverMissing();
    double from = profile.rate().endSeconds() - horizonSeconds;
    double scale = ExperimentRun.demandScale(profile, horizonSeconds, peakInstances, peakUtilizationPercent, service);
    return scale * bridged.integral(from, from + horizonSeconds);
  }

  private static void checkSimulationSize(
      YamlFile<ExperimentDocument> yaml, TrafficProfile profile, ServiceModel service, List<InputProblem> problems) {
    ExperimentDocument.Simulation sim = yaml.value().simulation();
    double arrivals = expectedArrivals(profile, sim.horizonSeconds(), sim.peakInstances(), sim.peakUtilizationPercent(), service);
    if (!(arrivals <= MAX_SIMULATED_ARRIVALS)) {
      problems.add(yaml.problemAt("simulation.peakInstances", String.format(java.util.Locale.ROOT,
          "simulation.peakInstances (%s) and the service's capacity (%.4g requests per second per instance) make %.3g "
              + "arrivals over the horizon, more than the %.0g one simulation may draw: lower peakInstances, the horizon or "
              + "the workers", number(sim.peakInstances()), service.capacityPerSecond(), arrivals, MAX_SIMULATED_ARRIVALS)));
    }
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  /**
   * Returns the profile second at which the replay starts, or empty if its start time does not
   * parse.
   */
  private static Optional<Double> replayStartSeconds(YamlFile<ExperimentDocument> yaml, TrafficProfile profile) {
    try {
      OffsetDateTime start = OffsetDateTime.parse(yaml.value().loadTest().replay().startTime());
      return Optional.of(Duration.between(profile.startTime(), start).toMillis() / 1000.0);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static <T> T check(YamlFile<ExperimentDocument> yaml, String base, List<InputProblem> problems, Check<T> check) {
    try {
      return check.get();
    } catch (AlreadyReported e) {
      return null;
    } catch (IllegalArgumentException e) {
      problems.add(yaml.problemBelow(base, e.getMessage()));
      return null;
    }
  }

  /** A construction that may break a rule. */
  @FunctionalInterface
  private interface Check<T> {
    T get();
  }
}
