package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks on plans written as EXPLAIN (FORMAT JSON) gives them; thresholds at their boundaries. */
class PlanChecksTest {
  private static final Map<String, Double> ROWS = Map.of("orders", 200_000.0, "customers", 5_000.0);

  @Test
  void parseExplain_readsEveryFieldAndTheChildren() {
    PlanNode root = PlanNode.parseExplain("""
        [{"Plan": {"Node Type": "Sort", "Parallel Aware": false, "Startup Cost": 10.5, "Total Cost": 11.25, "Plan Rows": 40,
          "Plan Width": 8, "Sort Key": ["o.created_at DESC"],
          "Plans": [{"Node Type": "Index Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Alias": "o",
            "Index Name": "orders_pkey", "Startup Cost": 0.42, "Total Cost": 8.44, "Plan Rows": 1, "Filter": "(total > 5)"}]}}]
        """);

    assertThat(root.nodeType()).isEqualTo("Sort");
    assertThat(root.startupCost()).isEqualTo(10.5);
    assertThat(root.totalCost()).isEqualTo(11.25);
    assertThat(root.planRows()).isEqualTo(40);
    assertThat(root.sortKey()).containsExactly("o.created_at DESC");
    assertThat(root.relationName()).isEmpty();
    PlanNode scan = root.children().get(0);
    assertThat(scan.relationName()).contains("orders");
    assertThat(scan.alias()).contains("o");
    assertThat(scan.indexName()).contains("orders_pkey");
    assertThat(scan.filter()).contains("(total > 5)");
    assertThat(scan.parentRelationship()).contains("Outer");
  }

  @Test
  void parseExplain_notAPlan_isRefused() {
    assertThatThrownBy(() -> PlanNode.parseExplain("[{\"Query\": 1}]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("EXPLAIN (FORMAT JSON) output must be");
    assertThatThrownBy(() -> PlanNode.parseExplain("[{\"Plan\": {\"Node Type\": \"Result\"}}]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("plan node Result has no numeric Startup Cost");
    assertThatThrownBy(() -> PlanNode.parseExplain("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("EXPLAIN output is not JSON");
  }

  @Test
  void findings_seqScanKeepingJustUnderOnePercent_isSelective() {
    assertThat(kinds(seqScan("orders", 1999))).containsExactly(PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
    assertThat(kinds(seqScan("orders", 2000))).isEmpty();
  }

  @Test
  void findings_tableUnderTheRowThreshold_isNotWorthIt() {
    assertThat(kinds(seqScan("customers", 1))).isEmpty();
    assertThat(new PlanChecks(5_000, 0.01).findings(seqScan("customers", 1), ROWS)).hasSize(1);
  }

  @Test
  void findings_unknownOrUnanalysedTable_hasNoSelectiveScan() {
    assertThat(PlanChecks.DEFAULTS.findings(seqScan("orders", 1), Map.of())).isEmpty();
    assertThat(PlanChecks.DEFAULTS.findings(seqScan("orders", 1), Map.of("orders", -1.0))).isEmpty();
  }

  @Test
  void findings_parallelSeqScan_countsTheRowsOfTheGatherAbove() {
    PlanNode gathered = PlanNode.parseExplain("""
        [{"Plan": {"Node Type": "Gather", "Startup Cost": 1000, "Total Cost": 4000, "Plan Rows": 2500,
          "Plans": [{"Node Type": "Parallel Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders",
            "Alias": "orders", "Startup Cost": 0, "Total Cost": 3000, "Plan Rows": 1042, "Filter": "(status = 'x')"}]}}]
        """);

    // 1042 per process is under 1 % of 200 000, but the Gather's 2500 in all is not.
    assertThat(PlanChecks.DEFAULTS.findings(gathered, ROWS)).isEmpty();
    assertThat(new PlanChecks(10_000, 0.02).findings(gathered, ROWS)).extracting(PlanFinding::keptRows).containsExactly(2500.0);
  }

  @Test
  void findings_sortDirectlyAboveAScanByPlainColumns_namesTheColumns() {
    PlanNode sort = PlanNode.parseExplain(sortOver("[\"c.region\", \"name DESC NULLS LAST\"]", "Seq Scan"));

    List<PlanFinding> found = PlanChecks.DEFAULTS.findings(sort, ROWS);

    assertThat(found).extracting(PlanFinding::kind).containsExactly(PlanFinding.Kind.SORT_AN_INDEX_COULD_SERVE);
    assertThat(found.get(0).columns()).containsExactly("region", "name");
    assertThat(found.get(0).relationName()).isEqualTo("customers");
  }

  @Test
  void findings_sortByAnExpression_orAboveAJoin_isNotServedByAPlainIndex() {
    assertThat(PlanChecks.DEFAULTS.findings(PlanNode.parseExplain(sortOver("[\"lower(name)\"]", "Seq Scan")), ROWS)).isEmpty();
    assertThat(PlanChecks.DEFAULTS.findings(PlanNode.parseExplain(sortOver("[\"name\"]", "Hash Join")), ROWS)).isEmpty();
  }

  @Test
  void findings_nestedLoopWithMaterializedInnerSeqScan_isFound() {
    PlanNode loop = PlanNode.parseExplain("""
        [{"Plan": {"Node Type": "Nested Loop", "Startup Cost": 0, "Total Cost": 90000, "Plan Rows": 40,
          "Plans": [
            {"Node Type": "Index Scan", "Parent Relationship": "Outer", "Relation Name": "customers", "Alias": "c",
             "Index Name": "customers_pkey", "Startup Cost": 0.28, "Total Cost": 8.3, "Plan Rows": 1},
            {"Node Type": "Materialize", "Parent Relationship": "Inner", "Startup Cost": 0, "Total Cost": 5000, "Plan Rows": 40,
             "Plans": [{"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "orders", "Alias": "o",
               "Startup Cost": 0, "Total Cost": 4900, "Plan Rows": 40, "Filter": "(o.customer_id = 42)"}]}]}}]
        """);

    List<PlanFinding> found = PlanChecks.DEFAULTS.findings(loop, ROWS);

    assertThat(found).extracting(PlanFinding::kind)
        .containsExactly(PlanFinding.Kind.NESTED_LOOP_INNER_SEQ_SCAN, PlanFinding.Kind.SELECTIVE_SEQ_SCAN);
    assertThat(found.get(0).relationName()).isEqualTo("orders");
    assertThat(found.get(0).summary()).isEqualTo("Nested Loop scans orders (200000 rows) sequentially on its inner side, "
        + "once per outer row: Filter (o.customer_id = 42)");
  }

  @Test
  void findings_nestedLoopWithOuterSeqScan_isNotAnInnerScan() {
    PlanNode loop = PlanNode.parseExplain("""
        [{"Plan": {"Node Type": "Nested Loop", "Startup Cost": 0, "Total Cost": 100, "Plan Rows": 4,
          "Plans": [
            {"Node Type": "Seq Scan", "Parent Relationship": "Outer", "Relation Name": "customers", "Alias": "c",
             "Startup Cost": 0, "Total Cost": 90, "Plan Rows": 4},
            {"Node Type": "Index Scan", "Parent Relationship": "Inner", "Relation Name": "orders", "Alias": "o",
             "Index Name": "orders_pkey", "Startup Cost": 0.42, "Total Cost": 2.4, "Plan Rows": 1}]}}]
        """);

    assertThat(PlanChecks.DEFAULTS.findings(loop, ROWS)).isEmpty();
  }

  @Test
  void summary_selectiveScan_givesRowsAndPercent() {
    PlanFinding finding = PlanChecks.DEFAULTS.findings(seqScan("orders", 40), ROWS).get(0);

    assertThat(finding.keptFraction()).isEqualTo(0.0002);
    assertThat(finding.summary()).isEqualTo("Seq Scan on orders keeps 40 of 200000 rows (0.02 %): Filter (customer_id = 42)");
  }

  @Test
  void new_thresholdsOutOfRange_areRefused() {
    assertThatThrownBy(() -> new PlanChecks(-1, 0.01)).hasMessage("minTableRows must be >= 0, but was -1.0");
    assertThatThrownBy(() -> new PlanChecks(10, 0)).hasMessage("maxKeptFraction must be in (0, 1], but was 0.0");
    assertThatThrownBy(() -> new PlanChecks(10, 1.5)).hasMessage("maxKeptFraction must be in (0, 1], but was 1.5");
  }

  private static List<PlanFinding.Kind> kinds(PlanNode root) {
    return PlanChecks.DEFAULTS.findings(root, ROWS).stream().map(PlanFinding::kind).toList();
  }

  private static PlanNode seqScan(String table, double rows) {
    return PlanNode.parseExplain(String.format(Locale.ROOT, """
        [{"Plan": {"Node Type": "Seq Scan", "Relation Name": "%s", "Alias": "%s", "Startup Cost": 0, "Total Cost": 3700,
          "Plan Rows": %s, "Filter": "(customer_id = 42)"}}]""", table, table, rows));
  }

  private static String sortOver(String sortKey, String childType) {
    return String.format(Locale.ROOT, """
        [{"Plan": {"Node Type": "Sort", "Startup Cost": 200, "Total Cost": 210, "Plan Rows": 1250, "Sort Key": %s,
          "Plans": [{"Node Type": "%s", "Parent Relationship": "Outer", "Relation Name": "customers", "Alias": "c",
            "Startup Cost": 0, "Total Cost": 100, "Plan Rows": 1250, "Filter": "(region = 'north')"}]}}]""", sortKey, childType);
  }
}
