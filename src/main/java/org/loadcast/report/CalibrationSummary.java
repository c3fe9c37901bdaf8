package org.loadcast.report;

import java.util.List;
import java.util.Objects;

/**
 * What the calibration from the load test's probe found, beyond the service model the simulator
 * ran: the Universal Scalability Law, the low-load service-time fit, what one instance carries
 * within the SLO, and the fleet the experiment's peak needs by Erlang C and by simulation. It is
 * {@code summary.json}'s {@code calibration} and the report's Calibration section. A figure that
 * does not exist (an infinite N_max, a fit that was not made) is null.
 *
 * @param usl the USL fit of the probe's (concurrency, throughput) points, or why not
 * @param serviceTime the service-time fit of the low-load steps
 * @param perInstanceCapacityPerSecond the per-instance capacity at the SLO that the report stands
 *     by: {@link InstanceCapacity#simulatedPerSecond()}, or the measured one when the simulation
 *     found none
 * @param perInstanceCapacity the figures it is chosen from
 * @param sizing the fleet for the experiment's peak demand; null when not computed
 */
public record CalibrationSummary(Usl usl, ServiceTimeFit serviceTime, double perInstanceCapacityPerSecond,
    InstanceCapacity perInstanceCapacity, Sizing sizing) {

  /**
   * Validates the summary.
   *
   * @throws NullPointerException if {@code usl}, {@code serviceTime} or {@code perInstanceCapacity} is null
   */
  public CalibrationSummary {
    Objects.requireNonNull(usl, "usl");
    Objects.requireNonNull(serviceTime, "serviceTime");
    Objects.requireNonNull(perInstanceCapacity, "perInstanceCapacity");
  }

  /**
   * The USL on the probe ({@link org.loadcast.capacity.UslCalibration}).
   *
   * @param fitted whether it was fitted
   * @param notFittedReason why not; null when fitted
   * @param points the probe steps used
   * @param sigma contention σ; null when not fitted
   * @param kappa coherency κ; null when not fitted
   * @param lambdaPerSecond the throughput of one unit of concurrency λ; null when not fitted
   * @param kappaFixedAtZero whether the free κ came out negative and κ was fixed at 0; null when not fitted
   * @param peakConcurrency N_max = √((1−σ)/κ); null when not fitted or κ = 0
   * @param peakThroughputPerSecond X(N_max), or λ/σ when κ = 0; null when not fitted or infinite
   * @param sumOfSquaredErrors the fit's residual sum of squares, (requests per second)²; null when not fitted
   */
  public record Usl(boolean fitted, String notFittedReason, int points, Double sigma, Double kappa,
      Double lambdaPerSecond, Boolean kappaFixedAtZero, Double peakConcurrency, Double peakThroughputPerSecond,
      Double sumOfSquaredErrors) {}

  /**
   * The low-load service-time fit ({@link org.loadcast.capacity.ServiceTimeFit}).
   *
   * @param medianMillis the fitted log-normal's median
   * @param sigma its σ
   * @param histogramMeanMillis the mean of the merged histogram
   * @param sampleCount the latencies merged
   * @param stepOfferedRatesPerSecond the steps merged, by offered rate
   * @param lowLoadUtilizationFraction the utilization threshold of the rule
   * @param empiricalScaleFactor the factor the simulator's histogram is scaled by to give back the
   *     measured capacity
   */
  public record ServiceTimeFit(double medianMillis, double sigma, double histogramMeanMillis, long sampleCount,
      List<Double> stepOfferedRatesPerSecond, double lowLoadUtilizationFraction, double empiricalScaleFactor) {
    /** Copies the list. */
    public ServiceTimeFit {
      stepOfferedRatesPerSecond = List.copyOf(stepOfferedRatesPerSecond);
    }
  }

  /**
   * What one instance carries within the SLO.
   *
   * @param basis which figure {@code perInstanceCapacityPerSecond} is: {@code "simulated"} or {@code "measured"}
   * @param measuredPerSecond the highest throughput of a probe step that met the SLO; 0 when none
   * @param measuredAtOfferedRatePerSecond that step's offered rate; 0 when none
   * @param measuredSomeStepMissed whether a probe step missed the SLO; when not, the measured figure is a lower bound
   * @param erlangPerSecond the highest rate an M/M/k queue with the calibrated workers and mean carries within the SLO
   * @param simulatedPerSecond the highest steady rate one simulated instance with the measured histogram carries within the SLO
   * @param saturationPerSecond the calibrated capacity, workers over mean service time, for comparison
   */
  public record InstanceCapacity(String basis, double measuredPerSecond, double measuredAtOfferedRatePerSecond,
      boolean measuredSomeStepMissed, double erlangPerSecond, double simulatedPerSecond, double saturationPerSecond) {}

  /**
   * The fleet for one arrival rate, by Erlang C bounds and by simulation.
   *
   * @param arrivalRatePerSecond the rate sized for: the experiment's peak demand
   * @param erlangPooledInstances the pooled M/M/(k·N) bound; null when infeasible
   * @param erlangRandomSplitInstances the random-split N × M/M/k bound; null when infeasible
   * @param erlangReason why Erlang C finds no fleet; null when it does
   * @param simulatedInstances the smallest simulated round-robin fleet meeting the SLO; null when none
   * @param simulatedOverSloPercent its share of requests over the SLO bound or dropped after the warm-up; null when none
   * @param simulatedReason why the simulation finds no fleet; null when it does
   */
  public record Sizing(double arrivalRatePerSecond, Integer erlangPooledInstances, Integer erlangRandomSplitInstances,
      String erlangReason, Integer simulatedInstances, Double simulatedOverSloPercent, String simulatedReason) {}
}
