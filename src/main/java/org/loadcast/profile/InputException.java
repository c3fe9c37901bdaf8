package org.loadcast.profile;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a user's input file is wrong; carries every problem found, in file order.
 *
 * <p>The command line prints each problem on one line and exits with code 2, without a stack trace.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<InputProblem> problems;

  /**
   * Creates the exception.
   *
   * @param problems what is wrong; at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public InputException(List<InputProblem> problems) {
    super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an InputException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Creates the exception for a single problem. */
  public InputException(InputProblem problem) {
    this(List.of(problem));
  }

  /** Returns the problems, in file order; never empty. */
  public List<InputProblem> problems() {
    return problems;
  }
}
