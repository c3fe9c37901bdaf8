package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Candidate generation (Dexter's ordering), pruning by existing indexes, and the DDL text. */
class IndexCandidatesTest {

  private static IndexCandidate idx(String table, String... columns) {
    return new IndexCandidate(table, List.of(columns));
  }

  @Test
  void forStatement_putsEqualityBeforeRangeAndOrderBy() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM orders WHERE created_at > ? AND customer_id = ? ORDER BY total");
    assertThat(IndexCandidates.forStatement(u, List.of())).containsExactly(
        idx("orders", "customer_id"), idx("orders", "created_at"), idx("orders", "total"),
        idx("orders", "customer_id", "created_at"), idx("orders", "customer_id", "total"));
  }

  @Test
  void forStatement_twoEqualityColumns_giveBothOrders_andNoRangeFirst() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM t WHERE a = 1 AND b IS NULL AND c < 3 AND d < 4");
    List<IndexCandidate> candidates = IndexCandidates.forStatement(u, List.of());
    assertThat(candidates).contains(idx("t", "a", "b"), idx("t", "b", "a"), idx("t", "a", "c"), idx("t", "b", "d"))
        .doesNotContain(idx("t", "c", "a"), idx("t", "c", "d"), idx("t", "d", "c"));
    assertThat(candidates).hasSize(4 + 2 + 4);
  }

  @Test
  void forStatement_joinColumnsLeadOnTheirOwnTable() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM orders o JOIN order_items i ON i.order_id = o.id ORDER BY i.position");
    assertThat(IndexCandidates.forStatement(u, List.of())).containsExactly(
        idx("order_items", "order_id"), idx("order_items", "position"), idx("order_items", "order_id", "position"),
        idx("orders", "id"));
  }

  @Test
  void propose_dropsWhatAnExistingIndexCoversAsAPrefix_andRepeats() {
    ColumnUsage a = ColumnUsage.of("SELECT * FROM orders WHERE customer_id = ? AND created_at > ?");
    ColumnUsage b = ColumnUsage.of("SELECT * FROM orders WHERE customer_id = 7");
    List<ExistingIndex> existing = List.of(ExistingIndex.btree("orders", List.of("customer_id", "status")),
        ExistingIndex.btree("orders", List.of("id")));
    assertThat(IndexCandidates.propose(List.of(a, b), existing)).containsExactly(
        idx("orders", "created_at"), idx("orders", "customer_id", "created_at"));
  }

  @Test
  void propose_existingIndexWithOtherLeadingColumn_doesNotCover() {
    ColumnUsage u = ColumnUsage.of("SELECT * FROM orders WHERE status = ?");
    assertThat(IndexCandidates.propose(List.of(u), List.of(ExistingIndex.btree("orders", List.of("customer_id", "status")))))
        .containsExactly(idx("orders", "status"));
  }

  @Test
  void ddl_quotesOnlyWherePostgresNeedsIt() {
    assertThat(idx("orders", "customer_id", "created_at").ddl())
        .isEqualTo("CREATE INDEX CONCURRENTLY orders_customer_id_created_at_idx ON orders (customer_id, created_at)");
    assertThat(idx("shop.Order Lines", "user", "Qty\"x").ddl())
        .isEqualTo("CREATE INDEX CONCURRENTLY \"Order Lines_user_Qty\"\"x_idx\" ON shop.\"Order Lines\" (\"user\", \"Qty\"\"x\")");
  }

  @Test
  void indexName_isCutTo63Bytes() {
    String name = idx("t", "a".repeat(40), "b".repeat(40)).indexName();
    assertThat(name).hasSize(63).startsWith("t_aaaa");
  }

  @Test
  void quote_followsQuoteIdent() {
    assertThat(SqlIdentifier.quote("orders")).isEqualTo("orders");
    assertThat(SqlIdentifier.quote("_x$1")).isEqualTo("_x$1");
    assertThat(SqlIdentifier.quote("Orders")).isEqualTo("\"Orders\"");
    assertThat(SqlIdentifier.quote("1st")).isEqualTo("\"1st\"");
    assertThat(SqlIdentifier.quote("order")).isEqualTo("\"order\"");
    assertThat(SqlIdentifier.quote("name")).isEqualTo("name");
  }

  @Test
  void indexCandidate_rejectsBadColumns() {
    assertThatThrownBy(() -> idx("t")).hasMessageContaining("1 or 2 names");
    assertThatThrownBy(() -> idx("t", "a", "a")).hasMessageContaining("distinct");
  }
}
