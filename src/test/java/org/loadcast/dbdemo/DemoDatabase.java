package org.loadcast.dbdemo;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.loadcast.dbadvisor.DatabaseTarget;
import org.loadcast.dbadvisor.Password;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the database demo runs on: an embedded one (zonky's binaries) by default, or a
 * server of your own when {@code -Ddbdemo.jdbc-url=jdbc:postgresql://host:port/database} names it,
 * with a superuser {@code -Ddbdemo.user} (default {@code postgres}) and its password, if it needs one,
 * in {@code PGPASSWORD}. The server must preload {@code pg_stat_statements}. On it the demo drops and
 * re-creates the database {@value #EXTERNAL_DATABASE}; the embedded server's is {@code shop}.
 *
 * <p>The advisor logs in as the superuser, so on a server with HypoPG available it measures with
 * HypoPG (created inside the what-if transaction and rolled back), and otherwise with a transactional
 * build.
 */
final class DemoDatabase implements AutoCloseable {
  /** The database the demo makes on a server of your own. */
  static final String EXTERNAL_DATABASE = "loadcast_demo_shop";
  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)[^?]*(?:\\?.*)?$");

  private final EmbeddedPostgres embedded;
  private final String serverUrl;
  private final String shopUrl;
  private final String user;
  private final Optional<String> password;

  private DemoDatabase(EmbeddedPostgres embedded, String serverUrl, String shopUrl, String user, Optional<String> password) {
    this.embedded = embedded;
    this.serverUrl = serverUrl;
    this.shopUrl = shopUrl;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts the embedded server, or names the server the system properties give, and makes an empty
   * shop database on it.
   *
   * @throws IllegalArgumentException if {@code dbdemo.jdbc-url} is not a PostgreSQL JDBC URL
   */
  static DemoDatabase open() throws IOException, SQLException {
    String url = System.getProperty("dbdemo.jdbc-url", "");
    DemoDatabase database;
    if (url.isBlank()) {
      EmbeddedPostgres server = EmbeddedPostgres.builder()
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .start();
      String base = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/";
      database = new DemoDatabase(server, base + "postgres", base + "shop", "postgres", Optional.empty());
    } else {
      Matcher parts = URL.matcher(url);
      if (!parts.matches()) {
        throw new IllegalArgumentException("dbdemo.jdbc-url must look like jdbc:postgresql://host:port/database, but was "
            + url);
      }
      database = new DemoDatabase(null, url, parts.group(1) + EXTERNAL_DATABASE, System.getProperty("dbdemo.user", "postgres"),
          Optional.ofNullable(System.getenv(Password.ENVIRONMENT_VARIABLE)));
    }
    String name = database.shopUrl.substring(database.shopUrl.lastIndexOf('/') + 1);
    try (Connection c = database.dataSource(database.serverUrl).getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    }
    return database;
  }

  /** Returns the shop database's data source, as the superuser. */
  DataSource shop() {
    return dataSource(shopUrl);
  }

  /** Returns the advisor's target: the shop database, as the superuser. */
  DatabaseTarget advisorTarget() {
    return new DatabaseTarget(shopUrl, user, password.flatMap(p -> Password.fromEnvironment(
        Map.of(Password.ENVIRONMENT_VARIABLE, p))));
  }

  /** Returns "embedded PostgreSQL" or the server's URL, for the run's output. */
  String description() {
    return embedded != null ? "embedded PostgreSQL" : serverUrl;
  }

  private DataSource dataSource(String url) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(url);
    source.setUser(user);
    password.ifPresent(source::setPassword);
    return source;
  }

  /** Stops the embedded server; a server of your own keeps its demo database, for a look afterwards. */
  @Override
  public void close() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
  }
}
