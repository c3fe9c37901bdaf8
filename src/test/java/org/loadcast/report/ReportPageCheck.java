package org.loadcast.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;

/**
 * Opens one rendered Loadcast page (the run report, the capacity report or a profile preview) in
 * {@link HeadlessChromium} over {@code file://} and lists what is wrong with it:
 * <ul>
 *   <li>every SEVERE entry of the browser console (script errors, failed loads);</li>
 *   <li>every chart not drawn: an element with class {@code chart}, or whose id ends in
 *       {@code -chart}, must hold a canvas of positive size with at least one non-transparent pixel
 *       (read with {@code getImageData}), or an {@code svg} with children;</li>
 *   <li>a script that ran from the data: {@code window.__xss} set (the XSS corpus's payloads set it,
 *       and so does any {@code alert}), after loading and again after every element received
 *       mouseover, mouseenter, mousemove, focus and click events (links that leave the page are not
 *       clicked) and the real mouse moved over and clicked the first 12 headings, cells and list
 *       items; and any attribute whose value starts with {@code javascript:};</li>
 *   <li>with a {@code summary.json}: every number of the verdict table, the first table of
 *       {@code section#verdict}, against the summary's {@code policies[]}, see
 *       {@link #verdictProblems}.</li>
 * </ul>
 * It also counts the elements a payload could inject ({@link Findings#elementCounts}), for a test to
 * compare with a page rendered from harmless strings, and saves a full-page screenshot.
 *
 * <p>For a real run: {@code ReportPageCheck.main} takes {@code reports/<run>/index.html} and its
 * {@code summary.json} and prints the findings. Stateless; the browser it is given is not
 * thread-safe.
 */
public final class ReportPageCheck {
  /** Tags and attributes a payload would add if it became markup; the template's own are counted too. */
  private static final String COUNT_ELEMENTS = """
      const tags = ['script', 'img', 'svg', 'iframe', 'a', 'style', 'link', 'meta', 'base', 'body', 'form', 'input',
        'details', 'math', 'object', 'embed', 'video', 'audio', 'frame', 'mglyph'];
      const counts = {};
      tags.forEach(t => counts[t] = document.getElementsByTagName(t).length);
      let handlers = 0, jsUrls = 0;
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes) {
          if (a.name.toLowerCase().startsWith('on')) handlers++;
          if (/^\\s*javascript:/i.test(a.value)) jsUrls++;
        }
      }
      counts['on* attribute'] = handlers;
      counts['javascript: attribute'] = jsUrls;
      return counts;
      """;
  private static final String CHART_PROBLEMS = """
      const problems = [];
      document.querySelectorAll('.chart, [id$="-chart"]').forEach((el, i) => {
        const name = el.id ? '#' + el.id : (el.querySelector('.u-title') || {}).textContent || ('chart ' + (i + 1));
        const svgDrawn = [...el.querySelectorAll('svg')].some(s => s.childElementCount > 0);
        const canvases = [...el.querySelectorAll('canvas')];
        let drawn = svgDrawn;
        for (const c of canvases) {
          if (drawn || c.width === 0 || c.height === 0) continue;
          const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (let k = 3; k < pixels.length; k += 4) { if (pixels[k] !== 0) { drawn = true; break; } }
        }
        if (!drawn) problems.push(name + ': ' + (canvases.length ? 'its canvas is blank or of size 0' : 'no canvas and no drawn svg'));
      });
      return problems;
      """;
  private static final String INTERACT = """
      for (const el of document.querySelectorAll('body *')) {
        for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus']) {
          el.dispatchEvent(new MouseEvent(type, { bubbles: true }));
        }
        const href = el.getAttribute('href');
        if (el.tagName !== 'A' || (href && href.startsWith('#'))) el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }
      """;
  private static final String VERDICT_TABLE = """
      const table = document.querySelector('section#verdict table');
      if (!table) return null;
      const headerRow = table.querySelector('thead tr') || table.querySelector('tr');
      const headers = [...headerRow.children].map(c => c.innerText);
      const rows = [...table.querySelectorAll('tbody tr')].filter(tr => tr !== headerRow)
        .map(tr => [...tr.children].map(td => td.colSpan > 1 ? null : td.innerText));
      return { headers: headers, rows: rows };
      """;
  private static final String XSS_MARK = "return window.__xss === undefined ? null : String(window.__xss);";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int HOVERED_ELEMENTS = 12;
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.(\\d+))?");

  private ReportPageCheck() {}

  /**
   * What one page showed.
   *
   * @param problems every problem found, in the order above; empty for a sound page
   * @param elementCounts per tag name (and "on* attribute", "javascript: attribute"), how many the
   *     page has after loading
   * @param bodyText {@code document.body.innerText}, for the test to find its strings in
   * @param screenshot the full-page PNG written
   */
  public record Findings(List<String> problems, Map<String, Long> elementCounts, String bodyText, Path screenshot) {}

  /**
   * Opens a page and checks it.
   *
   * @param browser a started browser
   * @param html the page, an existing file
   * @param summaryJson the run's {@code summary.json} to check the verdict table against, or empty
   *     for a page without one (capacity report, profile preview)
   * @param screenshot the PNG file to write; its directory is created
   * @return the findings
   * @throws UncheckedIOException if summary.json cannot be read or the screenshot written
   */
  public static Findings check(HeadlessChromium browser, Path html, Optional<Path> summaryJson, Path screenshot) {
    ChromeDriver driver = browser.driver();
    driver.get(html.toAbsolutePath().toUri().toString());
    List<String> problems = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
        problems.add("console error: " + entry.getMessage());
      }
    }
    @SuppressWarnings("unchecked")
    List<String> charts = (List<String>) driver.executeScript(CHART_PROBLEMS);
    charts.forEach(c -> problems.add("chart not drawn: " + c));
    @SuppressWarnings("unchecked")
    Map<String, Long> counts = new LinkedHashMap<>((Map<String, Long>) driver.executeScript(COUNT_ELEMENTS));
    String bodyText = (String) driver.executeScript("return document.body.innerText;");
    writeScreenshot(driver, screenshot);
    xssMark(driver).ifPresent(mark -> problems.add("a script ran on loading: window.__xss = " + mark));
    if (counts.get("javascript: attribute") > 0) {
      problems.add(counts.get("javascript: attribute") + " attribute(s) hold a javascript: URL");
    }
    summaryJson.ifPresent(summary -> problems.addAll(verdictProblems(driver, summary)));
    driver.executeScript(INTERACT);
    hoverAndClick(driver);
    xssMark(driver).ifPresent(mark -> problems.add("a script ran on hover, focus or click: window.__xss = " + mark));
    try {
      driver.switchTo().alert();
      problems.add("a dialog is open");
    } catch (NoAlertPresentException expected) {
      // no dialog: as it should be
    }
    return new Findings(List.copyOf(problems), java.util.Collections.unmodifiableMap(counts), bodyText, screenshot);
  }

  /** Moves the real mouse over, and clicks, the first cells, headings and list items: the places user strings land. */
  private static void hoverAndClick(ChromeDriver driver) {
    List<WebElement> targets = driver.findElements(By.cssSelector("h1, header p, td, li"));
    for (WebElement target : targets.subList(0, Math.min(HOVERED_ELEMENTS, targets.size()))) {
      if (target.isDisplayed() && target.findElements(By.cssSelector("a")).isEmpty()) {
        new Actions(driver).moveToElement(target).click().perform();
      }
    }
  }

  private static Optional<String> xssMark(ChromeDriver driver) {
    return Optional.ofNullable((String) driver.executeScript(XSS_MARK));
  }

  private static void writeScreenshot(ChromeDriver driver, Path file) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
        "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The verdict table's columns, by header text, and the summary.json field each shows. */
  private enum Column {
    POLICY("policy", "name"),
    VIOLATION_MINUTES("SLO-violation minutes %", "sloViolationMinutesPercent"),
    VIOLATION_REQUESTS("requests over SLO or dropped %", "sloViolationRequestsPercent"),
    DROPPED("dropped", "droppedRequests"),
    P95("p95 ms", "p95LatencyMillis"),
    P99("p99 ms", "p99LatencyMillis"),
    INSTANCE_HOURS("instance-hours", "instanceHours"),
    COST("cost", "cost"),
    SCALING_ACTIONS("scaling actions", "scalingActions"),
    ELASTIC_SPEEDUP("elastic speedup ε", "elasticSpeedup");

    final String header;
    final String field;

    Column(String header, String field) {
      this.header = header;
      this.field = field;
    }
  }

  /**
   * Compares the verdict table with summary.json. The table is the first {@code table} inside
   * {@code section#verdict}; its columns are found by header text (exactly, or else the first header
   * starting with it), and its policy rows are the rows with one cell per header (a description row
   * spanning the columns is skipped). Each policy row must show, in order, the name and figures of
   * the summary's {@code policies[]}. A number shown with d decimals must lie within half a unit of
   * its last digit (0.5 × 10^-d, as {@link ReportView} rounds with {@code %.df}) of the summary's
   * value; "–" stands for null. "(n of m)" after the violation percentage must equal
   * {@code sloViolationMinutes} and {@code minutesWithTraffic}; "a out, b in" must equal
   * {@code scaleOuts} and {@code scaleIns}; "+ n timed out" must equal {@code timedOutRequests}.
   *
   * @param driver the browser, showing the page
   * @param summaryJson the run's summary.json
   * @return one sentence per mismatch; empty when the table agrees
   * @throws UncheckedIOException if summary.json cannot be read
   */
  static List<String> verdictProblems(ChromeDriver driver, Path summaryJson) {
    JsonNode policies;
    try {
      policies = JSON.readTree(summaryJson.toFile()).path("policies");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> table = (Map<String, Object>) driver.executeScript(VERDICT_TABLE);
    if (table == null) {
      return List.of("no table in section#verdict");
    }
    @SuppressWarnings("unchecked")
    List<String> headers = ((List<String>) table.get("headers")).stream().map(ReportPageCheck::normalized).toList();
    List<String> problems = new ArrayList<>();
    Map<Column, Integer> columns = new LinkedHashMap<>();
    for (Column c : Column.values()) {
      int index = headers.indexOf(normalized(c.header));
      for (int i = 0; index < 0 && i < headers.size(); i++) {
        index = headers.get(i).startsWith(normalized(c.header)) ? i : -1;
      }
      if (index < 0) {
        problems.add("verdict table: no column '" + c.header + "' among " + headers);
      } else {
        columns.put(c, index);
      }
    }
    @SuppressWarnings("unchecked")
    List<List<String>> rows = ((List<List<String>>) table.get("rows")).stream()
        .filter(r -> r.size() == headers.size() && !r.contains(null)).toList();
    if (rows.size() != policies.size()) {
      problems.add("verdict table: " + rows.size() + " policy rows, but summary.json has " + policies.size() + " policies");
    }
    for (int i = 0; i < Math.min(rows.size(), policies.size()); i++) {
      JsonNode policy = policies.get(i);
      for (Map.Entry<Column, Integer> c : columns.entrySet()) {
        cellProblem(c.getKey(), rows.get(i).get(c.getValue()), policy).ifPresent(p -> problems.add(
            "verdict table, policy " + policy.path("name").asText() + ", column '" + c.getKey().header + "': " + p));
      }
    }
    return problems;
  }

  private static Optional<String> cellProblem(Column column, String cell, JsonNode policy) {
    String text = normalized(cell);
    JsonNode expected = policy.path(column.field);
    if (column == Column.POLICY) {
      return text.equals(normalized(expected.asText())) || text.startsWith(normalized(expected.asText()) + " ")
          ? Optional.empty() : Optional.of("shows '" + cell + "', summary.json has '" + expected.asText() + "'");
    }
    if (expected.isNull() || expected.isMissingNode()) {
      return text.equals("–") ? Optional.empty() : Optional.of("shows '" + cell + "', summary.json has null");
    }
    List<String> problems = new ArrayList<>();
    Matcher first = NUMBER.matcher(text);
    if (column == Column.SCALING_ACTIONS) {
      compareGroup(text, "(\\d+) out", policy.path("scaleOuts"), problems);
      compareGroup(text, "(\\d+) in", policy.path("scaleIns"), problems);
    } else if (!first.find()) {
      problems.add("shows no number: '" + cell + "'");
    } else {
      int decimals = first.group(1) == null ? 0 : first.group(1).length();
      double shown = Double.parseDouble(first.group());
      double tolerance = 0.5 * Math.pow(10, -decimals) + 1e-9 * Math.abs(shown);
      if (Math.abs(shown - expected.asDouble()) > tolerance) {
        problems.add(String.format(Locale.ROOT, "shows %s, summary.json has %s (tolerance %s)", first.group(),
            expected.asText(), tolerance));
      }
    }
    if (column == Column.VIOLATION_MINUTES) {
      compareGroup(text, "\\((\\d+) of", policy.path("sloViolationMinutes"), problems);
      compareGroup(text, "of (\\d+)\\)", policy.path("minutesWithTraffic"), problems);
    }
    if (column == Column.DROPPED && text.contains("timed out")) {
      compareGroup(text, "\\+ (\\d+) timed out", policy.path("timedOutRequests"), problems);
    }
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems) + " in '" + cell + "'");
  }

  private static void compareGroup(String text, String regex, JsonNode expected, List<String> problems) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      problems.add("no '" + regex + "'");
    } else if (Long.parseLong(m.group(1)) != expected.asLong()) {
      problems.add(m.group() + " but summary.json has " + expected.asText());
    }
  }

  private static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  /**
   * Checks a report outside the tests, such as the main job's: prints each problem, or "ok", and a
   * screenshot path; exits with 1 when a problem was found.
   *
   * @param args {@code reports/<run>/index.html} and optionally its {@code summary.json}
   */
  public static void main(String[] args) {
    Path html = Path.of(args[0]);
    Optional<Path> summary = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
    Findings findings;
    try (HeadlessChromium browser = HeadlessChromium.start(1400)) {
      findings = check(browser, html, summary, Path.of("target/browser-screenshots/checked-report.png"));
    }
    findings.problems().forEach(System.out::println);
    System.out.println((findings.problems().isEmpty() ? "ok; " : findings.problems().size() + " problem(s); ")
        + "screenshot " + findings.screenshot() + "; elements " + findings.elementCounts());
    System.exit(findings.problems().isEmpty() ? 0 : 1);
  }
}
