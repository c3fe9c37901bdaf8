package org.loadcast.dbadvisor;

/**
 * One SQL statement ready for PostgreSQL's {@code PREPARE}: JDBC's {@code ?} markers turned into
 * {@code $1}, {@code $2}, ... (PostgreSQL documentation, PREPARE), a trailing semicolon removed.
 *
 * <p>The scan skips string literals ({@code '...'}, {@code E'...'}), quoted identifiers, dollar
 * quotes ({@code $tag$...$tag$}) and comments ({@code --}, nested {@code /* *}{@code /}) as {@link
 * SqlLexer} reads them, following PostgreSQL documentation, "Lexical Structure". JDBC's escape {@code ??} stands for a literal
 * {@code ?} operator.
 *
 * @param sql the statement, with {@code $n} markers only
 * @param parameterCount the highest {@code $n} used, 0 for none
 */
public record SqlText(String sql, int parameterCount) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException if sql is blank or parameterCount is negative
   */
  public SqlText {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("a statement must not be blank");
    }
    if (parameterCount < 0) {
      throw new IllegalArgumentException("parameterCount must be >= 0, but was " + parameterCount);
    }
  }

  /**
   * Reads a statement as a log or a JDBC trace holds it.
   *
   * @param statement one statement with {@code $n} markers, {@code ?} markers or none
   * @return the statement with {@code $n} markers and its parameter count
   * @throws IllegalArgumentException if the text holds more than one statement, mixes {@code ?} and
   *     {@code $n} markers, or is blank
   */
  public static SqlText of(String statement) {
    if (statement == null || statement.isBlank()) {
      throw new IllegalArgumentException("a statement must not be blank");
    }
    Scan scan = new Scan(statement);
    scan.run();
    if (scan.questionMarks > 0 && scan.highestDollar > 0) {
      throw new IllegalArgumentException("a statement must use either ? or $n parameters, not both: " + statement);
    }
    return new SqlText(scan.out.toString().strip(), Math.max(scan.questionMarks, scan.highestDollar));
  }

  /** Returns {@code true} when the statement has parameters, so only a generic plan can be explained. */
  public boolean parameterised() {
    return parameterCount > 0;
  }

  /** A single pass over the text; not thread-safe, used once. */
  private static final class Scan {
    private final String in;
    private final StringBuilder out = new StringBuilder();
    private int at;
    private int questionMarks;
    private int highestDollar;

    Scan(String in) {
      this.in = in == null ? "" : in;
    }

    void run() {
      while (at < in.length()) {
        char c = in.charAt(at);
        int unitEnd = SqlLexer.skip(in, at);
        if (unitEnd > at + 1 || c == '\'' || c == '"') {
          // a string, quoted identifier, dollar quote or comment: copied as it is
          copyUntil(unitEnd);
        } else if (c == '$') {
          dollar();
        } else if (c == '?') {
          question();
        } else if (c == ';') {
          semicolon();
        } else {
          out.append(c);
          at++;
        }
      }
    }

    private void copyUntil(int end) {
      out.append(in, at, end);
      at = end;
    }

    /** A {@code $n} parameter, or a lone {@code $} (dollar quotes are whole units of {@link SqlLexer#skip}). */
    private void dollar() {
      int i = at + 1;
      while (i < in.length() && Character.isDigit(in.charAt(i))) {
        i++;
      }
      if (i > at + 1) {
        highestDollar = Math.max(highestDollar, Integer.parseInt(in.substring(at + 1, i)));
      }
      copyUntil(i);
    }

    private void question() {
      if (in.startsWith("??", at)) {
        out.append('?');
        at += 2;
        return;
      }
      questionMarks++;
      out.append('$').append(questionMarks);
      at++;
    }

    private void semicolon() {
      if (!SqlLexer.onlyComments(in.substring(at + 1))) {
        throw new IllegalArgumentException("expected one statement, but found a second after ';': " + in.strip());
      }
      at = in.length();
    }
  }
}
