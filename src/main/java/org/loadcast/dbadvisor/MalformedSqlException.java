package org.loadcast.dbadvisor;

/**
 * Thrown when JSqlParser cannot parse a statement; says where in the statement the parser stopped.
 *
 * <p>A core-level error: the readers turn it into a located {@link org.loadcast.profile.InputProblem}.
 */
public final class MalformedSqlException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  /**
   * Creates the exception.
   *
   * @param line 1-based line within the statement where parsing stopped, or 0 when unknown
   * @param column 1-based column within that line, or 0 when unknown
   * @param reason what the parser found, in words
   */
  public MalformedSqlException(int line, int column, String reason) {
    super(reason);
    this.line = line;
    this.column = column;
  }

  /** Returns the 1-based line within the statement, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column within that line, or 0 when unknown. */
  public int column() {
    return column;
  }
}
