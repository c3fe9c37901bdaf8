package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Login failures map by SQLState to one line; CREATE INDEX statements get CONCURRENTLY for --apply. */
class AdvisorSessionTest {
  private static final String SECRET = "s3cret-echo-11";
  private static final DatabaseTarget TARGET = new DatabaseTarget("jdbc:postgresql://db.example:6543/shop", "app",
      Password.fromEnvironment(Map.of("PGPASSWORD", SECRET)));

  @Test
  void loginFailure_bySqlState_givesOneLineEach() {
    assertThat(message(new SQLException("FATAL: password authentication failed", "28P01")))
        .isEqualTo("loadcast dbadvise: password authentication failed for user app");
    assertThat(message(new SQLException("FATAL: database \"shop\" does not exist", "3D000")))
        .isEqualTo("loadcast dbadvise: database \"shop\" does not exist on db.example:6543");
    assertThat(message(new SQLException("no password", "08004"))).isEqualTo("loadcast dbadvise: the server at db.example:6543 "
        + "asks user app for a password, but none was given: set PGPASSWORD or give a password file");
  }

  @Test
  void loginFailure_networkCauses_nameTheHostAndPort() {
    assertThat(message(new SQLException("Connection refused", "08001", new ConnectException("Connection refused"))))
        .isEqualTo("loadcast dbadvise: cannot connect to db.example:6543: connection refused");
    assertThat(message(new SQLException("unknown", "08001", new UnknownHostException("db.example"))))
        .isEqualTo("loadcast dbadvise: cannot connect to db.example:6543: unknown host");
  }

  @Test
  void loginFailure_textEchoingThePassword_isScrubbed() {
    assertThat(message(new SQLException("role rejected " + SECRET, "28000")))
        .isEqualTo("loadcast dbadvise: the server refused user app: role rejected ***");
  }

  @Test
  void concurrently_addsTheKeywordOnceAndDropsTheSemicolon() {
    assertThat(AdvisorSession.concurrently("create index on orders (customer_id);"))
        .isEqualTo("create index CONCURRENTLY on orders (customer_id)");
    assertThat(AdvisorSession.concurrently("CREATE UNIQUE INDEX i ON t (a)")).isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY i ON t (a)");
    assertThat(AdvisorSession.concurrently("CREATE INDEX CONCURRENTLY i ON t (a)")).isEqualTo("CREATE INDEX CONCURRENTLY i ON t (a)");
  }

  @Test
  void plainCreateIndex_dropsConcurrentlyForATransaction() {
    assertThat(AdvisorSession.plainCreateIndex("CREATE INDEX CONCURRENTLY i ON t (a)")).isEqualTo("CREATE INDEX i ON t (a)");
  }

  @Test
  void concurrently_otherStatements_areRefused() {
    assertThatThrownBy(() -> AdvisorSession.concurrently("DROP INDEX i")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index DDL must start with CREATE INDEX, but was: DROP INDEX i");
    assertThatThrownBy(() -> AdvisorSession.concurrently("CREATE INDEX ON t (a); DROP TABLE t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected one statement");
  }

  private static String message(SQLException failure) {
    return AdvisorSession.loginFailure(failure, TARGET).getMessage();
  }
}
