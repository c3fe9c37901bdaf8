package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.capacity.SyntheticProbe;
import org.loadcast.report.CalibrationSummary;
import org.loadcast.results.ProbeStepMeasurement;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.ServiceTime;

class CalibrationAnalysisTest {
  private static final List<ProbeStepMeasurement> STEPS = SyntheticProbe.steps(1);
  private static final ServiceCalibration CALIBRATION = ServiceCalibration.fromProbe(STEPS);
  private static final ServiceModel MODEL = LoadTestPipeline.calibratedModel(200, CALIBRATION, "run-1");
  private static final LatencySlo SLO = new LatencySlo(95, 250);

  @Test
  void calibratedModel_runsTheScaledHistogram_andGivesBackTheMeasuredCapacity() {
    assertThat(MODEL.serviceTime()).isInstanceOf(ServiceTime.Empirical.class);
    assertThat(MODEL.workersPerInstance()).isEqualTo(4);
    assertThat(MODEL.capacityPerSecond()).isCloseTo(CALIBRATION.capacityPerSecond(), within(1e-9));
    assertThat(((ServiceTime.Empirical) MODEL.serviceTime()).totalCount()).isEqualTo(CALIBRATION.serviceTime().sampleCount());
    assertThat(MODEL.origin()).contains("low-load steps at 10, 20 requests per second (120 requests");
  }

  @Test
  void summarize_syntheticProbe_fitsTheUslAndOrdersTheCapacities() {
    CalibrationSummary s = CalibrationAnalysis.summarize(CALIBRATION, STEPS, MODEL, SLO, 19950721, 1236);
    // ten points from a 4-worker service with capacity 88.3 per second
    assertThat(s.usl().fitted()).isTrue();
    assertThat(s.usl().points()).isEqualTo(10);
    assertThat(s.usl().sigma()).isBetween(0.0, 1.0);
    assertThat(s.usl().peakThroughputPerSecond()).isCloseTo(88.25, within(0.15 * 88.25));
    assertThat(s.serviceTime().stepOfferedRatesPerSecond()).containsExactly(10.0, 20.0);
    assertThat(s.serviceTime().sampleCount()).isEqualTo(120);
    CalibrationSummary.InstanceCapacity c = s.perInstanceCapacity();
    // log-normal σ 0.5 varies less than the exponential (Cs² 0.28 against 1), so the simulated
    // instance carries more than the M/M/4 bound, and less than its saturation
    assertThat(c.basis()).isEqualTo("simulated");
    assertThat(s.perInstanceCapacityPerSecond()).isEqualTo(c.simulatedPerSecond());
    assertThat(c.simulatedPerSecond()).isGreaterThan(c.erlangPerSecond()).isLessThan(c.saturationPerSecond());
    assertThat(c.measuredSomeStepMissed()).isTrue();
    assertThat(s.sizing().simulatedInstances()).isBetween(1, s.sizing().erlangRandomSplitInstances());
    assertThat(s.sizing().simulatedOverSloPercent()).isLessThanOrEqualTo(5.0);
  }

  @Test
  void summarize_sameInputs_sameSummary() {
    assertThat(CalibrationAnalysis.summarize(CALIBRATION, STEPS, MODEL, SLO, 7, 500))
        .isEqualTo(CalibrationAnalysis.summarize(CALIBRATION, STEPS, MODEL, SLO, 7, 500));
  }

  @Test
  void summarize_noSizingRate_leavesSizingOut() {
    assertThat(CalibrationAnalysis.summarize(CALIBRATION, STEPS, MODEL, SLO, 7, Double.NaN).sizing()).isNull();
  }
}
