package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.loadcast.profile.InputException;
import org.junit.jupiter.api.Test;

/** Splitting scripts, locating statements, and one located line per malformed statement. */
class SqlFileTest {

  @Test
  void parse_locatesEachStatement_andIgnoresSemicolonsInQuotesAndComments() {
    String script = "-- setup; not a statement\n"
        + "SELECT 'a;b' AS x FROM t;\n"
        + "  SELECT \"semi;colon\" FROM t /* ; */ WHERE y = $$;$$;\n"
        + "\n"
        + "UPDATE t SET a = 1\n"
        + "WHERE id = 2";
    List<SqlFileStatement> statements = SqlFile.parse(script, "q.sql");
    assertThat(statements).extracting(SqlFileStatement::line).containsExactly(2, 3, 5);
    assertThat(statements).extracting(SqlFileStatement::column).containsExactly(1, 3, 1);
    assertThat(statements.get(0).sql()).isEqualTo("SELECT 'a;b' AS x FROM t");
    assertThat(statements.get(2).usage().kind()).isEqualTo(StatementKind.UPDATE);
    assertThat(statements.get(2).normalized().text()).isEqualTo("UPDATE t SET a = ? WHERE id = ?");
  }

  @Test
  void parse_onlyComments_givesNoStatement() {
    assertThat(SqlFile.parse("-- nothing\n/* at /* all */ */\n;\n", "empty.sql")).isEmpty();
  }

  @Test
  void parse_malformedStatement_givesOneLineAtItsStart() {
    String script = "SELECT 1;\n\nSELECT id\n  FROM WHERE x = 1;\nSELECT 2";
    assertThatThrownBy(() -> SqlFile.parse(script, "queries/bad.sql"))
        .isInstanceOf(InputException.class)
        .hasMessage("queries/bad.sql:3:1: the statement is not valid SQL: unexpected 'FROM' at 4:3");
  }

  @Test
  void parse_everyMalformedStatement_isReportedInFileOrder() {
    InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
        () -> SqlFile.parse("SELEC 1;\nSELECT 2;\n   DELETE t WHERE;", "x.sql"));
    assertThat(e.problems()).extracting(p -> p.line() + ":" + p.column()).containsExactly("1:1", "3:4");
  }

  @Test
  void read_missingFile_saysSo() {
    assertThatThrownBy(() -> SqlFile.read(Path.of("target/no-such-file.sql"), "no-such-file.sql"))
        .isInstanceOf(InputException.class).hasMessage("no-such-file.sql: no such file");
  }
}
