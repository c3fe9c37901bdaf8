package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CostFrontierTest {
  private static CostFrontier.Point point(double knob, double cost, long minutes, boolean operating) {
    return new CostFrontier.Point(knob, cost, minutes, cost / 0.1, operating);
  }

  /** Knob 55 → (10, 100), 65 → (8, 150), 75 → (6, 300), the operating point, 85 → (7, 400), dominated by 75. */
  static CostFrontier reference() {
    return CostFrontier.of("hpa", "targetUtilizationPercent", List.of(point(85, 7, 400, false), point(75, 6, 300, true),
        point(55, 10, 100, false), point(65, 8, 150, false)));
  }

  @Test
  void of_dropsTheDominatedPointAndSortsTheFrontierByCost() {
    CostFrontier f = reference();
    assertThat(f.points()).extracting(CostFrontier.Point::knobValue).containsExactly(55.0, 65.0, 75.0, 85.0);
    assertThat(f.frontier()).extracting(CostFrontier.Point::knobValue).containsExactly(75.0, 65.0, 55.0);
    assertThat(f.operatingPoint().knobValue()).isEqualTo(75);
  }

  @Test
  void paretoFront_equalPoints_keepsTheFirstAndDropsTiesThatAreWorseInOneFigure() {
    List<CostFrontier.Point> front = CostFrontier.paretoFront(List.of(point(1, 5, 10, false), point(2, 5, 10, false),
        point(3, 5, 12, false), point(4, 6, 10, false), point(5, 4, 20, false)));
    // (5, 12) and (6, 10) are dominated by (5, 10); the second (5, 10) repeats the first
    assertThat(front).extracting(CostFrontier.Point::knobValue).containsExactly(5.0, 1.0);
    assertThat(CostFrontier.paretoFront(List.of())).isEmpty();
  }

  @Test
  void costAtViolationMinutes_interpolatesBetweenNeighboursAndIsEmptyOutside() {
    CostFrontier f = reference();
    // between (6, 300) and (8, 150): 6 + 2 × (200 − 300) / (150 − 300)
    assertThat(f.costAtViolationMinutes(200).getAsDouble()).isCloseTo(6 + 2.0 * 100 / 150, within(1e-12));
    assertThat(f.costAtViolationMinutes(100).getAsDouble()).isEqualTo(10);
    assertThat(f.costAtViolationMinutes(300).getAsDouble()).isEqualTo(6);
    assertThat(f.costAtViolationMinutes(99)).isEmpty();
    assertThat(f.costAtViolationMinutes(400)).as("the dominated point is not on the frontier").isEmpty();
  }

  @Test
  void violationMinutesAtCost_interpolatesBetweenNeighboursAndIsEmptyOutside() {
    CostFrontier f = reference();
    // between (8, 150) and (10, 100): 150 − 50 × (9 − 8) / 2
    assertThat(f.violationMinutesAtCost(9).getAsDouble()).isCloseTo(125, within(1e-12));
    assertThat(f.violationMinutesAtCost(8).getAsDouble()).isEqualTo(150);
    assertThat(f.violationMinutesAtCost(5.99)).isEmpty();
    assertThat(f.violationMinutesAtCost(10.01)).isEmpty();
  }

  @Test
  void constructor_withoutOneOperatingPoint_isRefused() {
    assertThatThrownBy(() -> CostFrontier.of("p", "k", List.of(point(1, 1, 1, false))))
        .hasMessage("points must hold exactly one operating point, but held 0");
  }

  @Test
  void verdict_overlappingFrontiers_comparesAtTheReferenceOperatingPointMovedIntoTheSharedRange() {
    CostFrontier policy = CostFrontier.of("hybrid", "targetUtilizationPercent",
        List.of(point(80, 5, 260, false), point(70, 7, 120, true), point(60, 9, 40, false)));
    FrontierVerdict v = FrontierVerdict.of(policy, reference());
    // violation ranges [100, 300] and [40, 260] share [100, 260]: the reference's 300 moves to 260
    assertThat(v.equalSlo().overlap()).isTrue();
    assertThat(v.equalSlo().level()).isEqualTo(260);
    assertThat(v.equalSlo().moved()).isTrue();
    assertThat(v.equalOwnSlo().moved()).isFalse();
    assertThat(v.equalSlo().referenceValue()).isCloseTo(6 + 2.0 * 40 / 150, within(1e-12));
    assertThat(v.equalSlo().policyValue()).isEqualTo(5);
    assertThat(v.equalSlo().saved()).isCloseTo(1 + 2.0 * 40 / 150, within(1e-12));
    // cost ranges [6, 10] and [5, 9] share [6, 9]: the reference's cost 6 is inside
    assertThat(v.equalCost().level()).isEqualTo(6);
    assertThat(v.equalCost().referenceValue()).isEqualTo(300);
    assertThat(v.equalCost().policyValue()).isCloseTo(190, within(1e-12));
    assertThat(v.equalCost().saved()).isCloseTo(110, within(1e-12));
    // at the policy's own operating point (7, 120): the reference costs 8 + 2 × (120 − 150) / (100 − 150)
    // = 9.2 for 120 minutes, and has 300 − 150 × (7 − 6) / 2 = 225 minutes at a cost of 7
    assertThat(v.equalOwnSlo().level()).isEqualTo(120);
    assertThat(v.equalOwnSlo().referenceValue()).isCloseTo(9.2, within(1e-12));
    assertThat(v.equalOwnSlo().policyValue()).isEqualTo(7);
    assertThat(v.equalOwnCost().level()).isEqualTo(7);
    assertThat(v.equalOwnCost().referenceValue()).isCloseTo(225, within(1e-12));
    assertThat(v.equalOwnCost().policyValue()).isEqualTo(120);
    assertThat(v.sentence()).isEqualTo("At 260 SLO-violation minutes, hybrid's frontier costs 5.00 against 6.53 for hpa "
        + "(1.53 less, 23.5 %), the nearest the frontiers share to 300; at a cost of 6.00 it has 190.0 violation minutes against 300.0 (110.0 fewer). "
        + "At its own operating point, 120 SLO-violation minutes cost 7.00 against 9.20 for hpa (2.20 less, 23.9 %); "
        + "at its cost of 7.00 it has 120.0 violation minutes against 225.0 (105.0 fewer).");
  }

  @Test
  void verdict_disjointFrontiers_saysNoOverlap() {
    CostFrontier policy = CostFrontier.of("lavish", "targetUtilizationPercent",
        List.of(point(40, 20, 10, true), point(30, 30, 5, false)));
    FrontierVerdict v = FrontierVerdict.of(policy, reference());
    assertThat(v.equalSlo().overlap()).isFalse();
    assertThat(v.equalCost().overlap()).isFalse();
    assertThat(Double.isNaN(v.equalSlo().saved())).isTrue();
    assertThat(v.equalOwnSlo().overlap()).isFalse();
    assertThat(v.equalOwnCost().overlap()).isFalse();
    assertThat(v.sentence()).contains("(no overlap)").contains("they share no range of cost (no overlap)")
        .contains("At its own operating point, the frontiers share no range of SLO-violation minutes (no overlap)");
  }
}
