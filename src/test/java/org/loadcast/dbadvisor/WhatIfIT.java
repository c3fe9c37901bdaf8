package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;

/**
 * What-if costs on the embedded PostgreSQL 15, which has no HypoPG: the transactional path
 * (BEGIN; CREATE INDEX; EXPLAIN; ROLLBACK).
 */
@Tag("slow")
class WhatIfIT {
  private static final String BY_CUSTOMER = "SELECT id, total FROM orders WHERE customer_id = 42";
  @AutoClose
  private static final AdvisorSession session = AdvisorSession.open(EmbeddedShop.shared().target());

  @Test
  void availableMethod_withoutHypopg_isTheTransactionalBuild() {
    assertThat(WhatIfCheck.availableMethod(session)).isEqualTo(WhatIfMethod.TRANSACTIONAL_BUILD);
  }

  @Test
  void cost_indexOnTheFilterColumn_cutsTheCostByMoreThanHalfAndLeavesNoIndex() throws SQLException {
    int indexesBefore = orderIndexes();

    WhatIfCost cost = WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (customer_id)", "orders");

    assertThat(cost.method()).isEqualTo(WhatIfMethod.TRANSACTIONAL_BUILD);
    assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
    assertThat(cost.costAfter()).isLessThan(cost.costBefore());
    assertThat(orderIndexes()).as("the what-if index is rolled back").isEqualTo(indexesBefore);
  }

  @Test
  void cost_parameterisedStatement_usesItsGenericPlan() {
    WhatIfCost cost = WhatIfCheck.cost(session, "SELECT id, total FROM orders WHERE customer_id = $1",
        "CREATE INDEX ON orders (customer_id)", "orders");

    assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
  }

  @Test
  void cost_indexOnAColumnTheQueryDoesNotUse_cutsLessThanHalf() {
    WhatIfCost cost = WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (total)", "orders");

    assertThat(cost.cutFraction()).as(cost.summary()).isLessThan(0.5);
  }

  @Test
  void cost_unknownColumn_saysWhyInOneLineAndTheSessionGoesOn() {
    assertThatThrownBy(() -> WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = $1",
        "CREATE INDEX ON orders (no_such_column)", "orders"))
        .isInstanceOf(InputException.class)
        .hasMessage("loadcast dbadvise: what-if (TRANSACTIONAL_BUILD) of CREATE INDEX ON orders (no_such_column) for "
            + "SELECT id FROM orders WHERE customer_id = $1 failed: column \"no_such_column\" does not exist (SQLState 42703)");

    assertThat(WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (customer_id)", "orders").cutFraction())
        .isGreaterThan(0.5);
  }

  @Test
  void existingIndexes_listTheSeededIndexWithItsColumnsInOrder() {
    List<ExistingIndex> indexes = ExistingIndexes.of(session, "orders");

    assertThat(indexes).extracting(ExistingIndex::indexName).containsExactly("orders_pkey", "orders_status_created_at_idx");
    ExistingIndex seeded = indexes.get(1);
    assertThat(seeded.columns()).containsExactly("status", "created_at");
    assertThat(seeded.accessMethod()).isEqualTo("btree");
    assertThat(seeded.valid()).isTrue();
    assertThat(seeded.definition()).startsWith("CREATE INDEX orders_status_created_at_idx ON public.orders");
  }

  @Test
  void serving_candidateAnExistingIndexCovers_isFoundAndANewOneIsNot() {
    assertThat(ExistingIndexes.serving(session, "CREATE INDEX ON orders (status)", "orders"))
        .map(ExistingIndex::indexName).contains("orders_status_created_at_idx");
    assertThat(ExistingIndexes.serving(session, "CREATE INDEX ON orders (status, created_at)", "orders")).isPresent();
    assertThat(ExistingIndexes.serving(session, "CREATE INDEX ON orders (created_at)", "orders")).isEmpty();
    assertThat(ExistingIndexes.serving(session, "CREATE INDEX ON orders (customer_id)", "orders")).isEmpty();
  }

  private static int orderIndexes() throws SQLException {
    try (Connection admin = EmbeddedShop.shared().admin(); Statement statement = admin.createStatement();
        ResultSet count = statement.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'")) {
      count.next();
      return count.getInt(1);
    }
  }
}
