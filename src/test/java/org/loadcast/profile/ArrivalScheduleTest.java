package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

  @Test
  void compile_realNasaDay_totalMatchesTheIntegralAndNoStepIsOffByOne() {
    RateCurve curve = TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml")).rate().bridgedOverMissing();
    double from = 12 * 86_400;
    double to = from + 86_400;
    double scale = 3.7;
    ArrivalSchedule schedule = ArrivalSchedule.compile(curve, from, to, 120, 1, scale);

    double expected = scale * curve.integral(from, to);
    assertThat(schedule.stepCount()).isEqualTo(120);
    assertThat(schedule.totalArrivals()).isEqualTo(Math.round(expected));
    assertThat(schedule.compressionFactor()).isEqualTo(720);
    for (int i = 0; i < 120; i++) {
      double stepExpected = scale * curve.integral(from + i * 720.0, from + (i + 1) * 720.0);
      assertThat((double) schedule.count(i)).isCloseTo(stepExpected, within(1.0));
    }
  }

  @Test
  void compile_constantRate_givesEqualWholeSteps() {
    RateCurve flat = RateCurve.of(new double[] {0, 100}, new double[] {2.5, 2.5}, Interpolation.LINEAR, List.of());
    ArrivalSchedule schedule = ArrivalSchedule.compile(flat, 0, 100, 10, 1, 1);
    assertThat(schedule.counts()).containsOnly(25);
    assertThat(schedule.peakRatePerSecond()).isEqualTo(25);
  }

  @Test
  void compile_fractionalCounts_carryTheRemainderForward() {
    RateCurve flat = RateCurve.of(new double[] {0, 3}, new double[] {1 / 3.0, 1 / 3.0}, Interpolation.LINEAR, List.of());
    ArrivalSchedule schedule = ArrivalSchedule.compile(flat, 0, 3, 3, 1, 1);
    assertThat(schedule.totalArrivals()).isEqualTo(1);
    assertThat(schedule.counts()).containsExactly(0, 1, 0);
  }

  @Test
  void compile_windowWithMissingData_refusesToGuess() {
    RateCurve gappy = RateCurve.of(new double[] {0, 60, 120}, new double[] {1, 0, 0}, Interpolation.STEP,
        List.of(new TimeRange(60, 120)));
    assertThatThrownBy(() -> ArrivalSchedule.compile(gappy, 0, 120, 10, 1, 1))
        .hasMessageContaining("60.0 s of missing data; bridge the curve first");
  }

  @Test
  void compile_zeroSteps_isRejected() {
    RateCurve flat = RateCurve.of(new double[] {0, 1}, new double[] {1, 1}, Interpolation.LINEAR, List.of());
    assertThatThrownBy(() -> ArrivalSchedule.compile(flat, 0, 1, 0, 1, 1)).hasMessage("steps must be >= 1, but was 0");
  }
}
