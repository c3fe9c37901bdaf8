package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InjectorShardTest {

  @Test
  void counts_handComputed_threeInjectors() {
    // ordinals: second 0 holds 0..4, second 1 holds 5, second 2 none, second 3 holds 6..12
    int[] schedule = {5, 1, 0, 7};

    assertThat(new InjectorShard(3, 0).counts(schedule)).containsExactly(2, 0, 0, 3); // 0 3 | - | - | 6 9 12
    assertThat(new InjectorShard(3, 1).counts(schedule)).containsExactly(2, 0, 0, 2); // 1 4 | - | - | 7 10
    assertThat(new InjectorShard(3, 2).counts(schedule)).containsExactly(1, 1, 0, 2); // 2 | 5 | - | 8 11
  }

  @Test
  void counts_single_isTheScheduleItself() {
    int[] schedule = {0, 3, 9, 1};

    assertThat(InjectorShard.SINGLE.counts(schedule)).containsExactly(schedule);
  }

  @Test
  void counts_randomSchedules_shardsSumToTheScheduleAndDifferByAtMostOnePerSecond() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int trial = 0; trial < 500; trial++) {
      int[] schedule = random.ints(1 + random.nextInt(200), 0, 1 + random.nextInt(500)).toArray();
      int n = 1 + random.nextInt(12);
      int[] sum = new int[schedule.length];
      for (int i = 0; i < n; i++) {
        int[] shard = new InjectorShard(n, i).counts(schedule);
        for (int s = 0; s < schedule.length; s++) {
          sum[s] += shard[s];
          assertThat(shard[s]).as("second %d of %d injectors", s, n).isBetween(schedule[s] / n, schedule[s] / n + 1);
        }
      }
      assertThat(sum).containsExactly(schedule);
    }
  }

  @Test
  void globalOrdinal_ofEveryShardsArrivals_coversEachOrdinalOnce() {
    int[] schedule = {4, 0, 11, 6, 2};
    long total = Arrays.stream(schedule).sum();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      InjectorShard shard = new InjectorShard(4, i);
      long arrivals = Arrays.stream(shard.counts(schedule)).sum();
      for (long j = 0; j < arrivals; j++) {
        assertThat(seen.add(shard.globalOrdinal(j))).isTrue();
      }
    }
    assertThat(seen).hasSize((int) total).allMatch(k -> k >= 0 && k < total);
  }

  @Test
  void scheduleSha256_dependsOnCountsAndPhaseBoundaries() {
    String a = InjectorShard.scheduleSha256(new int[] {1, 2}, new int[] {3});
    assertThat(a).hasSize(64).isEqualTo(InjectorShard.scheduleSha256(new int[] {1, 2}, new int[] {3}));
    assertThat(InjectorShard.scheduleSha256(new int[] {1}, new int[] {2, 3})).isNotEqualTo(a);
    assertThat(InjectorShard.scheduleSha256(new int[] {1, 2}, new int[] {4})).isNotEqualTo(a);
  }

  @Test
  void constructor_outOfRange_saysWhich() {
    assertThatThrownBy(() -> new InjectorShard(0, 0)).hasMessage("injectors must be >= 1, but was 0");
    assertThatThrownBy(() -> new InjectorShard(3, 3)).hasMessage("injector must be in [0, 2] for 3 injectors, but was 3");
    assertThatThrownBy(() -> new InjectorShard(3, -1)).hasMessage("injector must be in [0, 2] for 3 injectors, but was -1");
  }
}
