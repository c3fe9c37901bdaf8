package org.loadcast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loadcast.autoscale.ArrivalHistory;
import org.loadcast.autoscale.HpaPolicy;
import org.loadcast.autoscale.ScalingContext;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.capacity.SyntheticProbe;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

/**
 * A seeded run report with every section the run report has: two HPA policies (target 70 % and
 * 50 %) over a two-hour ramp from 5 to 40 requests per second and back, each swept over its target
 * (50, 70, 90 %), a forecast evaluation, a load test with its replay, fidelity, dashboard seconds and
 * hotspots (endpoints and the methods of a profiled system under test), and a calibration. The user's
 * strings (experiment, description, policy names and descriptions, notes) come from the caller, so
 * that a test can fill them with harmless text or with attack payloads; the first policy's name is
 * also a request name and a method name of the load test.
 */
final class RunReportFixture {
  private static final LatencySlo SLO = new LatencySlo(95, 500);
  private static final int[] TARGETS_PERCENT = {50, 70, 90};

  private RunReportFixture() {}

  /**
   * The strings of the report a user supplies.
   *
   * @param experiment the experiment's name
   * @param description its description
   * @param policies the two policies' names, distinct
   * @param policyDescriptions the two policies' descriptions
   * @param notes the run's notes, any number
   */
  record Texts(String experiment, String description, List<String> policies, List<String> policyDescriptions,
      List<String> notes) {}

  /**
   * Builds the report: the same figures for any texts.
   *
   * @param texts the user's strings
   * @return the report, with the first policy as the elasticity and frontier reference
   */
  static RunReport withEverySection(Texts texts) {
    RateCurve curve = RateCurve.of(new double[] {0, 3600, 7200}, new double[] {5, 40, 5}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(2, 50, new ServiceTime.Exponential(0.1), 120, 0, 0.5,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(curve, 0, 7200, cluster, SLO, 2024);
    List<SimulationResult> sweep = new ArrayList<>();
    for (int target : TARGETS_PERCENT) {
      sweep.add(ClusterSimulation.run(spec,
          HpaPolicy.withDefaults(target, 1, 20).newAutoscaler(new ScalingContext(20, 120, ArrivalHistory.none(300)))));
    }
    List<PolicyOutcome> outcomes = List.of(new PolicyOutcome(texts.policies().get(0), texts.policyDescriptions().get(0), sweep.get(1)),
        new PolicyOutcome(texts.policies().get(1), texts.policyDescriptions().get(1), sweep.get(0)));
    Frontiers frontiers = Frontiers.of(Optional.of(texts.policies().get(0)),
        List.of(frontier(texts.policies().get(0), sweep, 70), frontier(texts.policies().get(1), sweep, 50)));
    RunReport report = new RunReport(new RunMetadata("test", "run-1", "loadcast simulate x.yaml", "2024-01-01T00:00:00Z", 1.5,
        Map.of("x.yaml", "00")), texts.experiment(), texts.description(), 2024, SLO,
        new ServiceSummary(2, 50, "exponential, mean 100.0 ms", 100, 20, "written in the test"),
        new DemandSummary("ramp", "UTC", 1_704_067_200L, "2024-01-01T00:00Z", 7200, 0, 1, 40, 2, 100, 0),
        outcomes, Optional.of(loadTest(texts.policies().get(0))), texts.notes(), DemandedInstances.of(spec), Optional.of(texts.policies().get(0)),
        Optional.of(frontiers), Optional.of(forecast()));
    return report.withCalibration(calibration());
  }

  private static CostFrontier frontier(String policy, List<SimulationResult> sweep, int operatingTargetPercent) {
    List<CostFrontier.Point> points = new ArrayList<>();
    for (int i = 0; i < TARGETS_PERCENT.length; i++) {
      var totals = sweep.get(i).totals();
      points.add(new CostFrontier.Point(TARGETS_PERCENT[i], totals.cost(), totals.sloViolationMinutes(), totals.instanceHours(),
          TARGETS_PERCENT[i] == operatingTargetPercent));
    }
    return CostFrontier.of(policy, "targetUtilizationPercent", points);
  }

  /**
   * Scores as written, and a horizon of 24 five-minute buckets: the ramp's rate at each bucket's
   * middle, and as forecast a copy of it two buckets late (NaN before the first forecast).
   */
  private static ForecastEvaluation forecast() {
    double[] actual = new double[24];
    double[] forecast = new double[24];
    for (int b = 0; b < actual.length; b++) {
      double atSeconds = 300 * b + 150;
      actual[b] = 5 + 35 * (1 - Math.abs(atSeconds - 3600) / 3600);
      forecast[b] = b < 2 ? Double.NaN : actual[b - 2];
    }
    return new ForecastEvaluation(300, 2, 4032, 288, 288, 2016, ForecastEvaluation.GOAL_RATIO,
        List.of(new ForecastEvaluation.MethodScore(new ForecastEvaluation.Score("Holt-Winters", 0.12, 18.5, 0.35), 0.8, true)),
        new ForecastEvaluation.Score("naive (last value)", 0.15, 21.0, 0.44),
        new ForecastEvaluation.Score("seasonal naive", 0.2, 26.0, 0.6),
        new ForecastEvaluation.Horizon(actual, Map.of("Holt-Winters", forecast)));
  }

  /**
   * A 30-second replay ramping from 10 to 39 requests per second, with two fidelity windows; and a
   * 40-second load test recorded second by second for the dashboard and the hotspots: a probe of two
   * 5-second steps at 20 and 30 requests per second, 3 seconds of drain, 27 of replay at 30 per second,
   * two request names, one of them the given text, whose latency triples from second 23 on, and a
   * few 503s in the last 10 seconds.
   */
  static LoadTestSummary loadTest(String requestName) {
    List<LoadTestSummary.ReplaySecond> replay = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      replay.add(new LoadTestSummary.ReplaySecond(s, 10 + s, 10 + s, 9 + s, s % 10 == 9 ? 1 : 0, 40 + s));
    }
    Fidelity fidelity = new Fidelity(10, 0.85, 20, List.of(new Fidelity.Window(0, 150, 0.3, 40.0, 80.0, 41.0, 84.0, true),
        new Fidelity.Window(10, 250, 0.5, 45.0, 95.0, 44.0, 99.0, true), new Fidelity.Window(20, 350, 0.9, 60.0, 150.0,
            70.0, 200.0, false)), 2, 1.2, 4.6, -1.2, 4.6, 2.5, 2);
    ServiceCalibration calibration = ServiceCalibration.fromProbe(SyntheticProbe.steps(1));
    java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();
    org.loadcast.results.LoadTestRecorder recorder = new org.loadcast.results.LoadTestRecorder(clock::get);
    org.loadcast.dashboard.LiveFeed feed = new org.loadcast.dashboard.LiveFeed(recorder, s -> s < 5 ? 20 : s < 10 || s >= 13 ? 30 : 0,
        () -> new org.loadcast.dashboard.SystemUnderTestSample(recorder.inFlight(), 2),
        s -> s < 10 ? "probe" : s < 13 ? "drain" : "replay");
    // every send, completion and poll as [time ns, kind (0 poll, 1 send, 2 completion), request], in time order
    List<long[]> events = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int second = 0; second < 40; second++) {
      events.add(new long[] {(second + 1) * 1_000_000_000L, 0, -1});
      if (second >= 10 && second < 13) {
        continue;
      }
      int requests = second < 5 ? 20 : 30;
      for (int i = 0; i < requests; i++) {
        long sent = second * 1_000_000_000L + i * (1_000_000_000L / requests);
        String name = i % 2 == 0 ? requestName : "GET /home";
        // the given name takes 40 ms, and 120 ms from second 23 on; GET /home 10 ms; a 503 a second in the last 10
        long millis = name.equals(requestName) ? (second >= 23 ? 120 : 40) : 10;
        boolean failed = second >= 30 && i == 1;
        events.add(new long[] {sent, 1, names.size()});
        events.add(new long[] {sent + millis * 1_000_000L, failed ? 3 : 2, names.size()});
        names.add(name);
      }
    }
    events.sort(java.util.Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1] == 0 ? 9 : e[1]));
    long[] startedAt = new long[names.size()];
    for (long[] e : events) {
      clock.set(e[0]);
      if (e[1] == 0) {
        feed.poll();
      } else if (e[1] == 1) {
        startedAt[(int) e[2]] = recorder.started(e[0] < 10_000_000_000L ? org.loadcast.results.Phase.PROBE
            : org.loadcast.results.Phase.REPLAY);
      } else {
        recorder.completed(names.get((int) e[2]), startedAt[(int) e[2]], e[1] == 3 ? 503 : 200, e[1] == 3);
      }
    }
    feed.finish();
    List<org.loadcast.results.SecondResult> seconds = recorder.snapshot();
    org.loadcast.hotspot.JfrHotMethods methods = org.loadcast.hotspot.JfrHotMethods.everySample();
    for (int i = 0; i < 10; i++) {
      methods.addStack(List.of(i < 7 ? "shop." + requestName + ".render" : "shop.Home.get", "org.eclipse.jetty.Server.handle",
          "java.lang.Thread.run"));
    }
    org.loadcast.hotspot.HotspotReport hotspots = new org.loadcast.hotspot.HotspotReport(
        org.loadcast.hotspot.EndpointHotspots.rankReplay(seconds),
        org.loadcast.hotspot.EndpointHotspots.regressions(seconds, 0, List.of(20.0, 30.0), 5,
            org.loadcast.hotspot.RegressionRule.DEFAULT),
        org.loadcast.hotspot.CodeHotspots.of("The embedded system under test", methods, 20, 90), "");
    return new LoadTestSummary("http://127.0.0.1:1", calibration, 720, 0.5, 70, replay, "", fidelity, List.of(), hotspots,
        feed.timeline(recorder.snapshot()));
  }

  private static CalibrationSummary calibration() {
    return new CalibrationSummary(
        new CalibrationSummary.Usl(true, null, 10, 0.2628, 1.335e-4, 26.85, false, 74.31, 95.04, 308.8),
        new CalibrationSummary.ServiceTimeFit(37.38, 0.5162, 43.03, 120, List.of(10.0, 20.0), 0.3, 1.0534),
        78.43, new CalibrationSummary.InstanceCapacity("simulated", 88.25, 90, true, 74.01, 78.43, 88.25),
        new CalibrationSummary.Sizing(1236, 15, 17, null, 15, 0.76, null));
  }
}
