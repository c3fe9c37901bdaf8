package org.loadcast.loadtest;

import java.nio.file.Path;

/** Runs a Gatling simulation in this JVM, as the Maven plugin would, without its HTML report. */
public final class InProcessGatling {
  private InProcessGatling() {}

  /**
   * Runs a simulation to its end.
   *
   * @param simulation the simulation class
   * @return Gatling's exit status: 0 when the run and its assertions passed
   */
  public static int run(Class<?> simulation) {
    // Analytics and the HTTP warm-up are off through gatling.conf and the failsafe/surefire argLine.
    return io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
        "--simulation", simulation.getName(),
        "--results-folder", Path.of("target/gatling").toAbsolutePath().toString(),
        "--no-reports",
        "--launcher", "maven"});
  }
}
