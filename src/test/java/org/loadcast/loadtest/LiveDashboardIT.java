package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End to end, and slow: the live dashboard during a short run of {@code simulations/smoke.yaml}
 * (its probe and replay shortened) through Gatling in this JVM, against the embedded system under
 * test; and no dashboard at all with {@code -Ddashboard=false}.
 */
@Tag("slow")
class LiveDashboardIT {
  private static final Path REPORTS = Path.of("target/it-dashboard-reports");
  private static final Path EXPERIMENT = Path.of("target/it-experiments/dashboard-smoke.yaml");
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void clearProperties() {
    System.clearProperty("dashboard");
    System.clearProperty("dashboard.port");
  }

  /** smoke.yaml with an absolute profile path, 1 s of warm-up, 2 s probe steps, 3 s of drain and a 5 s replay. */
  private static Path experiment() throws IOException {
    Files.createDirectories(EXPERIMENT.getParent());
    String smoke = Files.readString(Path.of("simulations/smoke.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/")
        .replace("name: smoke", "name: dashboard-smoke")
        .replace("warmupSeconds: 3\n    ratesPerSecond", "warmupSeconds: 1\n    ratesPerSecond")
        .replace("stepSeconds: 3", "stepSeconds: 2")
        .replace("drainSeconds: 6", "drainSeconds: 3")
        .replace("replaySeconds: 10", "replaySeconds: 5");
    Files.writeString(EXPERIMENT, smoke);
    return EXPERIMENT;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static CompletableFuture<Path> runInBackground(Path experiment) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return InProcessGatling.runExperiment(experiment, REPORTS, false);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void dashboard_servesTheRunLive_withTheResultsNumbers_andStopsAtTheEnd() throws Exception {
    Path experiment = experiment();
    int port = freePort();
    System.setProperty("dashboard.port", String.valueOf(port));
    CompletableFuture<Path> run = runInBackground(experiment);
    URI url = URI.create("http://127.0.0.1:" + port + "/");
    for (int i = 0; i < 600 && !listening(port) && !run.isDone(); i++) {
      Thread.sleep(100);
    }
    HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(url.resolve("events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    assertThat(events.statusCode()).isEqualTo(200);
    List<JsonNode> seconds = new ArrayList<>();
    boolean ended = false;
    ObjectMapper json = new ObjectMapper();
    try (Stream<String> lines = events.body()) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("data: ") && !line.equals("data: {}")) {
          seconds.add(json.readTree(line.substring("data: ".length())));
        }
        if (line.equals("event: end")) {
          ended = true;
          break;
        }
      }
    }
    Path directory = run.get(5, TimeUnit.MINUTES);
    assertThat(ended).as("the stream ended with the end event").isTrue();
    // the second count of the results: one event per second, in order, from 0
    List<String> perSecond = Files.readAllLines(directory.resolve("results/per-second.csv"));
    assertThat(seconds).hasSize(perSecond.size() - 1);
    Set<String> phases = new HashSet<>();
    for (int s = 0; s < seconds.size(); s++) {
      JsonNode event = seconds.get(s);
      String[] row = perSecond.get(s + 1).split(",");
      assertThat(event.get("second").asInt()).isEqualTo(s).isEqualTo(Integer.parseInt(row[0]));
      // the plan names the phase: the drain's seconds carry the probe's phase in the results, which name the last request's
      if (event.get("phase").asText().equals("drain")) {
        assertThat(row[1]).isIn("probe", "replay");
      } else {
        assertThat(event.get("phase").asText()).isEqualTo(row[1]);
      }
      assertThat(event.get("startedPerSecond").asLong()).as("started in second %d", s).isEqualTo(Long.parseLong(row[2]));
      assertThat(event.get("completedPerSecond").asLong()).as("completed in second %d", s).isEqualTo(Long.parseLong(row[3]));
      assertThat(event.get("failedPerSecond").asLong()).isEqualTo(Long.parseLong(row[4]));
      assertThat(event.get("systemUnderTest").get("busyWorkers").asInt()).isBetween(0, 4);
      assertThat(event.get("systemUnderTest").get("queueLength").asInt()).isNotNegative();
      phases.add(event.get("phase").asText());
    }
    assertThat(phases).containsExactlyInAnyOrder("warmup", "probe", "drain", "replay");
    // the 3 s of drain come right before the replay
    int firstReplay = 0;
    while (!seconds.get(firstReplay).get("phase").asText().equals("replay")) {
      firstReplay++;
    }
    for (int s = firstReplay - 3; s < firstReplay; s++) {
      assertThat(seconds.get(s).get("phase").asText()).as("second %d", s).isEqualTo("drain");
    }
    assertThat(seconds.get(firstReplay - 4).get("phase").asText()).isEqualTo("probe");
    // the plan's targets: 30 per second in the warm-up and the first step, 150 in the last
    assertThat(seconds.get(0).get("targetRatePerSecond").asDouble()).isEqualTo(30);
    assertThat(seconds.get(10).get("targetRatePerSecond").asDouble()).isEqualTo(150);
    assertThat(listening(port)).as("the dashboard stopped with the run").isFalse();
    assertThat(dashboardThreads()).isEmpty();
  }

  @Test
  void dashboardFalse_leavesNoServer() throws Exception {
    Path experiment = experiment();
    int port = freePort();
    System.setProperty("dashboard", "false");
    System.setProperty("dashboard.port", String.valueOf(port));
    CompletableFuture<Path> run = runInBackground(experiment);
    int looks = 0;
    while (!run.isDone()) {
      assertThat(listening(port)).as("something listens on the dashboard's port").isFalse();
      assertThat(dashboardThreads()).isEmpty();
      looks++;
      Thread.sleep(250);
    }
    assertThat(run.get()).isDirectory();
    assertThat(looks).as("looks during the run").isGreaterThan(20);
  }

  private static List<String> dashboardThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("loadcast-dashboard-")).toList();
  }
}
