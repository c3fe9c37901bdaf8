package org.loadcast.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.Phase;

class LiveFeedTest {
  private static final long ORIGIN = 7_000_000_000_000L;
  private final AtomicLong clock = new AtomicLong(ORIGIN);
  private final LoadTestRecorder recorder = new LoadTestRecorder(clock::get);
  private final AtomicInteger samples = new AtomicInteger();
  private final LiveFeed feed = new LiveFeed(recorder, s -> s, () -> new SystemUnderTestSample(samples.incrementAndGet(), 0));

  private void at(double seconds) {
    clock.set(ORIGIN + Math.round(seconds * 1e9));
  }

  @Test
  void poll_returnsEachClosedSecondOnce_inOrder_withOneSamplePerPoll() {
    at(0.5);
    long a = recorder.started(Phase.PROBE);
    at(2.5);
    assertThat(feed.poll()).extracting(DashboardSecond::second).containsExactly(0, 1);
    assertThat(feed.poll()).isEmpty();
    recorder.completed("x", a, 200, false);
    at(3.0);
    assertThat(feed.poll()).singleElement().satisfies(e -> {
      assertThat(e.second()).isEqualTo(2);
      assertThat(e.completedPerSecond()).isEqualTo(1);
      assertThat(e.targetRatePerSecond()).isEqualTo(2.0);
      assertThat(e.systemUnderTest().queueLength()).isEqualTo(2);
    });
    assertThat(feed.latest()).map(DashboardSecond::second).hasValue(2);
    assertThat(feed.historyAfter(0)).extracting(DashboardSecond::second).containsExactly(1, 2);
  }

  @Test
  void finish_addsTheRunningSecond_thenNothingMore() {
    at(0.2);
    long a = recorder.started(Phase.REPLAY);
    at(1.4);
    recorder.completed("x", a, 200, false);
    assertThat(feed.finish()).extracting(DashboardSecond::second).containsExactly(0, 1);
    assertThat(feed.finished()).isTrue();
    at(5);
    assertThat(feed.poll()).isEmpty();
    assertThat(feed.finish()).isEmpty();
  }

  @Test
  void history_keepsTheLast900Seconds() {
    at(0.5);
    recorder.completed("x", recorder.started(Phase.REPLAY), 200, false);
    at(1000);
    assertThat(feed.poll()).hasSize(1000);
    assertThat(feed.historyAfter(-1)).hasSize(LiveFeed.HISTORY_SECONDS)
        .first().extracting(DashboardSecond::second).isEqualTo(100);
  }

  @Test
  void anExternalTarget_hasNoSystemUnderTestInItsEvents() {
    LiveFeed external = new LiveFeed(recorder, s -> 0, null);
    at(1.5);
    assertThat(external.poll()).singleElement().satisfies(e -> assertThat(e.systemUnderTest()).isNull());
    assertThat(LiveDashboard.json(external.latest().orElseThrow())).doesNotContain("systemUnderTest");
  }
}
