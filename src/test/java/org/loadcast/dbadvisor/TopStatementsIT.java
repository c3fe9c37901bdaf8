package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.InputException;

/** pg_stat_statements on the embedded server, which preloads it (see {@link EmbeddedShop}). */
@Tag("slow")
class TopStatementsIT {

  @Test
  void top_listsAStatementRunFiveTimesWithItsCallsLargestTotalFirst() {
    try (AdvisorSession session = AdvisorSession.open(EmbeddedShop.shared().target())) {
      for (int i = 0; i < 5; i++) {
        session.rows("SELECT count(*) FROM orders WHERE status = 'paid' AND total > 17.5", r -> r.getLong(1));
      }

      List<StatementStatistics> top = TopStatements.top(session, 100);

      assertThat(top).hasSizeLessThanOrEqualTo(100).isSortedAccordingTo(
          Comparator.comparingDouble(StatementStatistics::totalExecMillis).reversed());
      StatementStatistics counted = top.stream()
          .filter(s -> s.query().equals("SELECT count(*) FROM orders WHERE status = $1 AND total > $2"))
          .findFirst().orElseThrow(() -> new AssertionError("not in " + top));
      assertThat(counted.calls()).isEqualTo(5);
      assertThat(counted.rows()).isEqualTo(5);
      assertThat(counted.totalExecMillis()).isPositive();
      assertThat(counted.meanExecMillis() * 5).isCloseTo(counted.totalExecMillis(), org.assertj.core.data.Percentage.withPercentage(1));
    }
  }

  @Test
  void top_limitOne_returnsTheSingleLargest() {
    try (AdvisorSession session = AdvisorSession.open(EmbeddedShop.shared().target())) {
      List<StatementStatistics> all = TopStatements.top(session, 1000);
      List<StatementStatistics> one = TopStatements.top(session, 1);

      assertThat(one).hasSize(1);
      assertThat(one.get(0).totalExecMillis()).isGreaterThanOrEqualTo(all.get(all.size() - 1).totalExecMillis());
    }
  }

  @Test
  void top_databaseWithoutTheExtension_saysHowToCreateIt() {
    try (AdvisorSession session = AdvisorSession.open(EmbeddedShop.shared().target("plain", EmbeddedShop.ADVISOR_PASSWORD))) {
      assertThatThrownBy(() -> TopStatements.top(session, 10))
          .isInstanceOf(InputException.class)
          .hasMessage("loadcast dbadvise: pg_stat_statements is not installed in database plain: run CREATE EXTENSION "
              + "pg_stat_statements there (the advisor is read-only and does not create it)");
    }
  }
}
