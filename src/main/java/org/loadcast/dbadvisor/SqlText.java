package org.loadcast.dbadvisor;

/**
 * One SQL statement ready for PostgreSQL's {@code PREPARE}: JDBC's {@code ?} markers turned into
 * {@code $1}, {@code $2}, ... (PostgreSQL documentation, PREPARE), a trailing semicolon removed.
 *
 * <p>The scan skips string literals ({@code '...'}, {@code E'...'}), quoted identifiers, dollar
 * quotes ({@code $tag$...$tag$}) and comments ({@code --}, nested {@code /* *}{@code /}), following
 * PostgreSQL documentation, "Lexical Structure". JDBC's escape {@code ??} stands for a literal
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
        if (c == '\'') {
          copyQuoted('\'', at > 0 && (in.charAt(at - 1) == 'E' || in.charAt(at - 1) == 'e'));
        } else if (c == '"') {
          copyQuoted('"', false);
        } else if (in.startsWith("--", at)) {
          copyUntil(lineEnd());
        } else if (in.startsWith("/*", at)) {
          copyUntil(blockCommentEnd());
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

    private void copyQuoted(char quote, boolean backslashEscapes) {
      int i = at + 1;
      while (i < in.length()) {
        char c = in.charAt(i);
        if (backslashEscapes && c == '\\') {
          i += 2;
        } else if (c == quote && i + 1 < in.length() && in.charAt(i + 1) == quote) {
          i += 2;
        } else if (c == quote) {
          break;
        } else {
          i++;
        }
      }
      copyUntil(Math.min(i + 1, in.length()));
    }

    private int lineEnd() {
      int end = in.indexOf('\n', at);
      return end < 0 ? in.length() : end;
    }

    private int blockCommentEnd() {
      int depth = 0;
      int i = at;
      while (i < in.length()) {
        if (in.startsWith("/*", i)) {
          depth++;
          i += 2;
        } else if (in.startsWith("*/", i)) {
          depth--;
          i += 2;
          if (depth == 0) {
            return i;
          }
        } else {
          i++;
        }
      }
      return in.length();
    }

    private void copyUntil(int end) {
      out.append(in, at, end);
      at = end;
    }

    private void dollar() {
      int i = at + 1;
      if (i < in.length() && Character.isDigit(in.charAt(i))) {
        while (i < in.length() && Character.isDigit(in.charAt(i))) {
          i++;
        }
        highestDollar = Math.max(highestDollar, Integer.parseInt(in.substring(at + 1, i)));
        copyUntil(i);
        return;
      }
      while (i < in.length() && (Character.isLetterOrDigit(in.charAt(i)) || in.charAt(i) == '_')) {
        i++;
      }
      boolean identifierPart = at > 0 && (Character.isLetterOrDigit(in.charAt(at - 1)) || in.charAt(at - 1) == '_');
      if (i < in.length() && in.charAt(i) == '$' && !identifierPart) {
        String tag = in.substring(at, i + 1);
        int close = in.indexOf(tag, i + 1);
        copyUntil(close < 0 ? in.length() : close + tag.length());
      } else {
        copyUntil(at + 1);
      }
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
      Scan rest = new Scan(in.substring(at + 1));
      String tail = rest.withoutComments().strip();
      if (!tail.isEmpty()) {
        throw new IllegalArgumentException("expected one statement, but found a second after ';': " + in.strip());
      }
      at = in.length();
    }

    /** Returns the text with comments removed, for the check after a semicolon. */
    private String withoutComments() {
      StringBuilder kept = new StringBuilder();
      while (at < in.length()) {
        if (in.startsWith("--", at)) {
          at = lineEnd();
        } else if (in.startsWith("/*", at)) {
          at = blockCommentEnd();
        } else {
          kept.append(in.charAt(at));
          at++;
        }
      }
      return kept.toString();
    }
  }
}
