package org.loadcast.dbadvisor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An index a table already has, read from the catalog ({@code pg_index}, {@code pg_attribute}).
 *
 * @param tableName the table
 * @param indexName the index
 * @param accessMethod "btree", "hash", "gin", ...
 * @param columns the key columns in index order (INCLUDE columns left out); an expression column
 *     appears as its text, such as {@code lower(email)}
 * @param unique whether the index is unique
 * @param partial whether it has a WHERE predicate
 * @param valid whether it is usable ({@code indisvalid}: false after a failed concurrent build)
 * @param definition {@code pg_get_indexdef}: the CREATE INDEX statement that rebuilds it
 */
public record ExistingIndex(String tableName, String indexName, String accessMethod, List<String> columns, boolean unique,
    boolean partial, boolean valid, String definition) {
  private static final Pattern ON_TABLE = Pattern.compile("\\bON\\s+(?:ONLY\\s+)?(\"(?:[^\"]|\"\")+\"|[^\\s(]+)\\s*(?:USING\\s+\\w+\\s*)?\\(",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ORDER_OPTIONS = Pattern.compile("(?i)(\\s+(ASC|DESC|NULLS\\s+FIRST|NULLS\\s+LAST))+\\s*$");
  private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

  /**
   * Copies the columns.
   *
   * @throws IllegalArgumentException if a name is blank or the index has no column
   */
  public ExistingIndex {
    if (tableName == null || tableName.isBlank() || indexName == null || indexName.isBlank()) {
      throw new IllegalArgumentException("an index needs a table and a name");
    }
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("index " + indexName + " must have at least one key column");
    }
    columns = List.copyOf(columns);
  }

  /**
   * Returns a valid, non-unique, full b-tree on columns of a table, as a schema file or a test
   * names one; its name and definition are made up from them.
   *
   * @param tableName the table
   * @param columns the key columns, in order, at least one
   * @return the index
   * @throws IllegalArgumentException if the table is blank or there is no column
   */
  public static ExistingIndex btree(String tableName, List<String> columns) {
    String name = tableName + "_" + String.join("_", columns == null ? List.of() : columns) + "_idx";
    return new ExistingIndex(tableName, name, "btree", columns, false, false, true,
        "CREATE INDEX " + name + " ON " + tableName + " (" + String.join(", ", columns == null ? List.of() : columns) + ")");
  }

  /**
   * Returns whether this index already serves a candidate: the same table, and {@link #serves} its
   * columns.
   *
   * @param candidate the proposed index
   * @return true when building the candidate would duplicate this index
   */
  public boolean covers(IndexCandidate candidate) {
    return tableName.equals(candidate.table()) && serves(candidate.columns());
  }

  /**
   * Returns whether this index already serves an index on these columns: a valid, non-partial b-tree
   * whose key columns begin with them in the same order (a b-tree on (a, b) serves lookups on a;
   * PostgreSQL documentation, "Multicolumn Indexes").
   *
   * @param candidateColumns the columns of a proposed b-tree, in order, as {@link #columnsOf} gives them
   * @return true when building the candidate would duplicate this index; false for no columns
   */
  public boolean serves(List<String> candidateColumns) {
    return !candidateColumns.isEmpty() && valid && !partial && accessMethod.equals("btree")
        && candidateColumns.size() <= columns.size() && columns.subList(0, candidateColumns.size()).equals(candidateColumns);
  }

  /**
   * Reads the key columns of a plain {@code CREATE INDEX ... ON table [USING method] (col, ...)}
   * statement. Unquoted names fold to lower case, as PostgreSQL folds them; {@code ASC}, {@code
   * DESC} and {@code NULLS FIRST|LAST} are dropped; an expression stays as written.
   *
   * @param createIndex the statement
   * @return the columns in order
   * @throws IllegalArgumentException if the statement has no {@code ON table (...)} column list
   */
  public static List<String> columnsOf(String createIndex) {
    Matcher on = ON_TABLE.matcher(createIndex);
    if (!on.find()) {
      throw new IllegalArgumentException("expected CREATE INDEX ... ON table (columns), but was: " + createIndex);
    }
    List<String> columns = new ArrayList<>();
    int depth = 0;
    int start = on.end();
    for (int i = on.end(); i < createIndex.length(); i++) {
      char c = createIndex.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
      } else if ((c == ',' || c == ')') && depth == 0) {
        columns.add(column(createIndex.substring(start, i)));
        if (c == ')') {
          return List.copyOf(columns);
        }
        start = i + 1;
      }
    }
    throw new IllegalArgumentException("the column list of this CREATE INDEX is not closed: " + createIndex);
  }

  /**
   * Returns the table a plain {@code CREATE INDEX ... ON table (...)} names, unquoted names folded to
   * lower case, any schema kept.
   *
   * @throws IllegalArgumentException if the statement has no {@code ON table (...)}
   */
  public static String tableOf(String createIndex) {
    Matcher on = ON_TABLE.matcher(createIndex);
    if (!on.find()) {
      throw new IllegalArgumentException("expected CREATE INDEX ... ON table (columns), but was: " + createIndex);
    }
    return identifier(on.group(1));
  }

  private static String column(String element) {
    return identifier(ORDER_OPTIONS.matcher(element.strip()).replaceAll("").strip());
  }

  /** Returns a SQL name as the catalog holds it: quotes removed, an unquoted name folded to lower case. */
  static String identifier(String text) {
    if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1).replace("\"\"", "\"");
    }
    return PLAIN_IDENTIFIER.matcher(text).matches() || text.contains(".") ? text.toLowerCase(Locale.ROOT) : text;
  }
}
