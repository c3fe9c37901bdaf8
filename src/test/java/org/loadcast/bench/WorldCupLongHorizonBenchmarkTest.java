package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.ExperimentRun;
import org.loadcast.cli.Experiments;
import org.loadcast.report.PolicyOutcome;
import org.loadcast.report.RunMetadata;
import org.loadcast.report.RunReport;
import org.loadcast.sim.SimulationTotals;

/**
 * The long-horizon benchmark: {@code simulations/worldcup98-full.yaml}, the whole WorldCup98
 * profile (88 days but its first hour, about 1.31e9 requests at demand scale 1) at request level,
 * with the Kubernetes HPA, AWS target tracking and the Loadcast hybrid running in parallel, one
 * thread each.
 *
 * <p>Prints the wall time, the requests, the events per second (arrivals plus completions of all
 * policies, per wall second, as {@link EngineVsSsjBenchmarkTest} counts them), the peak heap, and
 * the heap after a full GC, sampled every {@value #SAMPLE_SECONDS} s. The memory gate: the largest
 * heap after GC in the second half of the run exceeds that of the first half by less than
 * {@value #GROWTH_BOUND_MIB} MiB. The second half carries about 6.5e8 requests, so this allows less
 * than 0.1 byte per request: nothing may be kept per request. What does grow is kept per simulated
 * minute (the per-minute series, about 125,000 rows per policy).
 *
 * <p>{@code -Dloadcast.bench.horizonDays=D} simulates only the last D days (default: all), also at
 * demand scale 1.
 * Run: {@code mvn -o -Pbenchmark test -Dtest=WorldCupLongHorizonBenchmarkTest}.
 */
@Tag("benchmark")
class WorldCupLongHorizonBenchmarkTest {
  private static final int SAMPLE_SECONDS = 10;
  private static final int GROWTH_BOUND_MIB = 64;

  @Test
  void worldCup98_wholeSeries_threePolicies_atRequestLevel() throws Exception {
    Experiment experiment = Experiments.read(Path.of("simulations/worldcup98-full.yaml"));
    String days = System.getProperty("loadcast.bench.horizonDays");
    if (days != null) {
      // the last D days, still at scale 1: the experiment scales the demand to the window's peak
      double horizon = Double.parseDouble(days) * 86_400;
      double end = experiment.profile().rate().endSeconds();
      double peak = ExperimentRun.requestRate(experiment.profile()).bridgedOverMissing().peakRatePerSecond(end - horizon, end);
      double peakInstances = peak / (experiment.service().capacityPerSecond() * experiment.peakUtilizationPercent() / 100);
      experiment = new Experiment(experiment.file(), experiment.name(), experiment.description(), experiment.seed(),
          experiment.profileFile(), experiment.profile(), experiment.target(), experiment.loadTest(),
          horizon, peakInstances, experiment.peakUtilizationPercent(),
          experiment.service(), experiment.instances(), experiment.loadBalancing(), experiment.requestTimeoutSeconds(),
          experiment.slo(), experiment.policies(), experiment.frontier(), experiment.frontierReference(),
          experiment.growth(), experiment.growthSection());
    }
    RunMetadata metadata = new RunMetadata("benchmark", "worldcup98-full", "benchmark", "1998-01-01T00:00:00Z", 0, Map.of());
    HeapSampler heap = new HeapSampler();
    heap.start();
    long start = System.nanoTime();
    RunReport report = ExperimentRun.simulate(experiment, experiment.service(), Optional.empty(), metadata,
        experiment.policies().size());
    double seconds = (System.nanoTime() - start) / 1e9;
    heap.interrupt();
    heap.join();

    long requests = 0;
    long events = 0;
    System.out.printf(Locale.ROOT, "benchmark worldcup98-full: %.0f s horizon (%.1f days), demand scale %.6f, %d policies in parallel%n",
        experiment.horizonSeconds(), experiment.horizonSeconds() / 86_400, report.demand().rateScale(), report.policies().size());
    for (PolicyOutcome p : report.policies()) {
      SimulationTotals t = p.result().totals();
      requests += t.arrivals();
      events += t.arrivals() + t.completed();
      System.out.printf(Locale.ROOT, "  %-22s %,d requests, %,d dropped, SLO-violation minutes %.2f %%, %,.0f instance-hours, %d scaling actions%n",
          p.name(), t.arrivals(), t.dropped(), t.sloViolationMinutesPercent(), t.instanceHours(), t.scaleOuts() + t.scaleIns());
    }
    long[] halves = heap.maxAfterGcByHalf();
    System.out.printf(Locale.ROOT, "  heap after GC, largest in the first half %.1f MiB, in the second half %.1f MiB; peak heap %.1f MiB%n",
        mib(halves[0]), mib(halves[1]), mib(heap.peakBytes()));
    System.out.printf(Locale.ROOT, "wall_seconds=%.1f%n", seconds);
    System.out.printf(Locale.ROOT, "requests=%d%n", requests);
    System.out.printf(Locale.ROOT, "events_per_second=%.0f%n", events / seconds);
    System.out.printf(Locale.ROOT, "peak_heap_mib=%.1f%n", mib(heap.peakBytes()));

    assertThat(report.demand().rateScale()).isCloseTo(1.0, within(1e-6));
    assertThat(heap.samples()).as("heap samples").isGreaterThanOrEqualTo(2);
    assertThat(mib(halves[1] - halves[0])).as("heap growth after GC, MiB").isLessThan(GROWTH_BOUND_MIB);
  }

  private static double mib(long bytes) {
    return bytes / (1024.0 * 1024.0);
  }

  /** Samples the heap after a full GC every few seconds, and the peak of every heap pool. */
  private static final class HeapSampler extends Thread {
    private final List<long[]> samples = new ArrayList<>(); // {nanoTime, used bytes after GC}
    private final long startNanos = System.nanoTime();

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
      ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    @Override
    public void run() {
      while (true) {
        try {
          Thread.sleep(SAMPLE_SECONDS * 1000L);
        } catch (InterruptedException e) {
          return;
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        synchronized (samples) {
          samples.add(new long[] {System.nanoTime(), used});
        }
      }
    }

    int samples() {
      synchronized (samples) {
        return samples.size();
      }
    }

    /** Returns the largest heap after GC among the samples of the first and of the second half of the run. */
    long[] maxAfterGcByHalf() {
      synchronized (samples) {
        long end = samples.isEmpty() ? startNanos : samples.get(samples.size() - 1)[0];
        long middle = startNanos + (end - startNanos) / 2;
        long[] max = new long[2];
        for (long[] s : samples) {
          int half = s[0] <= middle ? 0 : 1;
          max[half] = Math.max(max[half], s[1]);
        }
        return max;
      }
    }

    long peakBytes() {
      return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
          .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
  }
}
