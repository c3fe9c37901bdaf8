package org.loadcast.report;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The machine's Chromium, headless, driven through its chromedriver: both are looked up on
 * {@code PATH} ({@code chromium}, {@code chromedriver}, as Debian's {@code chromium} and
 * {@code chromium-driver} packages install them) and handed to Selenium explicitly, so Selenium
 * Manager never runs and nothing is downloaded. The browser keeps its console log (every level) and
 * turns {@code alert}, {@code confirm} and {@code prompt} into a mark, {@code window.__xss =
 * 'dialog'}, that {@link ReportPageCheck} reads, instead of a modal dialog that would block the
 * driver.
 *
 * <p>Not thread-safe: one test drives one browser at a time. {@link #close()} quits the browser and
 * deletes its temporary profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  static final String INSTALL_HINT = "install Debian's packages: apt-get install --no-install-recommends chromium chromium-driver";
  private static final String NO_DIALOGS =
      "window.alert = window.confirm = window.prompt = function () { window.__xss = 'dialog'; };";

  /**
   * Selenium looks for a CDP binding of the browser's version, warns when it has none, and then does
   * not use one: the check needs only chromedriver's own CDP command, so the warning is noise. Kept
   * in a field, as java.util.logging holds loggers weakly.
   */
  private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts the browser, or skips the calling test when {@code chromium} or {@code chromedriver} is
   * not on {@code PATH}; under {@code CI=true} a missing browser fails instead, so CI cannot pass
   * without running the check.
   *
   * @param widthPixels the window's width, > 0; the page's charts size themselves to it
   * @return the started browser, to close
   * @throws org.opentest4j.TestAbortedException if a command is missing outside CI
   * @throws AssertionError if a command is missing and the environment variable CI is "true"
   * @throws UncheckedIOException if the temporary profile directory cannot be created
   */
  public static HeadlessChromium start(int widthPixels) {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    Optional<Path> browser = onPath("chromium");
    Optional<Path> chromedriver = onPath("chromedriver");
    if (browser.isEmpty() || chromedriver.isEmpty()) {
      String message = "the browser check needs chromium and chromedriver on PATH, but "
          + (browser.isEmpty() ? "chromium" : "chromedriver") + " is missing; " + INSTALL_HINT;
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true: the check must run in CI)");
      }
      Assumptions.abort(message);
    }
    try {
      Path profile = Files.createTempDirectory("loadcast-chromium-");
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options(browser.get(), profile, widthPixels));
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NO_DIALOGS));
      return new HeadlessChromium(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ChromeOptions options(Path browser, Path profile, int widthPixels) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--window-size=" + widthPixels + ",1000");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return options;
  }

  /**
   * Returns the first executable file with this name in a directory of {@code PATH}.
   *
   * @param command a command name such as "chromium"
   * @return its path, or empty when no directory of {@code PATH} holds it
   */
  static Optional<Path> onPath(String command) {
    String path = System.getenv("PATH");
    List<String> directories = path == null ? List.of() : List.of(path.split(File.pathSeparator));
    return directories.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, command))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** Returns the driver, for {@link ReportPageCheck}. */
  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile();
    }
  }

  private void deleteProfile() {
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
