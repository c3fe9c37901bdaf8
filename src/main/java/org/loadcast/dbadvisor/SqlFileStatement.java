package org.loadcast.dbadvisor;

/**
 * One statement of a {@link SqlFile}, parsed.
 *
 * @param sql the statement as written, without its semicolon
 * @param line the 1-based line of its first character in the file
 * @param column the 1-based column of its first character
 * @param normalized its normalised text and fingerprint
 * @param usage its column usage
 */
public record SqlFileStatement(String sql, int line, int column, NormalizedSql normalized, ColumnUsage usage) {

  /**
   * Validates the record.
   *
   * @throws IllegalArgumentException if sql is blank, line or column is below 1, or a part is null
   */
  public SqlFileStatement {
    if (sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column must be >= 1, but were " + line + ", " + column);
    }
    if (normalized == null || usage == null) {
      throw new IllegalArgumentException("normalized and usage are required");
    }
  }
}
