package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.cli.Main;
import org.loadcast.profile.CalendarEvent;
import org.loadcast.profile.EventCalendar;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.TrafficProfile;
import org.openqa.selenium.By;

/**
 * The HTML pages in a real browser, headless Chromium: the run report, the capacity report and the
 * profile preview, each rendered from harmless strings and from the XSS corpus
 * ({@code src/test/resources/xss-payloads.txt}) and checked by {@link ReportPageCheck}: no console
 * error, every chart drawn, the verdict table equal to summary.json, no script run, no element
 * injected (the same counts of script, img, svg, iframe... as the harmless page) and each payload
 * shown as text. Screenshots go to {@code target/browser-screenshots/}. Skipped without chromium
 * and chromedriver on PATH, except under CI=true where that fails.
 */
@Tag("slow")
class ReportBrowserIT {
  private static final Path PAGES = Path.of("target/browser-reports");
  private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
  /** The payloads a report round places outside the notes: experiment, description, two names, two descriptions. */
  private static final int SLOTS = 6;
  private static HeadlessChromium browser;

  /** Started by the first test, so that without a browser each test is reported skipped, with the reason. */
  @BeforeEach
  void startBrowser() {
    if (browser == null) {
      browser = HeadlessChromium.start(1400);
    }
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  static List<String> payloads() {
    return XssPayloads.all();
  }

  private static ReportPageCheck.Findings runReport(String name, RunReportFixture.Texts texts) {
    Path dir = PAGES.resolve(name);
    ReportWriter.write(RunReportFixture.withEverySection(texts), dir);
    return ReportPageCheck.check(browser, dir.resolve("index.html"), Optional.of(dir.resolve("summary.json")),
        SCREENSHOTS.resolve(name + ".png"));
  }

  private static RunReportFixture.Texts harmless() {
    return new RunReportFixture.Texts("browser-check", "Two HPA targets on a two-hour ramp.", List.of("hpa-70", "hpa-50"),
        List.of("HPA, target 70 %", "HPA, target 50 %"), List.of("A note."));
  }

  @Test
  void runReport_harmlessStrings_drawsEveryChartAndShowsTheNumbersOfSummaryJson() {
    ReportPageCheck.Findings findings = runReport("run-report", harmless());
    assertThat(findings.problems()).isEmpty();
    // the uPlot charts: frontier, demand per policy (2), instances, latency, replay, fidelity, USL
    assertThat(browser.driver().findElements(By.cssSelector(".chart canvas"))).hasSizeGreaterThanOrEqualTo(8);
    assertThat(findings.bodyText()).contains("hpa-70").contains("A note.");
  }

  @Test
  void runReport_brokenVerdict_isReported() throws IOException {
    Path dir = PAGES.resolve("run-report-tampered");
    ReportWriter.write(RunReportFixture.withEverySection(harmless()), dir);
    Path summary = dir.resolve("summary.json");
    String json = Files.readString(summary);
    // a different cost for the first policy, and one policy less than the table shows
    String tampered = json.replaceFirst("\"cost\" : [0-9.]+", "\"cost\" : 12345.678");
    Files.writeString(summary, tampered);
    ReportPageCheck.Findings findings = ReportPageCheck.check(browser, dir.resolve("index.html"), Optional.of(summary),
        SCREENSHOTS.resolve("run-report-tampered.png"));
    assertThat(tampered).isNotEqualTo(json);
    assertThat(findings.problems()).singleElement().asString()
        .startsWith("verdict table, policy hpa-70, column 'cost': shows ").contains("summary.json has 12345.678");
  }

  /** The checker itself: a page with each fault it looks for, written by hand. */
  @Test
  void check_pageWithEveryFault_reportsEachOne() throws IOException {
    Path page = PAGES.resolve("broken.html");
    Files.createDirectories(PAGES);
    Files.writeString(page, """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>broken</title></head><body>
        <section id="verdict"><table>
          <thead><tr><th>policy</th><th>p95 ms</th><th>cost</th></tr></thead>
          <tbody><tr><td>hpa</td><td>101.4</td><td>2.00</td></tr><tr><td colspan="3">HPA</td></tr></tbody>
        </table></section>
        <div id="blank-chart" class="chart"><canvas width="300" height="100"></canvas></div>
        <div class="chart"></div>
        <img src="x" onerror="window.__xss = 'img'">
        <p onmouseover="window.__late = 1">hover</p>
        <a href="javascript:void 0">link</a>
        <script>undefinedFunction();</script>
        </body></html>
        """);
    Path summary = PAGES.resolve("broken-summary.json");
    Files.writeString(summary, "{\"policies\": [{\"name\": \"hpa\", \"p95LatencyMillis\": 101.36, \"cost\": 2.006}]}");
    ReportPageCheck.Findings findings = ReportPageCheck.check(browser, page, Optional.of(summary),
        SCREENSHOTS.resolve("broken.png"));
    assertThat(findings.problems()).anyMatch(p -> p.startsWith("console error: ") && p.contains("undefinedFunction"))
        .contains("chart not drawn: #blank-chart: its canvas is blank or of size 0", "chart not drawn: chart 2: no canvas and no drawn svg",
            "a script ran on loading: window.__xss = img", "1 attribute(s) hold a javascript: URL")
        .anyMatch(p -> p.startsWith("verdict table: no column 'SLO-violation minutes %'"))
        .anyMatch(p -> p.startsWith("verdict table, policy hpa, column 'cost': shows 2.00, summary.json has 2.006"))
        .noneMatch(p -> p.contains("column 'p95 ms'"));
    assertThat(findings.elementCounts()).containsEntry("img", 1L).containsEntry("on* attribute", 2L);
  }

  @Test
  void runReport_xssPayloadsInEveryString_renderAsTextAndStayInert() throws IOException {
    List<String> payloads = payloads();
    ReportPageCheck.Findings clean = runReport("run-report-harmless", harmless());
    int rounds = (payloads.size() + SLOTS - 1) / SLOTS;
    for (int round = 0; round < rounds; round++) {
      int first = round * SLOTS;
      List<String> p = IntStream.range(first, first + SLOTS).mapToObj(i -> payloads.get(i % payloads.size())).toList();
      RunReportFixture.Texts texts = new RunReportFixture.Texts(p.get(0), p.get(1), List.of(p.get(2), p.get(3)),
          List.of(p.get(4), p.get(5)), payloads);
      ReportPageCheck.Findings hostile = runReport("run-report-xss-" + (round + 1), texts);
      assertThat(hostile.problems()).as("round %d", round + 1).isEmpty();
      assertThat(hostile.elementCounts()).as("round %d", round + 1).isEqualTo(clean.elementCounts());
      assertThat(text("header h1")).isEqualTo(flat(p.get(0)));
      assertThat(text("header p")).isEqualTo(flat(p.get(1)));
      assertThat(browser.driver().getTitle()).isEqualTo(flat("Loadcast · " + p.get(0)));
      assertShownAsText(hostile, payloads);
    }
  }

  /** The element's innerText, as the body's is read (Selenium's getText turns U+2028 into a line break). */
  private static String text(String css) {
    return flat((String) browser.driver().executeScript("return document.querySelector(arguments[0]).innerText;", css));
  }

  /** Each payload must be in the page's text as written, whitespace runs aside. */
  private static void assertShownAsText(ReportPageCheck.Findings findings, List<String> payloads) {
    String body = flat(findings.bodyText());
    for (String payload : payloads) {
      assertThat(body).as("the page's text").contains(flat(payload));
    }
  }

  private static String flat(String text) {
    return XssPayloads.flat(text);
  }

  private static TrafficProfile profile(String description, List<String> names, List<String> paths, List<String> events) {
    RateCurve curve = RateCurve.of(new double[] {0, 3600, 7200, 10800, 14400}, new double[] {2, 8, 5, 12, 3},
        Interpolation.LINEAR, List.of(new org.loadcast.profile.TimeRange(7200, 9000)));
    List<RequestTemplate> requests = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      requests.add(new RequestTemplate(names.get(i), "GET", paths.get(i), 1 + i % 3));
    }
    List<CalendarEvent> calendar = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      calendar.add(new CalendarEvent(events.get(i), CalendarEvent.Kind.CAMPAIGN, 600.0 * (2 * i + 1), 600.0 * (2 * i + 2),
          new CalendarEvent.Multiplier(1.5)));
    }
    return new TrafficProfile("browser-check", description, 7, ZoneId.of("UTC"), OffsetDateTime.parse("2026-01-01T00:00:00Z"),
        curve, new EventCalendar(calendar), new RequestMix(requests));
  }

  /** The payload as a path; a path with braces other than placeholders is refused by RequestTemplate, so those get a plain one. */
  private static String path(String payload, int index) {
    return payload.contains("{") || payload.contains("}") ? "/request-" + index : "/" + payload;
  }

  private static ReportPageCheck.Findings preview(String name, TrafficProfile profile) {
    Path file = PAGES.resolve(name + ".html");
    ProfilePreview.write(profile, file);
    return ReportPageCheck.check(browser, file, Optional.empty(), SCREENSHOTS.resolve(name + ".png"));
  }

  @Test
  void profilePreview_xssPayloadsInRequestNamesPathsAndEvents_renderAsTextAndStayInert() throws IOException {
    List<String> payloads = payloads();
    List<String> plain = IntStream.range(0, payloads.size()).mapToObj(i -> "request-" + i).toList();
    ReportPageCheck.Findings clean = preview("profile-preview", profile("A profile.", plain,
        plain.stream().map(n -> "/" + n).toList(), plain.subList(0, 3)));
    assertThat(clean.problems()).isEmpty();
    ReportPageCheck.Findings hostile = preview("profile-preview-xss", profile(payloads.get(0), payloads,
        IntStream.range(0, payloads.size()).mapToObj(i -> path(payloads.get(i), i)).toList(), payloads.subList(0, 3)));
    assertThat(hostile.problems()).isEmpty();
    assertThat(hostile.elementCounts()).isEqualTo(clean.elementCounts());
    assertShownAsText(hostile, payloads);
  }

  /** A real load test's results (the one CapacityCommandTest reads), for the USL chart. */
  private static final Path RESULTS = Path.of("src/test/resources/results/nasa-reactive-vs-predictive-20261129-150840/results");

  /** Runs {@code loadcast capacity} on the NASA experiment with the description replaced, and checks the page. */
  private static ReportPageCheck.Findings capacityReport(String name, String description, List<String> extraArgs)
      throws IOException {
    Path experiment = PAGES.resolve(name + ".yaml");
    String yaml = Files.readString(Path.of("simulations/nasa-reactive-vs-predictive.yaml"))
        .replace("profile: ../traffic-profiles/", "profile: " + Path.of("traffic-profiles").toAbsolutePath() + "/");
    int start = yaml.indexOf("description: >-");
    int end = yaml.indexOf("\nseed:");
    Files.createDirectories(PAGES);
    Files.writeString(experiment, yaml.substring(0, start) + "description: \"" + description.replace("\\", "\\\\")
        .replace("\"", "\\\"").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\"" + yaml.substring(end));
    List<String> args = new ArrayList<>(List.of("capacity", experiment.toString(), "--out", PAGES.resolve(name).toString()));
    args.addAll(extraArgs);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return ReportPageCheck.check(browser, PAGES.resolve(name).resolve("index.html"), Optional.empty(),
        SCREENSHOTS.resolve(name + ".png"));
  }

  @Test
  void capacityReport_nasaWithAHostileDescription_drawsEveryChartAndStaysInert() throws IOException {
    String payload = String.join(" ", payloads());
    ReportPageCheck.Findings findings = capacityReport("capacity-report-xss", payload, List.of());
    assertThat(findings.problems()).isEmpty();
    assertThat(text("header p")).isEqualTo(flat(payload));
    assertThat(findings.elementCounts()).containsEntry("img", 0L).containsEntry("iframe", 0L).containsEntry("svg", 0L)
        .containsEntry("on* attribute", 0L).containsEntry("script", 3L);
    // without load-test results the USL is not fitted and has no chart
    assertThat(browser.driver().findElements(By.id("usl-chart"))).isEmpty();
  }

  @Test
  void capacityReport_nasaWithLoadTestResults_drawsTheUslChartToo() throws IOException {
    ReportPageCheck.Findings findings = capacityReport("capacity-report", "NASA with a load test's probe.",
        List.of("--results", RESULTS.toString()));
    assertThat(findings.problems()).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#usl-chart canvas"))).isNotEmpty();
    assertThat(browser.driver().findElements(By.cssSelector("#runway-chart canvas"))).isNotEmpty();
  }
}
