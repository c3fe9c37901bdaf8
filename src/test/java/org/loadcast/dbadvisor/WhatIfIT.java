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
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/**
 * What-if costs on each server of {@link ShopServer#all()}: the transactional path (BEGIN; CREATE
 * INDEX; EXPLAIN; ROLLBACK) on both, and HypoPG on the Debian one, which has it: created by an
 * administrator for the advisor role, or created and rolled back by a superuser. Neither leaves an
 * index or an extension behind.
 */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class WhatIfIT {
  private static final String BY_CUSTOMER = "SELECT id, total FROM orders WHERE customer_id = 42";
  private final ShopServer shop;
  @AutoClose
  private final AdvisorSession session;

  WhatIfIT(ShopServer shop) {
    this.shop = shop;
    this.session = AdvisorSession.open(shop.target());
  }

  /** The methods this server allows: both with HypoPG, the transactional build without. */
  private List<WhatIfMethod> methods() {
    return shop.hypopg() ? List.of(WhatIfMethod.HYPOPG, WhatIfMethod.TRANSACTIONAL_BUILD)
        : List.of(WhatIfMethod.TRANSACTIONAL_BUILD);
  }

  @Test
  void availableMethod_isHypopgWhereTheExtensionIsAvailable() {
    assertThat(WhatIfCheck.availableMethod(session))
        .isEqualTo(shop.hypopg() ? WhatIfMethod.HYPOPG : WhatIfMethod.TRANSACTIONAL_BUILD);
  }

  @Test
  void availableMethod_hypopgAvailableButNotCreated_isHypopgForASuperuserOnly() {
    try (AdvisorSession advisor = AdvisorSession.open(shop.target(ShopServer.PLAIN, ShopServer.ADVISOR_PASSWORD));
        AdvisorSession superuser = AdvisorSession.open(shop.superuserTarget(ShopServer.PLAIN))) {
      assertThat(WhatIfCheck.availableMethod(advisor)).isEqualTo(WhatIfMethod.TRANSACTIONAL_BUILD);
      assertThat(WhatIfCheck.availableMethod(superuser))
          .isEqualTo(shop.hypopg() ? WhatIfMethod.HYPOPG : WhatIfMethod.TRANSACTIONAL_BUILD);
    }
  }

  @Test
  void cost_superuserWhereHypopgIsNotCreated_createsItInTheWhatIfTransactionOnly() throws SQLException {
    try (AdvisorSession superuser = AdvisorSession.open(shop.superuserTarget(ShopServer.PLAIN))) {
      WhatIfCost cost = WhatIfCheck.cost(superuser, "SELECT id FROM items WHERE code = 7", "CREATE INDEX ON items (code)",
          "items");

      assertThat(cost.method()).isEqualTo(shop.hypopg() ? WhatIfMethod.HYPOPG : WhatIfMethod.TRANSACTIONAL_BUILD);
      assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
    }
    try (Connection plain = shop.superuser(ShopServer.PLAIN); Statement statement = plain.createStatement();
        ResultSet left = statement.executeQuery("SELECT (SELECT count(*) FROM pg_extension WHERE extname = 'hypopg'), "
            + "(SELECT count(*) FROM pg_indexes WHERE tablename = 'items')")) {
      left.next();
      assertThat(left.getLong(1)).as("CREATE EXTENSION hypopg rolled back").isZero();
      assertThat(left.getLong(2)).as("no index left on items").isZero();
    }
  }

  @Test
  void cost_indexOnTheFilterColumn_cutsTheCostByMoreThanHalfAndLeavesNothingBehind() throws SQLException {
    long indexesBefore = count("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'");
    long extensionsBefore = count("SELECT count(*) FROM pg_extension");
    for (WhatIfMethod method : methods()) {
      WhatIfCost cost = WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (customer_id)", "orders", method);

      assertThat(cost.method()).isEqualTo(method);
      assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
      assertThat(cost.costAfter()).isLessThan(cost.costBefore());
      assertThat(count("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'")).as("%s: no index left", method)
          .isEqualTo(indexesBefore);
      assertThat(count("SELECT count(*) FROM pg_extension")).as("%s: no extension left", method).isEqualTo(extensionsBefore);
    }
  }

  @Test
  void cost_parameterisedStatement_usesItsGenericPlan() {
    for (WhatIfMethod method : methods()) {
      WhatIfCost cost = WhatIfCheck.cost(session, "SELECT id, total FROM orders WHERE customer_id = $1",
          "CREATE INDEX ON orders (customer_id)", "orders", method);

      assertThat(cost.cutFraction()).as(cost.summary()).isGreaterThan(0.5);
    }
  }

  @Test
  void cost_indexOnAColumnTheQueryDoesNotUse_cutsLessThanHalf() {
    for (WhatIfMethod method : methods()) {
      WhatIfCost cost = WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (total)", "orders", method);

      assertThat(cost.cutFraction()).as(cost.summary()).isLessThan(0.5);
    }
  }

  @Test
  void cost_unknownColumn_saysWhyInOneLineAndTheSessionGoesOn() {
    for (WhatIfMethod method : methods()) {
      assertThatThrownBy(() -> WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = $1",
          "CREATE INDEX ON orders (no_such_column)", "orders", method))
          .isInstanceOf(InputException.class)
          .hasMessage("loadcast dbadvise: what-if (" + method + ") of CREATE INDEX ON orders (no_such_column) for "
              + "SELECT id FROM orders WHERE customer_id = $1 failed: " + (method == WhatIfMethod.HYPOPG
              ? "hypopg: column \"no_such_column\" does not exist (SQLState XX000)"
              : "column \"no_such_column\" does not exist (SQLState 42703)"));

      assertThat(WhatIfCheck.cost(session, BY_CUSTOMER, "CREATE INDEX ON orders (customer_id)", "orders", method).cutFraction())
          .isGreaterThan(0.5);
    }
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

  private long count(String sql) throws SQLException {
    try (Connection admin = shop.admin(); Statement statement = admin.createStatement();
        ResultSet count = statement.executeQuery(sql)) {
      count.next();
      return count.getLong(1);
    }
  }
}
