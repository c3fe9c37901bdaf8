package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sim-to-real fidelity, end to end and slow (about three minutes): runs {@code
 * simulations/fidelity-check.yaml} through Gatling in this JVM against the embedded system under
 * test, and checks that the simulator, fed the probe's calibration, predicts the replay's measured
 * median within 10 % and 95th percentile within 15 %, window by window.
 */
@Tag("slow")
class FidelityIT {
  private static final Path REPORTS = Path.of("target/it-reports");
  private static JsonNode fidelity;

  @BeforeAll
  static void runTheFidelityExperiment() throws IOException {
    Path run = InProcessGatling.runExperiment(Path.of("simulations/fidelity-check.yaml"), REPORTS, false);
    fidelity = new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("fidelity");
  }

  @Test
  void everyWindowOfTheReplayIsThere() {
    assertThat(fidelity.get("windowSeconds").asInt()).isEqualTo(10);
    assertThat(fidelity.get("windows")).hasSize(12);
    // the replay's peak is 80 % of the measured capacity: most windows are below 85 %
    assertThat(fidelity.get("comparedWindows").asInt()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theSimulatorPredictsTheMeasuredLatencyWithinTheGoal() {
    assertThat(fidelity.get("p50RelativeErrorPercent").asDouble()).as(fidelity.toString()).isLessThanOrEqualTo(10.0);
    assertThat(fidelity.get("p95RelativeErrorPercent").asDouble()).as(fidelity.toString()).isLessThanOrEqualTo(15.0);
    assertThat(fidelity.get("meetsGoal").asBoolean()).isTrue();
  }
}
