package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.hotspot.FlameGraphPage;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;

/**
 * The flame graph page in the machine's headless Chromium: drawn offline, and method names stay
 * text. {@link ReportPageCheck#check} is not used here: it clicks every element, and the page's own
 * search button opens a {@code prompt}, which that check counts as injected.
 */
@Tag("slow")
class FlameGraphBrowserIT {
  private static final Path PAGES = Path.of("target/browser-reports");
  private static final String CANVAS_DRAWN = """
      const c = document.getElementById('canvas');
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let k = 3; k < pixels.length; k += 4) { if (pixels[k] !== 0) return true; }
      return false;
      """;
  private static final String XSS_MARK = "return window.__xss === undefined ? null : String(window.__xss);";

  @Test
  void flameGraph_scriptClosingMethodNames_drawsAndRunsNoInjectedScript() throws IOException {
    List<String> folded = new ArrayList<>();
    ReportBrowserIT.payloads().forEach(p -> folded.add("main;x.Y.work;" + p + " 7"));
    folded.add("main;x.Y.work;x.Y.hotLoop 80");
    Path page = PAGES.resolve("flamegraph.html");
    Files.createDirectories(PAGES);
    Files.writeString(page, FlameGraphPage.render(folded, "<script>window.__xss='title'</script>"));
    try (HeadlessChromium browser = HeadlessChromium.start(1200)) {
      ChromeDriver driver = browser.driver();
      driver.get(page.toAbsolutePath().toUri().toString());
      assertThat(driver.manage().logs().get(LogType.BROWSER).getAll()).noneMatch(e -> e.getLevel().intValue() >= 1000);
      assertThat((Boolean) driver.executeScript(CANVAS_DRAWN)).isTrue();
      assertThat(driver.findElements(By.tagName("script"))).hasSize(1);
      assertThat(driver.findElements(By.cssSelector("img, iframe, svg, object, embed"))).isEmpty();
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("<script>window.__xss='title'</script>");
      // hover the fourth row from the bottom (all, main, work, then the payloads; a payload with ';' goes on
      // upwards, as the folded format splits frames there): the status line shows each name as text
      WebElement canvas = driver.findElement(By.id("canvas"));
      List<String> shown = new ArrayList<>();
      for (int x = -550; x <= 550; x += 20) {
        new Actions(driver).moveToElement(canvas, x, canvas.getSize().getHeight() / 2 - (3 * 16 + 8)).perform();
        shown.add(driver.findElement(By.id("status")).getText());
      }
      assertThat(shown).anyMatch(t -> t.contains("<img src=x onerror=window.__xss=1>"));
      assertThat((String) driver.executeScript(XSS_MARK)).isNull();
      assertThat(driver.findElements(By.cssSelector("img, iframe, svg, object, embed"))).isEmpty();
    }
  }
}
