package org.loadcast.profile;

import java.util.Locale;

/** What the values of a Prometheus range query are. */
public enum PrometheusValues {
  /** Requests per second over each step, as {@code rate(...)} returns: the count is value × step. */
  RATE,
  /** Requests in each step, as {@code increase(...[step])} returns: the count is the value. */
  COUNT;

  /**
   * Returns the constant for a command-line name.
   *
   * @param name {@code rate} or {@code count}, any case
   * @throws IllegalArgumentException for any other name
   */
  public static PrometheusValues of(String name) {
    for (PrometheusValues v : values()) {
      if (v.name().equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("--prometheus-values must be rate or count, but was '" + name + "'");
  }

  /** Returns the command-line name. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
