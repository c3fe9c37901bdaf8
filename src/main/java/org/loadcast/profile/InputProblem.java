package org.loadcast.profile;

import java.util.Locale;

/**
 * One thing wrong with a user's input file, at a place in it.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong: the field path, the rule and the value found
 */
public record InputProblem(String file, int line, int column, String message) {

  /**
   * Validates the problem.
   *
   * @throws IllegalArgumentException if file or message is blank, or line or column is negative
   */
  public InputProblem {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("file is required");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message is required");
    }
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0, but were " + line + ", " + column);
    }
  }

  /** Returns {@code file:line:column: message}, leaving out a position that is unknown. */
  @Override
  public String toString() {
    if (line == 0) {
      return file + ": " + message;
    }
    return String.format(Locale.ROOT, "%s:%d:%d: %s", file, line, Math.max(column, 1), message);
  }
}
