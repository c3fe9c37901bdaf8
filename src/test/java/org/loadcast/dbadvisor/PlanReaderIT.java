package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/** Plans and findings on each PostgreSQL 15 of {@link ShopServer#all()}, with the seeded shop. */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class PlanReaderIT {
  @AutoClose
  private final AdvisorSession session;

  PlanReaderIT(ShopServer shop) {
    this.session = AdvisorSession.open(shop.target());
  }

  @Test
  void serverVersionNumber_isPostgres15() {
    assertThat(session.serverVersionNumber()).isBetween(150000, 159999);
  }

  @Test
  void analyse_filterOnUnindexedCustomerId_findsASelectiveSeqScan() {
    StatementPlan plan = PlanReader.analyse(session, "SELECT id, total FROM orders WHERE customer_id = 42", PlanChecks.DEFAULTS);

    assertThat(plan.generic()).isFalse();
    PlanFinding finding = only(plan.findings(), PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
    assertThat(finding.relationName()).isEqualTo("orders");
    assertThat(finding.tableRows()).isCloseTo(ShopServer.ORDERS, within(ShopServer.ORDERS * 0.01));
    // 200 000 orders over 5 000 customers: about 40 rows, 0.02 % of the table.
    assertThat(finding.keptRows()).isBetween(10.0, 200.0);
    assertThat(finding.evidence()).contains("customer_id = 42");
  }

  @Test
  void analyse_dollarParameter_explainsTheGenericPlanWithTheSameFinding() {
    StatementPlan plan = PlanReader.analyse(session, "SELECT id, total FROM orders WHERE customer_id = $1", PlanChecks.DEFAULTS);

    assertThat(plan.generic()).isTrue();
    PlanFinding finding = only(plan.findings(), PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
    assertThat(finding.relationName()).isEqualTo("orders");
    assertThat(finding.evidence()).contains("customer_id = $1");
    assertThat(finding.keptFraction()).isLessThan(0.01);
  }

  @Test
  void analyse_jdbcQuestionMark_becomesDollarOneAndGetsTheGenericPlan() {
    StatementPlan plan = PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = ? AND total > ?",
        PlanChecks.DEFAULTS);

    assertThat(plan.statement().sql()).isEqualTo("SELECT id FROM orders WHERE customer_id = $1 AND total > $2");
    assertThat(plan.generic()).isTrue();
    assertThat(plan.findings()).extracting(PlanFinding::kind).contains(PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
  }

  @Test
  void analyse_indexedColumn_hasNoSelectiveScanFinding() {
    StatementPlan plan = PlanReader.analyse(session, "SELECT * FROM orders WHERE id = 4711", PlanChecks.DEFAULTS);

    assertThat(plan.findings()).isEmpty();
    assertThat(plan.root().nodeType()).isEqualTo("Index Scan");
    assertThat(plan.root().indexName()).contains("orders_pkey");
  }

  @Test
  void analyse_orderByAnUnindexedColumn_findsASortAnIndexCouldServe() {
    StatementPlan plan = PlanReader.analyse(session, "SELECT id FROM customers WHERE region = 'north' ORDER BY name DESC",
        PlanChecks.DEFAULTS);

    PlanFinding finding = only(plan.findings(), PlanFinding.Kind.SORT_AN_INDEX_COULD_SERVE);
    assertThat(finding.relationName()).isEqualTo("customers");
    assertThat(finding.columns()).containsExactly("name");
  }

  @Test
  void analyse_joinFromOneCustomerToUnindexedOrders_findsTheNestedLoopsInnerSeqScan() {
    StatementPlan plan = PlanReader.analyse(session,
        "SELECT o.id, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = 7", PlanChecks.DEFAULTS);

    PlanFinding inner = only(plan.findings(), PlanFinding.Kind.NESTED_LOOP_INNER_SEQ_SCAN);
    assertThat(inner.relationName()).isEqualTo("orders");
    assertThat(plan.findings()).extracting(PlanFinding::kind).contains(PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
  }

  @Test
  void analyse_smallThreshold_isConfigurable() {
    PlanChecks strict = new PlanChecks(1_000_000, 0.01);

    StatementPlan plan = PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = 42", strict);

    assertThat(plan.findings()).extracting(PlanFinding::kind).doesNotContain(PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
  }

  @Test
  void analyse_unknownTable_saysWhyInOneLineAndTheSessionGoesOn() {
    assertThatThrownBy(() -> PlanReader.analyse(session, "SELECT * FROM no_such_table WHERE id = ?", PlanChecks.DEFAULTS))
        .isInstanceOf(InputException.class)
        .hasMessage("loadcast dbadvise: cannot explain SELECT * FROM no_such_table WHERE id = $1: relation \"no_such_table\" "
            + "does not exist (SQLState 42P01)");

    assertThat(PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = $1", PlanChecks.DEFAULTS).generic()).isTrue();
  }

  private static PlanFinding only(List<PlanFinding> findings, PlanFinding.Kind kind) {
    List<PlanFinding> ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
    assertThat(ofKind).as("findings of kind %s in %s", kind, findings).hasSize(1);
    return ofKind.get(0);
  }
}
