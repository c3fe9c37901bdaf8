package org.loadcast.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.Experiments;
import org.loadcast.cli.LoadTestPipeline;
import org.loadcast.cli.LoadTestPlan;
import org.loadcast.cli.ReplayGate;
import org.loadcast.cli.RunFiles;
import org.loadcast.profile.InputException;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.sim.RandomStreams;

/**
 * The main job, {@code mvn gatling:test}: probe the target's capacity, replay the profile
 * compressed in time, then hand the results to the pipeline that calibrates, simulates and
 * reports.
 *
 * <p>System properties: {@code experiment} (default {@code
 * simulations/nasa-reactive-vs-predictive.yaml}), {@code target} (a base URL; default: the
 * experiment's, else the embedded system under test) and {@code reports} (default {@code reports}).
 *
 * <p>Every arrival follows the compiled schedule, injected by {@link ScheduleInjection}: whole-second
 * steps, so Gatling's truncation of sub-second steps never drops one; a replay longer than {@value
 * ScheduleInjection#MAX_SECONDS_PER_POPULATION} s runs as several populations {@code replay}, {@code
 * replay-2}, ... Each virtual user sends one request (the open
 * workload model); the request template comes from the {@code "mix"} random stream.
 */
public class ProfileSimulation extends Simulation {
  private final Experiment experiment;
  private final LoadTestPlan plan;
  private final EmbeddedSystemUnderTest embedded;
  private final String target;
  private final Instant startedAt = Instant.now();
  private final String runId;
  private final SplittableRandom mixRandom;
  private volatile LoadTestRecorder recorder;
  private final ReplayGate gate;

  public ProfileSimulation() {
    Path experimentFile = Path.of(System.getProperty("experiment", "simulations/nasa-reactive-vs-predictive.yaml"));
    experiment = readOrExit(experimentFile);
    String url = System.getProperty("target", experiment.target().url());
    checkTargetOrExit(url);
    plan = LoadTestPlan.of(experiment);
    runId = RunFiles.runId(experiment.name(), startedAt);
    mixRandom = new RandomStreams(experiment.seed()).stream("mix");
    if (url == null || url.isBlank()) {
      embedded = new EmbeddedSystemUnderTest(embeddedConfig(), experiment.profile().mix(), experiment.seed());
      target = embedded.start();
    } else {
      embedded = null;
      target = url;
    }
    gate = new ReplayGate(plan, () -> LoadTestPipeline.calibrate(plan, recorder.snapshot()).capacityPerSecond());
    System.out.printf("loadcast: run %s, experiment %s, target %s%n", runId, experimentFile, target);
    List<PopulationBuilder> populations = new ArrayList<>();
    populations.add(scenario("warmup", Phase.WARMUP, false).injectOpen(warmupSteps()));
    populations.add(scenario("probe", Phase.PROBE, false).injectOpen(probeSteps()));
    List<List<OpenInjectionStep>> replayParts = ScheduleInjection.parts(plan.replayStartSecond(), plan.upperSchedule().counts());
    for (int part = 0; part < replayParts.size(); part++) {
      populations.add(scenario(part == 0 ? "replay" : "replay-" + (part + 1), Phase.REPLAY, true).injectOpen(replayParts.get(part)));
    }
    setUp(populations)
        .protocols(http.baseUrl(target).shareConnections().disableWarmUp())
        .assertions(global().failedRequests().percent().lte(100 * LoadTestPipeline.MAX_FAILED_SHARE));
  }

  /**
   * Reads the experiment; on bad input prints one line per problem and ends the load-test JVM with
   * code 2, as the command line does, rather than a stack trace.
   */
  private static Experiment readOrExit(Path file) {
    try {
      return Experiments.read(file);
    } catch (InputException e) {
      e.problems().forEach(System.err::println);
      System.err.flush();
      System.exit(2);
      throw e;
    }
  }

  /** Checks that a target URL, when given, is an absolute http or https URL with a host. */
  private static void checkTargetOrExit(String url) {
    if (url == null || url.isBlank()) {
      return;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if ((uri.getScheme() == null || !uri.getScheme().matches("https?")) || uri.getHost() == null) {
        throw new java.net.URISyntaxException(url, "not an absolute http or https URL with a host");
      }
    } catch (java.net.URISyntaxException e) {
      System.err.println("-Dtarget: target must be an absolute http or https URL such as http://127.0.0.1:8080, but was '"
          + url + "'");
      System.err.flush();
      System.exit(2);
    }
  }

  private org.loadcast.cli.ExperimentDocument.Embedded embeddedConfig() {
    org.loadcast.cli.ExperimentDocument.Embedded config = experiment.target().embedded();
    if (config == null) {
      throw new IllegalArgumentException(experiment.file() + ": target.embedded is required when no target URL is given (-Dtarget=URL)");
    }
    return config;
  }

  @Override
  public void before() {
    recorder = new LoadTestRecorder(System::nanoTime);
  }

  private ScenarioBuilder scenario(String name, Phase phase, boolean gated) {
    List<RequestTemplate> templates = experiment.profile().mix().requests();
    List<Choice.WithKey> choices = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      RequestTemplate t = templates.get(i);
      choices.add(onCase(i).then(exec(http(t.name()).httpRequest(t.method(), t.path()).check(status().saveAs("status")))));
    }
    ChainBuilder send = exec(session -> start(session, phase))
        .doSwitch("#{template}").on(choices)
        .exec(this::complete);
    ScenarioBuilder builder = io.gatling.javaapi.core.CoreDsl.scenario(name);
    return gated
        ? builder.exec(session -> session.set("admitted", gate.admit())).doIf("#{admitted}").then(send)
        : builder.exec(send);
  }

  private Session start(Session session, Phase phase) {
    int template = nextTemplate();
    return session.set("template", template)
        .set("name", experiment.profile().mix().requests().get(template).name())
        .set("startedNanos", recorder.started(phase));
  }

  private int nextTemplate() {
    double u;
    synchronized (mixRandom) {
      u = mixRandom.nextDouble();
    }
    return experiment.profile().mix().requests().indexOf(experiment.profile().mix().pick(u));
  }

  private Session complete(Session session) {
    int status = session.contains("status") ? session.getInt("status") : 0;
    boolean failed = session.isFailed() || status == 0 || status >= 400;
    recorder.completed(session.getString("name"), session.getLong("startedNanos"), status, failed);
    return session;
  }

  private List<OpenInjectionStep> warmupSteps() {
    double rate = plan.probeRatesPerSecond().get(0);
    return List.of(plan.warmupSeconds() == 0 ? nothingFor(0) : constantUsersPerSec(rate).during(plan.warmupSeconds()));
  }

  private List<OpenInjectionStep> probeSteps() {
    List<OpenInjectionStep> steps = new ArrayList<>();
    steps.add(nothingFor(plan.probeStartSecond()));
    for (double rate : plan.probeRatesPerSecond()) {
      steps.add(constantUsersPerSec(rate).during(plan.probeStepSeconds()));
    }
    return steps;
  }

  @Override
  public void after() {
    try {
      Path reports = Path.of(System.getProperty("reports", "reports"));
      LoadTestPipeline.LoadTestRun run = new LoadTestPipeline.LoadTestRun(runId, startedAt, reports,
          embedded != null ? target + " (embedded system under test)" : target,
          "mvn gatling:test -Dexperiment=" + experiment.file(), gatlingReportLink(reports.resolve(runId)));
      Path directory = LoadTestPipeline.finish(run, experiment, plan, gate, recorder.snapshot());
      System.out.printf("loadcast: report %s%n", directory.resolve("index.html"));
    } catch (LoadTestPipeline.LoadTestFailedException e) {
      System.err.println("loadcast: the load test failed, so there is no report: " + e.getMessage());
      if (!gate.failure().isEmpty()) {
        System.err.println("loadcast: the replay was not sent: " + gate.failure());
      }
      System.err.flush();
      if (!e.tooManyFailures()) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Returns Gatling's run directory for this run, relative to the report, or empty if not found. */
  private String gatlingReportLink(Path reportDirectory) {
    Path results = Path.of(System.getProperty("gatling.core.directory.results", "target/gatling"));
    if (!Files.isDirectory(results)) {
      return "";
    }
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> p.getFileName().toString().startsWith("profilesimulation-"))
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString()))
          .map(p -> reportDirectory.toAbsolutePath().relativize(p.toAbsolutePath().resolve("index.html")).toString())
          .orElse("");
    } catch (IOException e) {
      return "";
    }
  }
}
