package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;

/**
 * pg_stat_statements created in a database of a server that does not preload its library: a server
 * of its own, since both of {@link ShopServer#all()} preload it.
 */
@Tag("slow")
class PgStatStatementsNotLoadedIT {

  @Test
  void top_extensionCreatedButNotPreloaded_saysToPreloadIt() throws IOException, SQLException {
    try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
      String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
      try (Connection connection = DriverManager.getConnection(url, "postgres", "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE EXTENSION pg_stat_statements");
      }
      try (AdvisorSession session = AdvisorSession.open(new DatabaseTarget(url, "postgres", Optional.empty()))) {
        assertThatThrownBy(() -> TopStatements.top(session, 10))
            .isInstanceOf(InputException.class)
            .hasMessage("loadcast dbadvise: pg_stat_statements is installed but not loaded: add it to "
                + "shared_preload_libraries in postgresql.conf and restart the server");
      }
    }
  }
}
