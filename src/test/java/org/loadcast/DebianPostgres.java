package org.loadcast;

import java.util.Map;
import java.util.Optional;

/**
 * The second PostgreSQL the database tests run against, besides the embedded one: Debian's
 * {@code postgresql-15} with {@code postgresql-15-hypopg}, as {@code .ci/run} starts it. The
 * environment names it: {@value #URL_VARIABLE} is a JDBC URL of any database on it, {@value
 * #USER_VARIABLE} (default {@code postgres}) a superuser, {@code PGPASSWORD} its password if it
 * needs one.
 */
public final class DebianPostgres {
  /** The environment variable naming the server. */
  public static final String URL_VARIABLE = "LOADCAST_PG_URL";
  /** The environment variable naming its superuser. */
  public static final String USER_VARIABLE = "LOADCAST_PG_USER";

  private DebianPostgres() {}

  /**
   * Returns the server's URL; empty when the environment names none outside CI.
   *
   * @throws AssertionError under {@code CI=true} when the environment names none: there the tests
   *     must run against it
   */
  public static Optional<String> url() {
    Map<String, String> environment = System.getenv();
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      if ("true".equals(environment.get("CI"))) {
        throw new AssertionError("the database tests must run against Debian's PostgreSQL with HypoPG in CI: set "
            + URL_VARIABLE + " to a JDBC URL of a PostgreSQL 15 with postgresql-15-hypopg (.ci/run starts one)");
      }
      return Optional.empty();
    }
    return Optional.of(url);
  }

  /** Returns the superuser to log in as. */
  public static String user() {
    return System.getenv().getOrDefault(USER_VARIABLE, "postgres");
  }
}
