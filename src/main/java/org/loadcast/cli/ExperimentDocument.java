package org.loadcast.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loadcast.autoscale.ArrivalForecast;
import org.loadcast.capacity.GrowthAssumptions;
import org.loadcast.capacity.GrowthSettings;
import org.loadcast.forecast.EtsModel;
import org.loadcast.forecast.Seasonality;
import org.loadcast.sim.LoadBalancing;

/**
 * An experiment as written in {@code simulations/*.yaml}: the profile, the target, the load test,
 * the simulated service, the SLO and the policies to compare. {@link Experiments} checks it and
 * resolves its paths.
 *
 * @param name a short name, used in run ids
 * @param description free text
 * @param seed the run seed
 * @param profile the traffic profile, relative to this file
 * @param target what the load test drives
 * @param loadTest the probe and replay of {@code mvn gatling:test}
 * @param simulation the simulated service and horizon
 * @param slo the latency objective
 * @param policies the policies to compare, in report order
 * @param frontier the cost-versus-SLO sweeps; absent means on, with the first reactive policy as
 *     the reference
 * @param growth the growth projection and capacity plan of {@code loadcast capacity}; absent means
 *     every default
 */
public record ExperimentDocument(
    @JsonProperty(required = true) String name,
    String description,
    @JsonProperty(required = true) long seed,
    @JsonProperty(required = true) String profile,
    Target target,
    LoadTest loadTest,
    @JsonProperty(required = true) Simulation simulation,
    @JsonProperty(required = true) Slo slo,
    @JsonProperty(required = true) List<PolicyDocument> policies,
    Frontier frontier,
    Growth growth) {

  /**
   * Checks the name, which becomes part of file names.
   *
   * @throws IllegalArgumentException if the name has characters other than letters, digits, '.', '-'
   *     and '_', or starts with '.'
   */
  public ExperimentDocument {
    if (name == null || !name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException("name must use only letters, digits, '.', '-' and '_', and not start with '.', but was "
          + (name == null ? "missing" : "'" + name + "'"));
    }
    policies = policies == null ? List.of() : List.copyOf(policies);
    frontier = frontier == null ? new Frontier(null, null, null) : frontier;
    growth = growth == null ? new Growth(null, null, null, null, null, null, null, null) : growth;
  }

  /**
   * The growth projection and capacity plan: see {@link GrowthSettings} for
   * each field's range and default. The record checks every field when it is read, so that each
   * broken rule is reported at its key.
   *
   * @param method {@code ses}, {@code holt} or {@code damped}
   * @param horizonMonths the months to plan
   * @param intervalPercent the coverage of the planned-for prediction interval
   * @param peakWindowSeconds the averaging window of a daily peak
   * @param maxMissingPercentPerDay the most of a day that may be missing for its peak to count
   * @param maxInstances the fleet limit of the runway; absent means the policies' largest maximum
   * @param expectedGrowthPercentPerMonth compound monthly growth on top of the fitted trend
   * @param launches steps in the peak from a date on
   */
  public record Growth(String method, Integer horizonMonths, Double intervalPercent, Integer peakWindowSeconds,
      Double maxMissingPercentPerDay, Integer maxInstances, Double expectedGrowthPercentPerMonth,
      List<LaunchDocument> launches) {

    /**
     * Checks every field, with a stand-in of 1 for an absent maxInstances.
     *
     * @throws IllegalArgumentException listing each broken rule on its own line, starting with the field
     */
    public Growth {
      launches = launches == null ? List.of() : List.copyOf(launches);
      List<String> broken = new ArrayList<>();
      String methodName = method;
      EtsModel model = attempt(broken, () -> EtsModel.ofYamlName(methodName == null ? "damped" : methodName));
      Double growthPercent = expectedGrowthPercentPerMonth;
      List<LaunchDocument> written = launches;
      GrowthAssumptions stated = attempt(broken, () -> assumptions(growthPercent, written));
      Integer horizon = horizonMonths;
      Double interval = intervalPercent;
      Integer window = peakWindowSeconds;
      Double missing = maxMissingPercentPerDay;
      Integer max = maxInstances;
      attempt(broken, () -> settings(model == null ? EtsModel.DAMPED_TREND : model, horizon, interval, window, missing, max,
          stated == null ? GrowthAssumptions.NONE : stated, 1));
      if (!broken.isEmpty()) {
        throw new IllegalArgumentException(String.join("\n", broken));
      }
    }

    /**
     * Returns the checked settings with the defaults filled in.
     *
     * @param policiesMaxInstances the largest maximum among the policies, taken when maxInstances is absent
     * @return the settings
     * @throws IllegalArgumentException if maxInstances is absent and policiesMaxInstances is below 1
     */
    public GrowthSettings settings(int policiesMaxInstances) {
      return settings(EtsModel.ofYamlName(method == null ? "damped" : method), horizonMonths, intervalPercent,
          peakWindowSeconds, maxMissingPercentPerDay, maxInstances, assumptions(expectedGrowthPercentPerMonth, launches),
          policiesMaxInstances);
    }

    /** The settings from the fields as written, each absent one at its default. */
    private static GrowthSettings settings(EtsModel model, Integer horizonMonths, Double intervalPercent,
        Integer peakWindowSeconds, Double maxMissingPercentPerDay, Integer maxInstances, GrowthAssumptions stated,
        int policiesMaxInstances) {
      return new GrowthSettings(model, horizonMonths == null ? 12 : horizonMonths, intervalPercent == null ? 95 : intervalPercent,
          peakWindowSeconds == null ? 3600 : peakWindowSeconds, maxMissingPercentPerDay == null ? 5 : maxMissingPercentPerDay,
          maxInstances == null ? policiesMaxInstances : maxInstances, stated);
    }

    private static GrowthAssumptions assumptions(Double growthPercent, List<LaunchDocument> launches) {
      return new GrowthAssumptions(growthPercent == null ? 0 : growthPercent,
          launches.stream().map(LaunchDocument::launch).toList());
    }

    /** Returns the value, or null with the failure's message added to the broken rules. */
    private static <T> T attempt(List<String> broken, java.util.function.Supplier<T> value) {
      try {
        return value.get();
      } catch (IllegalArgumentException e) {
        broken.add(e.getMessage());
        return null;
      }
    }
  }

  /**
   * A launch event: from {@code date} on the peak is higher by {@code peakIncreasePercent}, until
   * {@code endDate} (exclusive) if given.
   *
   * @param name what is launched
   * @param date the first day of the step, ISO-8601 such as {@code 1995-09-01}
   * @param peakIncreasePercent the step, in percent; above −100
   * @param endDate the first day without the step, ISO-8601; absent for a lasting step
   */
  public record LaunchDocument(@JsonProperty(required = true) String name, @JsonProperty(required = true) String date,
      @JsonProperty(required = true) double peakIncreasePercent, String endDate) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException naming the field, the rule and the value
     */
    public LaunchDocument {
      launch(name, date, peakIncreasePercent, endDate);
    }

    /** {@return the launch} */
    public GrowthAssumptions.Launch launch() {
      return launch(name, date, peakIncreasePercent, endDate);
    }

    private static GrowthAssumptions.Launch launch(String name, String date, double percent, String endDate) {
      return new GrowthAssumptions.Launch(name == null ? "" : name, isoDate("date", date), percent,
          Optional.ofNullable(endDate).map(d -> isoDate("endDate", d)));
    }

    private static LocalDate isoDate(String field, String text) {
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException | NullPointerException e) {
        throw new IllegalArgumentException(field + " must be an ISO-8601 date such as 1995-09-01, but was '" + text + "'");
      }
    }
  }

  /**
   * The cost-versus-SLO frontiers: each policy runs again at other values of its main knob (see
   * {@link org.loadcast.autoscale.ScalingPolicy#withKnob}), as its {@code sweep} lists.
   *
   * @param enabled whether to sweep at all; default true
   * @param reference the policy whose frontier the others are compared with; default the first
   *     {@code hpa} policy, else the first {@code target-tracking} or {@code step-scaling} one
   * @param defaultSweepOffsets the sweep of a policy without its own {@code sweep}: these offsets
   *     from its operating value, in points, those the policy can take; default −20, −10, +10
   */
  public record Frontier(Boolean enabled, String reference, List<Double> defaultSweepOffsets) {}

  /**
   * The system under test: the embedded one, or a URL.
   *
   * @param embedded the embedded WireMock system under test; used when no URL is given
   * @param url a base URL such as {@code http://127.0.0.1:8080}; {@code -Dtarget=} overrides it
   */
  public record Target(Embedded embedded, String url) {
    /** Checks that at most one of the two is given. @throws IllegalArgumentException if both are */
    public Target {
      if (embedded != null && url != null) {
        throw new IllegalArgumentException("url must not be given together with embedded: give one target");
      }
    }
  }

  /**
   * The embedded system under test: a fixed pool of workers with log-normal service times.
   *
   * @param workers requests served at once, {@code >= 1}; more wait in a FIFO queue
   * @param serviceTimeMedianMillis median service time
   * @param serviceTimeSigma standard deviation of the log of the service time
   */
  public record Embedded(
      @JsonProperty(required = true) int workers,
      @JsonProperty(required = true) double serviceTimeMedianMillis,
      @JsonProperty(required = true) double serviceTimeSigma) {
    /** Validates the fields. @throws IllegalArgumentException if one is out of range */
    public Embedded {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1, but was " + workers);
      }
      if (!(serviceTimeMedianMillis > 0)) {
        throw new IllegalArgumentException("serviceTimeMedianMillis must be > 0, but was " + serviceTimeMedianMillis);
      }
      if (!(serviceTimeSigma >= 0)) {
        throw new IllegalArgumentException("serviceTimeSigma must be >= 0, but was " + serviceTimeSigma);
      }
    }
  }

  /**
   * The load test: a probe to measure capacity, then a compressed replay of the profile.
   *
   * @param probe the probe
   * @param replay the replay
   */
  public record LoadTest(@JsonProperty(required = true) Probe probe, @JsonProperty(required = true) Replay replay) {}

  /**
   * Stepped constant arrival rates up to saturation.
   *
   * @param warmupSeconds time at the first rate before the first step, not measured: the JIT,
   *     connection pools and caches of both sides warm up, {@code >= 0}
   * @param ratesPerSecond the rate of each step, increasing, each {@code > 0}
   * @param stepSeconds duration of each step, {@code >= 1}
   * @param drainSeconds pause after the probe for queues to empty, {@code >= 0}
   */
  public record Probe(
      int warmupSeconds,
      @JsonProperty(required = true) List<Double> ratesPerSecond,
      @JsonProperty(required = true) int stepSeconds,
      int drainSeconds) {
    /** Validates the fields. @throws IllegalArgumentException if one is out of range */
    public Probe {
      if (ratesPerSecond == null || ratesPerSecond.isEmpty()) {
        throw new IllegalArgumentException("ratesPerSecond must list at least one rate, but was empty");
      }
      for (int i = 0; i < ratesPerSecond.size(); i++) {
        double r = ratesPerSecond.get(i);
        if (!(r > 0) || (i > 0 && r <= ratesPerSecond.get(i - 1))) {
          throw new IllegalArgumentException("ratesPerSecond[" + i + "] must be > 0 and greater than the rate before, but was " + r);
        }
      }
      ratesPerSecond = List.copyOf(ratesPerSecond);
      if (stepSeconds < 1) {
        throw new IllegalArgumentException("stepSeconds must be >= 1, but was " + stepSeconds);
      }
      if (drainSeconds < 0) {
        throw new IllegalArgumentException("drainSeconds must be >= 0, but was " + drainSeconds);
      }
      if (warmupSeconds < 0) {
        throw new IllegalArgumentException("warmupSeconds must be >= 0, but was " + warmupSeconds);
      }
    }
  }

  /**
   * A stretch of the profile replayed compressed in time.
   *
   * @param startTime ISO-8601 date-time with offset where the replay starts in the profile
   * @param durationSeconds profile seconds replayed, {@code > 0}
   * @param replaySeconds wall-clock seconds the replay takes, {@code >= 1}
   * @param peakUtilizationFraction the replay's peak rate as a fraction of the measured capacity,
   *     in (0, 1]
   */
  public record Replay(
      @JsonProperty(required = true) String startTime,
      @JsonProperty(required = true) double durationSeconds,
      @JsonProperty(required = true) int replaySeconds,
      @JsonProperty(required = true) double peakUtilizationFraction) {
    /** Validates the fields. @throws IllegalArgumentException if one is out of range */
    public Replay {
      if (!(durationSeconds > 0)) {
        throw new IllegalArgumentException("durationSeconds must be > 0, but was " + durationSeconds);
      }
      if (replaySeconds < 1) {
        throw new IllegalArgumentException("replaySeconds must be >= 1, but was " + replaySeconds);
      }
      if (!(peakUtilizationFraction > 0 && peakUtilizationFraction <= 1)) {
        throw new IllegalArgumentException("peakUtilizationFraction must be in (0, 1], but was " + peakUtilizationFraction);
      }
    }
  }

  /**
   * The simulated service and its horizon.
   *
   * @param horizonSeconds the simulated stretch: the last this many seconds of the profile, a whole
   *     number {@code >= 60}; the profile before it is the forecasters' history
   * @param peakInstances the demand is scaled so that its peak over the horizon needs this many
   *     instances at {@code peakUtilizationPercent}, {@code > 0}
   * @param peakUtilizationPercent the utilization at which {@code peakInstances} carry the peak, 1
   *     to 100
   * @param service the service model used when no load test calibrates it
   * @param instances the instance lifecycle and price
   * @param loadBalancing how requests are spread; round-robin when absent
   * @param requestTimeoutSeconds how long a client waits for its response before it gives up,
   *     {@code > 0}; absent for no timeout (see {@link org.loadcast.sim.ClusterSimulation})
   */
  public record Simulation(
      @JsonProperty(required = true) double horizonSeconds,
      @JsonProperty(required = true) double peakInstances,
      @JsonProperty(required = true) double peakUtilizationPercent,
      @JsonProperty(required = true) Service service,
      @JsonProperty(required = true) Instances instances,
      LoadBalancing loadBalancing,
      Double requestTimeoutSeconds) {
    /** Validates the fields. @throws IllegalArgumentException if one is out of range */
    public Simulation {
      if (!(horizonSeconds >= 60) || horizonSeconds != Math.rint(horizonSeconds)) {
        throw new IllegalArgumentException("horizonSeconds must be a whole number >= 60, but was " + horizonSeconds);
      }
      if (!(peakInstances > 0)) {
        throw new IllegalArgumentException("peakInstances must be > 0, but was " + peakInstances);
      }
      if (!(peakUtilizationPercent >= 1 && peakUtilizationPercent <= 100)) {
        throw new IllegalArgumentException("peakUtilizationPercent must be in 1..100, but was " + peakUtilizationPercent);
      }
      loadBalancing = loadBalancing == null ? LoadBalancing.ROUND_ROBIN : loadBalancing;
      if (requestTimeoutSeconds != null && !(requestTimeoutSeconds > 0 && Double.isFinite(requestTimeoutSeconds))) {
        throw new IllegalArgumentException("requestTimeoutSeconds must be a finite number > 0, but was " + requestTimeoutSeconds);
      }
    }
  }

  /**
   * One instance of the simulated service.
   *
   * @param workersPerInstance requests served at once, {@code >= 1}
   * @param maxQueueLength requests waiting beyond the workers before arrivals are dropped, {@code >= 0}
   * @param serviceTime the service-time distribution; with {@code serviceTimeByTemplate}, that of the
   *     templates it does not list
   * @param serviceTimeByTemplate service times of some request templates of the profile's mix, by
   *     template name; absent for one distribution for all requests. Each arrival is a template
   *     drawn by the mix's request shares ({@link org.loadcast.profile.RequestMix#requestShares})
   */
  public record Service(
      @JsonProperty(required = true) int workersPerInstance,
      @JsonProperty(required = true) int maxQueueLength,
      @JsonProperty(required = true) ServiceTimeDocument serviceTime,
      Map<String, ServiceTimeDocument> serviceTimeByTemplate) {
    /** Copies the map, keeping its order. */
    public Service {
      serviceTimeByTemplate = serviceTimeByTemplate == null ? Map.of()
          : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serviceTimeByTemplate));
    }
  }

  /**
   * A service-time distribution.
   *
   * @param distribution {@code exponential}, {@code lognormal}, {@code deterministic} or {@code
   *     empirical}
   * @param meanMillis the mean, for exponential and deterministic
   * @param medianMillis the median, for lognormal
   * @param sigma the standard deviation of the log, for lognormal
   * @param histogramLog for empirical: an HdrHistogram interval log of latencies in microseconds,
   *     such as the {@code results/latency.hlog} a load test writes, relative to the experiment file
   * @param tag for empirical: only the log's intervals with this tag, such as a request name of the
   *     load test; absent for all intervals
   */
  public record ServiceTimeDocument(
      @JsonProperty(required = true) String distribution, Double meanMillis, Double medianMillis, Double sigma,
      String histogramLog, String tag) {
    /** Checks the values given, in the units written. @throws IllegalArgumentException if one is out of range */
    public ServiceTimeDocument {
      positive("meanMillis", meanMillis);
      positive("medianMillis", medianMillis);
      if (sigma != null && !(sigma >= 0 && sigma <= 5)) {
        throw new IllegalArgumentException("sigma must be in [0, 5] (beyond 5 the mean is e^12.5 times the median), but was " + sigma);
      }
    }

    private static void positive(String field, Double value) {
      if (value != null && !(value > 0 && Double.isFinite(value))) {
        throw new IllegalArgumentException(field + " must be a finite number > 0, but was " + value);
      }
    }
  }

  /**
   * The instance lifecycle and price.
   *
   * @param bootSeconds provisioning lead time, {@code >= 0}
   * @param warmupSeconds time serving before ready, {@code >= 0}
   * @param pricePerHour cost of one instance-hour, {@code >= 0}
   * @param warmupInitialCapacityFraction a warming instance's speed when it starts serving, as a
   *     fraction of a ready one's, in [0, 1], ramping linearly to 1 over {@code warmupSeconds}
   *     ({@link org.loadcast.sim.WarmupRamp}); default 1, no ramp
   * @param billingGranularitySeconds each instance's lifetime is billed rounded up to this, {@code >
   *     0}, such as 1 (AWS per-second billing) or 3600 (hourly); absent for the exact lifetime
   * @param minimumBilledSeconds the least billed per instance, {@code >= 0}, such as 60 (AWS Linux
   *     instances); default 0
   */
  public record Instances(
      @JsonProperty(required = true) double bootSeconds,
      double warmupSeconds,
      @JsonProperty(required = true) double pricePerHour,
      Double warmupInitialCapacityFraction,
      Double billingGranularitySeconds,
      Double minimumBilledSeconds) {
    /** Returns the warm-up's initial capacity fraction, 1 when absent. */
    public double warmupInitialCapacityFractionOrOne() {
      return warmupInitialCapacityFraction == null ? 1 : warmupInitialCapacityFraction;
    }

    /** Returns the billing granularity in seconds, 0 (exact) when absent. */
    public double billingGranularitySecondsOrZero() {
      return billingGranularitySeconds == null ? 0 : billingGranularitySeconds;
    }

    /** Returns the minimum billed seconds, 0 when absent. */
    public double minimumBilledSecondsOrZero() {
      return minimumBilledSeconds == null ? 0 : minimumBilledSeconds;
    }
  }

  /**
   * The latency objective.
   *
   * @param percentile such as 95
   * @param latencyMillis the bound
   */
  public record Slo(@JsonProperty(required = true) double percentile, @JsonProperty(required = true) double latencyMillis) {}

  /** A policy to compare; {@code type} selects the variant. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = HpaDocument.class, name = "hpa"),
      @JsonSubTypes.Type(value = PredictiveDocument.class, name = "predictive"),
      @JsonSubTypes.Type(value = TargetTrackingDocument.class, name = "target-tracking"),
      @JsonSubTypes.Type(value = StepScalingDocument.class, name = "step-scaling"),
      @JsonSubTypes.Type(value = AwsPredictiveDocument.class, name = "aws-predictive"),
      @JsonSubTypes.Type(value = HybridDocument.class, name = "hybrid")})
  public sealed interface PolicyDocument
      permits HpaDocument, PredictiveDocument, TargetTrackingDocument, StepScalingDocument, AwsPredictiveDocument,
      HybridDocument {
    /** Returns the policy's name in the report. */
    String name();

    /** Returns the knob values to sweep besides the operating point; null for the default. */
    List<Double> sweep();
  }

  /**
   * The Kubernetes HPA v2 on CPU utilization (see {@link org.loadcast.autoscale.HpaPolicy}): the
   * manifest's fields with their names, the kube-controller-manager flags that shape it, and the
   * metrics pipeline. Absent fields take Kubernetes' defaults.
   *
   * @param name the name in the report
   * @param targetUtilizationPercent {@code metrics[].resource.target.averageUtilization}, 1 to 100;
   *     default 80, the CPU target the API server gives an HPA without metrics
   * @param minReplicas fewest replicas, default 1; 0 (scale to zero) needs an Object or External
   *     metric and is refused
   * @param maxReplicas most replicas
   * @param behavior {@code spec.behavior}; absent runs the controller's path for an HPA without one
   * @param syncPeriodSeconds {@code --horizontal-pod-autoscaler-sync-period}, default 15
   * @param tolerance {@code --horizontal-pod-autoscaler-tolerance}, default 0.1
   * @param downscaleStabilizationSeconds {@code --horizontal-pod-autoscaler-downscale-stabilization},
   *     default 300
   * @param cpuInitializationPeriodSeconds {@code --horizontal-pod-autoscaler-cpu-initialization-period},
   *     default 300
   * @param initialReadinessDelaySeconds {@code --horizontal-pod-autoscaler-initial-readiness-delay},
   *     default 30
   * @param metrics the CPU samples' window, default metrics-server's: 15 s read 7.5 s late
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record HpaDocument(
      @JsonProperty(required = true) String name,
      Integer targetUtilizationPercent,
      Integer minReplicas,
      @JsonProperty(required = true) int maxReplicas,
      HpaBehaviorDocument behavior,
      Double syncPeriodSeconds,
      Double tolerance,
      Integer downscaleStabilizationSeconds,
      Double cpuInitializationPeriodSeconds,
      Double initialReadinessDelaySeconds,
      MetricWindowDocument metrics,
      List<Double> sweep) implements PolicyDocument {}

  /**
   * An HPA's {@code spec.behavior}; an absent direction takes Kubernetes' default rules.
   *
   * @param scaleUp {@code behavior.scaleUp}
   * @param scaleDown {@code behavior.scaleDown}
   */
  public record HpaBehaviorDocument(HpaScalingRulesDocument scaleUp, HpaScalingRulesDocument scaleDown) {}

  /**
   * One direction's HPAScalingRules, with Kubernetes' field names; absent fields take the API
   * server's defaults.
   *
   * @param stabilizationWindowSeconds 0 to 3600; default 0 up, and down the controller's
   *     {@code downscaleStabilizationSeconds}
   * @param selectPolicy {@code Max} (default), {@code Min} or {@code Disabled}
   * @param policies the rate policies; default up {@code [Pods 4/15 s, Percent 100/15 s]}, down
   *     {@code [Percent 100/15 s]}
   * @param tolerance this direction's tolerance, in [0, 1); default the controller's
   */
  public record HpaScalingRulesDocument(
      Integer stabilizationWindowSeconds, String selectPolicy, List<HpaScalingPolicyDocument> policies, Double tolerance) {}

  /**
   * One HPAScalingPolicy.
   *
   * @param type {@code Pods} or {@code Percent}
   * @param value pods or percent, {@code > 0}
   * @param periodSeconds the window the changes count over, 1 to 1800
   */
  public record HpaScalingPolicyDocument(
      @JsonProperty(required = true) String type,
      @JsonProperty(required = true) int value,
      @JsonProperty(required = true) int periodSeconds) {}

  /**
   * A metrics pipeline's window (see {@link org.loadcast.sim.MetricWindow}).
   *
   * @param periodSeconds the aggregation period, {@code > 0}
   * @param lagSeconds how late a period is read, in [0, periodSeconds); default half the period
   */
  public record MetricWindowDocument(Double periodSeconds, Double lagSeconds) {}

  /**
   * Predictive scaling on a forecast of the arrivals, with an HPA floor.
   *
   * @param name the name in the report
   * @param reactive the name of an {@code hpa} policy of this experiment that gives the floor
   * @param bucketSeconds the forecaster's step, default 300
   * @param seasonalPeriodBuckets buckets per season, default one day
   * @param forecastMethod the forecaster, {@code adaptive-combination} (default) or {@code holt-winters}
   * @param seasonality for holt-winters, additive (default) or multiplicative; not with adaptive-combination
   * @param leadSeconds how far ahead to size; default boot time plus one sync period
   * @param refitSeconds how often to refit the weights, default 86400
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record PredictiveDocument(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String reactive,
      Integer bucketSeconds,
      Integer seasonalPeriodBuckets,
      ArrivalForecast forecastMethod,
      Seasonality seasonality,
      Double leadSeconds,
      Double refitSeconds,
      List<Double> sweep) implements PolicyDocument {}

  /**
   * AWS EC2 Auto Scaling target tracking on average CPU utilization; absent fields take the defaults
   * of AUTOSCALING.md §8 (see {@link org.loadcast.autoscale.TargetTrackingPolicy}).
   *
   * @param name the name in the report
   * @param targetUtilizationPercent target average utilization, in (0, 100]
   * @param minCapacity fewest instances, default 1
   * @param maxCapacity most instances
   * @param instanceWarmupSeconds default instance warm-up from the launch request, 0 to 3600;
   *     default: until the instance is ready
   * @param evaluationPeriodSeconds alarm period, default 60
   * @param scaleOutDatapoints datapoints above the target to scale out, default 3
   * @param scaleInDatapoints datapoints below the scale-in threshold to scale in, default 15
   * @param scaleInThresholdFraction the scale-in threshold as a fraction of the target, default 0.9
   * @param scaleInDisabled whether the policy never scales in, default false
   * @param scheduled scheduled actions on the min and max capacity
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record TargetTrackingDocument(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) double targetUtilizationPercent,
      Integer minCapacity,
      @JsonProperty(required = true) int maxCapacity,
      Double instanceWarmupSeconds,
      Double evaluationPeriodSeconds,
      Integer scaleOutDatapoints,
      Integer scaleInDatapoints,
      Double scaleInThresholdFraction,
      Boolean scaleInDisabled,
      List<ScheduledActionDocument> scheduled,
      List<Double> sweep) implements PolicyDocument {
    /** Copies the schedule. */
    public TargetTrackingDocument {
      scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
    }
  }

  /**
   * A recurring scheduled action on the group's capacity (see {@link org.loadcast.autoscale.ScheduledAction}).
   *
   * @param cron {@code minute hour * * day-of-week}, in the profile's timezone
   * @param minCapacity the minimum it sets, or absent
   * @param maxCapacity the maximum it sets, or absent
   */
  public record ScheduledActionDocument(@JsonProperty(required = true) String cron, Integer minCapacity, Integer maxCapacity) {}

  /**
   * AWS EC2 Auto Scaling step scaling on average CPU utilization (see {@link
   * org.loadcast.autoscale.StepScalingPolicy}).
   *
   * @param name the name in the report
   * @param minCapacity fewest instances, default 1
   * @param maxCapacity most instances
   * @param instanceWarmupSeconds default instance warm-up from the launch request, 0 to 3600;
   *     default: until the instance is ready
   * @param evaluationPeriodSeconds alarm period, default 60
   * @param scaleOut the alarm and steps that add instances
   * @param scaleIn the alarm and steps that remove instances
   * @param scheduled scheduled actions on the min and max capacity
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record StepScalingDocument(
      @JsonProperty(required = true) String name,
      Integer minCapacity,
      @JsonProperty(required = true) int maxCapacity,
      Double instanceWarmupSeconds,
      Double evaluationPeriodSeconds,
      StepAlarmDocument scaleOut,
      StepAlarmDocument scaleIn,
      List<ScheduledActionDocument> scheduled,
      List<Double> sweep) implements PolicyDocument {
    /** Copies the schedule. */
    public StepScalingDocument {
      scheduled = scheduled == null ? List.of() : List.copyOf(scheduled);
    }
  }

  /**
   * A step-scaling alarm and its steps (see {@link org.loadcast.autoscale.StepAlarm}).
   *
   * @param thresholdPercent the alarm threshold on the average utilization, 0 to 100
   * @param evaluationPeriods datapoints in a row that must breach, default 1
   * @param adjustmentType {@code ChangeInCapacity}, {@code PercentChangeInCapacity} or {@code ExactCapacity}
   * @param minAdjustmentMagnitude the smallest change of a percent step
   * @param steps the step adjustments, in increasing order of their bounds
   */
  public record StepAlarmDocument(
      @JsonProperty(required = true) double thresholdPercent,
      Integer evaluationPeriods,
      @JsonProperty(required = true) String adjustmentType,
      Integer minAdjustmentMagnitude,
      @JsonProperty(required = true) List<StepAdjustmentDocument> steps) {
    /** Copies the steps. */
    public StepAlarmDocument {
      steps = steps == null ? List.of() : List.copyOf(steps);
    }
  }

  /**
   * One step adjustment.
   *
   * @param lowerBound metric minus threshold where it starts, percentage points; absent for −∞
   * @param upperBound where it ends; absent for +∞
   * @param scalingAdjustment instances, percent or exact capacity, per the adjustment type
   */
  public record StepAdjustmentDocument(Double lowerBound, Double upperBound, @JsonProperty(required = true) int scalingAdjustment) {}

  /**
   * AWS predictive scaling in ForecastAndScale mode, combined with a dynamic policy (see {@link
   * org.loadcast.autoscale.AwsPredictivePolicy}).
   *
   * @param name the name in the report
   * @param dynamic the name of a {@code target-tracking} or {@code step-scaling} policy of this
   *     experiment, listed before this one
   * @param targetUtilizationPercent the target utilization for the predicted load, in (0, 100]
   * @param schedulingBufferSeconds how early each hour's capacity applies, default 300
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record AwsPredictiveDocument(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String dynamic,
      @JsonProperty(required = true) double targetUtilizationPercent,
      Double schedulingBufferSeconds,
      List<Double> sweep) implements PolicyDocument {}

  /**
   * The Loadcast hybrid policy: seasonal forecast, calendar of events and smoothed rate of change,
   * with an HPA floor (see {@link org.loadcast.autoscale.HybridPolicy}).
   *
   * @param name the name in the report
   * @param reactive the name of an {@code hpa} policy of this experiment, listed before this one,
   *     that gives the floor and the target utilization
   * @param bucketSeconds the forecaster's step, default 300
   * @param seasonalPeriodBuckets buckets per season, default one day
   * @param forecastMethod the forecaster, {@code adaptive-combination} (default) or {@code holt-winters}
   * @param seasonality for holt-winters, additive (default) or multiplicative; not with adaptive-combination
   * @param leadSeconds how far ahead to size; default boot plus warmup seconds
   * @param refitSeconds how often to refit the weights, default 86400
   * @param derivativeWeight k, the weight of the slope extrapolated over the lead, default 1; 0 turns it off
   * @param derivativeSmoothing β, the smoothing weight of the newest slope, in (0, 1], default 0.2
   * @param rateWindowSeconds the windows the rate and its slope are measured on, default 60
   * @param useCalendar whether to read the profile's calendar of events, default true
   * @param scaleDownStabilizationSeconds the scale-down stabilization window, 0 to 3600, default 300
   * @param sweep other values of the policy's main knob for the cost-versus-SLO frontier; absent
   *     means {@code frontier.defaultSweepOffsets} from the operating value; {@code []} runs the
   *     operating point only
   */
  public record HybridDocument(
      @JsonProperty(required = true) String name,
      @JsonProperty(required = true) String reactive,
      Integer bucketSeconds,
      Integer seasonalPeriodBuckets,
      ArrivalForecast forecastMethod,
      Seasonality seasonality,
      Double leadSeconds,
      Double refitSeconds,
      Double derivativeWeight,
      Double derivativeSmoothing,
      Integer rateWindowSeconds,
      Boolean useCalendar,
      Integer scaleDownStabilizationSeconds,
      List<Double> sweep) implements PolicyDocument {}
}
