package org.loadcast.report;

import java.util.List;
import java.util.Objects;

/**
 * What {@code loadcast capacity} found, as {@code capacity.json} holds it: the demand's daily peaks
 * in the experiment's units, their growth projection, the monthly capacity plan and runway, one
 * instance's capacity at the SLO, a sizing table, and the USL of a load test's probe.
 *
 * <p>Rates are requests per second of the scaled demand; dates are ISO local dates in the profile's
 * zone; money is in the price's currency. A value that does not exist (no fit, infeasible sizing)
 * is null. Nothing here depends on the wall clock: the same inputs and seed give the same report.
 *
 * @param experiment the experiment's name
 * @param description the experiment's description
 * @param seed the run seed of the simulated sizings
 * @param timezone the profile's zone, whose calendar days the peaks are
 * @param sloPercentile the SLO's percentile, in (0, 100)
 * @param sloLatencyMillis the SLO's bound
 * @param workersPerInstance workers of one instance
 * @param meanServiceTimeMillis the service model's mean service time
 * @param serviceModelOrigin the service model used throughout: {@code the experiment's
 *     simulation.service}, or {@code calibrated from <run>} with a load test's results
 * @param pricePerHour one instance's price per hour
 * @param demandScale the factor the profile's request rate is multiplied by, as the simulation does
 * @param growth the growth settings and the fitted trend
 * @param uslSigma the USL contention σ; null when not fitted
 * @param uslKappa the USL coherency κ; null when not fitted
 * @param uslLambda the USL single-client throughput λ, per second; null when not fitted
 * @param uslKappaFixedAtZero whether κ was fixed at 0 because the free fit gave κ &lt; 0; null when not fitted
 * @param uslPoints the probe steps the fit used; null without load-test results
 * @param uslNotFittedReason why the USL was not fitted; null when it was
 * @param perInstanceCapacityPerSecond the highest rate one instance carries within the SLO in
 *     simulation ({@code SimulatedSizing.maxRatePerInstance})
 * @param perInstanceErlangCapacityPerSecond the same for M/M/k with exponential service of the same mean
 * @param perInstanceSaturationPerSecond workers / mean service time, the rate at 100 % utilization
 * @param fleetCapacityPerSecond maxInstances × perInstanceCapacityPerSecond
 * @param fleetSplitCapacityPerSecond maxInstances × perInstanceErlangCapacityPerSecond: the largest
 *     peak the planned bound (random split) carries, where the runway falls
 * @param runwayKind {@code reached}, {@code not-reached} or {@code infeasible}
 * @param runwayDate the first day whose upper peak needs more than maxInstances; null unless reached
 * @param runwayReason the runway in one sentence
 * @param plan the monthly plan, in date order
 * @param sizing the sizing table, in the order of its load levels
 * @param dailyPeaks the daily peaks of the history, in date order
 * @param skippedDays the days of the history without a peak, with the reason, in date order
 * @param projection the projected daily peaks, in date order
 */
public record CapacityReport(String experiment, String description, long seed, String timezone, double sloPercentile,
    double sloLatencyMillis, int workersPerInstance, double meanServiceTimeMillis, String serviceModelOrigin,
    double pricePerHour,
    double demandScale, Growth growth, Double uslSigma, Double uslKappa, Double uslLambda, Boolean uslKappaFixedAtZero,
    Integer uslPoints, String uslNotFittedReason, double perInstanceCapacityPerSecond,
    double perInstanceErlangCapacityPerSecond, double perInstanceSaturationPerSecond, double fleetCapacityPerSecond,
    double fleetSplitCapacityPerSecond, String runwayKind, String runwayDate, String runwayReason, List<PlanRow> plan,
    List<SizingRow> sizing, List<PeakDay> dailyPeaks, List<SkippedDay> skippedDays, List<ProjectedDay> projection) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a list, the growth or a name is null
   */
  public CapacityReport {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(growth, "growth");
    Objects.requireNonNull(runwayKind, "runwayKind");
    Objects.requireNonNull(serviceModelOrigin, "serviceModelOrigin");
    plan = List.copyOf(plan);
    sizing = List.copyOf(sizing);
    dailyPeaks = List.copyOf(dailyPeaks);
    skippedDays = List.copyOf(skippedDays);
    projection = List.copyOf(projection);
  }

  /**
   * The growth settings and the trend fitted to the daily peaks.
   *
   * @param method the ETS method's YAML name: ses, holt or damped
   * @param etsName its ETS name, such as ETS(A,Ad,N)
   * @param horizonMonths months projected
   * @param intervalPercent the prediction interval's level
   * @param peakWindowSeconds a day's peak is its busiest window of this length
   * @param maxMissingPercentPerDay days with more missing have no peak
   * @param maxInstances the largest fleet allowed
   * @param expectedGrowthPercentPerMonth stated compound growth on top of the trend
   * @param launches the stated launches, as {@code name date +percent}
   * @param stepSeconds the interval of the rate means the peaks are taken from
   * @param alpha the level smoothing α
   * @param beta the trend smoothing β; 0 for ses
   * @param phi the damping φ; 1 without damping
   * @param sigmaPerSecond the residual standard deviation σ of the one-step errors, requests per second
   * @param historyStart the first day of the history
   * @param origin the last day of the history, the forecast origin
   * @param horizonEnd the last projected day
   */
  public record Growth(String method, String etsName, int horizonMonths, double intervalPercent, int peakWindowSeconds,
      double maxMissingPercentPerDay, int maxInstances, double expectedGrowthPercentPerMonth, List<String> launches,
      int stepSeconds, Double alpha, Double beta, Double phi, Double sigmaPerSecond, String historyStart, String origin,
      String horizonEnd) {

    /** Copies the launches. */
    public Growth {
      launches = List.copyOf(launches);
    }
  }

  /**
   * One month of the plan.
   *
   * @param from its first day
   * @param to its last day, inclusive
   * @param peakDate its day with the largest upper peak
   * @param peakPointPerSecond the point forecast of that day's peak
   * @param peakLowerPerSecond the lower bound of its interval
   * @param peakUpperPerSecond the upper bound, which the plan sizes for
   * @param instancesPooled the Erlang pooled bound M/M/(kN) at the upper peak; null when infeasible
   * @param instancesSplit the Erlang random-split bound N × M/M/k; null when infeasible
   * @param plannedInstances the planned (random-split) instances; null when infeasible
   * @param cost plannedInstances × pricePerHour × 24 × days; null when infeasible
   * @param infeasibleReason why no fleet meets the SLO; null when one does
   */
  public record PlanRow(String from, String to, String peakDate, double peakPointPerSecond, double peakLowerPerSecond,
      double peakUpperPerSecond, Integer instancesPooled, Integer instancesSplit, Integer plannedInstances, Double cost,
      String infeasibleReason) {}

  /**
   * One load level of the sizing table.
   *
   * @param label what the level is, such as {@code history peak 1995-07-13}
   * @param arrivalRatePerSecond the fleet's steady rate
   * @param instancesPooled the Erlang pooled bound; null when infeasible
   * @param instancesSplit the Erlang random-split bound; null when infeasible
   * @param simulatedInstances the smallest fleet meeting the SLO in simulation; null when not
   *     simulated or none does
   * @param simulatedOverSloPercent the share of its requests over the SLO bound or dropped
   * @param note why a value is missing; null when none is
   */
  public record SizingRow(String label, double arrivalRatePerSecond, Integer instancesPooled, Integer instancesSplit,
      Integer simulatedInstances, Double simulatedOverSloPercent, String note) {}

  /**
   * One day's peak of the history.
   *
   * @param date the day
   * @param peakRatePerSecond the mean rate of its busiest window
   * @param windowStart the window's start, ISO-8601 with the offset of the profile's time zone, so
   *     that its date is {@code date}
   * @param missingSlots the day's intervals without data
   */
  public record PeakDay(String date, double peakRatePerSecond, String windowStart, int missingSlots) {}

  /**
   * A day of the history without a peak.
   *
   * @param date the day
   * @param missingSlots its intervals without data
   * @param slots its intervals
   * @param reason why it was skipped
   */
  public record SkippedDay(String date, int missingSlots, int slots, String reason) {}

  /**
   * One projected day.
   *
   * @param date the day
   * @param lowerPerSecond the lower bound of its peak
   * @param pointPerSecond the point forecast of its peak
   * @param upperPerSecond the upper bound of its peak
   */
  public record ProjectedDay(String date, double lowerPerSecond, double pointPerSecond, double upperPerSecond) {}
}
