package org.loadcast.dbadvisor;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Writes a name the way PostgreSQL's {@code quote_ident} does: bare when it is lower-case letters,
 * digits, underscores and dollar signs starting with a letter or underscore and is not a keyword
 * PostgreSQL reserves in any way; otherwise in double quotes, with each {@code "} doubled
 * (PostgreSQL 15 documentation, 4.1.1 "Identifiers and Key Words", and Appendix C, keywords not
 * marked "non-reserved").
 */
public final class SqlIdentifier {
  /** PostgreSQL 15's reserved, "reserved (can be function or type)" and "non-reserved (cannot be function or type)" keywords. */
  private static final Set<String> KEYWORDS = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
      "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
      "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
      "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
      "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
      "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "user",
      "using", "variadic", "when", "where", "window", "with",
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
      "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
      "right", "similar", "tablesample", "verbose",
      "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
      "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
      "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row",
      "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar",
      "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse",
      "xmlpi", "xmlroot", "xmlserialize", "xmltable");

  /** PostgreSQL truncates names to NAMEDATALEN - 1 = 63 bytes. */
  static final int MAX_NAME_BYTES = 63;

  private SqlIdentifier() {}

  /**
   * Returns the name ready to paste into SQL.
   *
   * @param name the name as PostgreSQL stores it (already case-folded)
   * @return the name, bare or double-quoted
   * @throws IllegalArgumentException if name is null or empty
   */
  public static String quote(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a name must not be empty");
    }
    return safe(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /**
   * Returns a possibly schema-qualified table name ready to paste into SQL: each part quoted on its
   * own, joined with dots.
   *
   * @param table {@code table} or {@code schema.table}
   * @return the quoted name
   * @throws IllegalArgumentException if a part is empty
   */
  public static String quoteQualified(String table) {
    int dot = table.indexOf('.');
    return dot < 0 ? quote(table) : quote(table.substring(0, dot)) + "." + quote(table.substring(dot + 1));
  }

  private static boolean safe(String name) {
    char first = name.charAt(0);
    if (!(first >= 'a' && first <= 'z' || first == '_')) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
        return false;
      }
    }
    return !KEYWORDS.contains(name);
  }

  /** Returns the name cut to at most 63 UTF-8 bytes, never inside a character. */
  static String truncate(String name) {
    if (name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > MAX_NAME_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out.toString();
  }
}
