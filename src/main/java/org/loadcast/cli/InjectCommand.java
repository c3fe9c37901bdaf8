package org.loadcast.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadcast inject EXPERIMENT.yaml --injectors N --out DIR}: one load test sent by N Gatling
 * processes on this machine, each with its shard of the schedule ({@link InjectorShard}), started
 * together through a start file ({@link StartAgreement}); their results merged exactly, and the
 * calibration, simulation and report run on the merged results as on a single run.
 *
 * <p>The injectors run the build's simulation on its test classpath, so the project must be built
 * ({@code mvn test-compile} or {@code mvn package} writes {@code target/injector-classpath.txt}); run
 * the command from the project's root. Without {@code --target} and with an embedded system under test
 * in the experiment, that system runs in a process of its own, which all the injectors drive.
 *
 * <p>What it writes under {@code --out}: {@code injector-I/} (each injector's results), {@code
 * injector-I.log} (its output), {@code gatling-I/} (its Gatling log), {@code start-at}, {@code
 * merged/} (the merged results) and {@code report/RUN/} (the report). When an injector fails (its load test failed more than 5 % of its
 * requests, say), it says which on standard error, merges nothing and ends with exit code 1.
 */
@Command(name = "inject", mixinStandardHelpOptions = true,
    description = {"Run one load test from several Gatling processes on this machine and merge their results.",
        "Each injector sends its shard of the schedule (arrival k to injector k mod N); the merged results are calibrated, "
            + "simulated and reported as a single run's. Needs the built project (mvn test-compile) and its root as the "
            + "working directory."})
final class InjectCommand implements Callable<Integer> {
  /**
   * The options every injector JVM gets, as the gatling-maven-plugin gives them: the opens Gatling
   * needs, and no usage analytics and no HTTP warm-up request, so Gatling never reaches the network.
   */
  static final List<String> GATLING_JVM_OPTIONS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "-Dgatling.data.enableAnalytics=false", "-Dgatling.http.warmUpUrl=");

  private static final String COMMAND = "loadcast inject";
  /** The most injectors one machine runs. */
  static final int MAX_INJECTORS = 64;
  static final String SIMULATION = "org.loadcast.loadtest.ProfileSimulation";
  private static final String SYSTEM_UNDER_TEST = "org.loadcast.loadtest.EmbeddedSystemUnderTestMain";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "the experiment file, such as simulations/smoke.yaml")
  Path experimentFile;

  @Option(names = "--injectors", required = true, paramLabel = "N", description = "injector processes, 1 to 64")
  int injectors;

  @Option(names = "--target", paramLabel = "URL", description = "the base URL to load (default: the experiment's target, "
      + "else its embedded system under test in a process of its own)")
  String target;

  @Option(names = "--replay-fraction", paramLabel = "Q", description = "the replay's admitted fraction of its upper bound, "
      + "in (0, 1] (default 1: several injectors cannot measure the capacity during the run)")
  Double replayFraction;

  @Option(names = "--start-lead-seconds", paramLabel = "S", defaultValue = "15",
      description = "seconds between the first injector's arrival and the common start (default 15)")
  int startLeadSeconds;

  @Option(names = "--build", paramLabel = "DIR", defaultValue = "target", description = "the Maven build directory (target)")
  Path build;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write to")
  Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (injectors < 1 || injectors > MAX_INJECTORS) {
      throw problem("--injectors must be from 1 to " + MAX_INJECTORS + ", but was " + injectors);
    }
    if (replayFraction != null && !(replayFraction > 0 && replayFraction <= 1)) {
      throw problem("--replay-fraction must be in (0, 1], but was " + replayFraction);
    }
    if (startLeadSeconds < 1) {
      throw problem("--start-lead-seconds must be >= 1, but was " + startLeadSeconds);
    }
    if (target != null) {
      java.net.URI uri;
      try {
        uri = new java.net.URI(target);
      } catch (java.net.URISyntaxException e) {
        uri = null;
      }
      if (uri == null || uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
        throw problem("--target must be an absolute http or https URL such as http://127.0.0.1:8080, but was '" + target + "'");
      }
    }
    Experiment experiment = Experiments.read(experimentFile);
    experiment.loadTest().orElseThrow(() -> problem(experimentFile + " has no loadTest section: there is nothing to inject"));
    String classpath = classpath();
    SimulateCommand.checkWritableDirectory(out, COMMAND);
    Files.createDirectories(out);
    if (Files.exists(out.resolve("merged")) || Files.exists(out.resolve("start-at"))) {
      throw problem(out + " holds an earlier run (merged/ or start-at): give an empty directory");
    }
    var stdout = spec.commandLine().getOut();
    String url = target != null ? target : experiment.target().url();
    Process systemUnderTest = null;
    try {
      if (url == null || url.isBlank()) {
        if (experiment.target().embedded() == null) {
          throw problem(experimentFile + ": target.embedded is required when no target URL is given (--target URL)");
        }
        systemUnderTest = startSystemUnderTest(classpath);
        url = readyUrl(systemUnderTest);
        stdout.println("system under test: " + url + " (embedded, a process of its own)");
      }
      List<Path> results = runInjectors(classpath, url);
      if (results.isEmpty()) {
        return 1;
      }
      MergedRun.mergeAndReport(experiment, results, out, url, "loadcast inject " + experimentFile + " --injectors "
          + injectors, stdout);
    } finally {
      if (systemUnderTest != null) {
        systemUnderTest.getOutputStream().close();
        if (!systemUnderTest.waitFor(10, TimeUnit.SECONDS)) {
          systemUnderTest.destroy();
        }
      }
    }
    return 0;
  }

  /**
   * Starts the injectors, waits for all of them and returns their results directories; empty, after
   * saying on standard error which injectors failed and where their output is, if any did.
   */
  private List<Path> runInjectors(String classpath, String url) throws IOException, InterruptedException {
    var stdout = spec.commandLine().getOut();
    List<Process> processes = new ArrayList<>();
    List<Path> results = new ArrayList<>();
    for (int i = 0; i < injectors; i++) {
      Path directory = out.resolve("injector-" + i);
      results.add(directory);
      List<String> command = new ArrayList<>(List.of(java()));
      command.addAll(GATLING_JVM_OPTIONS);
      command.addAll(List.of("-Dexperiment=" + experimentFile, "-Dtarget=" + url, "-Dinjectors=" + injectors, "-Dinjector=" + i,
          "-Dresults.dir=" + directory, "-Dstart.file=" + out.resolve("start-at"),
          "-Dstart.leadSeconds=" + startLeadSeconds, "-Ddashboard=false", "-Dprofile=false"));
      if (replayFraction != null) {
        command.add("-Dreplay.fraction=" + replayFraction);
      }
      command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling", "--simulation", SIMULATION,
          // a folder each: Gatling names a run's folder by its start to the millisecond, which injectors may share
          "--results-folder", out.resolve("gatling-" + i).toAbsolutePath().toString(), "--no-reports", "--launcher", "maven"));
      Path log = out.resolve("injector-" + i + ".log");
      processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }
    stdout.printf(Locale.ROOT, "%d injectors started; their output is in %s%n", injectors, out.resolve("injector-N.log"));
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < processes.size(); i++) {
      int code = processes.get(i).waitFor();
      if (code != 0) {
        failed.add("injector " + i + " ended with code " + code + " (see " + out.resolve("injector-" + i + ".log") + ")");
      }
    }
    if (!failed.isEmpty()) {
      var stderr = spec.commandLine().getErr();
      failed.forEach(line -> stderr.println(COMMAND + ": " + line));
      stderr.println(COMMAND + ": the load test failed, so its results are not merged; each injector's results are in "
          + out.resolve("injector-N"));
      stderr.flush();
      return List.of();
    }
    return results;
  }

  private Process startSystemUnderTest(String classpath) throws IOException {
    Path log = out.resolve("system-under-test.log");
    return new ProcessBuilder(java(), "-cp", classpath, SYSTEM_UNDER_TEST, experimentFile.toString())
        .redirectError(log.toFile()).start();
  }

  /** Reads the system under test's announcement; fails if it ends first. */
  private String readyUrl(Process process) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.startsWith(InjectionSettings.SYSTEM_UNDER_TEST_READY_PREFIX)) {
        return line.substring(InjectionSettings.SYSTEM_UNDER_TEST_READY_PREFIX.length()).strip();
      }
    }
    throw new IllegalStateException("the embedded system under test ended before it served (see "
        + out.resolve("system-under-test.log") + ")");
  }

  private String classpath() {
    return classpath(build);
  }

  /**
   * Returns the classpath a load test runs on in a child JVM: the build's classes, test classes and
   * test-scoped dependencies.
   *
   * @param build the build directory, such as {@code target}
   * @return the classpath, entries joined by the platform's separator
   * @throws InputException if the build's {@code injector-classpath.txt} or test classes are missing
   */
  static String classpath(Path build) {
    Path file = build.resolve("injector-classpath.txt");
    if (!Files.isRegularFile(file) || !Files.isDirectory(build.resolve("test-classes"))) {
      throw problem("the injectors run the build's simulation, but " + file + " or " + build.resolve("test-classes")
          + " is missing: run mvn test-compile in the project's root first, and run loadcast inject there");
    }
    try {
      return build.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator + build.resolve("test-classes").toAbsolutePath()
          + java.io.File.pathSeparator + Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the path of the running JVM's {@code java} launcher, for child JVMs. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static InputException problem(String message) {
    return new InputException(new InputProblem(COMMAND, 0, 0, message));
  }
}
