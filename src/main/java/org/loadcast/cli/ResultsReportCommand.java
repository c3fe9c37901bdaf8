package org.loadcast.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast results report}: the calibration, simulation and report of merged injectors' results. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Calibrate, simulate and report a load test from its merged results (loadcast results merge), as "
        + "mvn gatling:test does for a single injector.",
        "The experiment must be the one the injectors ran: its compiled schedule is checked against the results'."})
final class ResultsReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MERGED", description = "the merged results directory, holding merge.json")
  Path merged;

  @Parameters(index = "1", paramLabel = "EXPERIMENT", description = "the experiment the injectors ran")
  Path experimentFile;

  @Option(names = "--target", paramLabel = "URL", defaultValue = "the target", description = "the URL the injectors "
      + "drove, as the report names it")
  String target;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory that receives the run's "
      + "report directory, such as reports")
  Path out;

  @Override
  public Integer call() {
    Experiment experiment = Experiments.read(experimentFile);
    SimulateCommand.checkWritableDirectory(out, "loadcast results report");
    MergedRun.report(experiment, merged, out, target, "loadcast results report " + merged + " " + experimentFile,
        spec.commandLine().getOut());
    return 0;
  }
}
