package org.loadcast.dbdemo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC statement log the demo service writes while it serves: one JSON object per line and per
 * statement executed, with the HTTP request it served, for the advisor's N+1 and caching detection:
 * {@code requestId}, {@code requestName} (the endpoint's template), {@code startedAtMicros} (since the
 * service started), {@code durationMicros}, {@code sql} (with {@code ?} placeholders) and {@code
 * params} (as text). Thread-safe; lines are whole.
 */
final class StatementLog implements AutoCloseable {
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private final BufferedWriter out;

  StatementLog(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  /** Writes one statement's line. */
  synchronized void write(long requestId, String requestName, long startedAtMicros, long durationMicros, String sql,
      List<String> params) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("requestId", Long.toString(requestId));
    line.put("requestName", requestName);
    line.put("startedAtMicros", startedAtMicros);
    line.put("durationMicros", durationMicros);
    line.put("sql", sql);
    line.put("params", params);
    try {
      out.write(JSON.writeValueAsString(line));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
