package org.loadcast.dbadvisor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loadcast.DebianPostgres;

/**
 * A real PostgreSQL 15 with the seeded shop schema, for the advisor's database tests. There are two,
 * and every database test runs against each ({@link #all()}):
 *
 * <ul>
 *   <li><b>embedded</b>: zonky's PostgreSQL binaries from Maven Central (version in pom.xml), started
 *       once per JVM and stopped when the JVM exits; always there. It has no HypoPG.
 *   <li><b>Debian</b>: a server named by the environment, as {@code .ci/run} starts one from Debian's
 *       {@code postgresql-15} and {@code postgresql-15-hypopg}. {@code LOADCAST_PG_URL} is a JDBC URL
 *       of any database on it, {@code LOADCAST_PG_USER} (default {@code postgres}) a superuser, and
 *       {@code PGPASSWORD} its password if it needs one. Without the URL the tests run on the embedded
 *       server only, except under {@code CI=true}, where that is a failure. The server must be
 *       configured as {@link #REQUIRED_SETTINGS} says, have HypoPG available, and let the superuser in
 *       over TCP and other roles with a SCRAM password; {@link #debian()} checks the settings and the
 *       extension and fails naming what is missing.
 * </ul>
 *
 * On each server, once per JVM, the databases {@value #SHOP} and {@value #PLAIN} and the role
 * {@value #ADVISOR} are dropped if they exist and made again (so point {@code LOADCAST_PG_URL} at a
 * test server, never at one whose {@code loadcast_} databases matter):
 *
 * <ul>
 *   <li>{@code customers(id, name, region)}: 5 000 rows;
 *   <li>{@code orders(id, customer_id, status, created_at, total)}: 200 000 rows, the customer,
 *       status and total drawn from {@code hashint8extended(id, 20260101)} (a seeded hash, so every
 *       run has the same rows), one order a minute from 2025-01-01; no index on {@code customer_id},
 *       one on {@code (status, created_at)};
 *   <li>both owned by the role {@value #ADVISOR} (which logs in with a SCRAM password over TCP), which
 *       may create in schema {@code public}, so that it may build a what-if index;
 *   <li>{@code pg_stat_statements} created in {@value #SHOP}, not in {@value #PLAIN}; on the Debian
 *       server {@code hypopg} too, as an administrator would create it for an advisor role that is
 *       not a superuser;
 *   <li>{@code items(id, code)} in {@value #PLAIN}: 100 000 rows, owned by the superuser.
 * </ul>
 *
 * Both servers log every statement with its duration in Debian's default line format, which {@code
 * loadcast dbadvise --pg-log} reads; {@link #serverLog()} returns that log.
 */
final class ShopServer {
  /** The shop database. */
  static final String SHOP = "loadcast_shop";
  /** A database without pg_stat_statements. */
  static final String PLAIN = "loadcast_plain";
  /** The advisor's role, owner of the shop's tables. */
  static final String ADVISOR = "loadcast_advisor";
  /** The advisor role's password; tests check that no message ever shows it. */
  static final String ADVISOR_PASSWORD = "lc-Advisor-s3cret-7f2e";
  static final int ORDERS = 200_000;
  static final int CUSTOMERS = 5_000;
  /** Debian's default {@code log_line_prefix} (its postgresql.conf), which the log reader accepts. */
  static final String LOG_LINE_PREFIX = "%m [%p] %q%u@%d ";
  /** A database {@code loadcast dbadvise --apply} builds in. */
  static final String APPLY = "loadcast_apply";

  /** A server setting the tests need: its name, a test of its current value, and its postgresql.conf line. */
  private record Setting(String name, Predicate<String> accepts, String confLine) {}

  private static final List<Setting> SETTINGS = List.of(
      new Setting("shared_preload_libraries", v -> Arrays.stream(v.split(",")).map(String::strip).anyMatch("pg_stat_statements"::equals),
          "shared_preload_libraries = 'pg_stat_statements'"),
      new Setting("logging_collector", "on"::equals, "logging_collector = on"),
      new Setting("log_statement", "all"::equals, "log_statement = 'all'"),
      new Setting("log_min_duration_statement", "0"::equals, "log_min_duration_statement = 0"),
      new Setting("log_line_prefix", LOG_LINE_PREFIX::equals, "log_line_prefix = '" + LOG_LINE_PREFIX + "'"),
      new Setting("lc_messages", "C"::equals, "lc_messages = 'C'"));
  /** The server settings both servers run with, as postgresql.conf lines. */
  static final List<String> REQUIRED_SETTINGS = SETTINGS.stream().map(Setting::confLine).toList();
  private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/:]+|\\[[^]]+\\]):(\\d+)/[^?]*(?:\\?.*)?$");
  private static ShopServer embedded;
  private static ShopServer debian;

  private final String name;
  private final String host;
  private final int port;
  private final String superuser;
  private final Optional<String> superuserPassword;
  private final boolean hypopg;

  private ShopServer(String name, String host, int port, String superuser, Optional<String> superuserPassword, boolean hypopg) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.superuser = superuser;
    this.superuserPassword = superuserPassword;
    this.hypopg = hypopg;
  }

  /**
   * Returns the servers to test against: the embedded one, and the Debian one when the environment
   * names it.
   *
   * @throws AssertionError under {@code CI=true} when no Debian server is named, or when the named
   *     one lacks a setting or HypoPG
   */
  static List<ShopServer> all() {
    List<ShopServer> servers = new ArrayList<>();
    servers.add(embedded());
    debian().ifPresent(servers::add);
    return servers;
  }

  /** Returns the embedded server, starting and seeding it on first use. */
  static synchronized ShopServer embedded() {
    if (embedded == null) {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().setDataDirectoryCustomizer(ShopServer::configure).start();
        embedded = new ShopServer("embedded PostgreSQL", "127.0.0.1", server.getPort(), "postgres", Optional.empty(), false);
        embedded.seed();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (SQLException e) {
        throw new IllegalStateException("seeding the embedded shop failed: " + e.getMessage(), e);
      }
    }
    return embedded;
  }

  /**
   * Returns the Debian server the environment names, seeded on first use; empty when none is named
   * outside CI.
   *
   * @throws AssertionError under {@code CI=true} when none is named; when the URL is malformed, a
   *     setting of {@link #REQUIRED_SETTINGS} is missing, or HypoPG is not available
   */
  static synchronized Optional<ShopServer> debian() {
    if (debian != null) {
      return Optional.of(debian);
    }
    Optional<String> named = DebianPostgres.url();
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String url = named.get();
    Matcher parts = URL.matcher(url);
    if (!parts.matches()) {
      throw new AssertionError(DebianPostgres.URL_VARIABLE + " must look like jdbc:postgresql://host:port/database, but was " + url);
    }
    ShopServer server = new ShopServer("Debian PostgreSQL", parts.group(1), Integer.parseInt(parts.group(2)),
        DebianPostgres.user(), Optional.ofNullable(System.getenv(Password.ENVIRONMENT_VARIABLE)), true);
    try {
      server.checkConfiguration();
      server.seed();
    } catch (SQLException e) {
      throw new IllegalStateException("seeding the shop on " + url + " failed: " + e.getMessage(), e);
    }
    debian = server;
    return Optional.of(debian);
  }

  /**
   * Appends {@link #REQUIRED_SETTINGS} and the log file's place to postgresql.conf and writes
   * pg_hba.conf (pg_ctl's -o options go through a shell). The log goes to the data directory's
   * {@code log/}, which the server's user owns.
   */
  private static void configure(File dataDirectory) {
    List<String> settings = new ArrayList<>(List.of("", "log_directory = 'log'", "log_filename = 'postgresql.log'",
        "password_encryption = 'scram-sha-256'"));
    settings.addAll(REQUIRED_SETTINGS);
    settings.add("");
    try {
      Files.writeString(dataDirectory.toPath().resolve("postgresql.conf"), String.join("\n", settings),
          StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), String.join("\n",
          "local all all trust", "host all postgres 127.0.0.1/32 trust", "host all postgres ::1/128 trust",
          "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkConfiguration() throws SQLException {
    List<String> missing = new ArrayList<>();
    try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
      for (Setting setting : SETTINGS) {
        try (ResultSet value = statement.executeQuery("SELECT current_setting('" + setting.name() + "')")) {
          value.next();
          if (!setting.accepts().test(value.getString(1))) {
            missing.add(setting.confLine() + " (it is '" + value.getString(1) + "')");
          }
        }
      }
      try (ResultSet hypopg = statement.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'")) {
        if (!hypopg.next()) {
          missing.add("the extension hypopg (Debian's postgresql-15-hypopg)");
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new AssertionError("the PostgreSQL at " + host + ":" + port + " (" + DebianPostgres.URL_VARIABLE + ") needs " + String.join("; ", missing));
    }
  }

  private void seed() throws SQLException {
    try (Connection postgres = superuser("postgres"); Statement statement = postgres.createStatement()) {
      for (String database : List.of(SHOP, PLAIN, APPLY)) {
        statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
      statement.execute("DROP ROLE IF EXISTS " + ADVISOR);
      statement.execute("CREATE ROLE " + ADVISOR + " LOGIN PASSWORD '" + ADVISOR_PASSWORD + "'");
      statement.execute("GRANT pg_read_all_stats TO " + ADVISOR);
      statement.execute("CREATE DATABASE " + SHOP);
      statement.execute("CREATE DATABASE " + PLAIN);
    }
    try (Connection shop = admin(); Statement statement = shop.createStatement()) {
      statement.execute("CREATE EXTENSION pg_stat_statements");
      if (hypopg) {
        statement.execute("CREATE EXTENSION hypopg");
      }
      for (String sql : seedStatements(ADVISOR)) {
        statement.execute(sql);
      }
    }
    try (Connection plain = superuser(PLAIN); Statement statement = plain.createStatement()) {
      statement.execute("CREATE TABLE items AS SELECT g AS id, g % 1000 AS code FROM generate_series(1, 100000) g");
      statement.execute("ANALYZE items");
    }
  }

  /**
   * Returns the shop schema and its rows (see the class comment), for another database too.
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

  /** Returns the JDBC URL of a database on this server. */
  String url(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** Returns {@code host:port}, as the advisor's messages name the server. */
  String address() {
    return host + ":" + port;
  }

  /**
   * Returns whether the server has HypoPG available: the Debian one has, and it is created in
   * {@value #SHOP}; the embedded one has not.
   */
  boolean hypopg() {
    return hypopg;
  }

  /** Returns the advisor's target: database {@value #SHOP}, role {@value #ADVISOR}, its password as PGPASSWORD gives it. */
  DatabaseTarget target() {
    return target(SHOP, ADVISOR_PASSWORD);
  }

  /** Returns a target on this server with another database or password. */
  DatabaseTarget target(String database, String password) {
    return new DatabaseTarget(url(database), ADVISOR, Password.fromEnvironment(Map.of(Password.ENVIRONMENT_VARIABLE, password)));
  }

  /** Returns a target on this server for the superuser. */
  DatabaseTarget superuserTarget(String database) {
    return new DatabaseTarget(url(database), superuser, superuserPassword.flatMap(
        p -> Password.fromEnvironment(Map.of(Password.ENVIRONMENT_VARIABLE, p))));
  }

  /** Returns a superuser connection to database {@value #SHOP}, for fixtures and checks the advisor must not make. */
  Connection admin() throws SQLException {
    return superuser(SHOP);
  }

  /** Returns a superuser connection to a database, with the application name "loadcast test fixture". */
  Connection superuser(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", superuser);
    superuserPassword.ifPresent(p -> properties.setProperty("password", p));
    properties.setProperty("ApplicationName", "loadcast test fixture");
    return DriverManager.getConnection(url(database), properties);
  }

  /**
   * Returns the server's current log file, read through the server ({@code pg_read_file} of {@code
   * pg_current_logfile()}), so that it works whichever user owns the file.
   */
  String serverLog() throws SQLException {
    try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement();
        ResultSet log = statement.executeQuery("SELECT pg_read_file(pg_current_logfile())")) {
      log.next();
      return log.getString(1);
    }
  }

  @Override
  public String toString() {
    return name + " on " + address();
  }
}
