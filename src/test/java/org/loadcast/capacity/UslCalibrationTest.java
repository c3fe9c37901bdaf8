package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UslCalibrationTest {

  private static ProbeStepCheck step(double concurrency, double throughput, boolean saturated, boolean problem,
      boolean failing) {
    return new ProbeStepCheck(throughput, throughput, failing ? 0.5 : 0, concurrency, 1000 * concurrency / throughput,
        40, 80, 100, 0, saturated, problem, failing);
  }

  /** Steps on an exact USL curve σ = 0.05, κ = 0.002, λ = 25 /s, at N = 1, 2, 4, ..., 12. */
  private static List<ProbeStepCheck> exactSteps(int count) {
    UslModel model = new UslModel(0.05, 0.002, 25);
    List<ProbeStepCheck> steps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double n = i == 0 ? 1 : 2.0 * i;
      steps.add(step(n, model.throughputPerSecondAt(n), n > 8, false, false));
    }
    return steps;
  }

  @Test
  void fromSteps_exactCurveWithSaturatedSteps_recoversTheCoefficients() {
    UslCalibration usl = UslCalibration.fromSteps(exactSteps(7));
    assertThat(usl).isInstanceOf(UslCalibration.Fitted.class);
    UslCalibration.Fitted fitted = (UslCalibration.Fitted) usl;
    assertThat(fitted.points()).isEqualTo(7);
    assertThat(fitted.fit().model().sigma()).isCloseTo(0.05, within(1e-4));
    assertThat(fitted.fit().model().kappa()).isCloseTo(0.002, within(1e-5));
    assertThat(fitted.fit().model().lambdaPerSecond()).isCloseTo(25, within(1e-3));
    // N_max = √(0.95/0.002) = 21.794, X(N_max) = 25·21.794/(1 + 0.05·20.794 + 0.002·21.794·20.794)
    assertThat(fitted.peakConcurrency()).isCloseTo(21.794, within(0.01));
    assertThat(fitted.peakThroughputPerSecond()).isCloseTo(25 * 21.7945 / (1 + 0.05 * 20.7945 + 0.002 * 21.7945 * 20.7945),
        within(0.01));
  }

  @Test
  void fromSteps_flaggedAndFailingStepsLeftOut_reasonCountsThem() {
    List<ProbeStepCheck> steps = new ArrayList<>(exactSteps(5));
    steps.add(step(12, 30, true, true, false));
    steps.add(step(14, 30, true, false, true));
    UslCalibration usl = UslCalibration.fromSteps(steps);
    assertThat(usl).isInstanceOf(UslCalibration.NotFitted.class);
    assertThat(usl.points()).isEqualTo(5);
    assertThat(((UslCalibration.NotFitted) usl).reason())
        .isEqualTo("the USL needs at least 6 probe steps, but only 5 of the 7 could be used (1 completed nothing or "
            + "failed, 1 broke Little's law by more than 5 %)");
  }

  @Test
  void fromSteps_linearData_fixesKappaAtZeroAndHasNoPeak() {
    List<ProbeStepCheck> steps = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      steps.add(step(n, 20.0 * n * (1 + 0.001 * n), false, false, false));  // curving upwards: κ < 0 free
    }
    UslCalibration.Fitted fitted = (UslCalibration.Fitted) UslCalibration.fromSteps(steps);
    assertThat(fitted.fit().coherencyFixedAtZero()).isTrue();
    assertThat(fitted.fit().model().kappa()).isZero();
    assertThat(fitted.peakConcurrency()).isInfinite();
  }
}
