package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.Experiments;
import org.loadcast.cli.LoadTestPlan;
import org.loadcast.sim.RandomStreams;

/**
 * End to end, and slow (about 40 s): replays {@code src/test/resources/replay/sessions.yaml}, whose
 * profile's arrivals are sessions over five templates (a feeder with a value to percent-encode, a
 * POST with a JSON body and a header from the feeder, a POST with a fixed body), through Gatling in
 * this JVM against the embedded system under test, and checks what was sent and what arrived.
 *
 * <p>Tolerance of the replay's shares: 0.04 absolute. The replay sends about 1 100 requests from
 * about 430 sessions (2.45 requests each); the standard error of a template's share is at most about 0.015 (more than a
 * multinomial's, since one session's requests are correlated), so 0.04 is more than 2.5 of them. The
 * warm-up and probe send 550 single requests, multinomial, so their tolerance is 4 standard errors
 * at worst ({@code 4 sqrt(0.25 / 550) = 0.085}). The draws come from seeded streams, so a passing
 * run keeps passing unless the number of users changes.
 */
@Tag("slow")
class SessionReplayIT {
  private static final Path EXPERIMENT = Path.of("src/test/resources/replay/sessions.yaml");
  private static final Path REPORTS = Path.of("target/it-reports");
  private static final double SHARE_TOLERANCE = 0.04;
  private static Path run;
  private static Experiment experiment;
  private static LoadTestPlan plan;

  @BeforeAll
  static void replayTheSessions() throws IOException {
    experiment = Experiments.read(EXPERIMENT);
    plan = LoadTestPlan.of(experiment);
    run = InProcessGatling.runExperiment(EXPERIMENT, REPORTS, false);
  }

  /** Returns the requests started per template name, in seconds {@code [from, to)} of the load test. */
  private static Map<String, Long> requestsByTemplate(int fromSecond, int toSecond) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    HistogramLogReader reader = new HistogramLogReader(run.resolve("results/latency.hlog").toString());
    try {
      EncodableHistogram h;
      while ((h = reader.nextIntervalHistogram()) != null) {
        long second = Math.round((h.getStartTimeStamp() - reader.getStartTimeSec() * 1000) / 1000.0);
        if (second >= fromSecond && second < toSecond) {
          counts.merge(URLDecoder.decode(h.getTag(), StandardCharsets.UTF_8),
              ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
        }
      }
    } finally {
      reader.close();
    }
    return counts;
  }

  private static void assertSharesMatchVisits(Map<String, Long> counts, double tolerance) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> expected = experiment.profile().mix().requestShares();
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((name, share) -> assertThat(counts.get(name) / (double) total)
        .as("share of %s among %d requests", name, total).isCloseTo(share, within(tolerance)));
  }

  @Test
  void replay_requestSharesMatchTheChainsExpectedVisits() throws IOException {
    Map<String, Long> replay = requestsByTemplate(plan.replayStartSecond(), Integer.MAX_VALUE);
    System.out.println("replay requests by template: " + replay + ", expected shares "
        + experiment.profile().mix().requestShares());
    assertThat(replay.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(600);
    assertSharesMatchVisits(replay, SHARE_TOLERANCE);
  }

  @Test
  void probe_drawsSingleRequestsByTheVisitShares() throws IOException {
    Map<String, Long> probe = requestsByTemplate(0, plan.replayStartSecond());
    long total = probe.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("warm-up and probe requests by template: " + probe);
    // exactly the first draws of the "mix" stream, by visit share
    SplittableRandom mix = new RandomStreams(experiment.seed()).stream("mix");
    Map<String, Long> drawn = new TreeMap<>();
    for (long i = 0; i < total; i++) {
      drawn.merge(experiment.profile().mix().pickByShare(mix.nextDouble()).name(), 1L, Long::sum);
    }
    assertThat(probe).isEqualTo(drawn);
    // and those are multinomial: within 4 standard errors, sqrt(0.25 / n), of the shares
    assertSharesMatchVisits(probe, 4 * Math.sqrt(0.25 / total));
  }

  @Test
  void replay_sentTheExpectedRequestsOfTheAdmittedSessions() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("results/replay.csv"));
    long target = lines.subList(1, lines.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[1])).sum();
    long sent = requestsByTemplate(plan.replayStartSecond(), Integer.MAX_VALUE).values().stream()
        .mapToLong(Long::longValue).sum();
    System.out.printf("replay: %d requests expected of the admitted sessions, %d sent%n", target, sent);
    assertThat((double) sent).isCloseTo(target, within(0.10 * target));
  }

  @Test
  void replay_thinkTimesAreCompressed() throws IOException {
    // Uncompressed, think times of 5 to 40 s would stretch sessions far past the 15-s replay; divided
    // by 240 they last milliseconds, so the last request starts within 3 s of the schedule's end.
    int lastSecond = requestsByTemplate(plan.replayStartSecond(), Integer.MAX_VALUE).isEmpty() ? -1 : lastStartedSecond();
    assertThat(lastSecond).isBetween(plan.replayStartSecond() + 10, plan.replayStartSecond() + 15 + 3);
  }

  private static int lastStartedSecond() throws IOException {
    List<String> lines = Files.readAllLines(run.resolve("results/per-second.csv"));
    int last = -1;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (Long.parseLong(f[2]) > 0) {
        last = Integer.parseInt(f[0]);
      }
    }
    return last;
  }

  @Test
  void embeddedSystem_receivedRenderedPathsHeadersAndBodies() throws IOException {
    JsonNode received = new ObjectMapper().readTree(run.resolve("results/embedded-received.json").toFile());
    Map<String, Long> productPaths = new TreeMap<>();
    Map<String, Long> cartBodies = new TreeMap<>();
    long checkouts = 0;
    long total = 0;
    for (JsonNode r : received) {
      String key = r.get("method").asText() + " " + r.get("url").asText();
      long count = r.get("count").asLong();
      total += count;
      if (key.startsWith("GET /products/")) {
        productPaths.merge(key, count, Long::sum);
      } else if (key.equals("POST /cart/items")) {
        assertThat(r.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        cartBodies.merge(r.get("headers").get("X-Customer").asText() + " " + r.get("body").asText(), count, Long::sum);
      } else if (key.equals("POST /checkout")) {
        assertThat(r.get("body").asText()).isEqualTo("{\"payment\": \"card\"}");
        assertThat(r.get("headers").get("Content-Type").asText()).isEqualTo("application/json");
        assertThat(r.get("headers").has("X-Customer")).isFalse();
        checkouts += count;
      } else {
        assertThat(key).isIn("GET /", "GET /search");
      }
    }
    System.out.println("embedded system received " + total + " requests; products " + productPaths + "; carts " + cartBodies
        + "; checkouts " + checkouts);
    // the feeder's three rows, in a circle, with the path values percent-encoded (RFC 3986 unreserved kept)
    assertThat(productPaths.keySet()).containsExactlyInAnyOrder(
        "GET /products/A-100", "GET /products/B%20200", "GET /products/caf%C3%A9-3");
    // header and body filled from the same row
    assertThat(cartBodies.keySet()).containsExactlyInAnyOrder("c-1 {\"sku\": \"A-100\", \"quantity\": 1}",
        "c-2 {\"sku\": \"B 200\", \"quantity\": 1}", "c-3 {\"sku\": \"café-3\", \"quantity\": 1}");
    assertThat(checkouts).isPositive();
    // every request matched a template's stub: none failed
    List<String> lines = Files.readAllLines(run.resolve("results/per-second.csv"));
    long failed = lines.subList(1, lines.size()).stream().mapToLong(l -> Long.parseLong(l.split(",")[4])).sum();
    assertThat(failed).isZero();
  }
}
