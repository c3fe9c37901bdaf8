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
 * time-out; here the parser runs directly, first without and then with "complex parsing" (the same
 * two attempts {@code CCJSqlParserUtil.parse} makes), so parsing is deterministic and cheap.
 */
final class SqlParsing {
  private SqlParsing() {}

  /**
   * Parses one statement.
   *
   * @param sql one statement, without a trailing semicolon
   * @return the parsed statement
   * @throws MalformedSqlException if the text is not one statement JSqlParser understands; its line
   *     and column are those of the token where the parser stopped, within {@code sql}
   */
  static Statement parse(String sql) {
    try {
      return attempt(sql, false);
    } catch (ParseException | RuntimeException simple) {
      try {
        return attempt(sql, true);
      } catch (ParseException e) {
        throw malformed(e);
      } catch (MalformedSqlException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new MalformedSqlException(0, 0, "the parser failed: " + firstLine(e.getMessage()));
      }
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

  private static MalformedSqlException malformed(ParseException e) {
    Token at = e.currentToken == null ? null : e.currentToken.next;
    if (at == null) {
      return new MalformedSqlException(0, 0, "the parser failed: " + firstLine(e.getMessage()));
    }
    String found = at.kind == 0 || at.image == null || at.image.isEmpty()
        ? "the end of the statement"
        : "'" + at.image + "'";
    return new MalformedSqlException(at.beginLine, at.beginColumn, "unexpected " + found);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
