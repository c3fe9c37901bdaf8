package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Column usage: each kind of predicate, aliases resolved to tables. */
class ColumnUsageTest {

  private static ColumnRef col(String table, String column) {
    return new ColumnRef(table, column);
  }

  @Test
  void of_joinWithAliases_resolvesEveryColumnToItsTable() {
    ColumnUsage u = ColumnUsage.of("SELECT o.id, p.name FROM orders o "
        + "JOIN order_items AS i ON i.order_id = o.id AND i.quantity > 2 "
        + "JOIN products p ON p.id = i.product_id "
        + "WHERE o.customer_id = ? AND o.created_at >= ? AND p.category IN (1, 2) "
        + "ORDER BY o.created_at DESC, p.name");
    assertThat(u.kind()).isEqualTo(StatementKind.SELECT);
    assertThat(u.joinColumns()).containsExactly(col("order_items", "order_id"), col("orders", "id"),
        col("products", "id"), col("order_items", "product_id"));
    assertThat(u.equalityColumns()).containsExactly(col("orders", "customer_id"), col("products", "category"));
    assertThat(u.rangeColumns()).containsExactly(col("order_items", "quantity"), col("orders", "created_at"));
    assertThat(u.orderByColumns()).containsExactly(new OrderColumn(col("orders", "created_at"), true),
        new OrderColumn(col("products", "name"), false));
    assertThat(u.tablesRead()).containsExactly("orders", "order_items", "products");
    assertThat(u.tablesWritten()).isEmpty();
  }

  @Test
  void of_whereJoinBetweenTables_countsBothSides() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM customers c, orders o WHERE o.customer_id = c.id AND c.email = ?");
    assertThat(u.joinColumns()).containsExactly(col("orders", "customer_id"), col("customers", "id"));
    assertThat(u.equalityColumns()).containsExactly(col("customers", "email"));
  }

  @Test
  void of_rangeForms_betweenLikePrefixAndComparisons() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM t WHERE a BETWEEN 1 AND 5 AND b LIKE 'abc%' AND c LIKE '%abc' "
        + "AND 10 < d AND e IS NULL AND f IS NOT NULL AND g <> 3 AND h = ANY(?)");
    assertThat(u.rangeColumns()).containsExactly(col("t", "a"), col("t", "b"), col("t", "d"));
    assertThat(u.equalityColumns()).containsExactly(col("t", "e"), col("t", "h"));
  }

  @Test
  void of_unqualifiedColumnAmongSeveralTables_isLeftOut() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM a JOIN b ON a.id = b.a_id WHERE status = 1");
    assertThat(u.equalityColumns()).isEmpty();
    assertThat(u.joinColumns()).containsExactly(col("a", "id"), col("b", "a_id"));
  }

  @Test
  void of_updateAndDelete_useTheirWhereAndNameTheWrittenTable() {
    ColumnUsage update = ColumnUsage.of("UPDATE orders SET status = 'paid' WHERE id = $1 AND created_at < now()");
    assertThat(update.kind()).isEqualTo(StatementKind.UPDATE);
    assertThat(update.equalityColumns()).containsExactly(col("orders", "id"));
    assertThat(update.rangeColumns()).containsExactly(col("orders", "created_at"));
    assertThat(update.tablesWritten()).containsExactly("orders");

    ColumnUsage delete = ColumnUsage.of("DELETE FROM sessions s WHERE s.expires_at < ?");
    assertThat(delete.kind()).isEqualTo(StatementKind.DELETE);
    assertThat(delete.rangeColumns()).containsExactly(col("sessions", "expires_at"));
    assertThat(delete.tablesWritten()).containsExactly("sessions");
  }

  @Test
  void of_deleteUsing_joinsAndFiltersTheUsedTable() {
    ColumnUsage u = ColumnUsage.of("DELETE FROM order_items i USING orders o WHERE i.order_id = o.id AND o.status = 'void'");
    assertThat(u.joinColumns()).containsExactly(col("order_items", "order_id"), col("orders", "id"));
    assertThat(u.equalityColumns()).containsExactly(col("orders", "status"));
    assertThat(u.tablesWritten()).containsExactly("order_items");
    assertThat(u.tablesRead()).containsExactly("order_items", "orders");
  }

  @Test
  void of_insert_writesItsTable() {
    ColumnUsage u = ColumnUsage.of("INSERT INTO shop.orders (customer_id, total) VALUES (?, ?)");
    assertThat(u.kind()).isEqualTo(StatementKind.INSERT);
    assertThat(u.tablesWritten()).containsExactly("shop.orders");
    assertThat(u.equalityColumns()).isEmpty();
  }

  @Test
  void of_subqueryAndCorrelatedExists_resolveInTheirOwnScope() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM customers c WHERE c.region = ? AND EXISTS "
        + "(SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total > 100) "
        + "AND c.id IN (SELECT customer_id FROM vip WHERE level = 3)");
    assertThat(u.equalityColumns()).containsExactly(col("customers", "region"), col("vip", "level"), col("customers", "id"));
    assertThat(u.joinColumns()).containsExactly(col("orders", "customer_id"), col("customers", "id"));
    assertThat(u.rangeColumns()).containsExactly(col("orders", "total"));
  }

  @Test
  void of_cteNames_areNotTables() {
    ColumnUsage u = ColumnUsage.of("WITH recent AS (SELECT * FROM orders WHERE created_at > ?) "
        + "SELECT * FROM recent r WHERE r.status = 'x'");
    assertThat(u.rangeColumns()).containsExactly(col("orders", "created_at"));
    assertThat(u.equalityColumns()).isEmpty();
    assertThat(u.tablesRead()).containsExactly("orders");
  }
}
