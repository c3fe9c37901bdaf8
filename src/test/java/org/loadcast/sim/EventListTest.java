package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;

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
}
