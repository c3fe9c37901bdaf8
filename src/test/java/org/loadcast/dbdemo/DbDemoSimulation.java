package org.loadcast.dbdemo;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.loadcast.cli.FeederFiles;
import org.loadcast.cli.RunFiles;
import org.loadcast.loadtest.BadInput;
import org.loadcast.loadtest.TemplateDraw;
import org.loadcast.loadtest.TemplateRequests;
import org.loadcast.profile.InputException;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;
import org.loadcast.profile.YamlFile;
import org.loadcast.report.EndpointComparison;
import org.loadcast.report.EndpointComparisonWriter;
import org.loadcast.sim.RandomStreams;

/**
 * The database demo, {@code mvn gatling:test -Dexperiment=simulations/db-demo.yaml}: the shop on an
 * embedded PostgreSQL, one round of load, the query advisor on what the round ran, its indexes
 * applied (and the N+1 endpoint switched to the batched query the advice suggests, as a developer
 * would), the same round of load again, and a comparison of each endpoint's latency.
 *
 * <p>Both rounds are one Gatling run: the second population starts {@code pauseSeconds} after the
 * first ends, and the advice runs in between. Each round sends the profile's request mix at a
 * constant rate (the open workload model), drawn from the {@code "mix"} stream; its first {@code
 * warmupSeconds} are not measured.
 */
public class DbDemoSimulation extends Simulation {
  private final DbDemoDocument doc;
  private final Path experimentFile;
  private final TrafficProfile profile;
  private final Path profileFile;
  private final TemplateDraw templates;
  /** Forgets this database's statements only (PostgreSQL 12+: user, database, query id; 0 for all). */
  private static final String RESET_STATISTICS =
      "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)";
  private final DemoDatabase database;
  private final ShopService service;
  private final String runId;
  private final Path directory;
  private final RoundResults[] rounds = {new RoundResults(), new RoundResults()};
  private final Map<String, Object> advice = new LinkedHashMap<>();
  private volatile long adviceAppliedNanos;
  private long startNanos;
  private ScheduledExecutorService between;

  public DbDemoSimulation() throws IOException, SQLException {
    experimentFile = Path.of(System.getProperty("experiment", "simulations/db-demo.yaml"));
    doc = readOrExit(experimentFile);
    profileFile = experimentFile.toAbsolutePath().getParent().resolve(doc.profile()).normalize();
    profile = readProfileOrExit(profileFile);
    templates = new TemplateDraw(profile.mix(), new RandomStreams(doc.seed()).stream("mix"));
    runId = RunFiles.runId(doc.name(), Instant.now());
    directory = Path.of(System.getProperty("reports", "reports")).resolve(runId);
    database = DemoDatabase.open();
    long started = System.nanoTime();
    try (Connection c = database.shop().getConnection()) {
      ShopData.create(c, doc.database().orders(), doc.seed());
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        // the advice reads the first round's statements, not the data's generation
        s.execute(RESET_STATISTICS);
      }
    }
    System.out.printf("loadcast: run %s: the shop's %d orders generated on %s in %.1f s%n", runId, doc.database().orders(),
        database.description(), (System.nanoTime() - started) / 1e9);
    service = new ShopService(database.shop(), doc.database().workers(), false,
        new StatementLog(directory.resolve("results/statements-before.jsonl")));
    DbDemoDocument.Load load = doc.load();
    int roundSeconds = load.warmupSeconds() + load.durationSeconds();
    setUp(
        round("before", 0).injectOpen(constantUsersPerSec(load.ratePerSecond()).during(roundSeconds)),
        round("after", 1).injectOpen(nothingFor(roundSeconds + load.pauseSeconds()),
            constantUsersPerSec(load.ratePerSecond()).during(roundSeconds)))
        .protocols(http.baseUrl(service.url()).shareConnections().disableWarmUp());
  }

  private static DbDemoDocument readOrExit(Path file) {
    try {
      return YamlFile.read(file, DbDemoDocument.class).value();
    } catch (InputException e) {
      throw BadInput.exit(e.problems());
    }
  }

  private static TrafficProfile readProfileOrExit(Path file) {
    try {
      TrafficProfile profile = TrafficProfiles.read(file);
      List<String> problems = FeederFiles.problems(file, profile.mix());
      if (!problems.isEmpty()) {
        throw BadInput.exit(problems);
      }
      return profile;
    } catch (InputException e) {
      throw BadInput.exit(e.problems());
    }
  }

  private ScenarioBuilder round(String name, int round) {
    List<RequestTemplate> templates = profile.mix().requests();
    List<Choice.WithKey> choices = new ArrayList<>();
    for (int i = 0; i < templates.size(); i++) {
      choices.add(onCase(i).then(TemplateRequests.request(templates.get(i), profileFile)));
    }
    ChainBuilder send = exec(session -> session.set("template", this.templates.next()).set("startedNanos", System.nanoTime())
        .remove("status").markAsSucceeded())
        .doSwitch("#{template}").on(choices)
        .exec(session -> complete(session, round));
    return io.gatling.javaapi.core.CoreDsl.scenario(name).exec(send);
  }

  /** Records a request of a round once the round's warm-up is over. */
  private Session complete(Session session, int round) {
    long started = session.getLong("startedNanos");
    long roundStart = startNanos + TimeUnit.SECONDS.toNanos(round == 0 ? 0
        : doc.load().warmupSeconds() + doc.load().durationSeconds() + doc.load().pauseSeconds());
    if (started - roundStart >= TimeUnit.SECONDS.toNanos(doc.load().warmupSeconds())) {
      int status = session.contains("status") ? session.getInt("status") : 0;
      String name = profile.mix().requests().get(session.getInt("template")).name();
      rounds[round].record(name, (System.nanoTime() - started) / 1000, session.isFailed() || status == 0 || status >= 400);
    }
    return session;
  }

  @Override
  public void before() {
    startNanos = System.nanoTime();
    between = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "db-demo-advice");
      t.setDaemon(true);
      return t;
    });
    long roundSeconds = doc.load().warmupSeconds() + doc.load().durationSeconds();
    // the first round's last requests have a few seconds to finish before the advice reads the statements
    between.schedule(this::adviseAndApply, roundSeconds + 5, TimeUnit.SECONDS);
  }

  /** The step between the rounds: advise on the first round, apply, switch the service. */
  private void adviseAndApply() {
    try {
      StatementLog after = new StatementLog(directory.resolve("results/statements-after.jsonl"));
      // the first round's log is closed, so whole, before the advisor reads it; the pause has no request in flight
      StatementLog before = service.log();
      service.reconfigure(false, after);
      before.close();
      advice.putAll(DbDemoAdvice.run(database.advisorTarget(), directory.resolve("results/statements-before.jsonl"), directory,
          doc.advisor().apply()));
      try (Connection c = database.shop().getConnection(); Statement s = c.createStatement()) {
        s.execute(RESET_STATISTICS);
      }
      service.reconfigure(doc.advisor().rewriteNPlusOne(), after);
      adviceAppliedNanos = System.nanoTime();
    } catch (IOException | SQLException | RuntimeException e) {
      System.err.println("loadcast: the advice step failed: " + e);
      advice.put("failure", e.toString());
    }
  }

  @Override
  public void after() {
    between.shutdownNow();
    try {
      long secondRoundNanos = TimeUnit.SECONDS.toNanos(doc.load().warmupSeconds() + doc.load().durationSeconds()
          + doc.load().pauseSeconds());
      boolean inTime = adviceAppliedNanos != 0 && adviceAppliedNanos - startNanos < secondRoundNanos;
      Map<String, EndpointComparison.Figures> before = rounds[0].endpoints();
      Map<String, EndpointComparison.Figures> afterRound = rounds[1].endpoints();
      List<EndpointComparison.Row> rows = new ArrayList<>();
      for (RequestTemplate t : profile.mix().requests()) {
        rows.add(new EndpointComparison.Row(t.name(), before.get(t.name()), afterRound.get(t.name())));
      }
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("experiment", experimentFile.toString());
      facts.put("seed", Long.toString(doc.seed()));
      facts.put("orders in the shop", Integer.toString(doc.database().orders()));
      facts.put("load", String.format(java.util.Locale.ROOT, "%.1f requests per second, %d s measured after %d s of warm-up, "
          + "twice, %d s apart", doc.load().ratePerSecond(), doc.load().durationSeconds(), doc.load().warmupSeconds(),
          doc.load().pauseSeconds()));
      advice.forEach((k, v) -> facts.put("advice: " + k, String.valueOf(v)));
      facts.put("advice applied before the second load test", Boolean.toString(inTime));
      facts.put("advice report", "advice/index.html");
      EndpointComparison comparison = new EndpointComparison("Database advice: before and after",
          "The shop's API under the same load twice: before the query advisor's advice, and after its indexes were built"
              + (doc.advisor().rewriteNPlusOne() ? " and the N+1 endpoint was given the batched query it suggests." : "."),
          rows, facts);
      EndpointComparisonWriter.write(comparison, directory);
      for (EndpointComparison.Row r : rows) {
        System.out.printf(java.util.Locale.ROOT, "loadcast: %s p95 %.1f ms -> %.1f ms (%+.1f %%)%n", r.requestName(),
            r.before() == null ? Double.NaN : r.before().p95LatencyMillis(),
            r.after() == null ? Double.NaN : r.after().p95LatencyMillis(), r.p95ChangePercent());
      }
      System.out.printf("loadcast: report %s%n", directory.resolve("index.html"));
      if (!inTime) {
        System.err.println("loadcast: the advice was not applied before the second load test began: raise load.pauseSeconds");
      }
    } finally {
      service.close();
      try {
        service.log().close();
      } catch (IOException e) {
        System.err.println("loadcast: could not close the statement log: " + e.getMessage());
      }
      try {
        database.close();
      } catch (IOException e) {
        System.err.println("loadcast: could not stop the embedded PostgreSQL: " + e.getMessage());
      }
    }
  }

}
