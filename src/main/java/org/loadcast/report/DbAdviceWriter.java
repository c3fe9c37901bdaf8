package org.loadcast.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loadcast.dbadvisor.Advisor;
import org.loadcast.dbadvisor.RecommendationKind;
import org.loadcast.results.ResultFiles;

/**
 * Writes the files of {@code loadcast dbadvise}: {@code dbadvice.json} (the {@link
 * org.loadcast.dbadvisor.DbAdvice}, every key present, null where nothing applies, as its schema
 * {@code org/loadcast/dbadvisor/dbadvice.schema.json} requires) and {@code index.html}, the
 * workload and each kind of recommendation in a table, every text autoescaped. Each file goes to a
 * temporary file and is moved into place. Stateless.
 */
public final class DbAdviceWriter {
  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private DbAdviceWriter() {}

  /**
   * Writes the advice into a directory, creating it.
   *
   * @param result the advice
   * @param sources which sources the workload came from, in words
   * @param directory the output directory
   * @throws UncheckedIOException if a file cannot be written
   */
  public static void write(Advisor.Result result, String sources, Path directory) {
    try {
      Map<String, String> files = new LinkedHashMap<>();
      files.put("dbadvice.json", json(result));
      Map<String, Object> context = new LinkedHashMap<>();
      context.put("summary", Advisor.summary(result.advice()));
      context.put("sources", sources);
      context.put("method", result.whatIfMethod() == null ? null : result.whatIfMethod().toString());
      context.put("statements", result.statements());
      context.put("groups", List.of(
          group("indexes", "Indexes", result, RecommendationKind.INDEX),
          group("n-plus-one", "N+1 loops", result, RecommendationKind.N_PLUS_ONE),
          group("caching", "Caching candidates", result, RecommendationKind.CACHE),
          group("plan-warnings", "Plan warnings", result, RecommendationKind.PLAN_WARNING)));
      files.put("index.html", ReportWriter.render("dbadvice.peb", context));
      ResultFiles.writeAllAtomically(directory, files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code dbadvice.json}'s text, ending with a newline. */
  public static String json(Advisor.Result result) throws IOException {
    return JSON.writeValueAsString(result.advice()) + "\n";
  }

  private static Map<String, Object> group(String id, String title, Advisor.Result result, RecommendationKind kind) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("id", id);
    group.put("title", title);
    group.put("recommendations", Advisor.ofKind(result.advice().recommendations(), kind));
    return group;
  }
}
