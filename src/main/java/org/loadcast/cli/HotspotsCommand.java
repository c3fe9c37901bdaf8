package org.loadcast.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.loadcast.hotspot.CodeHotspots;
import org.loadcast.hotspot.JfrHotMethods;
import org.loadcast.hotspot.MethodHotspot;
import org.loadcast.hotspot.ProfilingSettings;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.report.HotMethodsWriter;
import org.loadcast.report.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadcast hotspots RECORDING.jfr --out DIR}: the hot methods of any JVM from a JDK Flight
 * Recorder recording, after the fact, with the same ranking and flame graph as the run report's.
 */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
    description = {"Name the hot methods of a JVM from a JDK Flight Recorder recording (jdk.ExecutionSample events): the top "
        + "methods by self and by total samples, a Pareto line and a flame graph.",
        "Record with -XX:StartFlightRecording:filename=app.jfr (written at exit) or jcmd PID JFR.dump filename=app.jfr. "
            + "Writes index.html, flamegraph.html and hot-methods.csv to --out."})
final class HotspotsCommand implements Callable<Integer> {
  private static final String COMMAND = "loadcast hotspots";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RECORDING", description = "the JFR recording, such as app.jfr")
  Path recording;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write to")
  Path out;

  @Option(names = "--threads", paramLabel = "REGEX",
      description = "keep only threads whose whole name matches, such as 'http-nio-.*'; default all threads")
  String threads;

  @Option(names = "--include", paramLabel = "REGEX",
      description = "keep only stacks with a frame whose method (package.Type.method) matches, such as 'com\\.shop\\..*'")
  String include;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "rows of each table, 1 to 1000 (default 20)")
  String top;

  @Option(names = "--from", paramLabel = "INSTANT",
      description = "keep samples taken at or after this time, ISO-8601 in UTC such as 2026-11-29T20:00:00Z")
  String from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "keep samples taken before this time, ISO-8601 in UTC")
  String to;

  @Override
  public Integer call() {
    ProfilingSettings settings = settings();
    Instant fromTime = instant("--from", from);
    Instant toTime = instant("--to", to);
    if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
      throw problem("--from must be before --to, but " + from + " is not before " + to);
    }
    if (!Files.isRegularFile(recording)) {
      throw new InputException(new InputProblem(recording.toString(), 0, 0, "the recording does not exist or is not a file"));
    }
    SimulateCommand.checkWritableDirectory(out, COMMAND);
    JfrHotMethods counts;
    try {
      counts = JfrHotMethods.readFile(recording, settings.threadFilter(name -> true), settings.frameFilter(), fromTime, toTime);
    } catch (IOException e) {
      throw new InputException(new InputProblem(recording.toString(), 0, 0,
          "not a JDK Flight Recorder recording, or a damaged one: " + e.getMessage()));
    }
    String window = fromTime == null && toTime == null ? "every sample of the recording"
        : "samples from " + (fromTime == null ? "the start" : fromTime) + " to " + (toTime == null ? "the end" : toTime);
    String filters = settings.filterDescription();
    CodeHotspots code = CodeHotspots.of("JDK Flight Recorder recording " + recording + ", " + window + filters, counts,
        settings.top(), 90);
    RunMetadata metadata = new RunMetadata(RunFiles.version(), "hotspots", "loadcast "
        + String.join(" ", spec.commandLine().getParseResult().originalArgs()), "", 0,
        Map.of(recording.toString(), RunFiles.sha256(recording)));
    HotMethodsWriter.write(code, recording.getFileName().toString(), capitalized(window) + filters + ".", metadata, out);
    var stdout = spec.commandLine().getOut();
    if (code.methods().samples() == 0) {
      stdout.println("no execution sample was kept: is jdk.ExecutionSample enabled in the recording, and do the filters "
          + "match its threads and stacks?");
    } else {
      stdout.printf(Locale.ROOT, "%s (%d samples)%n", code.methods().paretoSentence(), code.methods().samples());
      for (MethodHotspot m : code.methods().bySelf().subList(0, Math.min(10, code.methods().bySelf().size()))) {
        stdout.printf(Locale.ROOT, "%6.1f %%  %s%n", m.sharePercent(), m.method());
      }
    }
    stdout.printf(Locale.ROOT, "report: %s%n", out.resolve("index.html"));
    return 0;
  }

  /** Reads the filters and the row count with the main job's rules, as command-line errors. */
  private ProfilingSettings settings() {
    Properties properties = new Properties();
    if (threads != null) {
      properties.setProperty("profile.threads", threads);
    }
    if (include != null) {
      properties.setProperty("profile.include", include);
    }
    properties.setProperty("profile.top", top);
    try {
      return ProfilingSettings.of(properties);
    } catch (IllegalArgumentException e) {
      throw problem("--" + e.getMessage().substring("profile.".length()));
    }
  }

  private static Instant instant(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw problem(option + " must be an ISO-8601 instant in UTC such as 2026-11-29T20:00:00Z, but was '" + value + "'");
    }
  }

  private static InputException problem(String message) {
    return new InputException(new InputProblem(COMMAND, 0, 0, message));
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
