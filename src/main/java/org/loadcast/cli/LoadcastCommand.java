package org.loadcast.cli;

import picocli.CommandLine.Command;

/** The top-level {@code loadcast} command. */
@Command(
    name = "loadcast",
    mixinStandardHelpOptions = true,
    versionProvider = LoadcastCommand.Version.class,
    description = "Traffic profiles, load tests, an autoscaling simulator and a capacity model.",
    subcommands = {ProfileCommand.class, SimulateCommand.class, CapacityCommand.class, ReportCommand.class,
        ResultsCommand.class, InjectCommand.class, HotspotsCommand.class, DbAdviseCommand.class,
        K8sCommand.class})
public final class LoadcastCommand {

  /** Prints the build's version. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"loadcast " + RunFiles.version()};
    }
  }
}
