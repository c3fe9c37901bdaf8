package org.loadcast.dashboard;

import java.util.Properties;

/**
 * Whether and where the live dashboard serves, from the system properties {@code dashboard}, {@code
 * dashboard.host} and {@code dashboard.port} of {@code mvn gatling:test}.
 *
 * @param enabled whether the dashboard runs; {@code -Ddashboard=false} turns it off
 * @param host the address to bind: {@value #DEFAULT_HOST} (loopback) unless the user names another
 * @param port the TCP port, 0 to 65535; 0 (the default) takes any free port
 */
public record DashboardSettings(boolean enabled, String host, int port) {
  /** The default address: loopback only, so the dashboard is not reachable from other machines. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if the host is blank or the port is outside 0 to 65535
   */
  public DashboardSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("dashboard.host must be an address such as 127.0.0.1, but was '" + host + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("dashboard.port must be from 0 to 65535 (0: any free port), but was " + port);
    }
  }

  /**
   * Reads the settings from system properties: {@code dashboard} ({@code true} or {@code false},
   * default {@code true}), {@code dashboard.host} (default {@value #DEFAULT_HOST}) and {@code
   * dashboard.port} (default 0).
   *
   * @param properties the system properties
   * @return the settings
   * @throws IllegalArgumentException naming the property, the rule and the value, if {@code
   *     dashboard} is neither {@code true} nor {@code false}, the port is not an integer from 0 to
   *     65535, or the host is blank
   */
  public static DashboardSettings of(Properties properties) {
    String enabled = properties.getProperty("dashboard", "true").trim();
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException("dashboard must be true or false, but was '" + enabled + "'");
    }
    String port = properties.getProperty("dashboard.port", "0").trim();
    if (!port.matches("[0-9]{1,5}")) {
      throw new IllegalArgumentException("dashboard.port must be from 0 to 65535 (0: any free port), but was '" + port + "'");
    }
    return new DashboardSettings(enabled.equals("true"), properties.getProperty("dashboard.host", DEFAULT_HOST).trim(),
        Integer.parseInt(port));
  }
}
