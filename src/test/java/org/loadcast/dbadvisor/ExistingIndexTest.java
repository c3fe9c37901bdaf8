package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExistingIndexTest {
  private static final ExistingIndex STATUS_CREATED = index("btree", List.of("status", "created_at"), false, true);

  @Test
  void columnsOf_plainList_foldsUnquotedNamesAndDropsOrderOptions() {
    assertThat(ExistingIndex.columnsOf("CREATE INDEX ON orders (Customer_Id, created_at DESC NULLS LAST)"))
        .containsExactly("customer_id", "created_at");
    assertThat(ExistingIndex.columnsOf("create unique index concurrently if not exists i on only public.orders using btree "
        + "(\"Status\", lower(email)) include (total) where total > 0"))
        .containsExactly("Status", "lower(email)");
  }

  @Test
  void tableOf_foldsAndKeepsTheSchema() {
    assertThat(ExistingIndex.tableOf("CREATE INDEX ON Shop.Orders (a)")).isEqualTo("shop.orders");
    assertThat(ExistingIndex.tableOf("CREATE INDEX i ON \"Orders\" (a)")).isEqualTo("Orders");
  }

  @Test
  void columnsOf_withoutColumnList_isRefused() {
    assertThatThrownBy(() -> ExistingIndex.columnsOf("CREATE INDEX i")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected CREATE INDEX ... ON table (columns), but was: CREATE INDEX i");
  }

  @Test
  void serves_prefixOfItsColumns_only() {
    assertThat(STATUS_CREATED.serves(List.of("status"))).isTrue();
    assertThat(STATUS_CREATED.serves(List.of("status", "created_at"))).isTrue();
    assertThat(STATUS_CREATED.serves(List.of("created_at"))).isFalse();
    assertThat(STATUS_CREATED.serves(List.of("created_at", "status"))).isFalse();
    assertThat(STATUS_CREATED.serves(List.of("status", "created_at", "total"))).isFalse();
    assertThat(STATUS_CREATED.serves(List.of())).isFalse();
  }

  @Test
  void serves_partialInvalidOrNonBtree_never() {
    assertThat(index("btree", List.of("status"), true, true).serves(List.of("status"))).isFalse();
    assertThat(index("btree", List.of("status"), false, false).serves(List.of("status"))).isFalse();
    assertThat(index("hash", List.of("status"), false, true).serves(List.of("status"))).isFalse();
  }

  private static ExistingIndex index(String method, List<String> columns, boolean partial, boolean valid) {
    return new ExistingIndex("orders", "i", method, columns, false, partial, valid, "CREATE INDEX i ON public.orders ...");
  }
}
