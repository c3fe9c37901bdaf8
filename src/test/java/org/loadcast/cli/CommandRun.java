package org.loadcast.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line as a user meets it, through {@link Main#run}.
 *
 * @param code the exit code: 0 for success, 2 for a user error
 * @param out everything written to standard output
 * @param err everything written to standard error
 */
record CommandRun(int code, String out, String err) {

  /**
   * Runs the command line with some arguments and captures what it writes.
   *
   * @param args the arguments, such as {@code "profile", "schedule", "x.yaml"}
   * @return the exit code and both outputs
   */
  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CommandRun(code, out.toString(), err.toString());
  }
}
