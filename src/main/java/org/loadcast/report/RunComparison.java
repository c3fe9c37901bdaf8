package org.loadcast.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.loadcast.report.MetricDelta.Direction;

/**
 * Two runs side by side, {@code loadcast report compare}'s {@code compare.json}: every figure of each
 * policy's summary with its change from run A to run B, and whether the two runs are a like-for-like
 * comparison at all (the same experiment, seed, SLO and arrivals). It answers the question before
 * and after a change: was it really better?
 *
 * <p>Policies are matched by name; those in one run only are listed, not compared. The frontier
 * verdicts, the service model, the calibration, the fidelity and the forecast methods are compared
 * when both runs have them, and are null otherwise.
 *
 * @param runA run A's report directory name (never a path of the machine)
 * @param runB run B's
 * @param experimentA run A's experiment
 * @param experimentB run B's
 * @param seedA run A's seed
 * @param seedB run B's
 * @param likeForLike whether the experiment, seed, SLO and every common policy's arrivals are equal
 * @param differences what makes the comparison not like-for-like, one sentence each; empty when it is
 * @param caution what the deltas of one seed can and cannot say
 * @param policies the policies in both runs, in run A's order
 * @param onlyInA the policies only run A has, in its order
 * @param onlyInB the policies only run B has, in its order
 * @param serviceModel the service models' figures
 * @param frontier the frontier verdicts of the policies in both runs' frontiers; null unless both have frontiers
 * @param calibration the load tests' calibrations; null unless both runs have one
 * @param fidelity the load tests' sim-to-real errors; null unless both runs have them
 * @param forecast the forecast methods and baselines in both runs' evaluations; null unless both have one
 */
public record RunComparison(String runA, String runB, String experimentA, String experimentB, long seedA, long seedB,
    boolean likeForLike, List<String> differences, String caution, List<PolicyComparison> policies, List<String> onlyInA,
    List<String> onlyInB, List<MetricDelta> serviceModel, List<FrontierComparison> frontier, List<MetricDelta> calibration,
    List<MetricDelta> fidelity, List<NamedComparison> forecast) {

  /** The caution printed with every comparison. */
  public static final String CAUTION = "Both runs are one seed each: a difference of a few SLO-violation minutes is "
      + "within the run-to-run spread of another seed. Before calling a winner, rerun both with other seeds (--seed) "
      + "and compare again.";

  /** A figure of a summary entry: its field, unit for people and direction. */
  private record Metric(String field, String unit, Direction direction) {}

  private static final List<Metric> POLICY_METRICS = List.of(
      new Metric("sloViolationMinutes", "minutes", Direction.LOWER),
      new Metric("sloViolationMinutesPercent", "%", Direction.LOWER),
      new Metric("minutesWithTraffic", "minutes", Direction.NONE),
      new Metric("sloViolationRequestsPercent", "%", Direction.LOWER),
      new Metric("droppedRequests", "requests", Direction.LOWER),
      new Metric("timedOutRequests", "requests", Direction.LOWER),
      new Metric("p95LatencyMillis", "ms", Direction.LOWER),
      new Metric("p99LatencyMillis", "ms", Direction.LOWER),
      new Metric("instanceHours", "instance-hours", Direction.LOWER),
      new Metric("billedInstanceHours", "instance-hours", Direction.LOWER),
      new Metric("cost", "currency", Direction.LOWER),
      new Metric("arrivals", "requests", Direction.NONE),
      new Metric("completed", "requests", Direction.NONE),
      new Metric("scaleOuts", "actions", Direction.NONE),
      new Metric("scaleIns", "actions", Direction.NONE),
      new Metric("scalingActions", "actions", Direction.LOWER),
      new Metric("thetaU", "%", Direction.LOWER),
      new Metric("thetaO", "%", Direction.LOWER),
      new Metric("tauU", "%", Direction.LOWER),
      new Metric("tauO", "%", Direction.LOWER),
      new Metric("instability", "%", Direction.LOWER),
      new Metric("jitter", "adaptations per hour", Direction.CLOSER_TO_ZERO),
      new Metric("elasticSpeedup", "", Direction.HIGHER));

  private static final List<Metric> VERDICT_METRICS = List.of(
      new Metric("atSloViolationMinutes", "minutes", Direction.NONE),
      new Metric("referenceCost", "currency", Direction.NONE),
      new Metric("policyCost", "currency", Direction.LOWER),
      new Metric("costSaved", "currency", Direction.HIGHER),
      new Metric("atCost", "currency", Direction.NONE),
      new Metric("policySloViolationMinutes", "minutes", Direction.LOWER),
      new Metric("sloViolationMinutesAvoided", "minutes", Direction.HIGHER));

  private static final List<Metric> SERVICE_METRICS = List.of(
      new Metric("workersPerInstance", "workers", Direction.NONE),
      new Metric("maxQueueLength", "requests", Direction.NONE),
      new Metric("meanServiceMillis", "ms", Direction.NONE),
      new Metric("capacityPerInstancePerSecond", "requests/s", Direction.NONE));

  private static final List<Metric> FIDELITY_METRICS = List.of(
      new Metric("p50RelativeErrorPercent", "%", Direction.LOWER),
      new Metric("p95RelativeErrorPercent", "%", Direction.LOWER),
      new Metric("p50BiasPercent", "%", Direction.CLOSER_TO_ZERO),
      new Metric("p95BiasPercent", "%", Direction.CLOSER_TO_ZERO),
      new Metric("comparedWindows", "windows", Direction.NONE));

  private static final List<Metric> FORECAST_METRICS = List.of(
      new Metric("mase", "", Direction.LOWER),
      new Metric("smapePercent", "%", Direction.LOWER),
      new Metric("maeRequestsPerSecond", "requests/s", Direction.LOWER),
      new Metric("ratioToBetterBaseline", "", Direction.LOWER));

  /** Copies the lists. */
  public RunComparison {
    Objects.requireNonNull(runA, "runA");
    Objects.requireNonNull(runB, "runB");
    differences = List.copyOf(differences);
    policies = List.copyOf(policies);
    onlyInA = List.copyOf(onlyInA);
    onlyInB = List.copyOf(onlyInB);
    serviceModel = List.copyOf(serviceModel);
    frontier = frontier == null ? null : List.copyOf(frontier);
    calibration = calibration == null ? null : List.copyOf(calibration);
    fidelity = fidelity == null ? null : List.copyOf(fidelity);
    forecast = forecast == null ? null : List.copyOf(forecast);
  }

  /**
   * One policy in both runs.
   *
   * @param name the policy
   * @param headline the change in violation minutes and cost and who wins each, for people
   * @param metrics every figure of the policy's summary entry that both runs have, in a fixed order
   *     (SLO, drops, latency, instance-hours, cost, arrivals, scaling, elasticity)
   */
  public record PolicyComparison(String name, String headline, List<MetricDelta> metrics) {
    /** Copies the list. */
    public PolicyComparison {
      metrics = List.copyOf(metrics);
    }

    /** Returns the comparison of one figure, or null when the runs do not both have it. */
    public MetricDelta metric(String field) {
      return metrics.stream().filter(m -> m.metric().equals(field)).findFirst().orElse(null);
    }
  }

  /**
   * One policy's frontier verdict against the reference in both runs.
   *
   * @param name the policy
   * @param knob the swept knob
   * @param operatingValue the knob's configured value in A and B
   * @param sentenceA run A's verdict sentence; null when A has no verdict for it
   * @param sentenceB run B's
   * @param metrics the verdict's figures at equal SLO and equal cost; empty unless both have a verdict
   */
  public record FrontierComparison(String name, String knob, MetricDelta operatingValue, String sentenceA,
      String sentenceB, List<MetricDelta> metrics) {
    /** Copies the list. */
    public FrontierComparison {
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * A named entry in both runs, such as a forecast method.
   *
   * @param name its name
   * @param metrics its figures
   */
  public record NamedComparison(String name, List<MetricDelta> metrics) {
    /** Copies the list. */
    public NamedComparison {
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * Compares two summaries.
   *
   * @param a run A, valid against {@code summary.schema.json}
   * @param b run B, likewise
   * @return the comparison; with no policy in common, {@code policies} is empty and every policy is
   *     listed as only in its run
   */
  public static RunComparison of(SummaryFile a, SummaryFile b) {
    JsonNode ta = a.tree();
    JsonNode tb = b.tree();
    Map<String, JsonNode> policiesA = byName(ta.get("policies"));
    Map<String, JsonNode> policiesB = byName(tb.get("policies"));
    List<PolicyComparison> policies = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : policiesA.entrySet()) {
      JsonNode other = policiesB.get(e.getKey());
      if (other != null) {
        List<MetricDelta> metrics = compare(POLICY_METRICS, e.getValue(), other);
        policies.add(new PolicyComparison(e.getKey(), headline(e.getKey(), metrics), metrics));
      }
    }
    List<String> differences = differences(ta, tb, policiesA, policiesB);
    return new RunComparison(a.directoryName(), b.directoryName(), ta.get("experiment").asText(),
        tb.get("experiment").asText(), ta.get("seed").asLong(), tb.get("seed").asLong(),
        differences.isEmpty(), differences, CAUTION,
        policies, missingFrom(policiesA, policiesB), missingFrom(policiesB, policiesA),
        compare(SERVICE_METRICS, ta.get("serviceModel"), tb.get("serviceModel")), frontier(ta, tb), calibration(ta, tb),
        bothPresent(ta, tb, "fidelity") ? compare(FIDELITY_METRICS, ta.get("fidelity"), tb.get("fidelity")) : null,
        forecast(ta, tb));
  }

  /** Returns why the two runs do not see the same demand under the same objective, one sentence each. */
  private static List<String> differences(JsonNode a, JsonNode b, Map<String, JsonNode> policiesA,
      Map<String, JsonNode> policiesB) {
    List<String> differences = new ArrayList<>();
    if (!a.get("experiment").equals(b.get("experiment"))) {
      differences.add(String.format(Locale.ROOT, "The experiments differ: '%s' in A, '%s' in B.",
          a.get("experiment").asText(), b.get("experiment").asText()));
    }
    if (a.get("seed").asLong() != b.get("seed").asLong()) {
      differences.add(String.format(Locale.ROOT, "The seeds differ: %d in A, %d in B, so the arrivals and service "
          + "times are other draws.", a.get("seed").asLong(), b.get("seed").asLong()));
    }
    JsonNode sloA = a.get("slo");
    JsonNode sloB = b.get("slo");
    if (sloA.get("percentile").asDouble() != sloB.get("percentile").asDouble()
        || sloA.get("latencyMillis").asDouble() != sloB.get("latencyMillis").asDouble()) {
      differences.add(String.format(Locale.ROOT, "The SLOs differ: p%s ≤ %s ms in A, p%s ≤ %s ms in B, so violation "
          + "minutes count different things.", plain(sloA.get("percentile")), plain(sloA.get("latencyMillis")),
          plain(sloB.get("percentile")), plain(sloB.get("latencyMillis"))));
    }
    for (Map.Entry<String, JsonNode> e : policiesA.entrySet()) {
      JsonNode other = policiesB.get(e.getKey());
      if (other != null && e.getValue().get("arrivals").asLong() != other.get("arrivals").asLong()) {
        differences.add(String.format(Locale.ROOT, "The arrivals differ (%s: %d in A, %d in B): the runs served "
            + "different demand.", e.getKey(), e.getValue().get("arrivals").asLong(), other.get("arrivals").asLong()));
        break;
      }
    }
    return differences;
  }

  private static String plain(JsonNode number) {
    double value = number.asDouble();
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /**
   * Returns the headline: {@code loadcast-hybrid: SLO-violation minutes 95 → 80 (−15, −15.8 %), cost
   * 12.10 → 12.35 (+0.25, +2.1 %): B better on SLO, worse on cost}.
   */
  static String headline(String name, List<MetricDelta> metrics) {
    MetricDelta minutes = find(metrics, "sloViolationMinutes");
    MetricDelta cost = find(metrics, "cost");
    return name + ": SLO-violation minutes " + minutes.change(0) + ", cost " + cost.change(2) + ": B "
        + judgement(minutes.better()) + " on SLO, " + judgement(cost.better()) + " on cost";
  }

  private static String judgement(String better) {
    return "B".equals(better) ? "better" : "A".equals(better) ? "worse" : "the same";
  }

  private static MetricDelta find(List<MetricDelta> metrics, String field) {
    return metrics.stream().filter(m -> m.metric().equals(field)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("a policy summary must have " + field));
  }

  private static List<FrontierComparison> frontier(JsonNode a, JsonNode b) {
    if (!bothPresent(a, b, "frontier")) {
      return null;
    }
    Map<String, JsonNode> fa = byName(a.get("frontier").get("policies"));
    Map<String, JsonNode> fb = byName(b.get("frontier").get("policies"));
    List<FrontierComparison> list = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : fa.entrySet()) {
      JsonNode pa = e.getValue();
      JsonNode pb = fb.get(e.getKey());
      if (pb == null) {
        continue;
      }
      JsonNode va = pa.get("verdict");
      JsonNode vb = pb.get("verdict");
      boolean both = va != null && !va.isNull() && vb != null && !vb.isNull();
      list.add(new FrontierComparison(e.getKey(), pa.get("knob").asText(),
          MetricDelta.of("operatingValue", "", Direction.NONE, pa.get("operatingValue").numberValue(),
              pb.get("operatingValue").numberValue()),
          sentence(va), sentence(vb), both ? compare(VERDICT_METRICS, va, vb) : List.of()));
    }
    return list;
  }

  private static String sentence(JsonNode verdict) {
    return verdict == null || verdict.isNull() ? null : verdict.get("sentence").asText();
  }

  private static List<MetricDelta> calibration(JsonNode a, JsonNode b) {
    if (!bothPresent(a, b, "calibration")) {
      return null;
    }
    List<MetricDelta> list = new ArrayList<>();
    list.add(MetricDelta.of("perInstanceCapacityPerSecond", "requests/s", Direction.NONE,
        a.get("calibration").get("perInstanceCapacityPerSecond").numberValue(),
        b.get("calibration").get("perInstanceCapacityPerSecond").numberValue()));
    list.add(MetricDelta.of("workersPerInstance", "workers", Direction.NONE,
        a.get("serviceModel").get("workersPerInstance").numberValue(),
        b.get("serviceModel").get("workersPerInstance").numberValue()));
    return list;
  }

  private static List<NamedComparison> forecast(JsonNode a, JsonNode b) {
    if (!bothPresent(a, b, "forecast")) {
      return null;
    }
    Map<String, JsonNode> fa = byName(a.get("forecast").get("methods"));
    fa.putAll(byName(a.get("forecast").get("baselines")));
    Map<String, JsonNode> fb = byName(b.get("forecast").get("methods"));
    fb.putAll(byName(b.get("forecast").get("baselines")));
    List<NamedComparison> list = new ArrayList<>();
    fa.forEach((name, method) -> {
      if (fb.containsKey(name)) {
        list.add(new NamedComparison(name, compare(FORECAST_METRICS, method, fb.get(name))));
      }
    });
    return list;
  }

  private static boolean bothPresent(JsonNode a, JsonNode b, String field) {
    return a.hasNonNull(field) && b.hasNonNull(field);
  }

  /** Returns the figures of a list that either entry has, compared; a figure one of them lacks is null there. */
  private static List<MetricDelta> compare(List<Metric> metrics, JsonNode a, JsonNode b) {
    List<MetricDelta> list = new ArrayList<>();
    for (Metric m : metrics) {
      if (a.has(m.field()) || b.has(m.field())) {
        list.add(MetricDelta.of(m.field(), m.unit(), m.direction(), number(a, m.field()), number(b, m.field())));
      }
    }
    return list;
  }

  private static Number number(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || !value.isNumber() ? null : value.numberValue();
  }

  private static Map<String, JsonNode> byName(JsonNode array) {
    Map<String, JsonNode> map = new LinkedHashMap<>();
    for (JsonNode entry : array) {
      map.putIfAbsent(entry.get("name").asText(), entry);
    }
    return map;
  }

  private static List<String> missingFrom(Map<String, JsonNode> these, Map<String, JsonNode> others) {
    return these.keySet().stream().filter(name -> !others.containsKey(name)).toList();
  }
}
