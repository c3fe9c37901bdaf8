package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.autoscale.ArrivalHistory;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.TimeRange;

class ExperimentRunTest {

  @Test
  void history_bucketsEndAtTheHorizonAndMostlyMissingBucketsAreNaN() {
    RateCurve original = RateCurve.of(new double[] {0, 600, 1200, 1800, 2400}, new double[] {1, 0, 2, 3, 3},
        Interpolation.STEP, List.of(new TimeRange(600, 1100)));
    RateCurve demand = original.bridgedOverMissing().scaled(10);
    ArrivalHistory history = ExperimentRun.history(original, demand, 2000, 300);
    double[] counts = history.arrivals();
    // 6 whole buckets of 300 s end at 2000: [200, 500), [500, 800), ... [1700, 2000)
    assertThat(counts).hasSize(6);
    assertThat(counts[0]).isCloseTo(10 * 300, within(1e-9));
    assertThat(Double.isNaN(counts[1])).as("200 s of 300 missing").isTrue();
    assertThat(Double.isNaN(counts[2])).as("wholly missing").isTrue();
    assertThat(counts[3]).isCloseTo(demand.integral(1100, 1400), within(1e-9));
    assertThat(counts[5]).isCloseTo(10 * (2 * 100 + 3 * 200), within(1e-9));
    assertThat(history.missingBuckets()).isEqualTo(2);
  }

  @Test
  void requestRate_sessionProfile_isTheSessionRateTimesTheExpectedRequestsPerSession() {
    Experiment experiment = Experiments.read(Path.of("src/test/resources/replay/sessions.yaml"));
    double perSession = experiment.profile().mix().sessions().expectedRequestsPerSession();
    RateCurve requests = ExperimentRun.requestRate(experiment.profile());
    // 2 sessions per second at noon
    assertThat(requests.rateAt(43200)).isCloseTo(2 * perSession, within(1e-12));
    assertThat(requests.integral(0, 86400)).isCloseTo(perSession * experiment.profile().rate().integral(0, 86400), within(1e-6));
  }

  @Test
  void requestRate_weightedProfile_isTheProfilesOwnCurve() {
    Experiment experiment = Experiments.read(Path.of("simulations/smoke.yaml"));
    assertThat(ExperimentRun.requestRate(experiment.profile())).isSameAs(experiment.profile().rate());
  }
}
