package org.loadcast.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loadcast report RUN_DIR}: the report of a load test from the results it left in its run
 * directory, partial when it was interrupted ({@link CheckpointedRun}); and the parent of {@code
 * loadcast report compare}. A first argument that names a subcommand runs it; any other is the run
 * directory.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Build the report of a load test from the results in its run directory (reports/<run>), such as an "
        + "interrupted run's last checkpoint: the report is then marked partial. Or work on runs' report directories "
        + "(compare).",
        "Before the probe completed there is no calibration: the partial report then holds the load test's results only."},
    subcommands = {ReportCompareCommand.class})
final class ReportCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_DIR", description = "a load test's run directory, holding "
      + "results/run-state.json, per-second.csv and latency.hlog (or such a results directory itself)")
  Path runDirectory;

  @Option(names = "--experiment", paramLabel = "FILE", description = "the experiment the load test ran; default: the one "
      + "run-state.json names")
  Path experimentFile;

  @Option(names = "--out", paramLabel = "DIR", description = "the report directory; default: RUN_DIR")
  Path out;

  @Option(names = "--target", paramLabel = "URL", defaultValue = "the target", description = "the URL the load test "
      + "drove, as the report names it")
  String target;

  @Override
  public Integer call() {
    if (runDirectory == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "loadcast report needs RUN_DIR, a load test's run directory, or a subcommand (compare)");
    }
    CheckpointedRun.report(runDirectory, experimentFile, out, target, spec.commandLine().getOut());
    return 0;
  }
}
