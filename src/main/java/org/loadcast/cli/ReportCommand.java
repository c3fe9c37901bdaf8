package org.loadcast.cli;

import picocli.CommandLine.Command;

/** {@code loadcast report}: work on runs' report directories; a parent of subcommands only. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work on the report directories of runs.",
    subcommands = {ReportCompareCommand.class})
final class ReportCommand {}
