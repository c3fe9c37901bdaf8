package org.loadcast.hotspot;

import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How the main job profiles the system under test's code, from the system properties of {@code mvn
 * gatling:test}:
 *
 * <ul>
 *   <li>{@code profile}: {@code true} (default) or {@code false}; false profiles nothing;
 *   <li>{@code profile.jfr=FILE}: a JDK Flight Recorder recording of an external JVM, read when the
 *       load test ends, its samples kept from the load test's start to its end;
 *   <li>{@code profile.jfr.repository=DIR}: the disk repository of an external JVM running with
 *       {@code -XX:StartFlightRecording}, streamed while the load test runs;
 *   <li>{@code profile.threads=REGEX}: the thread names to keep (the whole name must match);
 *       default all threads of an external JVM, the embedded system under test's request threads
 *       in-process;
 *   <li>{@code profile.include=REGEX}: keep a sample only when some frame's method ({@code
 *       package.Type.method}) matches the whole pattern; default all;
 *   <li>{@code profile.top=N}: rows of each method table, 1 to 1000, default {@value #DEFAULT_TOP}.
 * </ul>
 *
 * <p>With neither file nor repository, the embedded system under test is sampled in-process; an
 * external target without either is not profiled.
 *
 * @param enabled whether to profile at all
 * @param recording the recording file, or null
 * @param repository the repository directory, or null
 * @param threads the thread-name pattern, or null for the default
 * @param include the frame pattern, or null for all
 * @param top rows per method table, 1 to 1000
 */
public record ProfilingSettings(boolean enabled, Path recording, Path repository, Pattern threads, Pattern include, int top) {
  /** The default rows of each method table. */
  public static final int DEFAULT_TOP = 20;
  /** The in-process sampling period, milliseconds: the JDK's {@code profile.jfc} setting (its {@code default.jfc} has 20). */
  public static final int IN_PROCESS_PERIOD_MILLIS = 10;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if both a recording and a repository are named, or {@code top}
   *     is outside 1 to 1000
   */
  public ProfilingSettings {
    if (recording != null && repository != null) {
      throw new IllegalArgumentException("profile.jfr and profile.jfr.repository name two sources, but one system under test "
          + "is profiled: give one (profile.jfr=" + recording + ", profile.jfr.repository=" + repository + ")");
    }
    if (top < 1 || top > 1000) {
      throw new IllegalArgumentException("profile.top must be from 1 to 1000, but was " + top);
    }
  }

  /**
   * Reads the settings from system properties, as the class comment lists them.
   *
   * @param properties the system properties
   * @return the settings
   * @throws IllegalArgumentException naming the property, the rule and the value, if {@code
   *     profile} is neither {@code true} nor {@code false}, a path is blank, a pattern does not
   *     compile, {@code profile.top} is not an integer from 1 to 1000, or both sources are named
   */
  public static ProfilingSettings of(Properties properties) {
    String enabled = properties.getProperty("profile", "true").trim();
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException("profile must be true or false, but was '" + enabled + "'");
    }
    String top = properties.getProperty("profile.top", String.valueOf(DEFAULT_TOP)).trim();
    if (!top.matches("[0-9]{1,4}") || Integer.parseInt(top) < 1 || Integer.parseInt(top) > 1000) {
      throw new IllegalArgumentException("profile.top must be an integer from 1 to 1000, but was '" + top + "'");
    }
    return new ProfilingSettings(enabled.equals("true"), path(properties, "profile.jfr"),
        path(properties, "profile.jfr.repository"), pattern(properties, "profile.threads"),
        pattern(properties, "profile.include"), Integer.parseInt(top));
  }

  private static Path path(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(key + " must name a path, but was '" + value + "'");
    }
    return Path.of(value.trim());
  }

  private static Pattern pattern(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      return null;
    }
    try {
      return Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(key + " must be a Java regular expression, but '" + value + "' is not: "
          + e.getDescription() + " at index " + e.getIndex());
    }
  }

  /** Returns whether an external JVM is profiled: a recording or a repository is named. */
  public boolean external() {
    return recording != null || repository != null;
  }

  /**
   * Returns the thread filter: the {@code profile.threads} pattern when given, else the default.
   *
   * @param defaultFilter the filter without a pattern
   * @return a predicate on Java thread names
   */
  public Predicate<String> threadFilter(Predicate<String> defaultFilter) {
    return threads == null ? defaultFilter : name -> threads.matcher(name).matches();
  }

  /**
   * Returns the filters in words, each after ", ": {@code ", threads matching R, stacks through a
   * method matching M"}; empty without filters.
   */
  public String filterDescription() {
    return (threads == null ? "" : ", threads matching " + threads.pattern())
        + (include == null ? "" : ", stacks through a method matching " + include.pattern());
  }

  /** Returns the frame filter: the {@code profile.include} pattern, or every stack. */
  public Predicate<String> frameFilter() {
    return include == null ? method -> true : method -> include.matcher(method).matches();
  }
}
