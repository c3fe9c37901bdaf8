package org.loadcast.loadtest;

import io.gatling.core.config.GatlingConfiguration;
import io.gatling.core.config.GatlingConfiguration$;

/**
 * Prints the two settings of Gatling's effective configuration that reach the network, as Gatling
 * itself loads it ({@code GatlingConfiguration.load()}: {@code gatling-defaults.conf}, then the
 * classpath's {@code gatling.conf}, then system properties): {@code enableAnalytics=true|false} and
 * {@code warmUpUrl=URL}, empty for none. Run in a JVM started as a load test's is.
 */
public final class EffectiveGatlingConfiguration {
  private EffectiveGatlingConfiguration() {}

  /**
   * Loads the configuration and prints the two lines.
   *
   * @param args none
   */
  public static void main(String[] args) {
    GatlingConfiguration configuration = GatlingConfiguration$.MODULE$.load();
    System.out.println("enableAnalytics=" + configuration.data().enableAnalytics());
    System.out.println("warmUpUrl=" + (configuration.http().warmUpUrl().isDefined() ? configuration.http().warmUpUrl().get() : ""));
  }
}
