package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loadcast.cli.Main;

/**
 * Attacker-controlled strings from production data, through the commands a user runs, to pages in
 * headless Chromium. An access log whose paths, referers and user agents carry the XSS corpus
 * ({@link XssPayloads}) goes through {@code profile derive --sessions} and {@code profile show}; SQL
 * whose quoted names and literals carry it goes through {@code dbadvise --sql}; request names carry
 * it into the results-only partial report of a load test stopped in its probe. Each page must show
 * the payloads as text, run none of them ({@link ReportPageCheck}), and hold the same markup as the
 * page of the same input with harmless strings in their place.
 *
 * <p>Skipped without chromium and chromedriver on PATH, except under CI=true where that fails.
 */
@Tag("slow")
class HostileInputsBrowserIT {
  private static final Path SOURCE_LOG = Path.of("../shared/data/access_logs/nasa_ksc_1995-08-01_first20000.log");
  private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
  private static HeadlessChromium browser;

  @TempDir
  Path dir;

  @BeforeAll
  static void startBrowser() {
    browser = HeadlessChromium.start(1300);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void derivedProfilePreview_payloadsInPathsReferersAndUserAgents_renderAsTextAndStayInert() throws IOException {
    List<String> payloads = XssPayloads.all();
    ReportPageCheck.Findings clean = derivedPreview("clean", i -> "payload-" + i);
    ReportPageCheck.Findings hostile = derivedPreview("hostile", payloads::get);

    assertInertAsHarmless(clean, hostile);
    // each payload path is a template of the mix: its request name shows as text, percent-encoded where a URL must be
    String body = XssPayloads.flat(hostile.bodyText());
    assertThat(body).contains("GET /<svg/onload=window.__xss=5>", "GET /</script><script>window.__xss=3</script>",
        "GET /%7B%7B%207*7%20%7D%7D");
  }

  @Test
  void dbAdvicePage_payloadsInQuotedNamesAndLiterals_renderAsTextAndStayInert() throws IOException {
    List<String> payloads = XssPayloads.all();
    ReportPageCheck.Findings clean = dbAdvice("clean", i -> "payload " + i);
    ReportPageCheck.Findings hostile = dbAdvice("hostile", payloads::get);

    assertInertAsHarmless(clean, hostile);
    String body = XssPayloads.flat(hostile.bodyText());
    // JSqlParser 5.4 writes a quoted name holding a dot back as two names ("a.b" as "a"."b"): those are left out here
    for (String payload : payloads) {
      if (!payload.contains(".")) {
        assertThat(body).as("the page's text").contains(XssPayloads.flat(payload.replace("\"", "\"\"")));
      }
    }
  }

  /**
   * The results-only partial report of a load test stopped in its probe, with every payload as a
   * request name and one as the experiment's: both charts drawn, no console error, the names shown as
   * text, none run, and the same markup as with harmless names.
   */
  @Test
  void resultsOnlyPartialReport_payloadsAsRequestNames_drawsItsChartsAndStaysInert() {
    List<String> payloads = XssPayloads.all();
    ReportPageCheck.Findings clean = resultsOnly("clean", i -> "request-" + i);
    ReportPageCheck.Findings hostile = resultsOnly("hostile", payloads::get);

    assertInertAsHarmless(clean, hostile);
    String body = XssPayloads.flat(hostile.bodyText());
    assertThat(body).contains("Partial report: the load test was interrupted at second 12 of 34, in phase probe");
    for (String payload : payloads) {
      assertThat(body).as("the page's text").contains(XssPayloads.flat(payload));
    }
  }

  private ReportPageCheck.Findings resultsOnly(String name, IntFunction<String> string) {
    int count = XssPayloads.all().size();
    List<org.loadcast.results.SecondResult> seconds = new ArrayList<>();
    for (int s = 0; s < 12; s++) {
      java.util.TreeMap<String, org.HdrHistogram.Histogram> latency = new java.util.TreeMap<>();
      for (int i = 0; i < count; i++) {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(org.loadcast.results.LoadTestRecorder.HIGHEST_LATENCY_MICROS,
            org.loadcast.results.LoadTestRecorder.SIGNIFICANT_DIGITS);
        h.recordValue(20_000 + 1_000L * i + 500L * s);
        latency.put(string.apply(i), h);
      }
      seconds.add(new org.loadcast.results.SecondResult(s, s < 6 ? org.loadcast.results.Phase.WARMUP
          : org.loadcast.results.Phase.PROBE, count, count, 0, 1.5, new java.util.TreeMap<>(java.util.Map.of(200, (long) count)),
          latency));
    }
    Path report = dir.resolve("results-only-" + name);
    LoadTestResultsPage.write(string.apply(2), "A load test stopped in its probe.",
        new LoadTestResultsPage.Stop("interrupted", 12, 34, "probe", 18), seconds, report);
    return ReportPageCheck.check(browser, report.resolve("index.html"), Optional.empty(),
        SCREENSHOTS.resolve("results-only-" + name + ".png"));
  }

  /** Both pages pass every check, and the hostile one holds the same markup as the harmless one. */
  private static void assertInertAsHarmless(ReportPageCheck.Findings clean, ReportPageCheck.Findings hostile) {
    assertThat(clean.problems()).isEmpty();
    assertThat(hostile.problems()).isEmpty();
    assertThat(hostile.elementCounts()).isEqualTo(clean.elementCounts());
  }

  /**
   * Writes 2,000 NASA lines as a Combined log, every third request's path replaced by a string of
   * the corpus (percent-encoded where a request line cannot hold it raw, as servers log it), and
   * every referer and user agent a string of the corpus (quotes escaped as Apache does); derives a
   * profile with sessions and renders its preview.
   */
  private ReportPageCheck.Findings derivedPreview(String name, IntFunction<String> string) throws IOException {
    int count = XssPayloads.all().size();
    List<String> lines = new ArrayList<>();
    List<String> source = Files.readAllLines(SOURCE_LOG, StandardCharsets.ISO_8859_1).subList(0, 2000);
    for (int n = 0; n < source.size(); n++) {
      String line = source.get(n);
      String text = string.apply(n % count);
      int open = line.indexOf('"');
      int close = line.indexOf('"', open + 1);
      String request = n % 3 == 0 ? "GET /" + pathOf(text) + " HTTP/1.0" : line.substring(open + 1, close);
      String quoted = text.replace("\\", "\\\\").replace("\"", "\\\"");
      lines.add(line.substring(0, open) + "\"" + request + "\"" + line.substring(close + 1) + " \"" + quoted + "\" \"" + quoted + "\"");
    }
    Path work = Files.createDirectories(dir.resolve(name));
    Path log = Files.write(work.resolve("access.log"), lines, StandardCharsets.UTF_8);
    Path profile = work.resolve(name + ".yaml");
    run("profile", "derive", log.toString(), "--format", "combined", "--top-paths", "40", "--sessions", "--rate", "curve",
        "--progress", "never", "--out", profile.toString());
    Path html = work.resolve(name + ".html");
    run("profile", "show", profile.toString(), "--out", html.toString());
    return ReportPageCheck.check(browser, html, Optional.empty(), SCREENSHOTS.resolve("derived-preview-" + name + ".png"));
  }

  /** Percent-encodes what a request line cannot hold raw (spaces, quotes, backslashes, non-ASCII), as a server logs it. */
  private static String pathOf(String text) {
    StringBuilder path = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean raw = c > ' ' && c < 127 && c != '"' && c != '\\' && c != '%';
      path.append(raw ? String.valueOf(c) : URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  /** Runs {@code dbadvise --sql} without a database on one statement per string, the string as a quoted name and a literal. */
  private ReportPageCheck.Findings dbAdvice(String name, IntFunction<String> string) throws IOException {
    int count = XssPayloads.all().size();
    List<String> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = string.apply(i);
      statements.add("SELECT id FROM orders WHERE note = '" + text.replace("'", "''") + "' AND \""
          + text.replace("\"", "\"\"") + "\" = " + i + ";");
    }
    Path work = Files.createDirectories(dir.resolve("db-" + name));
    Path sql = Files.write(work.resolve("workload.sql"), statements, StandardCharsets.UTF_8);
    run("dbadvise", "--sql", sql.toString(), "--out", work.resolve("advice").toString());
    return ReportPageCheck.check(browser, work.resolve("advice").resolve("index.html"), Optional.empty(),
        SCREENSHOTS.resolve("dbadvice-" + name + ".png"));
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(String.join(" ", args) + "\n" + out + err).isZero();
  }
}
