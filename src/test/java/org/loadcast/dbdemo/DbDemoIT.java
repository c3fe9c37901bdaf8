package org.loadcast.dbdemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.loadtest.InProcessGatling;

/**
 * The database demo's loop end to end with the demo's 1,000,000 orders and 25-second rounds: the
 * advisor finds and builds the missing index between the rounds, finds the N+1 endpoint (its
 * per-product queries take long enough only at this size to pass the 50 ms threshold), and the
 * comparison shows the customer's orders at least twice as fast at p95. Slow: about three minutes.
 */
@Tag("slow")
class DbDemoIT {
  private static final Path REPORTS = Path.of("target/it-reports/db-demo");

  @Test
  void loop_buildsTheMissingIndexBetweenTheRounds_andTheP95OfTheCustomersOrdersFalls() throws IOException {
    Path experiment = Path.of("target/it-experiments/db-demo-small.yaml");
    Files.createDirectories(experiment.getParent());
    Files.writeString(experiment, Files.readString(Path.of("simulations/db-demo.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/")
        .replace("warmupSeconds: 10", "warmupSeconds: 3").replace("durationSeconds: 60", "durationSeconds: 25")
        .replace("pauseSeconds: 120", "pauseSeconds: 60"));
    System.setProperty("experiment", experiment.toString());
    System.setProperty("reports", REPORTS.toString());
    assertThat(InProcessGatling.run(DbDemoSimulation.class)).isZero();
    Path run;
    try (Stream<Path> runs = Files.list(REPORTS)) {
      run = runs.filter(p -> p.getFileName().toString().startsWith("db-demo-")).max(java.util.Comparator.naturalOrder()).orElseThrow();
    }
    JsonNode comparison = new ObjectMapper().readTree(run.resolve("comparison.json").toFile());
    assertThat(comparison.get("facts").get("advice applied before the second load test").asText()).isEqualTo("true");
    assertThat(comparison.get("facts").get("advice: builtIndexes").asText()).contains("ON orders (customer_id");
    assertThat(comparison.get("facts").get("advice: nPlusOneStatements").asText())
        .contains("FROM order_items WHERE product_id = ?");
    JsonNode customerOrders = null;
    for (JsonNode row : comparison.get("rows")) {
      if (row.get("requestName").asText().equals("customer-orders")) {
        customerOrders = row;
      }
      // every request of both rounds succeeded
      assertThat(row.get("before").get("failed").asLong()).isZero();
      assertThat(row.get("after").get("failed").asLong()).isZero();
      assertThat(row.get("before").get("completed").asLong()).isPositive();
    }
    assertThat(customerOrders).isNotNull();
    assertThat(customerOrders.get("after").get("p95LatencyMillis").asDouble())
        .isLessThan(0.5 * customerOrders.get("before").get("p95LatencyMillis").asDouble());
    JsonNode advice = new ObjectMapper().readTree(run.resolve("advice/dbadvice.json").toFile());
    assertThat(advice.get("formatVersion").asInt()).isEqualTo(1);
    assertThat(run.resolve("index.html")).content().contains("Latency per request name, before and after");
    assertThat(run.resolve("comparison.csv")).content().startsWith("requestName,beforeCompleted,");
  }
}
