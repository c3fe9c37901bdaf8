package org.loadcast.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadTestRecorderTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);
  private final LoadTestRecorder recorder = new LoadTestRecorder(clock::get);

  private void at(double seconds) {
    clock.set(1_000_000_000_000L + Math.round(seconds * 1e9));
  }

  @Test
  void snapshot_countsByStartAndCompletionSecond() {
    at(0.2);
    long a = recorder.started(Phase.PROBE);
    at(0.7);
    long b = recorder.started(Phase.PROBE);
    at(1.5);
    recorder.completed("home", a, 200, false);
    at(2.1);
    recorder.completed("img", b, 503, true);
    List<SecondResult> seconds = recorder.snapshot();
    assertThat(seconds).hasSize(3);
    assertThat(seconds.get(0).started()).isEqualTo(2);
    assertThat(seconds.get(1).completed()).isEqualTo(1);
    assertThat(seconds.get(2).failed()).isEqualTo(1);
    assertThat(seconds.get(2).statusCounts()).containsEntry(503, 1L);
    // latencies go under the second the request started
    assertThat(seconds.get(0).latencyMicros().get("home").getMaxValue()).isCloseTo(1_300_000L, within(1_500L));
    // a failed request is counted, but says nothing of the latency
    assertThat(seconds.get(0).latencyMicros()).doesNotContainKey("img");
  }

  @Test
  void snapshot_inFlightIntegral_isTheTimeAverageWithinEachSecond() {
    at(0.5);
    long a = recorder.started(Phase.REPLAY);
    at(1.25);
    long b = recorder.started(Phase.REPLAY);
    at(1.75);
    recorder.completed("x", a, 200, false);
    at(2.0);
    recorder.completed("x", b, 200, false);
    List<SecondResult> seconds = recorder.snapshot();
    assertThat(seconds.get(0).meanConcurrency()).isCloseTo(0.5, within(1e-9));
    // second 1: one in flight for 0.25 s, two for 0.5 s, one for 0.25 s
    assertThat(seconds.get(1).meanConcurrency()).isCloseTo(0.25 + 1.0 + 0.25, within(1e-9));
    assertThat(seconds.get(1).phase()).isEqualTo(Phase.REPLAY);
    assertThat(recorder.inFlight()).isZero();
  }

  @Test
  void snapshot_emptySecondsBetweenEvents_arePresentAndEmpty() {
    at(0.1);
    long a = recorder.started(Phase.PROBE);
    at(3.5);
    recorder.completed("x", a, 200, false);
    List<SecondResult> seconds = recorder.snapshot();
    assertThat(seconds).extracting(SecondResult::second).containsExactly(0, 1, 2, 3);
    assertThat(seconds.get(2).started()).isZero();
    assertThat(seconds.get(2).meanConcurrency()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void closedSecondsFrom_onlySecondsThatEnded_equalToTheSnapshotsEntries() {
    at(0.2);
    long a = recorder.started(Phase.WARMUP);
    at(0.4);
    recorder.completed("home", a, 200, false);
    at(2.3);
    long b = recorder.started(Phase.PROBE);
    at(3.6);
    // seconds 0, 1 and 2 have ended; 3 is running
    List<SecondResult> closed = recorder.closedSecondsFrom(0);
    assertThat(closed).extracting(SecondResult::second).containsExactly(0, 1, 2);
    List<SecondResult> all = recorder.snapshot();
    for (int s = 0; s < 3; s++) {
      assertThat(closed.get(s).started()).isEqualTo(all.get(s).started());
      assertThat(closed.get(s).completed()).isEqualTo(all.get(s).completed());
      assertThat(closed.get(s).meanConcurrency()).isEqualTo(all.get(s).meanConcurrency());
      assertThat(closed.get(s).phase()).isEqualTo(all.get(s).phase());
    }
    assertThat(closed.get(1).phase()).isEqualTo(Phase.WARMUP);
    assertThat(closed.get(2).meanConcurrency()).isCloseTo(0.7, within(1e-9));
    recorder.completed("home", b, 200, false);
    assertThat(recorder.closedSecondsFrom(2)).extracting(SecondResult::second).containsExactly(2);
    assertThat(recorder.closedSecondsFrom(3)).isEmpty();
  }

  @Test
  void closedSecondsFrom_anEmptySecondAfterAPhase_carriesThePhaseOver() {
    at(0.5);
    recorder.completed("x", recorder.started(Phase.PROBE), 200, false);
    at(4.0);
    assertThat(recorder.closedSecondsFrom(2)).extracting(SecondResult::phase).containsExactly(Phase.PROBE, Phase.PROBE);
  }

  @Test
  void closedSecondsFrom_negative_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.closedSecondsFrom(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("firstSecond must be >= 0, but was -1");
  }

  @Test
  void startAt_movesSecondZeroForward_beforeItNothingCountsAndAfterItSecondsCountFromThere() {
    at(0.1);
    recorder.startAt(1_000_000_000_000L + 1_300_000_000L);
    at(0.5);
    assertThat(recorder.snapshot()).isEmpty();
    assertThat(recorder.closedSecondsFrom(0)).isEmpty();
    assertThat(recorder.elapsedSeconds()).isZero();
    at(1.3);
    long a = recorder.started(Phase.WARMUP);
    at(2.29);
    recorder.started(Phase.WARMUP);
    at(2.31);
    recorder.completed("r", a, 200, false);

    List<SecondResult> seconds = recorder.snapshot();
    assertThat(seconds).extracting(SecondResult::started).containsExactly(2L, 0L);
    assertThat(seconds).extracting(SecondResult::completed).containsExactly(0L, 1L);
    assertThat(seconds.get(0).latencyMicros().get("r").getMaxValue()).isBetween(1_009_000L, 1_011_000L);
    // one request in flight over the whole of second 0, a second one from 0.99 s on
    assertThat(seconds.get(0).meanConcurrency()).isCloseTo(1.01, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void startAt_afterARequestOrInThePast_isRefused() {
    at(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.startAt(1_000_000_000_000L))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("second 0 must start now or later");
    recorder.started(Phase.PROBE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> recorder.startAt(1_000_000_000_000L + 5_000_000_000L))
        .isInstanceOf(IllegalStateException.class).hasMessage("second 0 can only move before the first request is recorded");
  }

  @Test
  void firstUnsettledSecond_isHeldBackByARequestInFlight_andByTheSecondThatHasNotEnded() {
    at(0.1);
    long a = recorder.started(Phase.PROBE);
    at(1.2);
    long b = recorder.started(Phase.PROBE);
    at(1.3);
    recorder.completed("b", b, 200, false);
    at(3.5);

    assertThat(recorder.firstUnsettledSecond()).isZero();

    recorder.completed("a", a, 200, false);
    assertThat(recorder.firstUnsettledSecond()).isEqualTo(3);
    at(4.0);
    assertThat(recorder.firstUnsettledSecond()).isEqualTo(4);
  }
}
