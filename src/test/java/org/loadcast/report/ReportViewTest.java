package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportViewTest {

  @Test
  void fixed_roundsWithoutANegativeZero() {
    assertThat(ReportView.fixed(-0.04, 1)).isEqualTo("0.0");
    assertThat(ReportView.fixed(-0.0, 2)).isEqualTo("0.00");
    assertThat(ReportView.fixed(-0.4, 0)).isEqualTo("0");
    assertThat(ReportView.fixed(-0.06, 1)).isEqualTo("-0.1");
    assertThat(ReportView.fixed(Double.NaN, 1)).isEqualTo("–");
  }

  /**
   * Two HPA runs of the same arrivals: hpa-50 (target 50 %) and hpa-70 (70 %). The one with more
   * headroom wins on latency and violations, the other on cost; each winner is named with its
   * value, the loser's value beside it.
   */
  @Test
  void winners_nameTheBestPolicyOfEachCriterionWithTheOthersValues() {
    RunReport report = RunReportFixture.withEverySection(new RunReportFixture.Texts("e", "d", List.of("hpa-70", "hpa-50"),
        List.of("70 %", "50 %"), List.of()));
    var t70 = report.policies().get(0).result().totals();
    var t50 = report.policies().get(1).result().totals();
    List<ReportView.Winner> winners = ReportView.winners(report);
    assertThat(winners).extracting(ReportView.Winner::criterion).containsExactly("Fewest SLO-violation minutes",
        "Fewest requests over the SLO or dropped", "Fewest dropped requests", "Lowest p95 latency", "Lowest p99 latency",
        "Fewest instance-hours", "Lowest cost", "Highest elastic speedup against hpa-70");
    ReportView.Winner cost = winners.get(6);
    assertThat(t70.cost()).isLessThan(t50.cost());
    assertThat(cost.policies()).isEqualTo("hpa-70");
    assertThat(cost.value()).isEqualTo(ReportView.fixed(t70.cost(), 2));
    assertThat(cost.others()).isEqualTo("hpa-50 " + ReportView.fixed(t50.cost(), 2));
    ReportView.Winner p95 = winners.get(3);
    assertThat(t50.p95LatencyMillis()).isLessThan(t70.p95LatencyMillis());
    assertThat(p95.policies()).isEqualTo("hpa-50");
    assertThat(p95.value()).isEqualTo(ReportView.fixed(t50.p95LatencyMillis(), 1) + " ms");
    // neither drops a request: a tie of all, with no others listed
    assertThat(t50.dropped()).isZero();
    assertThat(t70.dropped()).isZero();
    assertThat(winners.get(2).policies()).isEqualTo("all policies tie");
    assertThat(winners.get(2).others()).isEmpty();
  }

  @Test
  void winners_onePolicy_isEmpty() {
    RunReport two = RunReportFixture.withEverySection(new RunReportFixture.Texts("e", "d", List.of("a", "b"),
        List.of("a", "b"), List.of()));
    RunReport one = new RunReport(two.metadata(), "e", "d", 1, two.slo(), two.service(), two.demand(),
        two.policies().subList(0, 1), java.util.Optional.empty(), List.of(), two.demanded(), java.util.Optional.of("a"));
    assertThat(ReportView.winners(one)).isEmpty();
  }
}
