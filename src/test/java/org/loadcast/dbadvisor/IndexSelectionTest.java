package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dexter's qualification rules at their edges, and the greedy choice on a workload computed by hand. */
class IndexSelectionTest {
  private static final IndexCandidate A = new IndexCandidate("orders", List.of("customer_id"));
  private static final IndexCandidate B = new IndexCandidate("orders", List.of("created_at"));
  private static final IndexCandidate AB = new IndexCandidate("orders", List.of("customer_id", "created_at"));
  private static final IndexCandidate C = new IndexCandidate("items", List.of("order_id"));
  private static final IndexCandidate D = new IndexCandidate("logs", List.of("at"));

  @Test
  void qualifying_needsAtLeastHalfTheCostCut() {
    assertThat(IndexSelection.qualifying(List.of(new CandidateCost("s1", A, 100, 50)))).containsExactly(A);
    assertThat(IndexSelection.qualifying(List.of(new CandidateCost("s1", A, 100, 50.01)))).isEmpty();
  }

  @Test
  void qualifying_twoColumns_mustHalveTheBestSingleColumnAgain() {
    List<CandidateCost> halves = List.of(new CandidateCost("s1", A, 100, 40), new CandidateCost("s1", B, 100, 60),
        new CandidateCost("s1", AB, 100, 20));
    assertThat(IndexSelection.qualifying(halves)).containsExactly(A, AB);
    List<CandidateCost> notQuite = List.of(new CandidateCost("s1", A, 100, 40), new CandidateCost("s1", AB, 100, 20.5));
    assertThat(IndexSelection.qualifying(notQuite)).containsExactly(A);
  }

  @Test
  void qualifying_twoColumnsWithoutSingleMeasurement_comparesWithCostBefore() {
    assertThat(IndexSelection.qualifying(List.of(new CandidateCost("s1", AB, 100, 50)))).containsExactly(AB);
  }

  /**
   * The workload, by hand. Statements s1 (10 executions, cost 100), s2 (5, cost 200), s3 (1, cost 1000).
   * <ul>
   *   <li>A: s1 100 -> 10; s2 200 -> 150 (does not qualify on s2 alone, but A qualifies through s1).
   *   <li>AB: s1 -> 4 (<= 0.5 * 10), s2 -> 20. C: s3 1000 -> 100. D: s3 -> 400, on a table with 1000 writes.
   * </ul>
   * Round 1 benefits: A = 10*90 + 5*50 = 1150; AB = 10*96 + 5*180 = 1860; C = 900; D = 600 - 1000*4 < 0.
   * AB is chosen (1860). Round 2, with s1 at 4 and s2 at 20: A = 0; C = 900; D = 600 - 4000. C is chosen.
   * Round 3: D's benefit on s3 is now 0 (100 < 400); A's is 0. Stop.
   */
  @Test
  void choose_greedyOnAHandMadeWorkload() {
    List<CandidateCost> costs = List.of(
        new CandidateCost("s1", A, 100, 10), new CandidateCost("s2", A, 200, 150),
        new CandidateCost("s1", AB, 100, 4), new CandidateCost("s2", AB, 200, 20),
        new CandidateCost("s3", C, 1000, 100), new CandidateCost("s3", D, 1000, 400));
    Map<String, Long> executions = Map.of("s1", 10L, "s2", 5L, "s3", 1L);
    List<IndexChoice> chosen = IndexSelection.choose(costs, executions, Map.of("logs", 1000L), 4.0);
    assertThat(chosen).extracting(IndexChoice::candidate).containsExactly(AB, C);
    assertThat(chosen.get(0).benefit()).isCloseTo(1860, within(1e-9));
    assertThat(chosen.get(0).served()).extracting(CandidateCost::fingerprint).containsExactly("s1", "s2");
    assertThat(chosen.get(1).benefit()).isCloseTo(900, within(1e-9));
  }

  @Test
  void choose_writePenalty_canOutweighTheBenefit() {
    List<CandidateCost> costs = List.of(new CandidateCost("s3", D, 1000, 400));
    assertThat(IndexSelection.choose(costs, Map.of("s3", 1L), Map.of("logs", 150L), 4.0)).isEmpty();
    List<IndexChoice> cheap = IndexSelection.choose(costs, Map.of("s3", 1L), Map.of("logs", 149L), 4.0);
    assertThat(cheap).singleElement().satisfies(c -> assertThat(c.netBenefit()).isCloseTo(4, within(1e-9)));
  }

  @Test
  void choose_eachStatementsBestIndexCountsOnce() {
    IndexCandidate other = new IndexCandidate("orders", List.of("status"));
    List<CandidateCost> costs = List.of(new CandidateCost("s1", A, 100, 10), new CandidateCost("s1", other, 100, 20));
    List<IndexChoice> chosen = IndexSelection.choose(costs, Map.of("s1", 1L), Map.of(), 0);
    assertThat(chosen).extracting(IndexChoice::candidate).containsExactly(A);
  }

  @Test
  void choose_rejectsMissingExecutionsAndRepeatedPairs() {
    assertThatThrownBy(() -> IndexSelection.choose(List.of(new CandidateCost("s9", A, 10, 1)), Map.of(), Map.of(), 4))
        .hasMessageContaining("executions of statement s9 must be given");
    assertThatThrownBy(() -> IndexSelection.choose(
        List.of(new CandidateCost("s1", A, 10, 1), new CandidateCost("s1", A, 10, 2)), Map.of("s1", 1L), Map.of(), 4))
        .hasMessageContaining("given twice");
    assertThatThrownBy(() -> IndexSelection.choose(
        List.of(new CandidateCost("s1", A, 10, 1), new CandidateCost("s1", B, 11, 2)), Map.of("s1", 1L), Map.of(), 4))
        .hasMessageContaining("two costs before");
  }
}
