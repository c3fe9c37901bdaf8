package org.loadcast.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loadcast.sim.MinuteStats;
import org.loadcast.sim.ScalingAction;
import org.loadcast.sim.SimulationResult;

/**
 * The report's series as CSV files, one per series, every minute (never downsampled), with the
 * unit in each column name: {@code atEpochSeconds}, {@code arrivalsPerSecond}, {@code
 * latencyMillis}, instances as time-averages over the minute.
 *
 * <p>Files, under {@code series/} of the report directory:
 *
 * <ul>
 *   <li>{@code demand.csv}: arrivals per minute and the instances they need;
 *   <li>{@code <n>-<policy>-instances.csv}: instances by state;
 *   <li>{@code <n>-<policy>-latency.csv}: completions, drops and latency percentiles;
 *   <li>{@code <n>-<policy>-cost.csv}: paid instance-hours and cumulative cost;
 *   <li>{@code <n>-<policy>-scaling-actions.csv}: one row per scaling action;
 *   <li>{@code forecast.csv}: with a forecast evaluation, each method's forecast of each bucket of
 *       the horizon against the actual demand, one row per bucket and method;
 *   <li>{@code frontier.csv}: with frontiers, every run of every policy's sweep;
 *   <li>{@code replay.csv} and {@code fidelity.csv}: with a load test, the replay per second and the
 *       fidelity windows;
 *   <li>{@code runway.csv} and {@code capacity-plan.csv}: with a capacity plan, one row per day of
 *       the runway chart ({@link RunwaySeries}) and one per month of the plan, the latter as
 *       {@code loadcast capacity}'s {@code plan.csv} ({@link CapacityReportWriter}).
 * </ul>
 *
 * <p>{@code n} is the policy's position in the experiment, from 1; the policy's name is made
 * file-safe. Numbers use {@link Locale#ROOT}, a missing value is an empty field, and text fields are
 * quoted by RFC 4180 rules (Jackson's CSV writer), so the same report gives the same bytes.
 */
final class SeriesExport {
  /** The directory of the series, in the report directory. */
  static final String DIRECTORY = "series";
  /** Quotes a field only when it needs it, whatever its length (Jackson quotes long ones by default). */
  private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private SeriesExport() {}

  /**
   * Returns every series file of a report, by its path relative to the report directory, in a fixed
   * order.
   *
   * @param report the run
   * @return file name to CSV text, each ending with a newline
   * @throws UncheckedIOException never in practice: the texts are written to memory
   */
  static Map<String, String> of(RunReport report) {
    Map<String, String> files = new LinkedHashMap<>();
    long start = report.demand().horizonStartEpochSeconds();
    SimulationResult first = report.policies().get(0).result();
    List<Integer> demanded = report.demanded().perMinute();
    Table demand = new Table("atEpochSeconds", "minute", "arrivals", "arrivalsPerSecond", "demandedInstances");
    for (int i = 0; i < first.minutes().size(); i++) {
      MinuteStats m = first.minutes().get(i);
      demand.row(start + 60L * m.minute(), m.minute(), m.arrivals(), fixed(m.arrivals() / ChartData.minuteLength(first, i), 4),
          i < demanded.size() ? demanded.get(i) : null);
    }
    files.put(DIRECTORY + "/demand.csv", demand.csv());
    for (int p = 0; p < report.policies().size(); p++) {
      PolicyOutcome outcome = report.policies().get(p);
      String prefix = DIRECTORY + "/" + ReportWriter.policyFilePrefix(p, outcome.name());
      files.put(prefix + "-instances.csv", instances(outcome.result(), start));
      files.put(prefix + "-latency.csv", latency(outcome.result(), report, start));
      files.put(prefix + "-cost.csv", cost(outcome.result(), start));
      files.put(prefix + "-scaling-actions.csv", actions(outcome.result(), start));
    }
    report.forecast().filter(f -> f.horizon().actualRatePerSecond().length > 0)
        .ifPresent(f -> files.put(DIRECTORY + "/forecast.csv", forecast(f, start)));
    report.frontiers().ifPresent(f -> files.put(DIRECTORY + "/frontier.csv", frontier(f)));
    report.loadTest().ifPresent(lt -> {
      files.put(DIRECTORY + "/replay.csv", replay(lt));
      files.put(DIRECTORY + "/fidelity.csv", fidelity(lt.fidelity()));
    });
    report.capacity().ifPresent(c -> {
      files.put(DIRECTORY + "/runway.csv", runway(RunwaySeries.of(c)));
      files.put(DIRECTORY + "/capacity-plan.csv", CapacityReportWriter.planCsv(c));
    });
    return files;
  }

  private static String runway(RunwaySeries r) {
    Table t = new Table("date", "atEpochSeconds", "historyPeakRequestsPerSecond", "pointRequestsPerSecond",
        "lowerRequestsPerSecond", "upperRequestsPerSecond");
    for (int i = 0; i < r.time().length; i++) {
      t.row(r.date()[i], r.time()[i], fixed(r.historyPeak()[i]), fixed(r.point()[i]), fixed(r.lower()[i]), fixed(r.upper()[i]));
    }
    return t.csv();
  }

  /** A rounded chart value with 3 decimals, the rounding the chart already applied; null stays null. */
  private static String fixed(Double value) {
    return value == null ? null : fixed(value, 3);
  }

  private static String instances(SimulationResult result, long start) {
    Table t = new Table("atEpochSeconds", "minute", "bootingInstances", "warmingInstances", "readyInstances",
        "drainingInstances", "servingInstances", "paidInstances", "desiredReplicas", "readyInstancesAtEnd");
    for (MinuteStats m : result.minutes()) {
      t.row(start + 60L * m.minute(), m.minute(), fixed(m.meanBootingInstances(), 4), fixed(m.meanWarmingInstances(), 4),
          fixed(m.meanReadyInstances(), 4), fixed(m.meanDrainingInstances(), 4), fixed(m.meanServingInstances(), 4),
          fixed(m.meanProvisionedInstances(), 4), m.desiredReplicas(), m.readyInstancesAtEnd());
    }
    return t.csv();
  }

  private static String latency(SimulationResult result, RunReport report, long start) {
    Table t = new Table("atEpochSeconds", "minute", "arrivals", "completed", "dropped", "timedOut", "overSlo",
        "p50LatencyMillis", "p95LatencyMillis", "p99LatencyMillis", "sloPercentileLatencyMillis", "sloViolated");
    for (MinuteStats m : result.minutes()) {
      t.row(start + 60L * m.minute(), m.minute(), m.arrivals(), m.completed(), m.dropped(), m.timedOut(), m.overSlo(),
          fixed(m.p50LatencyMillis(), 3), fixed(m.p95LatencyMillis(), 3), fixed(m.p99LatencyMillis(), 3),
          fixed(m.sloPercentileLatencyMillis(), 3), m.violates(report.slo()));
    }
    return t.csv();
  }

  /**
   * The paid instance-hours of each minute and their running sums; the cost is the running
   * instance-hours times the run's cost per instance-hour, so the last row is the run's cost.
   */
  private static String cost(SimulationResult result, long start) {
    Table t = new Table("atEpochSeconds", "minute", "paidInstanceHours", "cumulativeInstanceHours", "cumulativeCost");
    double perInstanceHour = ChartData.costPerInstanceHour(result);
    double sum = 0;
    for (int i = 0; i < result.minutes().size(); i++) {
      MinuteStats m = result.minutes().get(i);
      double hours = ChartData.paidInstanceHours(result, i);
      sum += hours;
      t.row(start + 60L * m.minute(), m.minute(), fixed(hours, 6), fixed(sum, 6), fixed(sum * perInstanceHour, 6));
    }
    return t.csv();
  }

  private static String actions(SimulationResult result, long start) {
    Table t = new Table("atEpochSeconds", "atSeconds", "fromReplicas", "toReplicas", "kind");
    for (ScalingAction a : result.actions()) {
      t.row(fixed(start + a.atSeconds(), 3), fixed(a.atSeconds(), 3), a.fromReplicas(), a.toReplicas(),
          a.scaleOut() ? "scale-out" : "scale-in");
    }
    return t.csv();
  }

  private static String forecast(ForecastEvaluation f, long start) {
    Table t = new Table("atEpochSeconds", "bucketSeconds", "horizonBuckets", "method", "actualRequestsPerSecond",
        "forecastRequestsPerSecond");
    double[] actual = f.horizon().actualRatePerSecond();
    for (int b = 0; b < actual.length; b++) {
      for (Map.Entry<String, double[]> m : f.horizon().forecastRatePerSecond().entrySet()) {
        t.row(start + (long) b * f.bucketSeconds(), f.bucketSeconds(), f.horizonBuckets(), m.getKey(), fixed(actual[b], 4),
            fixed(m.getValue()[b], 4));
      }
    }
    return t.csv();
  }

  private static String frontier(Frontiers frontiers) {
    Table t = new Table("policy", "knob", "knobValue", "cost", "sloViolationMinutes", "instanceHours", "operatingPoint",
        "onFrontier");
    for (CostFrontier c : frontiers.policies()) {
      for (CostFrontier.Point p : c.points()) {
        t.row(c.policy(), c.knob(), fixed(p.knobValue(), 4), fixed(p.cost(), 4), p.sloViolationMinutes(),
            fixed(p.instanceHours(), 4), p.operatingPoint(), c.frontier().contains(p));
      }
    }
    return t.csv();
  }

  private static String replay(LoadTestSummary loadTest) {
    Table t = new Table("replaySecond", "targetArrivals", "sentRequests", "completed", "failed", "p95LatencyMillis");
    for (LoadTestSummary.ReplaySecond s : loadTest.replay()) {
      t.row(s.second(), s.targetArrivals(), s.sentRequests(), s.completed(), s.failed(), fixed(s.p95LatencyMillis(), 3));
    }
    return t.csv();
  }

  private static String fidelity(Fidelity f) {
    Table t = new Table("startReplaySecond", "windowSeconds", "requests", "utilizationFraction", "measuredP50LatencyMillis",
        "predictedP50LatencyMillis", "measuredP95LatencyMillis", "predictedP95LatencyMillis", "compared");
    for (Fidelity.Window w : f.windows()) {
      t.row(w.startSecond(), f.windowSeconds(), w.requests(), fixed(w.utilizationFraction(), 4), fixed(w.measuredP50Millis(), 3),
          fixed(w.predictedP50Millis(), 3), fixed(w.measuredP95Millis(), 3), fixed(w.predictedP95Millis(), 3), w.compared());
    }
    return t.csv();
  }

  /** A fixed-point number with {@link Locale#ROOT}, or null (an empty field) when not finite. */
  static String fixed(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : null;
  }

  /** Rows under a header, written by Jackson's CSV writer. */
  static final class Table {
    private final CsvSchema schema;
    private final List<Object[]> rows = new ArrayList<>();

    Table(String... columns) {
      CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
      for (String column : columns) {
        builder.addColumn(column);
      }
      schema = builder.build();
    }

    void row(Object... values) {
      Object[] row = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        row[i] = values[i] == null ? null : values[i].toString();
      }
      rows.add(row);
    }

    String csv() {
      if (rows.isEmpty()) {
        return String.join(",", schema.getColumnNames()) + "\n";
      }
      try {
        return CSV.writer(schema).writeValueAsString(rows);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
