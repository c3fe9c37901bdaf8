package org.loadcast.loadtest;

import java.io.IOException;
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

  /**
   * Runs {@link ProfileSimulation} on an experiment, as {@code mvn gatling:test -Dexperiment=FILE
   * -Dreports=DIR} would, and returns the run's report directory.
   *
   * @param experiment the experiment file
   * @param reports the directory that receives the run's report
   * @param gatlingReport whether Gatling writes its own HTML report too
   * @return the newest run directory under {@code reports} named after the experiment
   * @throws IOException if the reports directory cannot be listed
   * @throws AssertionError if Gatling's exit status is not 0
   */
  public static Path runExperiment(Path experiment, Path reports, boolean gatlingReport) throws IOException {
    System.setProperty("experiment", experiment.toString());
    System.setProperty("reports", reports.toString());
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
        "--simulation", ProfileSimulation.class.getName(),
        "--results-folder", Path.of("target/gatling").toAbsolutePath().toString(),
        "--launcher", "maven"));
    if (!gatlingReport) {
      args.add("--no-reports");
    }
    int status = io.gatling.app.Gatling$.MODULE$.fromArgs(args.toArray(String[]::new));
    if (status != 0) {
      throw new AssertionError("Gatling's exit status was " + status + " for " + experiment);
    }
    String prefix = org.loadcast.cli.Experiments.read(experiment).name() + "-";
    try (java.util.stream.Stream<Path> runs = java.nio.file.Files.list(reports)) {
      return runs.filter(p -> p.getFileName().toString().startsWith(prefix))
          .max(java.util.Comparator.comparing(p -> p.getFileName().toString())).orElseThrow();
    }
  }
}
