package org.loadcast.cli;

import java.io.PrintWriter;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import picocli.CommandLine;

/**
 * The {@code loadcast} entry point. User errors print one line each, {@code file:line:column: what
 * is wrong}, and exit with code 2; a wrong flag prints the usage and exits with 2.
 */
public final class Main {
  /** Exit code for bad input: a wrong flag, a broken file. */
  public static final int USER_ERROR = 2;

  private Main() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    // The libraries log through SLF4J and the command line installs no provider: keep SLF4J quiet.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line without exiting.
   *
   * @param args the arguments
   * @param out where normal output goes
   * @param err where errors go
   * @return the exit code: 0 on success, 2 on bad input, 1 on an internal failure
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new LoadcastCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof InputException input) {
        for (InputProblem problem : input.problems()) {
          err.println(problem);
        }
        err.flush();
        return USER_ERROR;
      }
      if (e instanceof java.io.UncheckedIOException io) {
        err.println("loadcast: " + describe(io.getCause()));
        err.flush();
        return USER_ERROR;
      }
      err.println("loadcast: internal error: " + e);
      e.printStackTrace(err);
      err.flush();
      return 1;
    });
    return cli.execute(args);
  }

  /**
   * Describes a failed file operation for the user: the path and the operating system's reason,
   * without the exception's class name.
   *
   * @param e the failure
   * @return such as {@code cannot write or read '/proc/x': no such file or directory}
   */
  static String describe(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
      String reason = fs.getReason() != null ? fs.getReason()
          : fs instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
          : fs instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : fs instanceof java.nio.file.FileAlreadyExistsException ? "it already exists"
          : fs instanceof java.nio.file.NotDirectoryException ? "not a directory"
          : fs.getClass().getSimpleName();
      return "cannot write or read '" + fs.getFile() + "'" + (fs.getOtherFile() != null ? " (or '" + fs.getOtherFile()
          + "')" : "") + ": " + reason;
    }
    return "cannot write or read a file: " + e.getMessage();
  }
}
