package org.loadcast.report;

import java.util.ArrayList;
import java.util.List;
import org.loadcast.sim.MinuteStats;
import org.loadcast.sim.ScalingAction;
import org.loadcast.sim.SimulationResult;

/**
 * The series the report's charts draw, serialised into the page as JSON. Times are Unix seconds;
 * a missing value is null, which the charts draw as a gap.
 *
 * <p>The per-minute series of a long run are downsampled for display ({@link Downsampling}: each
 * bucket of {@code bucketMinutes} minutes keeps its minimum and maximum), so a 30-day run stays a
 * few megabytes and no peak is lost; the CSV exports keep every minute.
 *
 * @param timezone the zone of the time axis
 * @param sloLatencyMillis the SLO bound, drawn as a line
 * @param sloPercentile the SLO percentile
 * @param capacityPerInstancePerSecond one instance's capacity
 * @param bucketMinutes minutes per downsampling bucket; 1 when every minute is drawn
 * @param time the time of each drawn point: a minute's start, or a bucket's first and middle minute
 * @param arrivalsPerSecond the demand, the same for every policy
 * @param demandedInstances the instances the demand needs; null everywhere when unknown
 * @param policies one series set per policy
 * @param replay the load test's replay, or null
 * @param fidelity the load test's fidelity windows, or null
 * @param frontiers each policy's sweep for the cost-versus-SLO chart, in the experiment's order;
 *     empty without frontiers
 * @param usl the probe's points and the fitted USL curve, or null without a load test
 * @param forecast the forecast evaluation's horizon, actual against forecast, or null without one
 * @param runway the capacity plan's daily peaks, projection and fleet lines, or null without a plan
 * @param dashboard the load test second by second as the live dashboard showed it, or null without
 */
record ChartData(
    String timezone, double sloLatencyMillis, double sloPercentile, double capacityPerInstancePerSecond,
    int bucketMinutes, long[] time, Double[] arrivalsPerSecond, Double[] demandedInstances, List<PolicySeries> policies,
    ReplaySeries replay, FidelitySeries fidelity, List<FrontierSeries> frontiers, UslSeries usl, ForecastSeries forecast,
    RunwaySeries runway, DashboardSeries dashboard) {

  static ChartData of(RunReport report) {
    SimulationResult first = report.policies().get(0).result();
    int n = first.minutes().size();
    long[] time = new long[n];
    double[] arrivals = new double[n];
    double[] demanded = new double[n];
    List<Integer> demand = report.demanded().perMinute();
    for (int i = 0; i < n; i++) {
      MinuteStats m = first.minutes().get(i);
      time[i] = report.demand().horizonStartEpochSeconds() + 60L * m.minute();
      arrivals[i] = m.arrivals() / minuteLength(first, i);
      demanded[i] = i < demand.size() ? demand.get(i) : Double.NaN;
    }
    Downsampling d = Downsampling.of(n);
    List<PolicySeries> policies = new ArrayList<>();
    for (PolicyOutcome outcome : report.policies()) {
      policies.add(PolicySeries.of(outcome, report, d));
    }
    return new ChartData(report.demand().timezone(), report.slo().latencyMillis(), report.slo().percentile(),
        report.service().capacityPerInstancePerSecond(), d.bucketPoints(), d.times(time), d.values(arrivals),
        d.values(demanded), policies,
        report.loadTest().map(ReplaySeries::of).orElse(null),
        report.loadTest().map(lt -> FidelitySeries.of(lt.fidelity())).orElse(null),
        report.frontiers().map(f -> f.policies().stream().map(FrontierSeries::of).toList()).orElse(List.of()),
        report.loadTest().map(lt -> UslSeries.of(lt, report.calibration())).orElse(null),
        report.forecast().filter(f -> f.horizon().actualRatePerSecond().length > 0)
            .map(f -> ForecastSeries.of(f, report.demand().horizonStartEpochSeconds())).orElse(null),
        report.capacity().map(RunwaySeries::of).orElse(null),
        report.loadTest().filter(lt -> !lt.dashboard().isEmpty()).map(lt -> DashboardSeries.of(lt.dashboard())).orElse(null));
  }

  static double minuteLength(SimulationResult result, int minute) {
    return Math.min(60, result.durationSeconds() - 60.0 * minute);
  }

  /** Returns a minute's paid instance-hours: its time-averaged paid instances × its length. */
  static double paidInstanceHours(SimulationResult result, int minute) {
    return result.minutes().get(minute).meanProvisionedInstances() * minuteLength(result, minute) / 3600;
  }

  /**
   * Returns the run's cost per paid instance-hour: the price, with any billing rounding spread evenly,
   * so that the running instance-hours times it end at the run's cost; 0 for a run without instances.
   */
  static double costPerInstanceHour(SimulationResult result) {
    var totals = result.totals();
    return totals.instanceHours() > 0 ? totals.cost() / totals.instanceHours() : 0;
  }

  static Double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : null;
  }

  /**
   * One policy's series, per minute (downsampled like the time axis). The instance series are
   * stacked, minute averages: ready, then ready + warming, then + booting, then + draining, which
   * is every paid instance.
   *
   * @param name the policy
   * @param servingInstances time-average of serving (ready and warming) instances
   * @param readyInstances ready instances
   * @param readyWarmingInstances ready and warming instances
   * @param readyWarmingBootingInstances ready, warming and booting instances
   * @param paidInstances all of them and the draining ones: the paid instances
   * @param desiredReplicas the policy's desired count at the minute's end
   * @param p50LatencyMillis median latency of the minute's completions
   * @param p95LatencyMillis 95th percentile
   * @param p99LatencyMillis 99th percentile
   * @param sloPercentileLatencyMillis the latency at the SLO's percentile, with drops counted as
   *     infinitely slow (null where the minute had no completion)
   * @param cumulativeCost the cost so far at each minute's end: paid instance-hours so far times
   *     the run's cost per instance-hour, so it ends at the run's cost
   * @param actions each scaling action as [Unix seconds, from, to], never downsampled
   */
  record PolicySeries(
      String name, Double[] servingInstances, Double[] readyInstances, Double[] readyWarmingInstances,
      Double[] readyWarmingBootingInstances, Double[] paidInstances, Double[] desiredReplicas, Double[] p50LatencyMillis,
      Double[] p95LatencyMillis, Double[] p99LatencyMillis, Double[] sloPercentileLatencyMillis, Double[] cumulativeCost,
      List<double[]> actions) {

    static PolicySeries of(PolicyOutcome outcome, RunReport report, Downsampling d) {
      List<MinuteStats> minutes = outcome.result().minutes();
      int n = minutes.size();
      double[][] v = new double[11][n];
      double costPerInstanceHour = costPerInstanceHour(outcome.result());
      double instanceHours = 0;
      for (int i = 0; i < n; i++) {
        MinuteStats m = minutes.get(i);
        double ready = m.meanReadyInstances();
        double warming = ready + m.meanWarmingInstances();
        double booting = warming + m.meanBootingInstances();
        instanceHours += paidInstanceHours(outcome.result(), i);
        v[0][i] = m.meanServingInstances();
        v[1][i] = ready;
        v[2][i] = warming;
        v[3][i] = booting;
        v[4][i] = m.meanProvisionedInstances();
        v[5][i] = m.desiredReplicas();
        v[6][i] = m.p50LatencyMillis();
        v[7][i] = m.p95LatencyMillis();
        v[8][i] = m.p99LatencyMillis();
        v[9][i] = m.sloPercentileLatencyMillis();
        v[10][i] = instanceHours * costPerInstanceHour;
      }
      List<double[]> actions = new ArrayList<>();
      for (ScalingAction a : outcome.result().actions()) {
        actions.add(new double[] {report.demand().horizonStartEpochSeconds() + a.atSeconds(), a.fromReplicas(), a.toReplicas()});
      }
      return new PolicySeries(outcome.name(), d.values(v[0]), d.values(v[1]), d.values(v[2]), d.values(v[3]),
          d.values(v[4]), d.values(v[5]), d.values(v[6]), d.values(v[7]), d.values(v[8]), d.values(v[9]), d.values(v[10]),
          actions);
    }
  }

  /**
   * The forecast evaluation's horizon: the demand per bucket and each method's forecast of it, made
   * h buckets before (downsampled like the minutes when long).
   *
   * @param bucketSeconds the bucket width
   * @param horizonBuckets h
   * @param time each drawn bucket's start
   * @param actualRatePerSecond the demand
   * @param methods the methods' names, in the evaluation's order
   * @param forecastRatePerSecond one series per method, in the same order
   */
  record ForecastSeries(int bucketSeconds, int horizonBuckets, long[] time, Double[] actualRatePerSecond,
      List<String> methods, List<Double[]> forecastRatePerSecond) {

    static ForecastSeries of(ForecastEvaluation evaluation, long horizonStartEpochSeconds) {
      double[] actual = evaluation.horizon().actualRatePerSecond();
      long[] time = new long[actual.length];
      for (int b = 0; b < actual.length; b++) {
        time[b] = horizonStartEpochSeconds + (long) b * evaluation.bucketSeconds();
      }
      Downsampling d = Downsampling.of(actual.length);
      List<Double[]> forecasts = new ArrayList<>();
      evaluation.horizon().forecastRatePerSecond().values().forEach(f -> forecasts.add(d.values(f)));
      return new ForecastSeries(evaluation.bucketSeconds(), evaluation.horizonBuckets(), d.times(time),
          d.values(actual), List.copyOf(evaluation.horizon().forecastRatePerSecond().keySet()), forecasts);
    }
  }

  /**
   * The whole load test second by second, as the live dashboard showed it: its static copy in the
   * report. Downsampled like the timeline ({@link Downsampling}) when it has more than 2400 seconds.
   *
   * @param bucketSeconds seconds per downsampling bucket; 1 when every second is drawn
   * @param second the drawn seconds since the load test began
   * @param phases the phases in order, each with its first and last second, never downsampled
   * @param targetPerSecond the plan's target, requests per second
   * @param startedPerSecond requests sent: the achieved arrival rate
   * @param completedPerSecond completions: the throughput
   * @param failedPerSecond failed completions
   * @param errorLabels the failed outcomes that occurred, such as "HTTP 503" or "no response"
   * @param errorsPerSecond per label, its failures per second
   * @param names the request names that completed successfully at least once
   * @param p50LatencyMillis per name, the median latency of the requests sent each second; null
   *     where none succeeded
   * @param p95LatencyMillis per name, the 95th percentile
   * @param p99LatencyMillis per name, the 99th percentile
   * @param meanConcurrency time-average of requests in flight
   * @param queueLength the embedded system under test's waiting requests at each second's close; null
   *     for an external target
   * @param busyWorkers its busy workers at each second's close; null for an external target
   */
  record DashboardSeries(
      int bucketSeconds, long[] second, List<PhaseSpan> phases, Double[] targetPerSecond, Double[] startedPerSecond,
      Double[] completedPerSecond, Double[] failedPerSecond, List<String> errorLabels, List<Double[]> errorsPerSecond,
      List<String> names, List<Double[]> p50LatencyMillis, List<Double[]> p95LatencyMillis, List<Double[]> p99LatencyMillis,
      Double[] meanConcurrency, Double[] queueLength, Double[] busyWorkers) {

    /**
     * One phase of the load test.
     *
     * @param phase its name
     * @param fromSecond its first second
     * @param toSecond its last second
     */
    record PhaseSpan(String phase, int fromSecond, int toSecond) {}

    static DashboardSeries of(List<org.loadcast.dashboard.DashboardSecond> seconds) {
      int n = seconds.size();
      Downsampling d = Downsampling.of(n);
      long[] time = new long[n];
      double[] target = new double[n];
      double[] started = new double[n];
      double[] completed = new double[n];
      double[] failed = new double[n];
      double[] concurrency = new double[n];
      double[] queue = new double[n];
      double[] busy = new double[n];
      java.util.SortedSet<Integer> statuses = new java.util.TreeSet<>();
      java.util.SortedSet<String> names = new java.util.TreeSet<>();
      List<PhaseSpan> phases = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        org.loadcast.dashboard.DashboardSecond s = seconds.get(i);
        time[i] = s.second();
        target[i] = s.targetRatePerSecond();
        started[i] = s.startedPerSecond();
        completed[i] = s.completedPerSecond();
        failed[i] = s.failedPerSecond();
        concurrency[i] = s.meanConcurrency();
        queue[i] = s.systemUnderTest() == null ? Double.NaN : s.systemUnderTest().queueLength();
        busy[i] = s.systemUnderTest() == null ? Double.NaN : s.systemUnderTest().busyWorkers();
        statuses.addAll(s.errorsByStatus().keySet());
        s.latency().forEach((name, p) -> {
          if (p.count() > 0) {
            names.add(name);
          }
        });
        PhaseSpan last = phases.isEmpty() ? null : phases.get(phases.size() - 1);
        if (last != null && last.phase().equals(s.phase())) {
          phases.set(phases.size() - 1, new PhaseSpan(last.phase(), last.fromSecond(), s.second()));
        } else {
          phases.add(new PhaseSpan(s.phase(), s.second(), s.second()));
        }
      }
      List<String> errorLabels = new ArrayList<>();
      List<Double[]> errors = new ArrayList<>();
      for (int status : statuses) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = seconds.get(i).errorsByStatus().getOrDefault(status, 0L);
        }
        errorLabels.add(status == 0 ? "no response" : "HTTP " + status);
        errors.add(d.values(values));
      }
      List<Double[]> p50 = new ArrayList<>();
      List<Double[]> p95 = new ArrayList<>();
      List<Double[]> p99 = new ArrayList<>();
      for (String name : names) {
        double[][] values = new double[3][n];
        for (int i = 0; i < n; i++) {
          org.loadcast.dashboard.DashboardSecond.LatencyPercentiles p = seconds.get(i).latency().get(name);
          boolean measured = p != null && p.count() > 0;
          values[0][i] = measured ? p.p50LatencyMillis() : Double.NaN;
          values[1][i] = measured ? p.p95LatencyMillis() : Double.NaN;
          values[2][i] = measured ? p.p99LatencyMillis() : Double.NaN;
        }
        p50.add(d.values(values[0]));
        p95.add(d.values(values[1]));
        p99.add(d.values(values[2]));
      }
      boolean embedded = n > 0 && seconds.get(0).systemUnderTest() != null;
      return new DashboardSeries(d.bucketPoints(), d.times(time), phases, d.values(target), d.values(started),
          d.values(completed), d.values(failed), errorLabels, errors, List.copyOf(names), p50, p95, p99,
          d.values(concurrency), embedded ? d.values(queue) : null, embedded ? d.values(busy) : null);
    }
  }

  /**
   * The replay, second by second.
   *
   * @param second seconds since the replay began
   * @param target arrivals the schedule asked for
   * @param sent requests sent
   * @param completed completions
   * @param failed failed completions
   * @param p95LatencyMillis 95th percentile latency of the requests sent
   */
  record ReplaySeries(int[] second, long[] target, long[] sent, long[] completed, long[] failed, Double[] p95LatencyMillis) {

    static ReplaySeries of(LoadTestSummary loadTest) {
      List<LoadTestSummary.ReplaySecond> seconds = loadTest.replay();
      int n = seconds.size();
      ReplaySeries series = new ReplaySeries(new int[n], new long[n], new long[n], new long[n], new long[n], new Double[n]);
      for (int i = 0; i < n; i++) {
        LoadTestSummary.ReplaySecond s = seconds.get(i);
        series.second[i] = s.second();
        series.target[i] = s.targetArrivals();
        series.sent[i] = s.sentRequests();
        series.completed[i] = s.completed();
        series.failed[i] = s.failed();
        series.p95LatencyMillis[i] = round(s.p95LatencyMillis());
      }
      return series;
    }
  }

  /**
   * The fidelity windows: measured against simulated latency.
   *
   * @param second the replay second each window starts at
   * @param measuredP50 measured median, ms
   * @param predictedP50 simulated median, ms
   * @param measuredP95 measured 95th percentile, ms
   * @param predictedP95 simulated 95th percentile, ms
   * @param utilizationPercent offered utilization, percent
   */
  record FidelitySeries(int[] second, Double[] measuredP50, Double[] predictedP50, Double[] measuredP95,
      Double[] predictedP95, Double[] utilizationPercent) {

    static FidelitySeries of(Fidelity f) {
      int n = f.windows().size();
      FidelitySeries series = new FidelitySeries(new int[n], new Double[n], new Double[n], new Double[n], new Double[n],
          new Double[n]);
      for (int i = 0; i < n; i++) {
        Fidelity.Window w = f.windows().get(i);
        series.second[i] = w.startSecond();
        series.measuredP50[i] = round(w.measuredP50Millis());
        series.predictedP50[i] = round(w.predictedP50Millis());
        series.measuredP95[i] = round(w.measuredP95Millis());
        series.predictedP95[i] = round(w.predictedP95Millis());
        series.utilizationPercent[i] = round(100 * w.utilizationFraction());
      }
      return series;
    }
  }

  /**
   * One policy's sweep: its frontier as a line by increasing cost, the points off it, and the
   * operating point.
   *
   * @param name the policy
   * @param frontierCost the frontier's costs, increasing
   * @param frontierMinutes the frontier's SLO-violation minutes, falling
   * @param dominatedCost the costs of the runs off the frontier
   * @param dominatedMinutes their violation minutes
   * @param operatingCost the operating point's cost
   * @param operatingMinutes the operating point's violation minutes
   */
  record FrontierSeries(String name, double[] frontierCost, long[] frontierMinutes, double[] dominatedCost,
      long[] dominatedMinutes, double operatingCost, long operatingMinutes) {

    static FrontierSeries of(CostFrontier f) {
      List<CostFrontier.Point> off = f.points().stream().filter(p -> !f.frontier().contains(p)).toList();
      return new FrontierSeries(f.policy(), f.frontier().stream().mapToDouble(p -> round(p.cost())).toArray(),
          f.frontier().stream().mapToLong(CostFrontier.Point::sloViolationMinutes).toArray(),
          off.stream().mapToDouble(p -> round(p.cost())).toArray(), off.stream().mapToLong(CostFrontier.Point::sloViolationMinutes).toArray(),
          round(f.operatingPoint().cost()), f.operatingPoint().sloViolationMinutes());
    }
  }

  /**
   * The probe's (concurrency, throughput) points and the USL fitted to them, on one x axis: the
   * sorted concurrencies of the points and of a geometric grid from half the smallest (at most 0.5)
   * to 1.5 × the largest, for the chart's logarithmic axis.
   *
   * @param concurrency the x values, increasing
   * @param usedThroughput the throughput of a step the fit used at its x, else null
   * @param otherThroughput the throughput of a step it left out at its x, else null
   * @param fittedThroughput the USL's throughput at every x, or null everywhere without a fit
   */
  record UslSeries(double[] concurrency, Double[] usedThroughput, Double[] otherThroughput, Double[] fittedThroughput) {
    private static final int GRID_POINTS = 60;

    static UslSeries of(LoadTestSummary loadTest, java.util.Optional<CalibrationSummary> calibration) {
      return of(loadTest.calibration().steps(), calibration.map(CalibrationSummary::usl).orElse(null));
    }

    /**
     * Returns the points of probe steps and the curve of a USL fit.
     *
     * @param probeSteps the probe's steps; those without concurrency or throughput are left out
     * @param fit the USL fit, or why none; null or not fitted draws no curve
     * @return the series, sorted by concurrency
     */
    static UslSeries of(List<org.loadcast.capacity.ProbeStepCheck> probeSteps, CalibrationSummary.Usl fit) {
      List<org.loadcast.capacity.ProbeStepCheck> steps = probeSteps.stream()
          .filter(s -> s.meanConcurrency() > 0 && s.throughputPerSecond() > 0).toList();
      double top = 1.5 * steps.stream().mapToDouble(org.loadcast.capacity.ProbeStepCheck::meanConcurrency).max().orElse(1);
      double bottom = Math.min(1, steps.stream().mapToDouble(org.loadcast.capacity.ProbeStepCheck::meanConcurrency)
          .min().orElse(1)) / 2;
      java.util.TreeMap<Double, Double[]> rows = new java.util.TreeMap<>();
      for (org.loadcast.capacity.ProbeStepCheck s : steps) {
        boolean used = s.usable() && !s.measurementProblem();
        Double[] row = rows.computeIfAbsent(round(s.meanConcurrency()), x -> new Double[2]);
        row[used ? 0 : 1] = round(s.throughputPerSecond());
      }
      for (int i = 0; i <= GRID_POINTS; i++) {
        rows.putIfAbsent(round(bottom * Math.pow(top / bottom, (double) i / GRID_POINTS)), new Double[2]);
      }
      CalibrationSummary.Usl usl = fit != null && fit.fitted() ? fit : null;
      int n = rows.size();
      UslSeries series = new UslSeries(new double[n], new Double[n], new Double[n], new Double[n]);
      int i = 0;
      for (var e : rows.entrySet()) {
        series.concurrency[i] = e.getKey();
        series.usedThroughput[i] = e.getValue()[0];
        series.otherThroughput[i] = e.getValue()[1];
        series.fittedThroughput[i] = usl == null ? null : round(new org.loadcast.capacity.UslModel(usl.sigma(),
            usl.kappa(), usl.lambdaPerSecond()).throughputPerSecondAt(e.getKey()));
        i++;
      }
      return series;
    }
  }
}
