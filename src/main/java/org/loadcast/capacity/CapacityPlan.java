package org.loadcast.capacity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.loadcast.forecast.PredictionInterval;

/**
 * A capacity plan: month by month, the projected peak with its upper prediction bound, the instances
 * that meet the SLO at that upper bound, and their cost; and the {@link Runway}.
 *
 * <p>It plans against the <b>upper</b> bound of the prediction interval, not the point forecast
 * (REFERENCE.md §5.3): sizing at the point would fall short on about half the days the forecast is
 * right about. Sizing is {@link InstanceSizing} (Erlang C, §5.1) at that bound, both pooled and
 * randomly split; the {@code plannedBound} chosen is the one costed and the one the runway uses.
 *
 * <p><b>Periods</b> are calendar months counted from the first forecast day: period i covers
 * {@code [first + i months, first + (i+1) months)}, the last one cut at the end of the projection.
 * A period's peak is its day with the largest upper bound. Its cost is the planned instances at that
 * peak × pricePerHour × 24 × its days: a static fleet sized for the month's peak, an upper figure
 * for an autoscaled one.
 *
 * <p><b>Runway</b>: every day of the projection is sized at its upper bound in date order, and the
 * first that needs more than maxInstances (planned bound) is the runway date. When the SLO is
 * infeasible at any load, the runway is {@link Runway.Infeasible} and every period's sizing says so.
 * A day whose upper bound is not above 0 needs no instance.
 *
 * @param instance the instance model
 * @param plannedBound the load-balancing bound costed and used for the runway
 * @param maxInstances the largest fleet allowed
 * @param periods the plan periods in date order
 * @param runway when the fleet runs out
 */
public record CapacityPlan(InstanceModel instance, LoadBalancing plannedBound, int maxInstances, List<Period> periods,
    Runway runway) {

  /**
   * Copies the periods.
   *
   * @throws NullPointerException if a component is null
   */
  public CapacityPlan {
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(plannedBound, "plannedBound");
    Objects.requireNonNull(runway, "runway");
    periods = List.copyOf(periods);
  }

  /**
   * One plan period.
   *
   * @param from its first day
   * @param to its last day (inclusive)
   * @param peakDate the day with the largest upper bound
   * @param peak the projected peak of that day (point, lower and upper), requests per second
   * @param sizing both bounds at the upper peak, or why none meets the SLO; empty when the upper peak
   *     is not above 0
   * @param plannedInstances the instances of the planned bound; 0 when sizing is empty; empty when
   *     infeasible
   * @param cost plannedInstances × pricePerHour × 24 × days, in the price's currency; empty when
   *     infeasible
   */
  public record Period(LocalDate from, LocalDate to, LocalDate peakDate, PredictionInterval peak,
      Optional<SizingPlan> sizing, OptionalInt plannedInstances, OptionalDouble cost) {

    /** {@return the days of the period, to − from + 1} */
    public long days() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }
  }

  /**
   * Plans capacity for a projection.
   *
   * @param projection the projected daily peaks; at least one day
   * @param instance the instance model
   * @param plannedBound which bound to cost and to take for the runway; {@link
   *     LoadBalancing#RANDOM_SPLIT} is the conservative one
   * @param maxInstances the largest fleet allowed; in [1, {@link InstanceSizing#MAX_TOTAL_WORKERS} /
   *     workersPerInstance]
   * @return the plan
   * @throws IllegalArgumentException if maxInstances is out of range or the projection has no day
   * @throws NullPointerException if an argument is null
   */
  public static CapacityPlan of(GrowthProjection projection, InstanceModel instance, LoadBalancing plannedBound,
      int maxInstances) {
    Objects.requireNonNull(projection, "projection");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(plannedBound, "plannedBound");
    int limit = InstanceSizing.MAX_TOTAL_WORKERS / instance.workersPerInstance();
    if (maxInstances < 1 || maxInstances > limit) {
      throw new IllegalArgumentException("maxInstances must be in [1, " + limit + "], but was " + maxInstances);
    }
    if (projection.days().isEmpty()) {
      throw new IllegalArgumentException("the projection must hold at least one day, but held none");
    }
    List<Period> periods = new ArrayList<>();
    List<GrowthProjection.ProjectedDay> days = projection.days();
    LocalDate first = days.get(0).date();
    int index = 0;
    for (int i = 0; index < days.size(); i++) {
      LocalDate end = first.plusMonths(i + 1L);
      int from = index;
      while (index < days.size() && days.get(index).date().isBefore(end)) {
        index++;
      }
      periods.add(period(days.subList(from, index), instance, plannedBound));
    }
    return new CapacityPlan(instance, plannedBound, maxInstances, periods,
        runway(projection, instance, plannedBound, maxInstances));
  }

  /** {@return the first period whose sizing is infeasible or needs more than maxInstances, if any} */
  public Optional<Period> firstShortPeriod() {
    return periods.stream().filter(p -> p.plannedInstances().isEmpty()
        || p.plannedInstances().getAsInt() > maxInstances).findFirst();
  }

  private static Period period(List<GrowthProjection.ProjectedDay> days, InstanceModel instance, LoadBalancing bound) {
    GrowthProjection.ProjectedDay peakDay = days.get(0);
    for (GrowthProjection.ProjectedDay day : days) {
      if (day.peak().upper() > peakDay.peak().upper()) {
        peakDay = day;
      }
    }
    LocalDate from = days.get(0).date();
    LocalDate to = days.get(days.size() - 1).date();
    double hours = 24.0 * (ChronoUnit.DAYS.between(from, to) + 1);
    double upper = peakDay.peak().upper();
    if (!(upper > 0)) {
      return new Period(from, to, peakDay.date(), peakDay.peak(), Optional.empty(), OptionalInt.of(0), OptionalDouble.of(0));
    }
    SizingPlan sizing = instance.size(upper);
    OptionalInt planned = instances(sizing, bound);
    OptionalDouble cost = planned.isPresent()
        ? OptionalDouble.of(planned.getAsInt() * instance.pricePerHour() * hours) : OptionalDouble.empty();
    return new Period(from, to, peakDay.date(), peakDay.peak(), Optional.of(sizing), planned, cost);
  }

  private static Runway runway(GrowthProjection projection, InstanceModel instance, LoadBalancing bound, int maxInstances) {
    Optional<String> infeasible = instance.slo().infeasibility(instance.meanServiceTimeSeconds());
    if (infeasible.isPresent()) {
      return new Runway.Infeasible(infeasible.get());
    }
    for (GrowthProjection.ProjectedDay day : projection.days()) {
      double upper = day.peak().upper();
      if (upper > 0) {
        SizingPlan sizing = instance.size(upper);
        OptionalInt needed = instances(sizing, bound);
        if (needed.isEmpty() || needed.getAsInt() > maxInstances) {
          return new Runway.Reached(day.date(), day.peak(), sizing, maxInstances);
        }
      }
    }
    return new Runway.NotReached(projection.horizonEnd(), maxInstances);
  }

  /** The instances of one bound, empty when infeasible. */
  static OptionalInt instances(SizingPlan sizing, LoadBalancing bound) {
    if (sizing instanceof SizingPlan.Sized sized) {
      FleetBound fleet = bound == LoadBalancing.POOLED ? sized.pooled() : sized.randomSplit();
      return OptionalInt.of(fleet.instances());
    }
    return OptionalInt.empty();
  }
}
