package org.loadcast.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.report.HeadlessChromium;
import org.loadcast.report.XssPayloads;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The live page in headless Chromium during a short synthetic run: a recorder on the real clock is
 * fed about 60 requests per second of two names, one of them markup, while the browser watches.
 * Skipped without chromium and chromedriver on PATH, except under CI=true where that fails.
 */
@Tag("slow")
class LiveDashboardBrowserIT {
  private static final String PROBE = """
      return {
        events: Number(document.getElementById('events-received').textContent),
        phase: document.getElementById('phase').textContent,
        charts: Array.from(document.querySelectorAll('.chart canvas')).map(c => c.toDataURL()),
        names: Array.from(document.querySelectorAll('#latency-table tbody td:first-child')).map(td => td.textContent),
        images: document.querySelectorAll('img').length,
        sutShown: !document.getElementById('sut-section').hidden,
        xss: window.__xss === undefined ? '' : String(window.__xss)
      };""";

  @Test
  void livePage_updatesItsChartsEachSecond_showsNamesAsText_withoutConsoleErrors() throws Exception {
    LoadTestRecorder recorder = new LoadTestRecorder(System::nanoTime);
    LiveFeed feed = new LiveFeed(recorder, s -> 60, () -> new SystemUnderTestSample(2, 4));
    AtomicBoolean running = new AtomicBoolean(true);
    Thread traffic = new Thread(() -> send(recorder, running), "synthetic-traffic");
    try (LiveDashboard dashboard = LiveDashboard.start(DashboardSettings.of(new Properties()), feed,
            new DashboardRun("browser-check", "browser-check-1", "synthetic"));
        HeadlessChromium browser = HeadlessChromium.start(1200)) {
      traffic.start();
      ChromeDriver driver = browser.driver();
      driver.get(dashboard.url().toString());
      Thread.sleep(2500);
      java.util.Map<?, ?> first = (java.util.Map<?, ?>) driver.executeScript(PROBE);
      Thread.sleep(3000);
      java.util.Map<?, ?> second = (java.util.Map<?, ?>) driver.executeScript(PROBE);
      List<String> errors = screenshotAndConsoleErrors(driver, "live-dashboard");

      assertThat(errors).as("console errors").isEmpty();
      long before = ((Number) first.get("events")).longValue();
      long after = ((Number) second.get("events")).longValue();
      assertThat(before).as("events after 2.5 s").isPositive();
      assertThat(after - before).as("events in the next 3 s").isBetween(2L, 4L);
      assertThat((List<?>) first.get("charts")).as("charts drawn").hasSizeGreaterThanOrEqualTo(7);
      assertThat(second.get("charts")).as("the charts changed").isNotEqualTo(first.get("charts"));
      assertThat(second.get("phase")).isEqualTo("probe");
      assertThat(second.get("names")).isEqualTo(List.of(LiveDashboardTest.HOSTILE, "home"));
      assertThat(second.get("images")).isEqualTo(0L);
      assertThat(second.get("xss")).isEqualTo("");
      assertThat(second.get("sutShown")).isEqualTo(true);
    } finally {
      running.set(false);
      traffic.join();
    }
  }

  /**
   * Every payload of the XSS corpus as a request name, and one as the experiment's name: the page
   * shows each as text in the latency table and the legends, runs none, and logs no console error.
   */
  @Test
  void livePage_xssPayloadsAsRequestAndExperimentNames_renderAsTextAndStayInert() throws Exception {
    List<String> payloads = XssPayloads.all();
    LoadTestRecorder recorder = new LoadTestRecorder(System::nanoTime);
    LiveFeed feed = new LiveFeed(recorder, s -> 40, () -> new SystemUnderTestSample(1, 4));
    AtomicBoolean running = new AtomicBoolean(true);
    Thread traffic = new Thread(() -> {
      for (int i = 0; running.get(); i++) {
        long started = recorder.started(Phase.PROBE);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        recorder.completed(payloads.get(i % payloads.size()), started, 200, false);
      }
    }, "hostile-traffic");
    try (LiveDashboard dashboard = LiveDashboard.start(DashboardSettings.of(new Properties()), feed,
            new DashboardRun(payloads.get(1), payloads.get(2), payloads.get(3)));
        HeadlessChromium browser = HeadlessChromium.start(1200)) {
      traffic.start();
      ChromeDriver driver = browser.driver();
      driver.get(dashboard.url().toString());
      Thread.sleep(3500);
      java.util.Map<?, ?> probe = (java.util.Map<?, ?>) driver.executeScript(PROBE);
      String body = XssPayloads.flat(driver.findElement(org.openqa.selenium.By.tagName("body")).getText());
      List<String> errors = screenshotAndConsoleErrors(driver, "live-dashboard-xss");

      assertThat(errors).as("console errors").isEmpty();
      assertThat(probe.get("xss")).as("window.__xss").isEqualTo("");
      assertThat(probe.get("images")).isEqualTo(0L);
      assertThat(driver.findElements(org.openqa.selenium.By.cssSelector(
          "iframe, svg, details, input, math, [onerror], [onload], [onfocus], [ontoggle], [onmouseover]")))
          .as("elements a payload would add").isEmpty();
      assertThat(((List<?>) probe.get("names")).stream().map(String::valueOf).toList()).as("the latency table's names")
          .containsExactlyInAnyOrderElementsOf(payloads);
      assertThat(body).contains(XssPayloads.flat(payloads.get(1)));
    } finally {
      running.set(false);
      traffic.join();
    }
  }

  /** Writes a screenshot to {@code target/browser-screenshots/NAME.png} and returns the console's errors. */
  private static List<String> screenshotAndConsoleErrors(ChromeDriver driver, String name) throws java.io.IOException {
    Path screenshot = Path.of("target/browser-screenshots/" + name + ".png");
    Files.createDirectories(screenshot.getParent());
    Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Sends about 60 requests per second, of latencies 2 to 40 ms, until told to stop. */
  private static void send(LoadTestRecorder recorder, AtomicBoolean running) {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; running.get(); i++) {
      Phase phase = recorder.elapsedSeconds() < 1 ? Phase.WARMUP : Phase.PROBE;
      long started = recorder.started(phase);
      try {
        Thread.sleep(2 + random.nextInt(38));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      recorder.completed(i % 3 == 0 ? LiveDashboardTest.HOSTILE : "home", started, i % 17 == 0 ? 503 : 200, i % 17 == 0);
    }
  }
}
