package org.loadcast.dbadvisor;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one SQL statement with JSqlParser 5.4, in the calling thread.
 *
 * <p>JSqlParser's own {@code CCJSqlParserUtil.parse} runs each parse on a new thread to enforce a
 * time-out; here the parser runs directly, first without and then, for statements nested at most 10
 * parentheses deep, with "complex parsing" (the same two attempts {@code CCJSqlParserUtil.parse}
 * makes), so parsing is deterministic and cheap.
 */
final class SqlParsing {
  /** Complex parsing is tried only up to this parenthesis depth, as {@code CCJSqlParserUtil} does, since its cost grows fast with depth. */
  private static final int MAX_COMPLEX_NESTING = 10;
  private SqlParsing() {}

  /**
   * Parses one statement, with unquoted names and keywords folded to lower case first, as PostgreSQL
   * folds them ({@link SqlText#lowerCaseOutsideQuotes}).
   *
   * @param original one statement, without a trailing semicolon
   * @return the parsed statement
   * @throws MalformedSqlException if the text is not one statement JSqlParser understands; its line
   *     and column are those of the token where the parser stopped, within {@code original}, and its
   *     message quotes that token as the user wrote it
   */
  static Statement parse(String original) {
    String sql = SqlLexer.lowerCaseOutsideQuotes(original);
    try {
      return attempt(sql, false, original);
    } catch (MalformedSqlException simple) {
      if (CCJSqlParserUtil.getNestingDepth(sql) > MAX_COMPLEX_NESTING) {
        throw simple;
      }
      return attempt(sql, true, original);
    }
  }

  private static Statement attempt(String sql, boolean complex, String original) {
    try {
      return attempt(sql, complex);
    } catch (ParseException e) {
      throw malformed(e, original);
    } catch (MalformedSqlException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedSqlException(0, 0, "the parser failed: " + firstLine(e.getMessage()));
    }
  }

  private static Statement attempt(String sql, boolean complex) throws ParseException {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
    Statement statement = parser.Statement();
    if (statement == null) {
      throw new MalformedSqlException(0, 0, "the text holds no statement");
    }
    return statement;
  }

  private static MalformedSqlException malformed(ParseException e, String original) {
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null) {
      return new MalformedSqlException(0, 0, "the parser failed: " + firstLine(e.getMessage()));
    }
    String found = at.kind == 0 || at.image == null || at.image.isEmpty()
        ? "the end of the statement"
        : "'" + originalText(original, at) + "'";
    return new MalformedSqlException(at.beginLine, at.beginColumn, "unexpected " + found);
  }

  /** Returns the token as written in the original text (the parser saw it case-folded). */
  private static String originalText(String original, Token at) {
    String[] lines = original.split("\n", -1);
    if (at.beginLine < 1 || at.beginLine > lines.length) {
      return at.image;
    }
    String line = lines[at.beginLine - 1];
    int from = at.beginColumn - 1;
    int to = from + at.image.length();
    return from >= 0 && to <= line.length() ? line.substring(from, to) : at.image;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
