package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.loadcast.profile.InputException;
import org.junit.jupiter.api.Test;

/** Loadcast's JSON-lines statement log and datasource-proxy's JSON entries. */
class JdbcStatementLogReaderTest {
  static final Path LOADCAST_LOG = Path.of("src/test/resources/dbadvisor/jdbc-statements.jsonl");
  private static final Path PROXY_LOG = Path.of("src/test/resources/dbadvisor/datasource-proxy.jsonl");

  static List<StatementExecution> read(Path file, JdbcStatementLogReader.Options options) throws IOException {
    List<StatementExecution> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JdbcStatementLogReader.read(in, file.getFileName().toString(), options, out::add);
    }
    return out;
  }

  private static InputException failure(String text) {
    return org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> JdbcStatementLogReader.read(
        new BufferedReader(new StringReader(text)), "log.jsonl", JdbcStatementLogReader.Options.loadcast(), e -> { }));
  }

  @Test
  void read_loadcastFormat_fixture() throws IOException {
    List<StatementExecution> all = read(LOADCAST_LOG, JdbcStatementLogReader.Options.loadcast());
    assertThat(all).hasSize(27);
    StatementExecution first = all.get(0);
    assertThat(first.requestId()).isEqualTo("r-1");
    assertThat(first.requestName()).isEqualTo("GET /orders/{id}");
    assertThat(first.startedAtMicros()).isEqualTo(1000L);
    assertThat(first.durationMicros()).isEqualTo(30000L);
    assertThat(first.params()).containsExactly("17");
    assertThat(first.source()).isEqualTo("jdbc-statements.jsonl:1");
  }

  @Test
  void read_loadcastFormat_badLines_areLocatedAndNamed() {
    assertThat(failure("{\"requestId\":\"r\",\"requestName\":\"n\",\"startedAtMicros\":0,\"durationMicros\":-1,\"sql\":\"SELECT 1\"}")
        .getMessage()).isEqualTo("log.jsonl:1:1: durationMicros must be an integer >= 0, but was -1");
    assertThat(failure("\n{\"requestId\":\"r\",\"requestName\":\"n\",\"startedAtMicros\":0,\"durationMicros\":1}").getMessage())
        .isEqualTo("log.jsonl:2:1: sql is required");
    assertThat(failure("{\"requestId\":\"r\",\"sqll\":1}").getMessage()).startsWith("log.jsonl:1:1: unknown key 'sqll'");
    assertThat(failure("{\"requestId\": tru}").getMessage()).startsWith("log.jsonl:1:").contains("is not valid JSON");
  }

  @Test
  void read_datasourceProxy_inALogEventAndAlone() throws IOException {
    List<StatementExecution> all = read(PROXY_LOG,
        new JdbcStatementLogReader.Options(JdbcLogFormat.DATASOURCE_PROXY, "requestId", "route"));
    assertThat(all).hasSize(7);
    assertThat(all.get(0).requestId()).isEqualTo("req-9");
    assertThat(all.get(0).requestName()).isEqualTo("GET /customers/{id}");
    assertThat(all.get(0).sql()).isEqualTo("select * from customers where id = ?");
    assertThat(all.get(0).durationMicros()).isEqualTo(2000L);
    assertThat(all.get(1).params()).containsExactly("100");
    assertThat(all.get(0).startedAtMicros()).isNull();
    StatementExecution batch = all.get(6);
    assertThat(batch.requestId()).isEqualTo("req-10");
    assertThat(batch.sql()).isEqualTo("insert into audit (what) values (?)");
    assertThat(batch.params()).isEmpty();
    assertThat(batch.durationMicros()).isEqualTo(4000L);
  }

  @Test
  void read_datasourceProxy_missingRequestIdField_isLocated() {
    String line = "{\"time\":1, \"query\":[\"select 1\"], \"params\":[[]]}";
    assertThatThrownBy(() -> JdbcStatementLogReader.read(new BufferedReader(new StringReader(line)), "dsp.log",
        new JdbcStatementLogReader.Options(JdbcLogFormat.DATASOURCE_PROXY, "traceId", null), e -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage("dsp.log:1:1: the request-id field 'traceId' is missing from the line");
  }
}
