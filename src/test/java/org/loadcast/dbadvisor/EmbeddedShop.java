package org.loadcast.dbadvisor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real PostgreSQL (zonky's embedded binaries, version 15, see pom.xml) with a seeded shop schema,
 * shared by the advisor's database tests of one JVM and stopped when the JVM exits.
 *
 * <ul>
 *   <li>{@code customers(id, name, region)}: 5 000 rows;
 *   <li>{@code orders(id, customer_id, status, created_at, total)}: 200 000 rows, the customer,
 *       status and total drawn from {@code hashint8extended(id, 20260101)} (a seeded hash, so every
 *       run has the same rows), one order a minute from 2025-01-01; no index on {@code customer_id},
 *       one on {@code (status, created_at)};
 *   <li>both owned by the role {@code advisor} (which logs in with a SCRAM password over TCP), which
 *       may create in schema {@code public}, so that it may build a what-if index; {@code postgres}
 *       logs in without a password.
 * </ul>
 *
 * The server preloads {@code pg_stat_statements} (created in database {@code shop}, not in {@code
 * plain}) and logs every statement ({@code log_statement = all}) to {@link #logFile()}, each line
 * prefixed with the application name and the backend's process id ({@code %a@%p:}).
 */
final class EmbeddedShop {
  static final String ADVISOR = "advisor";
  /** The advisor role's password; tests check that no message ever shows it. */
  static final String ADVISOR_PASSWORD = "lc-Advisor-s3cret-7f2e";
  static final int ORDERS = 200_000;
  static final int CUSTOMERS = 5_000;
  private static EmbeddedShop shared;

  private final EmbeddedPostgres server;
  private final Path logFile;

  private EmbeddedShop(EmbeddedPostgres server, Path logFile) {
    this.server = server;
    this.logFile = logFile;
  }

  /** Returns the shared server, starting and seeding it on first use. */
  static synchronized EmbeddedShop shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException("seeding the embedded shop failed: " + e.getMessage(), e);
      }
    }
    return shared;
  }

  private static EmbeddedShop start() throws IOException, SQLException {
    Path[] data = new Path[1];
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectoryCustomizer(directory -> {
      data[0] = directory.toPath();
      configure(directory);
    });
    EmbeddedPostgres server = builder.start();
    EmbeddedShop shop = new EmbeddedShop(server, data[0].resolve("log").resolve("postgresql.log"));
    shop.seed();
    return shop;
  }

  /**
   * Writes postgresql.conf and pg_hba.conf lines directly (pg_ctl's -o options go through a shell).
   * The log goes to the data directory's {@code log/}, which the server's user owns.
   */
  private static void configure(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("postgresql.conf"), String.join("\n",
          "", "shared_preload_libraries = 'pg_stat_statements'", "log_statement = 'all'", "logging_collector = on",
          "log_directory = 'log'", "log_filename = 'postgresql.log'",
          "log_line_prefix = '%a@%p:'", "lc_messages = 'C'", "password_encryption = 'scram-sha-256'", ""),
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), String.join("\n",
          "local all all trust", "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
          "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void seed() throws SQLException {
    try (Connection postgres = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement statement = postgres.createStatement()) {
      statement.execute("CREATE ROLE " + ADVISOR + " LOGIN PASSWORD '" + ADVISOR_PASSWORD + "'");
      statement.execute("GRANT pg_read_all_stats TO " + ADVISOR);
      statement.execute("CREATE DATABASE shop");
      statement.execute("CREATE DATABASE plain");
    }
    try (Connection shop = admin(); Statement statement = shop.createStatement()) {
      statement.execute("CREATE EXTENSION pg_stat_statements");
      for (String sql : seedStatements(ADVISOR)) {
        statement.execute(sql);
      }
    }
  }

  /**
   * Returns the shop schema and its rows (see the class comment), for a database of another server too.
   *
   * @param owner the role to own the tables
   */
  static List<String> seedStatements(String owner) {
    return List.of(
        "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL, region text NOT NULL)",
        "INSERT INTO customers SELECT g, 'customer ' || g, (ARRAY['north', 'south', 'east', 'west'])[1 + g % 4] "
            + "FROM generate_series(1, " + CUSTOMERS + ") g",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, status text NOT NULL, "
            + "created_at timestamp NOT NULL, total numeric(10, 2) NOT NULL)",
        "INSERT INTO orders SELECT g, 1 + h % " + CUSTOMERS + ", (ARRAY['new', 'paid', 'shipped', 'cancelled'])[1 + (h / "
            + CUSTOMERS + ") % 4], timestamp '2025-01-01' + g * interval '1 minute', (h / 20000 % 100000) / 100.0 "
            + "FROM (SELECT g, hashint8extended(g, 20260101) & 9223372036854775807 AS h FROM generate_series(1, " + ORDERS
            + ") g) seeded",
        "CREATE INDEX orders_status_created_at_idx ON orders (status, created_at)",
        "GRANT CREATE ON SCHEMA public TO " + owner,
        "ALTER TABLE customers OWNER TO " + owner,
        "ALTER TABLE orders OWNER TO " + owner,
        "VACUUM ANALYZE customers",
        "VACUUM ANALYZE orders");
  }

  /** Returns the JDBC URL of a database on this server, by 127.0.0.1. */
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + database;
  }

  /** Returns the advisor's target: database shop, role advisor, its password as PGPASSWORD would give it. */
  DatabaseTarget target() {
    return target("shop", ADVISOR_PASSWORD);
  }

  /** Returns a target on this server with another database or password. */
  DatabaseTarget target(String database, String password) {
    return new DatabaseTarget(url(database), ADVISOR, Password.fromEnvironment(Map.of(Password.ENVIRONMENT_VARIABLE, password)));
  }

  /** Returns a superuser connection to database shop, for fixtures and checks the advisor must not make. */
  Connection admin() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "postgres");
    properties.setProperty("ApplicationName", "loadcast test fixture");
    return DriverManager.getConnection(url("shop"), properties);
  }

  /** Returns the server's statement log. */
  Path logFile() {
    return logFile;
  }

  /** Returns the server's port. */
  int port() {
    return server.getPort();
  }
}
