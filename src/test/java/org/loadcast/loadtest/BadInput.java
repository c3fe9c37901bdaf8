package org.loadcast.loadtest;

import java.util.List;

/**
 * How a load-test JVM ends on bad input, as the command line does: one line per problem on standard
 * error, exit code 2, no stack trace.
 */
public final class BadInput {
  private BadInput() {}

  /**
   * Prints the problems and ends the JVM with code 2.
   *
   * @param problems one line each, such as {@code file:line:column: field must ..., but was ...}
   * @return never; declared so that callers can write {@code throw BadInput.exit(...)}
   */
  public static IllegalStateException exit(List<?> problems) {
    problems.forEach(System.err::println);
    System.err.flush();
    System.exit(2);
    return new IllegalStateException("exited with code 2: " + problems);
  }
}
