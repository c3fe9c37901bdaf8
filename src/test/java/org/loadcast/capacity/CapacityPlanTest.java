package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.forecast.EtsFit;
import org.loadcast.forecast.EtsModel;
import org.loadcast.forecast.PredictionInterval;

class CapacityPlanTest {
  /** REFERENCE.md §5.1: S = 40 ms, k = 8, mean ≤ 50 ms; at 3000 requests/s pooled N = 16, split N = 20. */
  private static final InstanceModel INSTANCE = new InstanceModel(8, 0.04, LatencySlo.meanAtMost(0.05), 0.5);
  private static final LocalDate ORIGIN = LocalDate.of(1995, 8, 31);

  /** September at an upper bound of 1500 requests/s, October at 1500 but 3000 on the 10th. */
  private static GrowthProjection projection() {
    List<GrowthProjection.ProjectedDay> days = new ArrayList<>();
    for (int h = 1; h <= 61; h++) {
      LocalDate date = ORIGIN.plusDays(h);
      double upper = date.equals(LocalDate.of(1995, 10, 10)) ? 3000 : 1500;
      PredictionInterval interval = new PredictionInterval(h, 95, upper - 400, upper - 200, upper);
      days.add(new GrowthProjection.ProjectedDay(date, 1, interval, interval));
    }
    EtsFit fit = new EtsFit(EtsModel.SIMPLE, 0.2, 0, 1, 1300, 0, 100, 10);
    return new GrowthProjection(EtsModel.SIMPLE, fit, ORIGIN.minusDays(60), ORIGIN, 95, GrowthAssumptions.NONE, days);
  }

  @Test
  void of_sizesEachMonthAtItsLargestUpperBound() {
    CapacityPlan plan = CapacityPlan.of(projection(), INSTANCE, LoadBalancing.RANDOM_SPLIT, 100);
    assertThat(plan.periods()).hasSize(2);
    CapacityPlan.Period october = plan.periods().get(1);
    assertThat(october.from()).isEqualTo(LocalDate.of(1995, 10, 1));
    assertThat(october.to()).isEqualTo(LocalDate.of(1995, 10, 31));
    assertThat(october.days()).isEqualTo(31);
    assertThat(october.peakDate()).isEqualTo(LocalDate.of(1995, 10, 10));
    assertThat(october.peak().upper()).isEqualTo(3000);
    SizingPlan.Sized sized = (SizingPlan.Sized) october.sizing().orElseThrow();
    assertThat(sized.pooled().instances()).isEqualTo(16);
    assertThat(sized.randomSplit().instances()).isEqualTo(20);
    assertThat(october.plannedInstances()).hasValue(20);
    assertThat(october.cost().getAsDouble()).isCloseTo(20 * 0.5 * 24 * 31, within(1e-9));
    CapacityPlan.Period september = plan.periods().get(0);
    assertThat(september.days()).isEqualTo(30);
    assertThat(september.plannedInstances().getAsInt()).isBetween(8, 19);
    assertThat(plan.runway()).isEqualTo(new Runway.NotReached(LocalDate.of(1995, 10, 31), 100));
  }

  @Test
  void runway_isTheFirstDayWhoseUpperBoundNeedsMoreThanTheLimit() {
    Runway split = CapacityPlan.of(projection(), INSTANCE, LoadBalancing.RANDOM_SPLIT, 19).runway();
    assertThat(split).isInstanceOfSatisfying(Runway.Reached.class, reached -> {
      assertThat(reached.date()).isEqualTo(LocalDate.of(1995, 10, 10));
      assertThat(reached.peak().upper()).isEqualTo(3000);
      assertThat(reached.maxInstances()).isEqualTo(19);
    });
    assertThat(CapacityPlan.of(projection(), INSTANCE, LoadBalancing.RANDOM_SPLIT, 20).runway())
        .isInstanceOf(Runway.NotReached.class);
    assertThat(CapacityPlan.of(projection(), INSTANCE, LoadBalancing.POOLED, 16).runway())
        .isInstanceOf(Runway.NotReached.class);
    assertThat(CapacityPlan.of(projection(), INSTANCE, LoadBalancing.POOLED, 15).runway())
        .isInstanceOfSatisfying(Runway.Reached.class, r -> assertThat(r.date()).isEqualTo(LocalDate.of(1995, 10, 10)));
    assertThat(CapacityPlan.of(projection(), INSTANCE, LoadBalancing.POOLED, 1).runway())
        .isInstanceOfSatisfying(Runway.Reached.class, r -> assertThat(r.date()).isEqualTo(LocalDate.of(1995, 9, 1)));
  }

  @Test
  void of_infeasibleSlo_propagatesTheReason() {
    InstanceModel tight = new InstanceModel(8, 0.04, LatencySlo.percentileAtMost(0.99, 0.1), 0.5);
    CapacityPlan plan = CapacityPlan.of(projection(), tight, LoadBalancing.RANDOM_SPLIT, 100);
    assertThat(plan.runway()).isInstanceOfSatisfying(Runway.Infeasible.class,
        r -> assertThat(r.reason()).contains("p99 of the service time alone is 184.2 ms"));
    for (CapacityPlan.Period period : plan.periods()) {
      assertThat(period.sizing().orElseThrow()).isInstanceOf(SizingPlan.Infeasible.class);
      assertThat(period.plannedInstances()).isEmpty();
      assertThat(period.cost()).isEmpty();
    }
    assertThat(plan.firstShortPeriod()).contains(plan.periods().get(0));
  }

  @Test
  void of_upperBoundNotAboveZero_needsNoInstance() {
    PredictionInterval vanishing = new PredictionInterval(1, 95, -3, -2, -1);
    EtsFit fit = new EtsFit(EtsModel.SIMPLE, 0.2, 0, 1, 0, 0, 100, 10);
    GrowthProjection projection = new GrowthProjection(EtsModel.SIMPLE, fit, ORIGIN.minusDays(9), ORIGIN, 95,
        GrowthAssumptions.NONE, List.of(new GrowthProjection.ProjectedDay(ORIGIN.plusDays(1), 1, vanishing, vanishing)));
    CapacityPlan plan = CapacityPlan.of(projection, INSTANCE, LoadBalancing.POOLED, 3);
    assertThat(plan.periods()).singleElement().satisfies(p -> {
      assertThat(p.sizing()).isEmpty();
      assertThat(p.plannedInstances()).hasValue(0);
      assertThat(p.cost()).hasValue(0);
    });
    assertThat(plan.runway()).isInstanceOf(Runway.NotReached.class);
  }

  @Test
  void of_rejectsMaxInstancesOutOfRange() {
    assertThatThrownBy(() -> CapacityPlan.of(projection(), INSTANCE, LoadBalancing.POOLED, 0))
        .hasMessage("maxInstances must be in [1, 1250000], but was 0");
  }
}
