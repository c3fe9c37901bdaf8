package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventListTest {

  @Test
  void pop_ordersByTimeThenPriorityThenInsertion() {
    EventList events = new EventList();
    events.schedule(2.0, 5, 1, 0);
    events.schedule(1.0, 9, 2, 0);
    events.schedule(1.0, 3, 3, 0);
    events.schedule(1.0, 3, 4, 0);
    events.schedule(0.5, 9, 5, 0);
    List<Integer> types = new ArrayList<>();
    while (!events.isEmpty()) {
      events.pop();
      types.add(events.type());
    }
    assertThat(types).containsExactly(5, 3, 4, 2, 1);
  }

  @Test
  void pop_manyRandomEvents_comeOutSortedAndComplete() {
    EventList events = new EventList();
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 100_000; i++) {
      events.schedule(random.nextInt(1000), random.nextInt(4), 0, i);
    }
    double lastTime = -1;
    int count = 0;
    while (!events.isEmpty()) {
      events.pop();
      assertThat(events.time()).isGreaterThanOrEqualTo(lastTime);
      lastTime = events.time();
      count++;
    }
    assertThat(count).isEqualTo(100_000);
  }

  @Test
  void pop_manyTies_comeOutByTimeThenPriorityThenInsertion() {
    // few distinct times and priorities, so most events tie on both and only insertion order decides
    EventList events = new EventList();
    SplittableRandom random = new SplittableRandom(2);
    int n = 50_000;
    double[] times = new double[n];
    int[] priorities = new int[n];
    for (int i = 0; i < n; i++) {
      times[i] = random.nextInt(20) * 0.5;
      priorities[i] = random.nextInt(3) * 100;
      events.schedule(times[i], priorities[i], priorities[i], i);
    }
    int previous = -1;
    for (int k = 0; k < n; k++) {
      events.pop();
      int i = events.payload();
      assertThat(events.time()).isEqualTo(times[i]);
      assertThat(events.type()).isEqualTo(priorities[i]);
      if (previous >= 0) {
        assertThat(before(times[previous], priorities[previous], previous, times[i], priorities[i], i))
            .as("event %d before event %d", previous, i).isTrue();
      }
      previous = i;
    }
    assertThat(events.isEmpty()).isTrue();
  }

  @Test
  void pop_interleavedWithSchedule_keepsInsertionOrderAmongTies() {
    // a handler that schedules at the current time with the same priority runs after the events
    // already pending at that time and priority
    EventList events = new EventList();
    events.schedule(1.0, 4, 1, 0);
    events.schedule(1.0, 4, 2, 0);
    events.pop();
    events.schedule(1.0, 4, 3, 0);
    events.schedule(1.0, 2, 4, 0);
    List<Integer> types = new ArrayList<>(List.of(events.type()));
    while (!events.isEmpty()) {
      events.pop();
      types.add(events.type());
    }
    assertThat(types).containsExactly(1, 4, 2, 3);
  }

  @Test
  void schedule_priorityOutOfRange_isRefused() {
    EventList events = new EventList();
    assertThatThrownBy(() -> events.schedule(0, 256, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priority must be in 0..255, but was 256");
    assertThatThrownBy(() -> events.schedule(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("priority must be in 0..255, but was -1");
  }

  @Test
  void schedule_highestPriority_staysAfterLowerOnes() {
    EventList events = new EventList();
    events.schedule(1.0, 255, 1, 0);
    events.schedule(1.0, 0, 2, 0);
    events.pop();
    assertThat(events.type()).isEqualTo(2);
  }

  @Test
  void pop_laneEventsMixedWithHeapEvents_comeOutAsIfAllWereInTheHeap() {
    EventList mixed = new EventList();
    EventList heapOnly = new EventList();
    SplittableRandom random = new SplittableRandom(3);
    double laneAt = 0;
    mixed.scheduleInLane(laneAt, 3, 9, -1);
    heapOnly.schedule(laneAt, 3, 9, -1);
    for (int k = 0; k < 200_000; k++) {
      mixed.pop();
      heapOnly.pop();
      assertThat(mixed.time()).isEqualTo(heapOnly.time());
      assertThat(mixed.type()).isEqualTo(heapOnly.type());
      assertThat(mixed.payload()).as("event %d", k).isEqualTo(heapOnly.payload());
      double now = mixed.time();
      if (mixed.type() == 9) {
        // the lane's source draws its next event, often tying with heap events in time
        laneAt = now + random.nextInt(3) * 0.25;
        mixed.scheduleInLane(laneAt, 3, 9, k);
        heapOnly.schedule(laneAt, 3, 9, k);
      }
      for (int n = random.nextInt(3); n > 0; n--) {
        double at = now + random.nextInt(4) * 0.25;
        int priority = random.nextInt(6);
        mixed.schedule(at, priority, priority, k);
        heapOnly.schedule(at, priority, priority, k);
      }
      assertThat(mixed.size()).isEqualTo(heapOnly.size());
    }
  }

  @Test
  void scheduleInLane_whenFull_isRefused() {
    EventList events = new EventList();
    events.scheduleInLane(1.0, 3, 0, 0);
    assertThatThrownBy(() -> events.scheduleInLane(2.0, 3, 0, 0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lane already holds an event at 1.0 s");
    events.pop();
    events.scheduleInLane(2.0, 3, 0, 0);
    assertThat(events.size()).isEqualTo(1);
  }

  private static boolean before(double t1, int p1, int seq1, double t2, int p2, int seq2) {
    if (t1 != t2) {
      return t1 < t2;
    }
    return p1 != p2 ? p1 < p2 : seq1 < seq2;
  }
}
