package org.loadcast.dbdemo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.dbadvisor.Advisor;
import org.loadcast.dbadvisor.AdvisorSession;
import org.loadcast.dbadvisor.DatabaseTarget;
import org.loadcast.dbadvisor.JdbcStatementLogReader;
import org.loadcast.dbadvisor.StatementExecution;
import org.loadcast.dbadvisor.TopStatements;
import org.loadcast.report.DbAdviceWriter;

/**
 * The database demo's step between its rounds: {@code loadcast dbadvise} on the shop, as a user
 * would run it after the first load test. The workload is {@code pg_stat_statements} (reset after
 * the data was generated, so it holds the first round); N+1 loops and caching candidates come from
 * the first round's statement log. With {@code apply}, the chosen indexes are built as {@code
 * --apply} builds them.
 */
final class DbDemoAdvice {
  private DbDemoAdvice() {}

  /**
   * Advises, writes {@code advice/dbadvice.json} and {@code advice/index.html} under the run's
   * directory, and applies.
   *
   * @param target the shop's database, as a user that may read pg_stat_statements and build indexes
   * @param statementLog the first round's statement log
   * @param directory the run's report directory
   * @param apply whether to build the chosen indexes
   * @return what was advised and done, for the comparison: the summary line, the chosen indexes, the
   *     indexes built, and the N+1 statements found
   * @throws IOException if the statement log cannot be read
   */
  static Map<String, Object> run(DatabaseTarget target, Path statementLog, Path directory, boolean apply)
      throws IOException {
    List<StatementExecution> executions = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(statementLog, StandardCharsets.UTF_8)) {
      JdbcStatementLogReader.read(in, statementLog.toString(), JdbcStatementLogReader.Options.loadcast(), executions::add);
    }
    Map<String, Object> outcome = new LinkedHashMap<>();
    try (AdvisorSession session = AdvisorSession.open(target)) {
      Advisor.Result result = Advisor.advise(session, Advisor.workload(TopStatements.top(session, 50), List.of(), List.of()),
          executions, Advisor.Settings.DEFAULTS);
      DbAdviceWriter.write(result, "From the top 50 statements of pg_stat_statements over the first round, and its "
          + "statement log " + statementLog.getFileName() + ".", directory.resolve("advice"));
      outcome.put("summary", Advisor.summary(result.advice()));
      outcome.put("whatIfMethod", String.valueOf(result.whatIfMethod()));
      outcome.put("recommendedIndexes", result.indexDdl());
      outcome.put("nPlusOneStatements", Advisor.ofKind(result.advice().recommendations(),
          org.loadcast.dbadvisor.RecommendationKind.N_PLUS_ONE).stream().map(r -> r.statement()).toList());
      outcome.put("builtIndexes", apply ? session.applyIndexes(result.indexDdl()) : List.of());
      System.out.println("loadcast: advice: " + outcome.get("summary"));
      ((List<?>) outcome.get("builtIndexes")).forEach(ddl -> System.out.println("loadcast: built " + ddl));
    }
    return outcome;
  }
}
