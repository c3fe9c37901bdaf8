package org.loadcast.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.SecondResult;

/**
 * The dashboard over real HTTP: a recorder on a fake clock is fed synthetic requests, and a {@link
 * HttpClient} reads the event stream and checks each second against the recorder's own entries.
 */
class LiveDashboardTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final long ORIGIN = 5_000_000_000_000L;
  private final AtomicLong clock = new AtomicLong(ORIGIN);
  private final LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
  private final LiveFeed feed = new LiveFeed(recorder, s -> 10.0 * s, () -> new SystemUnderTestSample(3, 4));
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<LiveDashboard> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(LiveDashboard::close);
  }

  private LiveDashboard start(DashboardRun run) throws IOException {
    LiveDashboard dashboard = LiveDashboard.start(DashboardSettings.of(new Properties()), feed, run);
    started.add(dashboard);
    return dashboard;
  }

  private LiveDashboard start() throws IOException {
    return start(new DashboardRun("smoke", "smoke-20260101T000000Z", "http://127.0.0.1:1 (embedded system under test)"));
  }

  private void at(double seconds) {
    clock.set(ORIGIN + Math.round(seconds * 1e9));
  }

  /** Sends one request at {@code startSeconds} that ends at {@code endSeconds}. */
  private void request(String name, double startSeconds, double endSeconds, int status) {
    at(startSeconds);
    long sent = recorder.started(startSeconds < 1 ? Phase.WARMUP : Phase.PROBE);
    at(endSeconds);
    recorder.completed(name, sent, status, status == 0 || status >= 400);
  }

  /** Feeds seconds 0 to 2, each with requests of two names, several latencies and statuses. */
  private void feedThreeSeconds() {
    for (int s = 0; s < 3; s++) {
      for (int i = 0; i < 20 + 5 * s; i++) {
        double start = s + i * 0.01;
        request("home", start, start + 0.001 * (1 + i * i % 37), 200);
        request(HOSTILE, start + 0.005, start + 0.005 + 0.002 * (1 + i % 7), i % 9 == 0 ? 503 : 200);
      }
      request("home", s + 0.5, s + 0.6, 0);
    }
    at(3.0);
  }

  /** Reads the stream's lines in the background, until it ends. */
  private BlockingQueue<String> lines(URI events, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(events).GET();
    headers.forEach(request::header);
    HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (Stream<String> stream = response.body()) {
        stream.forEach(lines::add);
      } catch (RuntimeException e) {
        // the stream was closed
      }
      lines.add("<closed>");
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static List<String> dataLines(BlockingQueue<String> lines, int count) throws InterruptedException {
    List<String> data = new ArrayList<>();
    while (data.size() < count) {
      String line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("line %d of the stream", data.size()).isNotNull().isNotEqualTo("<closed>");
      if (line.startsWith("data: ")) {
        data.add(line.substring("data: ".length()));
      }
    }
    return data;
  }

  @Test
  void events_carryTheRecordersCountsAndHdrHistogramsPercentiles() throws Exception {
    LiveDashboard dashboard = start();
    BlockingQueue<String> lines = lines(dashboard.url().resolve("events"), Map.of());
    assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("retry: 1000");
    feedThreeSeconds();
    List<String> data = dataLines(lines, 3);
    List<SecondResult> recorded = recorder.snapshot();
    ObjectMapper json = new ObjectMapper();
    for (int s = 0; s < 3; s++) {
      JsonNode event = json.readTree(data.get(s));
      SecondResult result = recorded.get(s);
      int perName = 20 + 5 * s;
      int refused = (perName + 8) / 9; // every ninth request of the hostile name gets 503
      assertThat(event.get("second").asInt()).isEqualTo(s);
      assertThat(event.get("phase").asText()).isEqualTo(s == 0 ? "warmup" : "probe");
      assertThat(event.get("targetRatePerSecond").asDouble()).isEqualTo(10.0 * s);
      assertThat(event.get("startedPerSecond").asLong()).isEqualTo(result.started()).isEqualTo(2L * perName + 1);
      assertThat(event.get("completedPerSecond").asLong()).isEqualTo(result.completed());
      assertThat(event.get("failedPerSecond").asLong()).isEqualTo(result.failed()).isEqualTo(1 + refused);
      assertThat(event.get("meanConcurrency").asDouble()).isEqualTo(result.meanConcurrency());
      assertThat(event.get("statusCounts").get("503").asLong()).isEqualTo(result.statusCounts().get(503)).isEqualTo(refused);
      assertThat(event.get("errorsByStatus").get("0").asLong()).isEqualTo(1);
      assertThat(event.get("errorsByStatus").has("200")).isFalse();
      assertThat(event.get("systemUnderTest").get("busyWorkers").asInt()).isEqualTo(4);
      for (Map.Entry<String, Histogram> e : result.latencyMicros().entrySet()) {
        JsonNode latency = event.get("latency").get(e.getKey());
        Histogram h = e.getValue();
        assertThat(latency.get("count").asLong()).isEqualTo(h.getTotalCount());
        assertThat(latency.get("p50LatencyMillis").asDouble()).isEqualTo(h.getValueAtPercentile(50) / 1000.0);
        assertThat(latency.get("p95LatencyMillis").asDouble()).isEqualTo(h.getValueAtPercentile(95) / 1000.0);
        assertThat(latency.get("p99LatencyMillis").asDouble()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
      }
      assertThat(event.get("latency").get("home").get("count").asLong()).isEqualTo(perName);
      assertThat(event.get("latency").get(HOSTILE).get("count").asLong()).isEqualTo(perName - refused);
      // the name arrives JSON-escaped: no raw markup in the stream
      assertThat(data.get(s)).doesNotContain("<").contains("\\u003cimg src=x onerror=alert(1)\\u003e");
    }
  }

  @Test
  void events_afterLastEventId_resumeAfterThatSecond_andEndWithTheRunsEnd() throws Exception {
    LiveDashboard dashboard = start();
    feedThreeSeconds();
    request("home", 3.2, 3.4, 200);
    awaitLatest(1);
    BlockingQueue<String> lines = lines(dashboard.url().resolve("events"), Map.of("Last-Event-ID", "1"));
    List<String> data = dataLines(lines, 1);
    assertThat(new ObjectMapper().readTree(data.get(0)).get("second").asInt()).isEqualTo(2);
    dashboard.finish();
    // the running second 3 is sent when the run is over, then the end event, then the stream ends
    List<String> rest = new ArrayList<>();
    for (String line = lines.poll(10, TimeUnit.SECONDS); line != null && !line.equals("<closed>"); line = lines.poll(10, TimeUnit.SECONDS)) {
      rest.add(line);
    }
    assertThat(rest).contains("id: 3", "event: end");
    assertThat(rest.indexOf("event: end")).isGreaterThan(rest.indexOf("id: 3"));
  }

  private void awaitLatest(int second) throws InterruptedException {
    for (int i = 0; i < 100 && feed.latest().map(DashboardSecond::second).orElse(-1) < second; i++) {
      Thread.sleep(50);
    }
    assertThat(feed.latest()).isPresent();
  }

  @Test
  void snapshot_isTheLatestSecond() throws Exception {
    LiveDashboard dashboard = start();
    feedThreeSeconds();
    awaitLatest(2);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.url().resolve("snapshot.json")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode snapshot = new ObjectMapper().readTree(response.body());
    assertThat(snapshot.get("run").get("experiment").asText()).isEqualTo("smoke");
    assertThat(snapshot.get("finished").asBoolean()).isFalse();
    assertThat(snapshot.get("latest").get("second").asInt()).isEqualTo(2);
  }

  @Test
  void methodsOtherThanGetAndHead_get405WithAllow() throws Exception {
    LiveDashboard dashboard = start();
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
      for (String path : List.of("", "events", "snapshot.json")) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(dashboard.url().resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s /%s", method, path).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
      }
    }
    assertThat(dashboard.clientCount()).isZero();
  }

  @Test
  void head_answersWithoutABody_andAnUnknownPathIs404() throws Exception {
    LiveDashboard dashboard = start();
    HttpResponse<String> head = http.send(HttpRequest.newBuilder(dashboard.url()).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(http.send(HttpRequest.newBuilder(dashboard.url().resolve("etc/passwd")).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(404);
  }

  @Test
  void page_hasSecurityHeaders_andEscapesTheRunsNames() throws Exception {
    LiveDashboard dashboard = start(new DashboardRun("<script>alert(1)</script>", "run-1", HOSTILE));
    HttpResponse<String> page = http.send(HttpRequest.newBuilder(dashboard.url()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).startsWith("default-src 'none'; script-src 'sha256-").contains("connect-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    // each inline element's text is allowed by its hash
    java.util.regex.Matcher inline = java.util.regex.Pattern.compile("<(script|style)>(.*?)</\\1>", java.util.regex.Pattern.DOTALL)
        .matcher(page.body());
    int elements = 0;
    while (inline.find()) {
      assertThat(policy).contains(LiveDashboard.hash(inline.group(2)));
      elements++;
    }
    assertThat(elements).isEqualTo(4);
    assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain(HOSTILE).doesNotContain("innerHTML");
  }

  @Test
  void start_byDefault_bindsLoopbackOnAFreePort() throws Exception {
    LiveDashboard dashboard = start();
    assertThat(dashboard.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(dashboard.address().getPort()).isPositive();
    assertThat(dashboard.url().toString()).isEqualTo("http://127.0.0.1:" + dashboard.address().getPort() + "/");
  }

  @Test
  void start_onAPortInUse_throwsBindException() throws Exception {
    LiveDashboard first = start();
    DashboardSettings same = new DashboardSettings(true, "127.0.0.1", first.address().getPort());
    assertThatThrownBy(() -> LiveDashboard.start(same, feed, new DashboardRun("a", "b", "c"))).isInstanceOf(BindException.class);
  }

  @Test
  void aBrowserThatGoesAway_leavesNoStreamBehind_andCloseEndsEveryThread() throws Exception {
    LiveDashboard dashboard = start();
    HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(dashboard.url().resolve("events")).build(),
        HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = response.body().iterator();
    assertThat(lines.next()).isEqualTo("retry: 1000");
    assertThat(dashboard.clientCount()).isEqualTo(1);
    response.body().close();
    for (int i = 0; i < 100 && dashboard.clientCount() > 0; i++) {
      Thread.sleep(50);
    }
    assertThat(dashboard.clientCount()).as("streams open 5 s after the browser went away").isZero();
    dashboard.close();
    for (int i = 0; i < 100 && !dashboardThreads().isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertThat(dashboardThreads()).as("threads alive 5 s after close").isEmpty();
  }

  static List<String> dashboardThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("loadcast-dashboard-")).toList();
  }
}
