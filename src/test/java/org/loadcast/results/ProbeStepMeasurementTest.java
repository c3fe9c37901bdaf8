package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ProbeStepMeasurementTest {

  /**
   * Seconds where second {@code s} started {@code s} requests, completed {@code 2s}, failed 1 when
   * {@code s} is odd, had {@code s} in flight and one latency of {@code s} ms: every figure names
   * the second it came from.
   */
  private static List<SecondResult> seconds(int count) {
    List<SecondResult> seconds = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      Histogram h = new Histogram(LoadTestRecorder.HIGHEST_LATENCY_MICROS, LoadTestRecorder.SIGNIFICANT_DIGITS);
      h.recordValue(1000L * (s + 1));
      TreeMap<String, Histogram> latency = new TreeMap<>();
      latency.put("GET /", h);
      seconds.add(new SecondResult(s, Phase.PROBE, s, 2L * s, s % 2, s, new TreeMap<>(), latency));
    }
    return seconds;
  }

  @Test
  void measure_stepsOfFiveSeconds_leaveOutTheFirstSecondOfEach() {
    // the probe starts at second 10 (after a 10-s warm-up that is not measured); steps of 5 s:
    // step 0 is seconds 10..14, measured 11..14; step 1 is 15..19, measured 16..19
    List<ProbeStepMeasurement> steps = ProbeStepMeasurement.measure(seconds(30), 10, List.of(20.0, 40.0), 5);
    assertThat(steps).hasSize(2);
    ProbeStepMeasurement first = steps.get(0);
    assertThat(first.seconds()).isEqualTo(4);
    assertThat(first.offeredRatePerSecond()).isEqualTo(20);
    assertThat(first.arrivalRatePerSecond()).isEqualTo((11 + 12 + 13 + 14) / 4.0);
    // completions 2s minus failures (seconds 11 and 13) over 4 s
    assertThat(first.throughputPerSecond()).isEqualTo((2.0 * (11 + 12 + 13 + 14) - 2) / 4);
    assertThat(first.failedPerSecond()).isEqualTo(0.5);
    assertThat(first.meanConcurrency()).isEqualTo(12.5);
    assertThat(first.latencyMicros().getTotalCount()).isEqualTo(4);
    assertThat(first.latencyMicros().getMinValue()).isEqualTo(12_000);
    assertThat(first.latencyMicros().getMaxValue()).isBetween(15_000L, 15_010L);
    assertThat(steps.get(1).meanConcurrency()).isEqualTo(17.5);
  }

  @Test
  void measure_shortSteps_measureEverySecond() {
    List<ProbeStepMeasurement> steps = ProbeStepMeasurement.measure(seconds(10), 2, List.of(5.0, 6.0), 2);
    assertThat(steps.get(0).seconds()).isEqualTo(2);
    assertThat(steps.get(0).meanConcurrency()).isEqualTo(2.5);
    assertThat(steps.get(1).meanConcurrency()).isEqualTo(4.5);
  }

  @Test
  void measure_stepBeyondTheResults_isLeftOut() {
    assertThat(ProbeStepMeasurement.measure(seconds(19), 10, List.of(20.0, 40.0), 5)).hasSize(1);
  }

  @Test
  void measure_stepSecondsBelowOne_isAnError() {
    assertThatThrownBy(() -> ProbeStepMeasurement.measure(seconds(5), 0, List.of(1.0), 0))
        .hasMessage("stepSeconds must be >= 1, but was 0");
  }
}
