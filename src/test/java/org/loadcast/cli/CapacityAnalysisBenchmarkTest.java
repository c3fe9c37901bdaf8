package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.report.CapacityReport;

/**
 * How long the capacity plan adds to a run: {@link CapacityAnalysis#of} on the default NASA
 * experiment with its own service model, as {@code loadcast simulate} computes it for the report
 * (daily peaks, growth fit, monthly plan, one instance's simulated capacity and up to
 * {@value CapacityAnalysis#MAX_SIMULATED_SIZINGS} simulated sizings). One unmeasured warm-up run,
 * then the median of three.
 */
@Tag("benchmark")
class CapacityAnalysisBenchmarkTest {

  @Test
  void of_nasa_simulatedSizings() {
    Experiment experiment = Experiments.read(Path.of("simulations/nasa-reactive-vs-predictive.yaml"));
    CapacityReport warm = CapacityAnalysis.of(experiment, Optional.empty());
    double[] seconds = new double[3];
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      CapacityReport report = CapacityAnalysis.of(experiment, Optional.empty());
      seconds[i] = (System.nanoTime() - start) / 1e9;
      assertThat(report).isEqualTo(warm);
    }
    java.util.Arrays.sort(seconds);
    long simulated = warm.sizing().stream().filter(r -> r.simulatedInstances() != null).count();
    System.out.printf(Locale.ROOT, "benchmark capacity-analysis: NASA, %d daily peaks, %d months, %d sizing rows "
        + "(%d simulated)%n", warm.dailyPeaks().size(), warm.plan().size(), warm.sizing().size(), simulated);
    System.out.printf(Locale.ROOT, "  CapacityAnalysis.of: median %.2f s (min %.2f, max %.2f)%n", seconds[1], seconds[0],
        seconds[2]);
    assertThat(simulated).isPositive();
  }
}
