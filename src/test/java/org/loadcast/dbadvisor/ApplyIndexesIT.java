package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/** {@link AdvisorSession#applyIndexes} builds for real, concurrently, and leaves the session read-only. */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class ApplyIndexesIT {
  private final ShopServer shop;

  ApplyIndexesIT(ShopServer shop) {
    this.shop = shop;
  }

  @Test
  void applyIndexes_buildsAValidIndexConcurrentlyAndReturnsToReadOnly() throws SQLException {
    try (Connection admin = shop.admin(); Statement statement = admin.createStatement()) {
      statement.execute("CREATE TABLE apply_probe AS SELECT g AS id, g % 97 AS bucket FROM generate_series(1, 1000) g");
      statement.execute("ALTER TABLE apply_probe OWNER TO " + ShopServer.ADVISOR);
    }
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      List<String> applied = session.applyIndexes(List.of("CREATE INDEX apply_probe_bucket_idx ON apply_probe (bucket);"));

      assertThat(applied).containsExactly("CREATE INDEX CONCURRENTLY apply_probe_bucket_idx ON apply_probe (bucket)");
      assertThat(validIndex("apply_probe_bucket_idx")).isTrue();
      assertThatThrownBy(() -> session.rows("DELETE FROM apply_probe RETURNING id", r -> r.getInt(1)))
          .isInstanceOf(InputException.class).hasMessageContaining("SQLState 25006");
    }
  }

  private boolean validIndex(String name) throws SQLException {
    try (Connection admin = shop.admin(); Statement statement = admin.createStatement();
        ResultSet valid = statement.executeQuery("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + name + "')")) {
      return valid.next() && valid.getBoolean(1);
    }
  }
}
