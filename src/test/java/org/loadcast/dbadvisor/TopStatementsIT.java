package org.loadcast.dbadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.loadcast.profile.InputException;

/** pg_stat_statements on each server of {@link ShopServer#all()}, which both preload. */
@Tag("slow")
@ParameterizedClass
@MethodSource("org.loadcast.dbadvisor.ShopServer#all")
class TopStatementsIT {
  private final ShopServer shop;

  TopStatementsIT(ShopServer shop) {
    this.shop = shop;
  }

  @Test
  void top_listsAStatementRunFiveTimesWithItsCallsLargestTotalFirst() throws SQLException {
    try (Connection service = shop.admin(); Statement statement = service.createStatement()) {
      for (int i = 0; i < 5; i++) {
        statement.executeQuery("SELECT count(*) FROM orders WHERE status = 'paid' AND total > 17.5").close();
      }
    }
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      List<StatementStatistics> top = TopStatements.top(session, 100);

      assertThat(top).hasSizeLessThanOrEqualTo(100).isSortedAccordingTo(
          Comparator.comparingDouble(StatementStatistics::totalExecMillis).reversed());
      StatementStatistics counted = top.stream()
          .filter(s -> s.query().equals("SELECT count(*) FROM orders WHERE status = $1 AND total > $2"))
          .findFirst().orElseThrow(() -> new AssertionError("not in " + top));
      assertThat(counted.calls()).isEqualTo(5);
      assertThat(counted.rows()).isEqualTo(5);
      assertThat(counted.totalExecMillis()).isPositive();
      assertThat(counted.meanExecMillis() * 5).isCloseTo(counted.totalExecMillis(), Percentage.withPercentage(1));
    }
  }

  @Test
  void top_limitOne_returnsTheSingleLargest() {
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      List<StatementStatistics> all = TopStatements.top(session, 1000);
      List<StatementStatistics> one = TopStatements.top(session, 1);

      assertThat(one).hasSize(1);
      assertThat(one.get(0).totalExecMillis()).isGreaterThanOrEqualTo(all.get(all.size() - 1).totalExecMillis());
    }
  }

  @Test
  void top_afterAFullAdvisorSession_holdsNoneOfTheAdvisorsOwnStatements() {
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      PlanReader.analyse(session, "SELECT id FROM orders WHERE customer_id = $1", PlanChecks.DEFAULTS);
      WhatIfCheck.cost(session, "SELECT id FROM orders WHERE customer_id = 42", "CREATE INDEX ON orders (customer_id)", "orders");
      ExistingIndexes.of(session, "orders");
      TopStatements.top(session, 10);
    }
    try (AdvisorSession session = AdvisorSession.open(shop.target())) {
      List<String> queries = TopStatements.top(session, 1000).stream().map(StatementStatistics::query).toList();

      assertThat(queries).isNotEmpty().noneMatch(q -> q.contains(AdvisorSession.STATEMENT_TAG))
          .noneMatch(q -> q.contains("SESSION CHARACTERISTICS")).noneMatch(q -> q.startsWith("EXPLAIN"))
          .noneMatch(q -> q.startsWith("PREPARE")).noneMatch(q -> q.contains("FROM pg_stat_statements"))
          .noneMatch(q -> q.contains("'" + AdvisorSession.APPLICATION_NAME + "'")).noneMatch(q -> q.contains("hypopg_"));
    }
  }

  @Test
  void top_databaseWithoutTheExtension_saysHowToCreateIt() {
    try (AdvisorSession session = AdvisorSession.open(shop.target(ShopServer.PLAIN, ShopServer.ADVISOR_PASSWORD))) {
      assertThatThrownBy(() -> TopStatements.top(session, 10))
          .isInstanceOf(InputException.class)
          .hasMessage("loadcast dbadvise: pg_stat_statements is not installed in database " + ShopServer.PLAIN
              + ": run CREATE EXTENSION pg_stat_statements there (the advisor is read-only and does not create it)");
    }
  }
}
