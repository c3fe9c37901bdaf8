package org.loadcast.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.loadcast.dbadvisor.Advisor;
import org.loadcast.dbadvisor.AdvisorSession;
import org.loadcast.dbadvisor.DatabaseTarget;
import org.loadcast.dbadvisor.JdbcStatementLogReader;
import org.loadcast.dbadvisor.Password;
import org.loadcast.dbadvisor.PostgresLogReader;
import org.loadcast.dbadvisor.SqlFile;
import org.loadcast.dbadvisor.SqlFileStatement;
import org.loadcast.dbadvisor.StatementExecution;
import org.loadcast.dbadvisor.StatementStatistics;
import org.loadcast.dbadvisor.TopStatements;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.report.DbAdviceWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loadcast dbadvise}: the query advisor on a PostgreSQL database and its workload, read-only
 * unless {@code --apply} is given.
 */
@Command(name = "dbadvise", mixinStandardHelpOptions = true,
    description = {"Advise on a PostgreSQL workload: plan warnings (selective sequential scans, sorts an index could "
        + "serve, nested loops over a sequential scan), indexes checked with what-if costs (HypoPG, or a build rolled "
        + "back) and chosen across the workload, N+1 loops and caching candidates from a JDBC statement log.",
        "Read-only unless --apply: then the chosen indexes are printed and built with CREATE INDEX CONCURRENTLY. The "
            + "password comes from PGPASSWORD or --password-file, never from the command line.",
        "Writes dbadvice.json and index.html to --out."})
final class DbAdviseCommand implements Callable<Integer> {
  private static final String COMMAND = "loadcast dbadvise";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "the database, such as jdbc:postgresql://127.0.0.1:5432/shop; without it only the statement logs' "
          + "N+1 loops and caching candidates are found")
  String jdbcUrl;

  @Option(names = "--user", paramLabel = "USER", description = "the database user (default: postgres)")
  String user = "postgres";

  @Option(names = "--password-file", paramLabel = "FILE", description = "a file whose first line is the password")
  Path passwordFile;

  @Option(names = "--no-pg-stat-statements", description = "do not read pg_stat_statements (read by default with --jdbc-url)")
  boolean noPgStatStatements;

  @Option(names = "--top", paramLabel = "N", defaultValue = "50", description = "statements read from pg_stat_statements (50)")
  int top;

  @Option(names = "--pg-log", paramLabel = "FILE", description = "a PostgreSQL server log (log_min_duration_statement, auto_explain); repeatable")
  List<Path> pgLogs = new ArrayList<>();

  @Option(names = "--sql", paramLabel = "FILE", description = "a plain SQL file; repeatable")
  List<Path> sqlFiles = new ArrayList<>();

  @Option(names = "--jdbc-log", paramLabel = "FILE", description = "a JDBC statement log with request ids, Loadcast's JSON lines; repeatable")
  List<Path> jdbcLogs = new ArrayList<>();

  @Option(names = "--apply", description = "build the chosen indexes after printing them")
  boolean apply;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write to")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (top < 1) {
      throw problem("--top must be >= 1, but was " + top);
    }
    if (jdbcUrl == null && apply) {
      throw problem("--apply needs --jdbc-url: there is no database to build the indexes in");
    }
    if (jdbcUrl == null && pgLogs.isEmpty() && sqlFiles.isEmpty() && jdbcLogs.isEmpty()) {
      throw problem("nothing to advise on: give --jdbc-url, or a --pg-log, --sql or --jdbc-log file");
    }
    SimulateCommand.checkWritableDirectory(out, COMMAND);
    List<StatementExecution> logged = new ArrayList<>();
    List<StatementExecution> jdbc = new ArrayList<>();
    var stdout = spec.commandLine().getOut();
    DatabaseTarget target = jdbcUrl == null ? null : databaseTarget();
    for (Path file : pgLogs) {
      try (BufferedReader in = reader(file)) {
        // a server's log holds every database's statements: with --jdbc-url, only that database's are advised on
        long others = PostgresLogReader.read(in, file.toString(), target == null ? null : target.databaseName(), logged::add);
        if (others > 0) {
          stdout.printf(Locale.ROOT, "%s: %d statements of other databases than %s left out%n", file, others,
              target.databaseName());
        }
      }
    }
    for (Path file : jdbcLogs) {
      try (BufferedReader in = reader(file)) {
        JdbcStatementLogReader.read(in, file.toString(), JdbcStatementLogReader.Options.loadcast(), jdbc::add);
      }
    }
    List<String> unmeasured = new ArrayList<>();
    for (Path file : sqlFiles) {
      for (SqlFileStatement s : SqlFile.read(file, file.toString())) {
        unmeasured.add(s.sql());
      }
    }
    logged.addAll(jdbc);
    Advisor.Settings settings = new Advisor.Settings(top, Advisor.Settings.DEFAULTS.checks(),
        Advisor.Settings.DEFAULTS.nPlusOne(), Advisor.Settings.DEFAULTS.maxWriteShareFraction(),
        Advisor.Settings.DEFAULTS.maintenanceCostPerWrite());
    // without --jdbc-url there is no session (try-with-resources skips a null resource): the logs' analyses only
    try (AdvisorSession session = target == null ? null : AdvisorSession.open(target)) {
      List<StatementStatistics> topStatements = session == null || noPgStatStatements ? List.of()
          : TopStatements.top(session, top);
      Advisor.Result result = Advisor.advise(session, Advisor.workload(topStatements, logged, unmeasured), jdbc, settings);
      DbAdviceWriter.write(result, sources(), out);
      print(result);
      if (apply && !result.indexDdl().isEmpty()) {
        stdout.println("applying:");
        result.indexDdl().forEach(ddl -> stdout.println("  " + ddl + ";"));
        session.applyIndexes(result.indexDdl()).forEach(ddl -> stdout.println("built: " + ddl));
      }
    }
    return 0;
  }

  private DatabaseTarget databaseTarget() {
    try {
      Optional<Password> password = passwordFile != null ? Optional.of(Password.fromFile(passwordFile))
          : Password.fromEnvironment(System.getenv());
      return new DatabaseTarget(jdbcUrl, user, password);
    } catch (IllegalArgumentException e) {
      throw problem(e.getMessage());
    }
  }

  private String sources() {
    List<String> parts = new ArrayList<>();
    if (jdbcUrl != null && !noPgStatStatements) {
      parts.add("the top " + top + " statements of pg_stat_statements");
    }
    pgLogs.forEach(f -> parts.add("server log " + f));
    sqlFiles.forEach(f -> parts.add("SQL file " + f));
    jdbcLogs.forEach(f -> parts.add("JDBC statement log " + f));
    return "From " + String.join(", ", parts) + ".";
  }

  private void print(Advisor.Result result) {
    var stdout = spec.commandLine().getOut();
    stdout.println(Advisor.summary(result.advice()));
    if (!result.indexDdl().isEmpty()) {
      stdout.println("recommended indexes:");
      result.indexDdl().forEach(ddl -> stdout.println("  " + ddl + ";"));
    }
    stdout.printf(Locale.ROOT, "report: %s%n", out.resolve("index.html"));
  }

  private static BufferedReader reader(Path file) {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(new InputProblem(file.toString(), 0, 0, "cannot read the file: " + Main.describe(e)));
    }
  }

  private static InputException problem(String message) {
    return new InputException(new InputProblem(COMMAND, 0, 0, message));
  }
}
