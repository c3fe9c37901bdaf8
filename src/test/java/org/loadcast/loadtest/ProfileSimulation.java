package org.loadcast.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.loadcast.cli.Experiment;
import org.loadcast.cli.Experiments;
import org.loadcast.cli.FeederFiles;
import org.loadcast.cli.InjectionSettings;
import org.loadcast.cli.InjectorShard;
import org.loadcast.cli.LoadTestPipeline;
import org.loadcast.cli.LoadTestPlan;
import org.loadcast.cli.ReplayGate;
import org.loadcast.cli.RunFiles;
import org.loadcast.cli.StartAgreement;
import org.loadcast.dashboard.DashboardRun;
import org.loadcast.dashboard.DashboardSettings;
import org.loadcast.dashboard.LiveDashboard;
import org.loadcast.dashboard.LiveFeed;
import org.loadcast.dashboard.SystemUnderTestSample;
import org.loadcast.hotspot.CodeProfiler;
import org.loadcast.hotspot.ProfilingSettings;
import org.loadcast.profile.InputException;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.SessionWalker;
import org.loadcast.results.InjectorInfo;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.ResultsCheckpoint;
import org.loadcast.results.RunState;
import org.loadcast.results.SecondResult;
import org.loadcast.sim.RandomStreams;

/**
 * The main job, {@code mvn gatling:test}: probe the target's capacity, replay the profile
 * compressed in time, then hand the results to the pipeline that calibrates, simulates and
 * reports.
 *
 * <p>System properties: {@code experiment} (default {@code
 * simulations/nasa-reactive-vs-predictive.yaml}), {@code target} (a base URL; default: the
 * experiment's, else the embedded system under test) and {@code reports} (default {@code reports});
 * {@code dashboard} (default {@code true}), {@code dashboard.host} (default {@code 127.0.0.1}) and
 * {@code dashboard.port} (default 0, any free port) for the live dashboard ({@link LiveDashboard});
 * {@code profile}, {@code profile.jfr}, {@code profile.jfr.repository}, {@code profile.threads},
 * {@code profile.include} and {@code profile.top} for the code hotspots ({@link ProfilingSettings}).
 *
 * <p>The system under test's code is profiled with JDK Flight Recorder while the load test runs
 * ({@link CodeProfiler}): the embedded one in-process, its request threads only; an external JVM
 * through its repository or recording. The hot methods and a flame graph end the report.
 *
 * <p>While it runs, the results so far are written every {@value ResultsCheckpoint#PERIOD_SECONDS} s to
 * the results directory ({@code reports/<run>/results}, or {@code results.dir}) with {@code
 * run-state.json} ({@link ResultsCheckpoint}). When the JVM is asked to stop before {@link #after()}
 * (Ctrl-C, SIGTERM), a shutdown hook writes a last checkpoint in state {@code interrupted} and stops
 * the dashboard and the embedded system under test; Gatling itself runs no hook and calls no {@code
 * after()} then. {@code loadcast report RUN_DIR} builds a partial report from the checkpoint.
 *
 * <p>The live dashboard starts before the first request, prints its URL, follows the run from the
 * same recorder the results are written from, and stops once the report is written. When it cannot
 * bind its address the load test goes on without it.
 *
 * <p>Every arrival follows the compiled schedule, injected by {@link ScheduleInjection}: whole-second
 * steps, so Gatling's truncation of sub-second steps never drops one; a replay longer than {@value
 * ScheduleInjection#MAX_SECONDS_PER_POPULATION} s runs as several populations {@code replay}, {@code
 * replay-2}, ... (the open workload model).
 *
 * <p>What a virtual user sends. Warm-up and probe measure capacity in requests per second, so each
 * of their users sends one request, its template drawn from the {@code "mix"} stream by {@link
 * RequestMix#requestShares()} (the weights, or a session model's expected visit shares). In the
 * replay, a weighted mix does the same; with sessions each user is one session, walked by {@link
 * SessionWalker} from the {@code "sessions"} stream (under a lock, in the order users start), which
 * pauses before each request for the think time divided by the compression factor ({@link
 * LoadTestPlan#replayThinkMillis(double)}), to the millisecond.
 *
 * <p>Each request carries its template's headers and body, with {@code {name}} placeholders filled
 * from the template's CSV feeder (Gatling's {@code csv(file).circular()}, one feeder per template and
 * scenario), rendered by {@link RequestTemplate#render} so that path values are percent-encoded
 * exactly as the profile says. A missing feeder file or column ends the JVM with code 2 and one line
 * per problem before anything is sent. Results are recorded under the template's name.
 */
public class ProfileSimulation extends Simulation {
  /** How much earlier than the clock user's second second 0 begins, milliseconds. */
  private static final long ANCHOR_EARLY_MILLIS = 5;
  private final Experiment experiment;
  private final LoadTestPlan plan;
  private final EmbeddedSystemUnderTest embedded;
  private final String target;
  private final Instant startedAt = Instant.now();
  private final String runId;
  private final SplittableRandom sessionRandom;
  private final SessionWalker walker;
  private final TemplateDraw templates;
  private volatile LoadTestRecorder recorder;
  private final ReplayGate gate;
  private final DashboardSettings dashboardSettings;
  private final ProfilingSettings profilingSettings;
  private LiveDashboard dashboard;
  private LiveFeed feed;
  private ScheduledExecutorService feedPoller;
  private final CodeProfiler profiler;
  private final Instant loadTestStart;
  private final InjectionSettings injection;
  private long agreedStartEpochMillis = -1;
  private long recorderStartEpochMillis;
  private volatile ResultsCheckpoint checkpoint;

  public ProfileSimulation() {
    Path experimentFile = Path.of(System.getProperty("experiment", "simulations/nasa-reactive-vs-predictive.yaml"));
    experiment = readOrExit(experimentFile);
    String url = System.getProperty("target", experiment.target().url());
    checkTargetOrExit(url);
    checkFeedersOrExit(experiment);
    dashboardSettings = dashboardSettingsOrExit();
    profilingSettings = profilingSettingsOrExit();
    injection = injectionSettingsOrExit();
    plan = LoadTestPlan.of(experiment);
    runId = RunFiles.runId(experiment.name(), startedAt);
    sessionRandom = new RandomStreams(experiment.seed()).stream("sessions");
    RequestMix mix = experiment.profile().mix();
    walker = mix.sessions() == null ? null : new SessionWalker(mix.sessions());
    templates = new TemplateDraw(mix, new RandomStreams(experiment.seed()).stream("mix"));
    if (url == null || url.isBlank()) {
      embedded = new EmbeddedSystemUnderTest(embeddedConfig(), experiment.profile().mix(), experiment.seed());
      target = embedded.start();
    } else {
      embedded = null;
      target = url;
    }
    // started here, not in before(): starting a JFR stream takes a moment, which would shift the recorder's
    // seconds against Gatling's injection
    loadTestStart = Instant.now();
    profiler = CodeProfiler.start(profilingSettings, embedded == null ? null : new CodeProfiler.EmbeddedThreads(
        "the embedded system under test", EmbeddedSystemUnderTest.THREAD_POOL_NAME + "-*",
        EmbeddedSystemUnderTest::isRequestThread), loadTestStart);
    InjectorShard shard = injection.shard();
    gate = Double.isNaN(injection.replayFraction())
        ? new ReplayGate(plan, () -> LoadTestPipeline.calibrate(plan, recorder.snapshot()).capacityPerSecond())
        : new ReplayGate(plan, shard, injection.replayFraction());
    System.out.printf("loadcast: run %s, experiment %s, target %s%n", runId, experimentFile, target);
    if (injection.distributed() || gate.fixed()) {
      System.out.printf(Locale.ROOT, "loadcast: injector %d of %d, replay at %.4g of its upper bound%n", shard.index() + 1,
          shard.count(), gate.fraction());
    }
    // every phase as whole-second arrivals, this injector's shard of them (all of them for one injector)
    List<PopulationBuilder> populations = new ArrayList<>();
    // an injector counts its seconds from when its first arrival is due: a clock user due 1 s after Gatling's
    // start sets second 0 one second ahead of itself, and every phase waits those 2 s. A first clock user at
    // Gatling's start only warms up the path (the first user of a JVM runs tens of milliseconds late).
    int leadIn = injection.resultsDirectory() != null ? 2 : 0;
    if (leadIn > 0) {
      populations.add(scenario("clock").exec(session -> {
        if (session.userId() > 1) {
          anchorSecondZero();
        }
        return session;
      }).injectOpen(atOnceUsers(1), nothingFor(1), atOnceUsers(1)));
    }
    addPopulations(populations, "warmup", leadIn, shard.counts(plan.warmupCounts()),
        name -> requestScenario(name, Phase.WARMUP, false));
    addPopulations(populations, "probe", leadIn + plan.probeStartSecond(), shard.counts(plan.probeCounts()),
        name -> requestScenario(name, Phase.PROBE, false));
    addPopulations(populations, "replay", leadIn + plan.replayStartSecond(), shard.counts(plan.upperSchedule().counts()),
        name -> walker == null ? requestScenario(name, Phase.REPLAY, true) : sessionScenario(name));
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
      throw BadInput.exit(e.problems());
    }
  }

  /**
   * Checks the profile's feeder files: on a problem prints one line each and ends the load-test JVM
   * with code 2, before anything is sent.
   */
  private static void checkFeedersOrExit(Experiment experiment) {
    List<String> problems = FeederFiles.problems(experiment.profileFile(), experiment.profile().mix());
    if (!problems.isEmpty()) {
      throw BadInput.exit(problems);
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
      throw BadInput.exit(List.of("-Dtarget: target must be an absolute http or https URL such as http://127.0.0.1:8080, "
          + "but was '" + url + "'"));
    }
  }

  private org.loadcast.cli.ExperimentDocument.Embedded embeddedConfig() {
    org.loadcast.cli.ExperimentDocument.Embedded config = experiment.target().embedded();
    if (config == null) {
      throw new IllegalArgumentException(experiment.file() + ": target.embedded is required when no target URL is given (-Dtarget=URL)");
    }
    return config;
  }

  /** Reads the injector's properties; on a bad value prints why and ends the JVM with code 2. */
  private static InjectionSettings injectionSettingsOrExit() {
    try {
      return InjectionSettings.of(System.getProperties());
    } catch (IllegalArgumentException e) {
      throw BadInput.exit(List.of("-D" + e.getMessage()));
    }
  }

  /**
   * Waits until the start the injectors agreed on ({@code start.at}, or through {@code start.file}),
   * if any, and records how late this injector starts: its clock at the start minus the agreed start.
   */
  private void waitForTheAgreedStart() {
    if (injection.startAtEpochMillis() < 0 && injection.startFile() == null) {
      return;
    }
    try {
      agreedStartEpochMillis = injection.startFile() == null ? injection.startAtEpochMillis()
          : StartAgreement.agree(injection.startFile(), System::currentTimeMillis, injection.startLeadSeconds());
    } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
      throw BadInput.exit(List.of("-Dstart.file: " + e.getMessage()));
    }
    long wait = agreedStartEpochMillis - System.currentTimeMillis();
    if (wait > 0) {
      System.out.printf(Locale.ROOT, "loadcast: waiting %.1f s for the agreed start%n", wait / 1000.0);
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the agreed start", e);
      }
    }
    long late = System.currentTimeMillis() - agreedStartEpochMillis;
    if (late > 1000) {
      System.err.printf(Locale.ROOT, "loadcast: this injector started %d ms after the agreed start: raise -Dstart.leadSeconds%n",
          late);
    }
  }

  /** Reads the dashboard's properties; on a bad value prints why and ends the JVM with code 2. */
  private static DashboardSettings dashboardSettingsOrExit() {
    try {
      return DashboardSettings.of(System.getProperties());
    } catch (IllegalArgumentException e) {
      throw BadInput.exit(List.of("-D" + e.getMessage()));
    }
  }

  /**
   * Reads the profiling properties and checks a repository; on a bad value prints why and ends the
   * JVM with code 2.
   */
  private static ProfilingSettings profilingSettingsOrExit() {
    try {
      ProfilingSettings settings = ProfilingSettings.of(System.getProperties());
      CodeProfiler.check(settings);
      return settings;
    } catch (IllegalArgumentException e) {
      throw BadInput.exit(List.of("-D" + e.getMessage()));
    }
  }

  @Override
  public void before() {
    waitForTheAgreedStart();
    recorderStartEpochMillis = System.currentTimeMillis();
    recorder = new LoadTestRecorder(System::nanoTime);
    Supplier<SystemUnderTestSample> sample = embedded == null
        ? null : () -> new SystemUnderTestSample(embedded.queueLength(), embedded.busyWorkers());
    feed = new LiveFeed(recorder, gate::targetRequestsPerSecond, sample, plan::phaseAt);
    if (dashboardSettings.enabled()) {
      startDashboard();
    }
    if (dashboard == null) {
      // the report's copy of the dashboard needs the feed polled, as the dashboard would, for the gauges of each second
      feedPoller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "loadcast-feed-poller");
        thread.setDaemon(true);
        return thread;
      });
      feedPoller.scheduleAtFixedRate(feed::poll, 0, LiveDashboard.POLL_MILLIS, TimeUnit.MILLISECONDS);
    }
    startCheckpoints();
  }

  /**
   * Starts writing the results so far every {@value ResultsCheckpoint#PERIOD_SECONDS} s to the
   * run's results directory, and registers the shutdown hook that writes the last checkpoint of an
   * interrupted run ({@link #interrupted}).
   */
  private void startCheckpoints() {
    InjectorShard shard = injection.shard();
    RunState initial = new RunState(RunState.FORMAT_VERSION, RunState.State.RUNNING, 0, plan.plannedSeconds(), "warmup",
        experiment.file().toString(), plan.scheduleSha256(), runId, secondZeroEpochMillis(), shard.index(), shard.count(), null);
    checkpoint = new ResultsCheckpoint(recorder, resultsDirectory(), this::secondZeroEpochMillis, plan::phaseAt,
        () -> gate.fixedFraction().isPresent() ? gate.fixedFraction().getAsDouble() : null, initial);
    checkpoint.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::interrupted, "loadcast-interrupted"));
  }

  /** Returns the results directory: {@code results.dir} for an injector, else {@code reports/<run>/results}. */
  private Path resultsDirectory() {
    return injection.resultsDirectory() != null ? injection.resultsDirectory()
        : Path.of(System.getProperty("reports", "reports")).resolve(runId).resolve("results");
  }

  /** Returns the wall-clock time of second 0 the results are written with: the agreed start for an injector. */
  private long secondZeroEpochMillis() {
    return injection.resultsDirectory() != null && agreedStartEpochMillis >= 0 ? agreedStartEpochMillis : recorderStartEpochMillis;
  }

  /**
   * The shutdown hook: when the JVM ends before {@link #after()} began (Ctrl-C, SIGTERM), writes the
   * last checkpoint in state {@code interrupted} and stops the dashboard and the embedded system
   * under test. After a normal end it does nothing.
   */
  private void interrupted() {
    int seconds;
    try {
      seconds = checkpoint.interrupt();
    } catch (RuntimeException e) {
      System.err.println("loadcast: interrupted, and the last checkpoint could not be written: " + e.getMessage());
      return;
    }
    if (seconds < 0) {
      return;
    }
    Path results = resultsDirectory();
    System.err.printf(Locale.ROOT, "loadcast: interrupted at second %d of %d (%s); the results so far are in %s; a partial "
        + "report: loadcast report %s%n", seconds, plan.plannedSeconds(), seconds == 0 ? "warmup" : plan.phaseAt(seconds - 1),
        results, injection.resultsDirectory() != null ? results : results.getParent());
    if (feedPoller != null) {
      feedPoller.shutdownNow();
    }
    try {
      if (dashboard != null) {
        dashboard.close();
      }
      if (embedded != null) {
        embedded.close();
      }
    } catch (RuntimeException e) {
      System.err.println("loadcast: while stopping after the interruption: " + e);
    }
  }

  /** Starts the live dashboard on the feed; a failure to bind is printed and the run goes on. */
  private void startDashboard() {
    DashboardRun run = new DashboardRun(experiment.name(), runId,
        embedded != null ? target + " (embedded system under test)" : target);
    try {
      dashboard = LiveDashboard.start(dashboardSettings, feed, run);
      System.out.printf("loadcast: live dashboard at %s%n", dashboard.url());
    } catch (IOException | RuntimeException e) {
      System.err.printf("loadcast: no live dashboard, as %s:%d cannot be bound (%s); the load test goes on without it%n",
          dashboardSettings.host(), dashboardSettings.port(), e);
    }
  }

  /** Returns a scenario whose users send one request each, drawn by the mix's request shares. */
  private ScenarioBuilder requestScenario(String name, Phase phase, boolean gated) {
    ChainBuilder send = exec(session -> session.set("template", templates.next())).exec(send(phase));
    ScenarioBuilder builder = io.gatling.javaapi.core.CoreDsl.scenario(name);
    return gated
        ? builder.exec(session -> session.set("admitted", gate.admit())).doIf("#{admitted}").then(send)
        : builder.exec(send);
  }

  /**
   * Returns the replay scenario of a mix with sessions: each admitted user walks one session and,
   * for each step, pauses for its compressed think time and sends the step's request.
   */
  private ScenarioBuilder sessionScenario(String name) {
    ChainBuilder step = exec(this::nextStep)
        .pause(session -> Duration.ofMillis(session.getLong("thinkMillis")))
        .exec(send(Phase.REPLAY));
    ChainBuilder walk = exec(this::walk).repeat(session -> session.getInt("steps"), "step").on(step);
    return io.gatling.javaapi.core.CoreDsl.scenario(name)
        .exec(session -> session.set("admitted", gate.admit())).doIf("#{admitted}").then(walk);
  }

  private Session walk(Session session) {
    SessionWalker.Walk walk;
    synchronized (sessionRandom) {
      walk = walker.walk(sessionRandom);
    }
    return session.set("walk", walk.steps()).set("steps", walk.steps().size());
  }

  private Session nextStep(Session session) {
    List<SessionWalker.Step> steps = session.get("walk");
    SessionWalker.Step step = steps.get(session.getInt("step"));
    return session.set("template", templateIndex(step.template()))
        .set("thinkMillis", plan.replayThinkMillis(step.thinkSecondsBefore()));
  }

  private int templateIndex(String name) {
    List<RequestTemplate> templates = experiment.profile().mix().requests();
    for (int i = 0; i < templates.size(); i++) {
      if (templates.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no template named '" + name + "'");
  }

  /** Returns the chain that sends the request of the template in the session's {@code template}. */
  private ChainBuilder send(Phase phase) {
    List<RequestTemplate> templates = experiment.profile().mix().requests();
    List<Choice.WithKey> choices = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      choices.add(onCase(i).then(TemplateRequests.request(templates.get(i), experiment.profileFile())));
    }
    return exec(session -> start(session, phase)).doSwitch("#{template}").on(choices).exec(this::complete);
  }

  private Session start(Session session, Phase phase) {
    int template = session.getInt("template");
    return session.set("name", experiment.profile().mix().requests().get(template).name())
        .set("startedNanos", recorder.started(phase))
        .remove("status")
        .markAsSucceeded();
  }

  private Session complete(Session session) {
    int status = session.contains("status") ? session.getInt("status") : 0;
    boolean failed = session.isFailed() || status == 0 || status >= 400;
    recorder.completed(session.getString("name"), session.getLong("startedNanos"), status, failed);
    return session;
  }

  /**
   * Adds a phase's populations: its whole-second counts injected by {@link ScheduleInjection}, as
   * {@code name}, {@code name-2}, ... when the phase is long enough to be cut.
   */
  private static void addPopulations(List<PopulationBuilder> populations, String name, int delaySeconds, int[] counts,
      java.util.function.Function<String, ScenarioBuilder> scenario) {
    List<List<OpenInjectionStep>> parts = ScheduleInjection.parts(delaySeconds, counts);
    for (int part = 0; part < parts.size(); part++) {
      populations.add(scenario.apply(part == 0 ? name : name + "-" + (part + 1)).injectOpen(parts.get(part)));
    }
  }

  @Override
  public void after() {
    Instant loadTestEnd = Instant.now();
    checkpoint.stop();
    List<SecondResult> seconds = recorder.snapshot();
    if (!checkpoint.complete(seconds)) {
      // the JVM is ending: the shutdown hook wrote the interrupted run's last checkpoint and stops the servers
      return;
    }
    if (feedPoller != null) {
      feedPoller.shutdownNow();
    }
    if (dashboard != null) {
      dashboard.finish();
    } else {
      feed.finish();
    }
    CodeProfiler.Result code = finishProfiling(loadTestEnd);
    Path reports = Path.of(System.getProperty("reports", "reports"));
    if (injection.resultsDirectory() != null) {
      writeInjectorResults(seconds);
      return;
    }
    try {
      LoadTestPipeline.LoadTestRun run = new LoadTestPipeline.LoadTestRun(runId, startedAt, reports,
          embedded != null ? target + " (embedded system under test)" : target,
          "mvn gatling:test -Dexperiment=" + experiment.file(), gatlingReportLink(reports.resolve(runId)));
      Path directory = LoadTestPipeline.finish(run, experiment, plan, gate, seconds, code, feed.timeline(seconds));
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
      if (dashboard != null) {
        dashboard.close();
      }
      if (embedded != null) {
        writeReceived(reports.resolve(runId).resolve("results").resolve("embedded-received.json"));
        embedded.close();
      }
    }
  }

  /**
   * Moves the recorder's second 0 to one second from now, when the phases' first arrivals are due,
   * less {@value #ANCHOR_EARLY_MILLIS} ms: the clock user runs a few milliseconds late like any user,
   * and an arrival due at the very start of a second must count in that second, not the one before.
   */
  private void anchorSecondZero() {
    recorder.startAt(System.nanoTime() + (1000 - ANCHOR_EARLY_MILLIS) * 1_000_000L);
    recorderStartEpochMillis = System.currentTimeMillis() + 1000 - ANCHOR_EARLY_MILLIS;
  }

  /**
   * Writes this injector's results and its {@code injector.json} to {@code results.dir}, for {@code
   * loadcast results merge}: the calibration, the simulation and the report run on the merged results.
   */
  private void writeInjectorResults(List<SecondResult> seconds) {
    Path directory = injection.resultsDirectory();
    long start = agreedStartEpochMillis >= 0 ? agreedStartEpochMillis : recorderStartEpochMillis;
    // how late second 0 began after the agreed start: Gatling's start-up and the clock user's second
    long offset = recorderStartEpochMillis - start;
    InjectorShard shard = injection.shard();
    try {
      ResultFiles.write(directory, seconds, start);
      new InjectorInfo(InjectorInfo.FORMAT_VERSION, shard.index(), shard.count(),
          plan.scheduleSha256(), start,
          offset, experiment.file().toString(), gate.fraction()).write(directory);
      System.out.printf("loadcast: injector %d of %d wrote its results to %s%n", shard.index() + 1, shard.count(), directory);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      if (dashboard != null) {
        dashboard.close();
      }
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Ends profiling and prints what it found; an interruption gives no hot methods. */
  private CodeProfiler.Result finishProfiling(Instant loadTestEnd) {
    try {
      CodeProfiler.Result code = profiler.finish(loadTestEnd);
      if (code.code() != null) {
        System.out.printf("loadcast: hot methods of the system under test: %s (%d samples)%n",
            code.code().methods().paretoSentence(), code.code().methods().samples());
      }
      if (!code.note().isEmpty()) {
        System.err.println("loadcast: profiling: " + code.note());
      }
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CodeProfiler.Result(null, "profiling was interrupted");
    } finally {
      profiler.close();
    }
  }

  /**
   * Writes what the embedded system under test received, for the tests: a JSON array of {@code
   * {method, url, headers, body, count}} in order of method, URL and count.
   */
  private void writeReceived(Path file) {
    List<Map<String, Object>> rows = new ArrayList<>();
    embedded.received().forEach((r, count) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("method", r.method());
      row.put("url", r.url());
      row.put("headers", r.headers());
      row.put("body", r.body());
      row.put("count", count);
      rows.add(row);
    });
    rows.sort(java.util.Comparator.comparing((Map<String, Object> r) -> (String) r.get("method"))
        .thenComparing(r -> (String) r.get("url")).thenComparing(r -> -(Long) r.get("count")));
    try {
      Files.createDirectories(file.getParent());
      new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), rows);
    } catch (IOException e) {
      System.err.println("loadcast: could not write " + file + ": " + e.getMessage());
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
