package org.loadcast.dbadvisor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.deparser.ExpressionDeParser;
import net.sf.jsqlparser.util.deparser.SelectDeParser;
import net.sf.jsqlparser.util.deparser.StatementDeParser;

/**
 * A statement's normalised text and its fingerprint: statements that differ only in literal values,
 * parameter markers, {@code IN}-list length, white space, comments or the case of keywords and
 * unquoted names share both.
 *
 * <p>The rules follow what PostgreSQL's {@code pg_stat_statements} calls "query jumbling"
 * (PostgreSQL 15 documentation, F.32): constants and parameters ({@code 'x'}, {@code 5}, {@code $1},
 * {@code ?}, {@code :name}) become {@code ?}; in addition {@code IN (1, 2, 3)} becomes {@code IN (?)}
 * and {@code ARRAY[1, 2]} becomes {@code ARRAY[?]}, so that the length of a list does not split a
 * statement. Unquoted names are folded to lower case before parsing, as PostgreSQL folds them;
 * JSqlParser's deparser then writes keywords in upper case and one space between tokens.
 *
 * <p>A statement JSqlParser cannot parse (PostgreSQL-only syntax) is normalised lexically instead:
 * literals and parameters become {@code ?}, comments go, white space collapses and unquoted text is
 * folded to lower case; {@link #parsed()} is then false.
 *
 * @param text the normalised text; never blank
 * @param fingerprint the first 16 hex digits of the SHA-256 of {@code text} (UTF-8)
 * @param parsed whether JSqlParser parsed the statement
 */
public record NormalizedSql(String text, String fingerprint, boolean parsed) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if text is blank or fingerprint is not 16 hex digits
   */
  public NormalizedSql {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (fingerprint == null || !fingerprint.matches("[0-9a-f]{16}")) {
      throw new IllegalArgumentException("fingerprint must be 16 lower-case hex digits, but was " + fingerprint);
    }
  }

  /**
   * Normalises a statement, parsing it if JSqlParser can and falling back to the lexical rules.
   *
   * @param sql one statement
   * @return the normalised statement
   * @throws IllegalArgumentException if {@code sql} is blank or holds only comments
   */
  public static NormalizedSql of(String sql) {
    if (sql == null || sql.isBlank() || SqlLexer.onlyComments(sql)) {
      throw new IllegalArgumentException("sql must hold a statement, but was '" + sql + "'");
    }
    try {
      return of(SqlParsing.parse(sql));
    } catch (MalformedSqlException e) {
      String text = lexical(sql);
      return new NormalizedSql(text, fingerprintOf(text), false);
    }
  }

  /** Normalises a statement parsed by {@link SqlParsing#parse(String)} (which folds unquoted names). */
  static NormalizedSql of(Statement statement) {
    StringBuilder out = new StringBuilder();
    Literals expressions = new Literals();
    SelectDeParser selects = new SelectDeParser(expressions, out);
    expressions.setSelectVisitor(selects);
    expressions.setBuilder(out);
    statement.accept(new StatementDeParser(expressions, selects, out));
    String text = out.toString().strip();
    return new NormalizedSql(text, fingerprintOf(text), true);
  }

  /** Returns the first 16 hex digits of the SHA-256 of the UTF-8 text. */
  static String fingerprintOf(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The lexical fallback: literals and parameters to ?, no comments, one space, lower case. */
  private static String lexical(String sql) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int next = SqlLexer.skip(sql, i);
      String unit = sql.substring(i, next);
      if (unit.startsWith("--") || unit.startsWith("/*") || Character.isWhitespace(c)) {
        space(out);
      } else if (c == '\'' || (c == '$' && next - i > 1)) {
        out.append('?');
      } else if ((Character.isDigit(c) || c == '$' && next < sql.length() && Character.isDigit(sql.charAt(next)))
          && !identifierBefore(out)) {
        int end = c == '$' ? next : i;
        while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
          end++;
        }
        out.append('?');
        next = end;
      } else if (c == '"') {
        out.append(unit);
      } else {
        out.append(Character.toLowerCase(c));
      }
      i = next;
    }
    return out.toString().strip().replaceAll(" +", " ");
  }

  private static boolean identifierBefore(StringBuilder out) {
    if (out.length() == 0) {
      return false;
    }
    char last = out.charAt(out.length() - 1);
    return Character.isLetterOrDigit(last) || last == '_' || last == '$';
  }

  private static void space(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  /** JSqlParser's expression deparser with every literal and parameter written as {@code ?}. */
  private static final class Literals extends ExpressionDeParser {
    private StringBuilder mark() {
      return getBuilder().append('?');
    }

    @Override
    public <S> StringBuilder visit(LongValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(DoubleValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(StringValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(HexValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(DateValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(TimeValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(TimestampValue value, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(JdbcParameter parameter, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(JdbcNamedParameter parameter, S context) {
      return mark();
    }

    @Override
    public <S> StringBuilder visit(InExpression in, S context) {
      if (in.getRightExpression() instanceof ParenthesedExpressionList<?>) {
        in.getLeftExpression().accept(this, context);
        return getBuilder().append(in.isNot() ? " NOT IN (?)" : " IN (?)");
      }
      return super.visit(in, context);
    }

    @Override
    public <S> StringBuilder visit(ArrayConstructor array, S context) {
      if (array.getExpressions() != null && !array.getExpressions().isEmpty()
          && array.getExpressions().stream().allMatch(Literals::isValue)) {
        return getBuilder().append(array.isArrayKeyword() ? "ARRAY[?]" : "[?]");
      }
      return super.visit(array, context);
    }

    private static boolean isValue(Expression e) {
      return e instanceof LongValue || e instanceof DoubleValue || e instanceof StringValue
          || e instanceof JdbcParameter || e instanceof JdbcNamedParameter || e instanceof HexValue;
    }
  }
}
