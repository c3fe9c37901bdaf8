package org.loadcast.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loadcast.report.ComparisonWriter;
import org.loadcast.report.MetricDelta;
import org.loadcast.report.RunComparison;
import org.loadcast.report.SummaryFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast report compare}: two runs side by side, with the change from the first to the second. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two runs' reports: every figure of each policy's summary in run A and run B, with the delta "
        + "(B - A), the change in percent and the better run; the frontier verdicts, calibration, fidelity and forecast "
        + "accuracy when both runs have them. Warns when the runs differ in experiment, seed, SLO or arrivals.",
        "Writes compare.json, compare.csv and index.html to --out."})
final class ReportCompareCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_A",
      description = "the first run's report directory (the before), such as reports/<run-id>")
  Path runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "the second run's report directory (the after)")
  Path runB;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the comparison to")
  Path out;

  @Override
  public Integer call() {
    SimulateCommand.checkWritableDirectory(out, "loadcast report compare");
    RunComparison comparison = RunComparison.of(SummaryFile.read(runA), SummaryFile.read(runB));
    ComparisonWriter.write(comparison, out);
    print(comparison);
    return 0;
  }

  private void print(RunComparison c) {
    var stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "A: %s (%s, seed %d)%nB: %s (%s, seed %d)%n", c.runA(), c.experimentA(), c.seedA(),
        c.runB(), c.experimentB(), c.seedB());
    if (!c.likeForLike()) {
      stdout.println("WARNING: not a like-for-like comparison:");
      c.differences().forEach(d -> stdout.println("  " + d));
    }
    if (c.policies().isEmpty()) {
      stdout.println("the runs have no policy in common");
    }
    c.policies().forEach(p -> stdout.println(p.headline()));
    if (!c.onlyInA().isEmpty()) {
      stdout.println("only in A: " + String.join(", ", c.onlyInA()));
    }
    if (!c.onlyInB().isEmpty()) {
      stdout.println("only in B: " + String.join(", ", c.onlyInB()));
    }
    if (c.frontier() != null) {
      for (RunComparison.FrontierComparison f : c.frontier()) {
        MetricDelta saved = f.metrics().stream().filter(m -> m.metric().equals("costSaved")).findFirst().orElse(null);
        if (saved != null) {
          stdout.printf(Locale.ROOT, "frontier %s: cost saved at equal SLO %s%n", f.name(), saved.change(2));
        }
      }
    }
    stdout.println(c.caution());
    stdout.printf(Locale.ROOT, "report: %s%n", out.resolve("index.html"));
  }
}
