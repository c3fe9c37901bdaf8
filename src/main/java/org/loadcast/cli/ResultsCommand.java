package org.loadcast.cli;

import picocli.CommandLine.Command;

/** {@code loadcast results}: work on load tests' results directories; a parent of subcommands only. */
@Command(name = "results", mixinStandardHelpOptions = true, description = "Work on the results directories of load tests.",
    subcommands = {ResultsMergeCommand.class, ResultsReportCommand.class})
final class ResultsCommand {}
