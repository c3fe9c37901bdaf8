package org.loadcast.cli;

import java.util.List;
import org.loadcast.capacity.LatencySlo;
import org.loadcast.capacity.MeasuredSloCapacity;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.capacity.ServiceTimeFit;
import org.loadcast.capacity.SizingPlan;
import org.loadcast.capacity.UslCalibration;
import org.loadcast.capacity.UslFit;
import org.loadcast.report.CalibrationSummary;
import org.loadcast.results.ProbeStepMeasurement;

/**
 * Builds the report's calibration figures from a probe: the USL, the service-time fit, the
 * per-instance capacity at the SLO (measured, Erlang C and simulated) and the fleet sizing at a
 * given rate. The simulated figures come from {@link SimulatedSizing}, so this lives in {@code cli},
 * above both {@code capacity} and {@code sim}. Stateless and thread-safe.
 */
public final class CalibrationAnalysis {
  private CalibrationAnalysis() {}

  /**
   * Summarises a calibration.
   *
   * @param calibration the probe's calibration
   * @param steps the probe's measured steps, the ones the calibration was made from, in step order
   * @param service the calibrated model the simulator runs ({@link LoadTestPipeline#calibratedModel})
   * @param slo the experiment's SLO
   * @param seed the run seed, for the simulations
   * @param sizingRatePerSecond the fleet rate to size for, such as the demand's peak; NaN for none
   * @return the summary
   * @throws IllegalArgumentException if the steps do not match the calibration's checks
   */
  public static CalibrationSummary summarize(ServiceCalibration calibration, List<ProbeStepMeasurement> steps,
      ServiceModel service, org.loadcast.sim.LatencySlo slo, long seed, double sizingRatePerSecond) {
    LatencySlo objective = LatencySlo.percentileAtMost(slo.percentile() / 100, slo.latencySeconds());
    SimulatedSizing.Fleet one = SimulatedSizing.Fleet.of(service, seed);
    MeasuredSloCapacity measured = MeasuredSloCapacity.of(steps, calibration.steps(), slo.percentile() / 100,
        slo.latencyMillis());
    double erlang = objective.maxArrivalRatePerSecond(service.workersPerInstance(), service.serviceTime().meanSeconds());
    double simulated = SimulatedSizing.maxRatePerInstance(one, objective);
    CalibrationSummary.InstanceCapacity capacity = new CalibrationSummary.InstanceCapacity(
        simulated > 0 ? "simulated" : "measured", measured.capacityPerSecond(), measured.offeredRatePerSecond(),
        measured.someStepMissed(), erlang, simulated, service.capacityPerSecond());
    CalibrationSummary.Sizing sizing = Double.isFinite(sizingRatePerSecond) && sizingRatePerSecond > 0
        ? sizing(SimulatedSizing.size(one, sizingRatePerSecond, objective), sizingRatePerSecond) : null;
    return new CalibrationSummary(usl(calibration.usl()), serviceTime(calibration.serviceTime(), service),
        simulated > 0 ? simulated : measured.capacityPerSecond(), capacity, sizing);
  }

  /** Returns a probe's USL fit as the report shows it: the fitted parameters, or why there are none. */
  static CalibrationSummary.Usl usl(UslCalibration usl) {
    if (usl instanceof UslCalibration.Fitted f) {
      UslFit fit = f.fit();
      return new CalibrationSummary.Usl(true, null, f.points(), fit.model().sigma(), fit.model().kappa(),
          fit.model().lambdaPerSecond(), fit.coherencyFixedAtZero(), finite(f.peakConcurrency()),
          finite(f.peakThroughputPerSecond()), fit.sumOfSquaredErrors());
    }
    UslCalibration.NotFitted n = (UslCalibration.NotFitted) usl;
    return new CalibrationSummary.Usl(false, n.reason(), n.points(), null, null, null, null, null, null, null);
  }

  private static CalibrationSummary.ServiceTimeFit serviceTime(ServiceTimeFit fit, ServiceModel service) {
    return new CalibrationSummary.ServiceTimeFit(fit.medianSeconds() * 1000, fit.sigma(),
        fit.histogramMeanSeconds() * 1000, fit.sampleCount(), fit.stepOfferedRatesPerSecond(),
        ServiceTimeFit.LOW_LOAD_UTILIZATION_FRACTION, service.serviceTime().meanSeconds() / fit.histogramMeanSeconds());
  }

  private static CalibrationSummary.Sizing sizing(SimulatedSizing.Result r, double rate) {
    SizingPlan.Sized sized = r.erlang() instanceof SizingPlan.Sized s ? s : null;
    return new CalibrationSummary.Sizing(rate, sized == null ? null : sized.pooled().instances(),
        sized == null ? null : sized.randomSplit().instances(),
        r.erlang() instanceof SizingPlan.Infeasible i ? i.reason() : null,
        r.isFeasible() ? r.simulated().instances() : null,
        r.isFeasible() ? 100 * r.simulated().overSloFraction() : null, r.reason());
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
