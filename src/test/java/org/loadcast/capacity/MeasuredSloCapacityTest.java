package org.loadcast.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.loadcast.capacity.ServiceTimeFitTest.logNormalMicros;
import static org.loadcast.capacity.ServiceTimeFitTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.results.ProbeStepMeasurement;

class MeasuredSloCapacityTest {

  private static ProbeStepCheck check(double throughput, boolean failing) {
    return new ProbeStepCheck(throughput, throughput, failing ? 0.5 : 0, 1, 40, 40, 80, 100, 0, false, false, failing);
  }

  @Test
  void of_takesTheHighestStepWithinTheBound_andSaysWhenOneMissed() {
    // p95 of log-normal(40 ms, 0.5) is 40·e^(1.645·0.5) = 91 ms; of (300 ms, 0.2) it is 417 ms
    List<ProbeStepMeasurement> steps = List.of(step(20, 20, logNormalMicros(40, 0.5, 4000, 1)),
        step(60, 58, logNormalMicros(40, 0.5, 4000, 2)), step(100, 88, logNormalMicros(300, 0.2, 4000, 3)));
    MeasuredSloCapacity c = MeasuredSloCapacity.of(steps, List.of(check(20, false), check(58, false), check(88, false)),
        0.95, 250);
    assertThat(c.capacityPerSecond()).isEqualTo(58);
    assertThat(c.offeredRatePerSecond()).isEqualTo(60);
    assertThat(c.someStepMissed()).isTrue();
  }

  @Test
  void of_everyStepWithin_isALowerBound_andFailingStepsDoNotCount() {
    List<ProbeStepMeasurement> steps = List.of(step(20, 20, logNormalMicros(40, 0.5, 4000, 1)),
        step(60, 58, logNormalMicros(40, 0.5, 4000, 2)));
    MeasuredSloCapacity c = MeasuredSloCapacity.of(steps, List.of(check(20, false), check(58, true)), 0.95, 250);
    assertThat(c.capacityPerSecond()).isEqualTo(20);
    assertThat(c.someStepMissed()).isFalse();
  }

  @Test
  void maxArrivalRatePerSecond_mm1_matchesTheClosedForm() {
    // M/M/1, S = 0.1 s: the sojourn time is exponential with rate 10 − λ
    assertThat(LatencySlo.percentileAtMost(0.99, 1).maxArrivalRatePerSecond(1, 0.1))
        .isCloseTo(10 - Math.log(100), within(1e-6));
    assertThat(LatencySlo.meanAtMost(0.5).maxArrivalRatePerSecond(1, 0.1)).isCloseTo(8, within(1e-6));
  }

  @Test
  void maxArrivalRatePerSecond_serviceAloneMisses_isZero() {
    assertThat(LatencySlo.percentileAtMost(0.99, 0.1).maxArrivalRatePerSecond(8, 0.04)).isZero();
  }

  @Test
  void maxArrivalRatePerSecond_referenceSizing_perInstanceRateOfTheSplitBound() {
    // REFERENCE §5.1: split N × M/M/8 meets mean ≤ 50 ms at N = 20 (150 per instance) but not at 19 (157.9)
    double rate = LatencySlo.meanAtMost(0.05).maxArrivalRatePerSecond(8, 0.04);
    assertThat(rate).isBetween(3000.0 / 20, 3000.0 / 19);
  }
}
