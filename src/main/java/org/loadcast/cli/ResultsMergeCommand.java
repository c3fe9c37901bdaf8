package org.loadcast.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.loadcast.results.ResultsMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code loadcast results merge}: several injectors' results of one load test, added into one run's. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Merge the results directories of the injectors of one load test, each holding per-second.csv, "
        + "latency.hlog and injector.json: the counts add, the latency histograms add (HdrHistogram), second by "
        + "second from the agreed start. The inputs must be injectors 0 to N-1 of one schedule and start, each once.",
        "Writes per-second.csv and latency.hlog, in a single run's format, and merge.json to --out."})
final class ResultsMergeCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "an injector's results directory, such as "
      + "reports/<run>/results; one per injector, in any order")
  List<Path> directories;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "the directory to write the merged results to")
  Path out;

  @Override
  public Integer call() {
    SimulateCommand.checkWritableDirectory(out, "loadcast results merge");
    ResultsMerge merge = ResultsMerge.of(directories);
    merge.write(out);
    ResultsMerge.Totals t = merge.totals();
    var stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "merged %d injector%s (schedule %s, start %s): %d seconds, %d started, %d completed, "
            + "%d failed, %d latencies%n", merge.inputs().size(), merge.inputs().size() == 1 ? "" : "s",
        merge.inputs().get(0).info().scheduleSha256().substring(0, 12), Instant.ofEpochMilli(merge.startEpochMillis()),
        t.seconds(), t.started(), t.completed(), t.failed(), t.latencyCount());
    stdout.printf(Locale.ROOT, "largest start offset: %+d ms (injector %d)%n", t.largestStartOffsetMillis(),
        t.largestStartOffsetInjector());
    stdout.printf(Locale.ROOT, "results: %s%n", out);
    return 0;
  }
}
