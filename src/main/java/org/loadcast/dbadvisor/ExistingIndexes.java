package org.loadcast.dbadvisor;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the indexes a table has, so that a candidate an index already serves is not proposed.
 *
 * <p>Source: the system catalogs {@code pg_index} (one row per index: {@code indkey} lists the
 * column numbers, 0 for an expression; {@code indnkeyatts} how many are key columns) and {@code
 * pg_attribute} (the column names), PostgreSQL documentation, "System Catalogs".
 */
public final class ExistingIndexes {
  private static final String QUERY = """
      SELECT ic.relname, am.amname, i.indisunique, i.indpred IS NOT NULL, i.indisvalid,
             pg_get_indexdef(i.indexrelid),
             array_agg(coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, k.ord::int, true)) ORDER BY k.ord)
      FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam
      CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
      WHERE i.indrelid = to_regclass(?) AND k.ord <= i.indnkeyatts
      GROUP BY ic.relname, am.amname, i.indisunique, i.indpred, i.indisvalid, i.indexrelid
      ORDER BY ic.relname""";

  private static final String INDEXABLE = """
      SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p', 'm')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')""";

  private ExistingIndexes() {}

  /**
   * Lists a table's indexes.
   *
   * @param session the session to read the catalog in
   * @param table the table, as PostgreSQL stores its name ({@code orders}, {@code shop.orders}, {@code
   *     Orders}): quoted here ({@link SqlIdentifier#quoteQualified}), so a name that is itself SQL is
   *     only a name
   * @return the indexes ordered by name; empty when the table has none or does not exist
   * @throws org.loadcast.profile.InputException if the catalog query fails
   */
  public static List<ExistingIndex> of(AdvisorSession session, String table) {
    return session.rows(QUERY, row -> new ExistingIndex(table, row.getString(1), row.getString(2), columns(row.getArray(7)),
        row.getBoolean(3), row.getBoolean(4), row.getBoolean(5), row.getString(6)), SqlIdentifier.quoteQualified(table));
  }

  /**
   * Returns whether an index can be built on a relation: it exists, is a table, a partitioned table
   * or a materialized view ({@code pg_class.relkind} r, p or m), and is not in {@code pg_catalog} or
   * {@code information_schema}. Statements of a workload also read views and the catalog (an
   * application's or a monitoring tool's own queries); those get no index candidates.
   *
   * @param session the session to read the catalog in
   * @param table the relation, as PostgreSQL stores its name (quoted here)
   * @return true when an index can be built on it
   * @throws org.loadcast.profile.InputException if the catalog query fails
   */
  public static boolean indexable(AdvisorSession session, String table) {
    return !session.rows(INDEXABLE, row -> 1, SqlIdentifier.quoteQualified(table)).isEmpty();
  }

  /**
   * Returns the existing index that already serves a candidate, if any (see {@link ExistingIndex#serves}).
   *
   * @param session the session to read the catalog in
   * @param createIndex the candidate, a plain {@code CREATE INDEX ... ON table (columns)}
   * @param table the candidate's table
   * @return the first serving index by name, or empty when the candidate is new
   * @throws IllegalArgumentException if the candidate has no column list
   */
  public static Optional<ExistingIndex> serving(AdvisorSession session, String createIndex, String table) {
    List<String> columns = ExistingIndex.columnsOf(createIndex);
    return of(session, table).stream().filter(index -> index.serves(columns)).findFirst();
  }

  private static List<String> columns(java.sql.Array array) throws SQLException {
    return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
  }
}
