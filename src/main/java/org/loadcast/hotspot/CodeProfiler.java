package org.loadcast.hotspot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Profiles the system under test's code while a load test runs, by the {@link ProfilingSettings}:
 * the embedded system under test in-process, an external JVM through its JFR repository (streamed)
 * or its recording file (read at the end), or nothing. {@link #finish} returns the hot methods for
 * the report's hotspot section, or a note saying why there are none.
 *
 * <p>A problem met once the load test runs (a recording that is missing or unreadable at the end, a
 * stream that does not drain) does not stop the run: the note says what went wrong. Not thread-safe:
 * start and finish it from one thread.
 */
public final class CodeProfiler implements AutoCloseable {
  /** How long {@link #finish} waits for a stream's last samples. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

  private final ProfilingSettings settings;
  private final Instant from;
  private final JfrHotMethods counts;
  private final JfrSampler sampler;
  private final String source;
  private final String note;

  private CodeProfiler(ProfilingSettings settings, Instant from, JfrHotMethods counts, JfrSampler sampler, String source,
      String note) {
    this.settings = settings;
    this.from = from;
    this.counts = counts;
    this.sampler = sampler;
    this.source = source;
    this.note = note;
  }

  /**
   * The threads of an embedded system under test running in this JVM.
   *
   * @param description what it is, e.g. "the embedded system under test"
   * @param threadPattern how its threads are named, for people, e.g. {@code loadcast-sut-*}
   * @param threads selects its threads by Java name
   */
  public record EmbeddedThreads(String description, String threadPattern, Predicate<String> threads) {}

  /**
   * Checks, before the load test starts, what can be checked of the settings: a repository must be
   * a JFR repository now, as it is streamed from the start.
   *
   * @param settings the settings
   * @throws IllegalArgumentException naming {@code profile.jfr.repository}, the rule and the value,
   *     if it is not a repository or the parent of exactly one
   */
  public static void check(ProfilingSettings settings) {
    if (settings.enabled() && settings.repository() != null) {
      try {
        JfrSampler.chunkDirectory(settings.repository());
      } catch (IOException e) {
        throw new IllegalArgumentException("profile.jfr.repository: " + e.getMessage());
      }
    }
  }

  /**
   * Starts profiling as the settings say.
   *
   * @param settings the settings
   * @param embedded the embedded system under test's threads, or null for an external target
   * @param loadTestStart when the load test starts: a recording's or repository's earlier samples are
   *     skipped
   * @return the running profiler
   * @throws IllegalArgumentException if the repository cannot be opened, as {@link #check} says
   */
  public static CodeProfiler start(ProfilingSettings settings, EmbeddedThreads embedded, Instant loadTestStart) {
    if (!settings.enabled()) {
      return new CodeProfiler(settings, loadTestStart, null, null, null, "profiling is off (-Dprofile=false)");
    }
    if (settings.repository() != null) {
      JfrHotMethods counts = new JfrHotMethods(settings.threadFilter(name -> true), settings.frameFilter());
      try {
        JfrSampler sampler = JfrSampler.openRepository(settings.repository(), loadTestStart, counts);
        return new CodeProfiler(settings, loadTestStart, counts, sampler, "JDK Flight Recorder repository "
            + settings.repository() + ", streamed while the load test ran" + settings.filterDescription(), "");
      } catch (IOException e) {
        throw new IllegalArgumentException("profile.jfr.repository: " + e.getMessage(), e);
      }
    }
    if (settings.recording() != null) {
      return new CodeProfiler(settings, loadTestStart, null, null, "JDK Flight Recorder recording " + settings.recording()
          + ", the samples taken while the load test ran" + settings.filterDescription(), "");
    }
    if (embedded == null) {
      return new CodeProfiler(settings, loadTestStart, null, null, null, "the target is external; name its JDK Flight "
          + "Recorder repository with -Dprofile.jfr.repository=DIR or its recording with -Dprofile.jfr=FILE");
    }
    JfrHotMethods counts = new JfrHotMethods(settings.threadFilter(embedded.threads()), settings.frameFilter());
    JfrSampler sampler = JfrSampler.start(Duration.ofMillis(ProfilingSettings.IN_PROCESS_PERIOD_MILLIS), counts);
    return new CodeProfiler(settings, loadTestStart, counts, sampler, capitalized(embedded.description())
        + ", sampled in-process by JDK Flight Recorder every " + ProfilingSettings.IN_PROCESS_PERIOD_MILLIS + " ms"
        + (settings.threads() == null ? ", its request threads " + embedded.threadPattern() : "")
        + settings.filterDescription(), "");
  }

  /**
   * Ends profiling when the load test is over and ranks the methods.
   *
   * @param loadTestEnd when the load test ended: a recording's later samples are skipped
   * @return the hot methods, or none with the reason
   * @throws InterruptedException if interrupted while waiting for a stream's last samples
   */
  public Result finish(Instant loadTestEnd) throws InterruptedException {
    if (source == null) {
      return new Result(null, note);
    }
    if (sampler != null) {
      boolean drained = sampler.drain(DRAIN_TIMEOUT);
      sampler.close();
      return new Result(CodeHotspots.of(source, counts, settings.top(), 90), drained ? ""
          : "The last samples may be missing: JDK Flight Recorder delivered none in the " + DRAIN_TIMEOUT.toSeconds()
              + " s after the load test.");
    }
    Path file = settings.recording();
    if (!Files.isRegularFile(file)) {
      return new Result(null, file + " did not exist when the load test ended: dump the recording before then (jcmd PID "
          + "JFR.dump filename=" + file + "), or stream it with -Dprofile.jfr.repository=DIR");
    }
    try {
      JfrHotMethods read = JfrHotMethods.readFile(file, settings.threadFilter(name -> true), settings.frameFilter(),
          from, loadTestEnd);
      return new Result(CodeHotspots.of(source, read, settings.top(), 90), "");
    } catch (IOException e) {
      return new Result(null, file + " could not be read as a JDK Flight Recorder recording: " + e.getMessage());
    }
  }

  /** Stops a stream still running, e.g. when the run failed before {@link #finish}. Idempotent. */
  @Override
  public void close() {
    if (sampler != null) {
      sampler.close();
    }
  }

  /**
   * What profiling found.
   *
   * @param code the hot methods, or null when nothing was profiled or the recording could not be read
   * @param note why there are none, or what is missing; empty when nothing is to be said
   */
  public record Result(CodeHotspots code, String note) {}

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
