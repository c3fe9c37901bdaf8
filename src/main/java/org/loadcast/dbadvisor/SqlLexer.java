package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexical helpers on SQL text that must know where strings, quoted identifiers and comments are,
 * following PostgreSQL's lexical rules (PostgreSQL 15 documentation, section 4.1 "Lexical
 * Structure"): {@code '...'} strings with {@code ''} doubling (and {@code E'...'} strings with
 * backslash escapes), {@code "..."} identifiers with {@code ""} doubling, {@code $tag$...$tag$}
 * dollar quoting, {@code --} line comments and nestable block comments.
 */
final class SqlLexer {
  private SqlLexer() {}

  /** One statement cut out of a script: its text and its 0-based offset in the script. */
  record Piece(String sql, int offset) {}

  /**
   * Splits a script at the semicolons that are outside strings, quoted identifiers, dollar quotes
   * and comments.
   *
   * @param script the whole script
   * @return the statements in script order, without leading comments and surrounding white space,
   *     each with the offset of its first character; statements holding only white space and
   *     comments are left out; empty for an empty script
   */
  static List<Piece> split(String script) {
    List<Piece> pieces = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < script.length()) {
      char c = script.charAt(i);
      if (c == ';') {
        add(pieces, script, start, i);
        start = i + 1;
        i++;
      } else {
        i = skip(script, i);
      }
    }
    add(pieces, script, start, script.length());
    return pieces;
  }

  /**
   * Returns the text with every character outside strings, quoted identifiers and dollar quotes in
   * lower case (Locale.ROOT), the way PostgreSQL folds unquoted names and keywords.
   */
  static String lowerCaseOutsideQuotes(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int next = skip(sql, i);
      String part = sql.substring(i, next);
      boolean quoted = next - i > 1 || isQuote(sql.charAt(i));
      out.append(quoted && !isComment(part) ? part : part.toLowerCase(Locale.ROOT));
      i = next;
    }
    return out.toString();
  }

  /** Returns whether the trimmed text holds nothing but comments. */
  static boolean onlyComments(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (startsComment(sql, i)) {
        i = skip(sql, i);
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isComment(String part) {
    return part.startsWith("--") || part.startsWith("/*");
  }

  private static boolean isQuote(char c) {
    return c == '\'' || c == '"' || c == '$';
  }

  private static boolean startsComment(String s, int i) {
    return s.startsWith("--", i) || s.startsWith("/*", i);
  }

  private static void add(List<Piece> pieces, String script, int from, int to) {
    int a = from;
    while (a < to && (Character.isWhitespace(script.charAt(a)) || startsComment(script, a))) {
      a = Character.isWhitespace(script.charAt(a)) ? a + 1 : Math.min(to, skip(script, a));
    }
    int b = to;
    while (b > a && Character.isWhitespace(script.charAt(b - 1))) {
      b--;
    }
    String sql = script.substring(a, b);
    if (!sql.isEmpty() && !onlyComments(sql)) {
      pieces.add(new Piece(sql, a));
    }
  }

  /**
   * Returns the index just after the lexical unit that starts at {@code i}: a whole string, quoted
   * identifier, dollar-quoted string or comment, or else the single character. An unterminated
   * unit runs to the end of the text.
   */
  static int skip(String s, int i) {
    char c = s.charAt(i);
    if (s.startsWith("--", i)) {
      int end = s.indexOf('\n', i);
      return end < 0 ? s.length() : end;
    }
    if (s.startsWith("/*", i)) {
      return blockCommentEnd(s, i);
    }
    if (c == '\'') {
      boolean escapes = i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
          && (i < 2 || !Character.isLetterOrDigit(s.charAt(i - 2)) && s.charAt(i - 2) != '_');
      return quotedEnd(s, i, '\'', escapes);
    }
    if (c == '"') {
      return quotedEnd(s, i, '"', false);
    }
    if (c == '$') {
      int tagEnd = dollarTagEnd(s, i);
      if (tagEnd > 0) {
        String tag = s.substring(i, tagEnd);
        int close = s.indexOf(tag, tagEnd);
        return close < 0 ? s.length() : close + tag.length();
      }
    }
    return i + 1;
  }

  private static int blockCommentEnd(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      if (s.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (s.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    return s.length();
  }

  private static int quotedEnd(String s, int i, char quote, boolean backslashEscapes) {
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (backslashEscapes && c == '\\') {
        j += 2;
      } else if (c == quote) {
        if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return s.length();
  }

  /**
   * Returns the index after a dollar-quote opening tag ({@code $$} or {@code $name$}) at {@code i},
   * or -1 when {@code $} starts something else, such as a positional parameter {@code $1}.
   */
  private static int dollarTagEnd(String s, int i) {
    if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
      return -1;
    }
    int j = i + 1;
    if (j < s.length() && Character.isDigit(s.charAt(j))) {
      return -1;
    }
    while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
      j++;
    }
    return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
  }

  /** Returns the 1-based line and column of a 0-based offset in the text, as {line, column}. */
  static int[] position(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
