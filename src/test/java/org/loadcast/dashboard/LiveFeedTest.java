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

  @Test
  void phaseOfSecond_namesEachSecondByThePlan_notByTheLastRequest() {
    LiveFeed planned = new LiveFeed(recorder, s -> 0, null, s -> s < 2 ? "probe" : "drain");
    at(0.5);
    long a = recorder.started(Phase.PROBE);
    at(1.5);
    recorder.completed("x", a, 200, false);
    at(3.5);
    // the recorder carries "probe" over the empty seconds; the plan says they are the drain
    assertThat(planned.poll()).extracting(DashboardSecond::phase).containsExactly("probe", "probe", "drain");
    assertThat(feed.poll()).extracting(DashboardSecond::phase).containsExactly("probe", "probe", "probe");
  }

  @Test
  void timeline_everySecondWithTheGaugesAsSent_andTheLatenciesAsRecordedSince() {
    at(0.5);
    long a = recorder.started(Phase.PROBE);
    long b = recorder.started(Phase.PROBE);
    at(1.2);
    assertThat(feed.poll()).hasSize(1); // second 0 sent with sample 1: both requests in flight
    recorder.completed("x", a, 200, false);
    at(2.1);
    assertThat(feed.poll()).hasSize(1); // second 1 sent with sample 2
    at(3.3);
    recorder.completed("x", b, 503, true);
    recorder.completed("y", recorder.started(Phase.REPLAY), 200, false);
    assertThat(feed.finish()).extracting(DashboardSecond::second).containsExactly(2, 3);

    java.util.List<DashboardSecond> timeline = feed.timeline(recorder.snapshot());
    assertThat(timeline).extracting(DashboardSecond::second).containsExactly(0, 1, 2, 3);
    assertThat(timeline).extracting(e -> e.systemUnderTest().queueLength()).containsExactly(1, 2, 3, 3);
    assertThat(timeline).extracting(DashboardSecond::inFlight).containsExactly(2, 1, 0, 0);
    // second 0's request x completed after the second was sent: the timeline has its latency, the live event did not
    assertThat(timeline.get(0).latency().get("x").count()).isEqualTo(1);
    assertThat(timeline.get(0).latency().get("x").p50LatencyMillis()).isCloseTo(700, org.assertj.core.api.Assertions.within(1.0));
    assertThat(timeline.get(3).errorsByStatus()).containsEntry(503, 1L);
    assertThat(timeline).extracting(DashboardSecond::phase).containsExactly("probe", "probe", "probe", "replay");
  }
}
