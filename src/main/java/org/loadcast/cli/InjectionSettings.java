package org.loadcast.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How one injector takes part in a load test, from the system properties of {@code mvn
 * gatling:test}: its shard, the replay's admitted fraction, the agreed start and where its results go.
 *
 * <p>A run by several injectors cannot measure the target's capacity during the replay (each
 * injector sees only its shard of the probe), so its replay runs at a fixed fraction of the
 * upper-bound schedule, 1 (the upper bound) unless {@code replay.fraction} says otherwise; the
 * calibration runs after the merge, on everyone's probe.
 *
 * @param shard this injector's share: {@code injectors} and {@code injector}
 * @param replayFraction the replay's admitted fraction in {@code (0, 1]}; NaN to measure it from the
 *     probe, as one injector does by default
 * @param startAtEpochMillis the agreed start, epoch milliseconds; -1 for none
 * @param startFile the file through which injectors agree on a start; null for none
 * @param startLeadSeconds how far ahead of the first injector's arrival the start file sets the start, {@code >= 1}
 * @param resultsDirectory where this injector writes its results; null for the report directory's {@code results}
 */
public record InjectionSettings(InjectorShard shard, double replayFraction, long startAtEpochMillis, Path startFile,
    int startLeadSeconds, Path resultsDirectory) {
  /**
   * What the line starts with on which a system under test run as a process of its own announces
   * its URL, for {@code loadcast inject}.
   */
  public static final String SYSTEM_UNDER_TEST_READY_PREFIX = "loadcast: system under test at ";
  /** The default lead of a start file, seconds. */
  public static final int DEFAULT_START_LEAD_SECONDS = 10;

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the fraction is outside {@code (0, 1]} and not NaN, both a
   *     start time and a start file are given, the lead is below 1, or several injectors have no
   *     results directory
   */
  public InjectionSettings {
    if (!Double.isNaN(replayFraction) && !(replayFraction > 0 && replayFraction <= 1)) {
      throw new IllegalArgumentException("replay.fraction must be in (0, 1], but was " + replayFraction);
    }
    if (startAtEpochMillis >= 0 && startFile != null) {
      throw new IllegalArgumentException("start.at and start.file name the start twice: give one");
    }
    if (startLeadSeconds < 1) {
      throw new IllegalArgumentException("start.leadSeconds must be >= 1, but was " + startLeadSeconds);
    }
    if (shard.count() > 1 && resultsDirectory == null) {
      throw new IllegalArgumentException("results.dir is required with injectors > 1: each injector writes its results "
          + "there, for loadcast results merge");
    }
  }

  /** Returns whether this injector is one of several. */
  public boolean distributed() {
    return shard.count() > 1;
  }

  /**
   * Reads the settings: {@code injectors} (default 1), {@code injector} (required with {@code
   * injectors > 1}), {@code replay.fraction} (default: measured with one injector, 1 with several),
   * {@code start.at} (epoch milliseconds), {@code start.file}, {@code start.leadSeconds} (default
   * {@value #DEFAULT_START_LEAD_SECONDS}) and {@code results.dir}.
   *
   * @param properties the system properties
   * @return the settings
   * @throws IllegalArgumentException naming the property, the rule and the value
   */
  public static InjectionSettings of(Properties properties) {
    int count = integer(properties, "injectors", "1");
    String index = properties.getProperty("injector");
    if (count > 1 && (index == null || index.isBlank())) {
      throw new IllegalArgumentException("injector is required with injectors=" + count + ": this injector's index, 0 to "
          + (count - 1));
    }
    InjectorShard shard = new InjectorShard(count, integer(properties, "injector", "0"));
    String fraction = properties.getProperty("replay.fraction", "").trim();
    double replayFraction = fraction.isEmpty() ? (count > 1 ? 1.0 : Double.NaN) : number("replay.fraction", fraction);
    String startAt = properties.getProperty("start.at", "").trim();
    long startAtEpochMillis = -1;
    if (!startAt.isEmpty()) {
      if (!startAt.matches("[0-9]{1,18}")) {
        throw new IllegalArgumentException("start.at must be a time in epoch milliseconds, but was '" + startAt + "'");
      }
      startAtEpochMillis = Long.parseLong(startAt);
    }
    return new InjectionSettings(shard, replayFraction, startAtEpochMillis, path(properties, "start.file"),
        integer(properties, "start.leadSeconds", Integer.toString(DEFAULT_START_LEAD_SECONDS)),
        path(properties, "results.dir"));
  }

  private static int integer(Properties properties, String name, String fallback) {
    String value = properties.getProperty(name, fallback).trim();
    if (!value.matches("-?[0-9]{1,9}")) {
      throw new IllegalArgumentException(name + " must be a whole number, but was '" + value + "'");
    }
    return Integer.parseInt(value);
  }

  private static double number(String name, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number in (0, 1], but was '" + value + "'");
    }
  }

  private static Path path(Properties properties, String name) {
    String value = properties.getProperty(name, "").trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(name + " must be a path, but was '" + value + "': " + e.getReason());
    }
  }
}
