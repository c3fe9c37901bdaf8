package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
  @TempDir
  Path dir;

  private static Path absolute(String path) {
    return Path.of(path).toAbsolutePath().normalize();
  }

  @Test
  void inputFiles_profileWithCurve_isExperimentProfileAndCurve() {
    assertThat(RunFiles.inputFiles(Experiments.read(Path.of("simulations/smoke.yaml")))).containsExactly(
        absolute("simulations/smoke.yaml"), absolute("traffic-profiles/nasa-kennedy-1995.yaml"),
        absolute("traffic-profiles/nasa-kennedy-1995.rate.csv"));
  }

  @Test
  void inputFiles_mixWithFeeders_listsEachFeederOnce() {
    // Two templates of the web-shop mix read feeders/webshop-skus.csv.
    assertThat(RunFiles.inputFiles(Experiments.read(Path.of("simulations/hybrid-policies.yaml")))).containsExactly(
        absolute("simulations/hybrid-policies.yaml"), absolute("traffic-profiles/webshop-black-friday.yaml"),
        absolute("traffic-profiles/feeders/webshop-skus.csv"));
  }

  @Test
  void inputFiles_empiricalServiceTime_addsItsHistogramLog() throws IOException {
    Files.copy(Path.of("src/test/resources/results/nasa-reactive-vs-predictive-20261129-150840/results/latency.hlog"),
        dir.resolve("latency.hlog"));
    Path experiment = ExperimentCopy.of("simulations/smoke.yaml", dir, text -> text.replace(
        "      distribution: lognormal\n      medianMillis: 42\n      sigma: 0.5\n",
        "      distribution: empirical\n      histogramLog: latency.hlog\n"));

    assertThat(RunFiles.inputFiles(Experiments.read(experiment))).containsExactly(experiment.toAbsolutePath(),
        absolute("traffic-profiles/nasa-kennedy-1995.yaml"), absolute("traffic-profiles/nasa-kennedy-1995.rate.csv"),
        dir.resolve("latency.hlog").toAbsolutePath());
  }
}
