package org.loadcast.dbdemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.DebianPostgres;
import org.loadcast.loadtest.InProcessGatling;

/**
 * The database demo's loop end to end with the demo's 1,000,000 orders and 25-second rounds: the
 * advisor finds and builds the missing index between the rounds, finds the N+1 endpoint (its
 * per-product queries take long enough only at this size to pass the 50 ms threshold), and the
 * comparison shows the customer's orders at least twice as fast at p95. On the embedded PostgreSQL, and
 * with {@code -Ddbdemo.servers=all} also on Debian's (with HypoPG) when the environment names it (see
 * {@link DebianPostgres}). Slow: about two and a half minutes per server.
 */
@Tag("slow")
class DbDemoIT {
  private static final Path REPORTS = Path.of("target/it-reports/db-demo");

  /**
   * The servers: "" for the embedded one, which users run the demo on; with {@code
   * -Ddbdemo.servers=all}, also Debian's when the environment names it. The loop takes over two
   * minutes per server, and `mvn verify` must stay well under twenty: the other database tests run on
   * both servers (HypoPG's what-if path among them), so the demo's loop runs on the embedded one only.
   */
  static List<String> servers() {
    List<String> servers = new ArrayList<>(List.of(""));
    if ("all".equals(System.getProperty("dbdemo.servers"))) {
      DebianPostgres.url().ifPresent(servers::add);
    }
    return servers;
  }

  @ParameterizedTest(name = "on {0}")
  @MethodSource("servers")
  void loop_buildsTheMissingIndexBetweenTheRounds_andTheP95OfTheCustomersOrdersFalls(String server) throws IOException {
    Path experiment = Path.of("target/it-experiments/db-demo-small.yaml");
    Files.createDirectories(experiment.getParent());
    Files.writeString(experiment, Files.readString(Path.of("simulations/db-demo.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/")
        .replace("warmupSeconds: 10", "warmupSeconds: 3").replace("durationSeconds: 60", "durationSeconds: 25")
        .replace("pauseSeconds: 120", "pauseSeconds: 60"));
    System.setProperty("experiment", experiment.toString());
    System.setProperty("reports", REPORTS.toString());
    System.setProperty("dbdemo.jdbc-url", server);
    System.setProperty("dbdemo.user", DebianPostgres.user());
    try {
      assertThat(InProcessGatling.run(DbDemoSimulation.class)).isZero();
    } finally {
      System.clearProperty("dbdemo.jdbc-url");
      System.clearProperty("dbdemo.user");
    }
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
