package org.loadcast.dbadvisor;

import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * The PostgreSQL database the advisor reads: a JDBC URL, a user, and an optional password.
 *
 * <p>The password comes from {@link Password} (environment or file); a URL that carries one
 * ({@code password=...} or {@code user:password@}) is refused, since a URL is typed on command lines
 * and printed in reports. {@link #toString()} shows the URL and the user only.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://host[:port]/database[?options]} URL without a password
 * @param user the role to log in as; not blank
 * @param password the password, or empty when the server needs none (trust, peer, {@code .pgpass})
 */
public record DatabaseTarget(String jdbcUrl, String user, Optional<Password> password) {
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("[?&]password=", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^jdbc:postgresql://[^/@?]*:[^/@?]*@");

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL that pgjdbc
   *     accepts, if it carries a password (the message names the rule, never the value), or if the
   *     user is blank
   */
  public DatabaseTarget {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--jdbc-url must start with jdbc:postgresql:, but was " + redactedPrefix(jdbcUrl));
    }
    if (PASSWORD_PARAMETER.matcher(jdbcUrl).find() || USER_INFO_PASSWORD.matcher(jdbcUrl).find()) {
      throw new IllegalArgumentException("--jdbc-url must not carry a password; set " + Password.ENVIRONMENT_VARIABLE
          + " or give a password file");
    }
    if (Driver.parseURL(jdbcUrl, new Properties()) == null) {
      throw new IllegalArgumentException("--jdbc-url is not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("--user must not be blank");
    }
    password = password == null ? Optional.empty() : password;
  }

  private static String redactedPrefix(String url) {
    if (url == null) {
      return "nothing";
    }
    int cut = url.indexOf('?');
    return cut < 0 ? url : url.substring(0, cut) + "?...";
  }

  /** Returns {@code host:port} as the URL names them (pgjdbc's defaults: localhost, 5432). */
  public String hostAndPort() {
    Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
    String host = parsed.getProperty("PGHOST", "localhost");
    String port = parsed.getProperty("PGPORT", "5432");
    return host.split(",")[0] + ":" + port.split(",")[0];
  }

  /** Returns the database name the URL names. */
  public String databaseName() {
    return Driver.parseURL(jdbcUrl, new Properties()).getProperty("PGDBNAME", user);
  }

  /** Returns the URL and user, never the password. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s as %s", jdbcUrl, user);
  }
}
