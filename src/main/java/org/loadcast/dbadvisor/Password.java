package org.loadcast.dbadvisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;

/**
 * A database password, read from the environment ({@code PGPASSWORD}, as libpq reads it) or from a
 * file, never from the command line. Its {@link #toString()} hides the value, so the password
 * cannot reach a log, a report or an exception's message by accident; only the JDBC connection
 * properties receive it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Password {
  /** The environment variable libpq and the advisor read: PostgreSQL documentation, "Environment Variables" (libpq). */
  public static final String ENVIRONMENT_VARIABLE = "PGPASSWORD";
  static final String COMMAND = "loadcast dbadvise";

  private final String value;

  private Password(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a password must not be empty");
    }
    this.value = value;
  }

  /**
   * Returns the password in {@code PGPASSWORD}.
   *
   * @param environment the process environment, such as {@code System.getenv()}
   * @return the password, or empty when the variable is unset or empty
   */
  public static Optional<Password> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new Password(value));
  }

  /**
   * Reads the password from the first line of a file; a trailing line break is not part of it.
   *
   * @param file a readable text file (UTF-8) whose first line is the password
   * @return the password
   * @throws InputException if the file cannot be read or its first line is empty; the message names
   *     the file, never its content
   */
  public static Password fromFile(Path file) {
    try {
      String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
      if (first.isEmpty()) {
        throw new InputException(new InputProblem(COMMAND, 0, 0, "the password file " + file + " is empty; its first line must be the password"));
      }
      return new Password(first);
    } catch (IOException e) {
      throw new InputException(new InputProblem(COMMAND, 0, 0, "cannot read the password file " + file + ": "
          + e.getClass().getSimpleName()));
    }
  }

  /** Returns the password itself, for the JDBC connection properties only. */
  String reveal() {
    return value;
  }

  /** Returns {@code "***"}: the value never appears in text. */
  @Override
  public String toString() {
    return "***";
  }
}
