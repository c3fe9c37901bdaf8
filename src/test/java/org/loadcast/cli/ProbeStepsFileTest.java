package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.capacity.ProbeStepCheck;
import org.loadcast.profile.InputException;

/** Reading back the probe-steps.csv that the load test writes. */
class ProbeStepsFileTest {

  @Test
  void parse_rowAsTheLoadTestWritesIt_percentsBecomeFractionsAndEmptyIsNaN() {
    List<ProbeStepCheck> steps = ProbeStepsFile.parse("probe-steps.csv", List.of(ProbeStepsFile.HEADER,
        "140.000,88.200,2.50,162.9500,1847.500,1708.000,3838.000,,6.25,true,true,false", ""));
    assertThat(steps).singleElement().satisfies(s -> {
      assertThat(s.offeredRatePerSecond()).isEqualTo(140);
      assertThat(s.throughputPerSecond()).isEqualTo(88.2);
      assertThat(s.failedFraction()).isEqualTo(0.025);
      assertThat(s.meanConcurrency()).isEqualTo(162.95);
      assertThat(s.p99LatencyMillis()).isNaN();
      assertThat(s.littleDiscrepancyFraction()).isEqualTo(0.0625);
      assertThat(s.saturated()).isTrue();
      assertThat(s.measurementProblem()).isTrue();
      assertThat(s.failing()).isFalse();
    });
  }

  @Test
  void parse_infiniteOrHexNumber_isRefusedAtItsColumn() {
    assertThatThrownBy(() -> ProbeStepsFile.parse("p.csv", List.of(ProbeStepsFile.HEADER,
        "10,Infinity,0,1,1,1,1,1,0,false,false,false", "10,0x1p3,0,1,1,1,1,1,0,false,false,false")))
        .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(Object::toString)
            .containsExactly("p.csv:2:4: throughputPerSecond must be a finite decimal number or empty, but was 'Infinity'",
                "p.csv:3:4: throughputPerSecond must be a finite decimal number or empty, but was '0x1p3'"));
  }
}
