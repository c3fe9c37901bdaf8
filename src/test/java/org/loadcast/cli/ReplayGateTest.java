package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The gate's target per load-test second, on smoke.yaml: 3 s warm-up, 5 steps of 3 s, 6 s drain, 10 s replay. */
class ReplayGateTest {
  private final LoadTestPlan plan = LoadTestPlan.of(Experiments.read(Path.of("simulations/smoke.yaml")));
  private final AtomicInteger capacityAsked = new AtomicInteger();
  private final ReplayGate gate = new ReplayGate(plan, () -> {
    capacityAsked.incrementAndGet();
    return 75; // half the top probe rate of 150
  });

  @Test
  void targetRequestsPerSecond_warmupProbeAndDrain_followThePlan() {
    assertThat(gate.targetRequestsPerSecond(0)).isEqualTo(30);
    assertThat(gate.targetRequestsPerSecond(2)).isEqualTo(30);
    assertThat(gate.targetRequestsPerSecond(3)).isEqualTo(30);
    assertThat(gate.targetRequestsPerSecond(6)).isEqualTo(60);
    assertThat(gate.targetRequestsPerSecond(17)).isEqualTo(150);
    assertThat(gate.targetRequestsPerSecond(18)).isZero();
    assertThat(gate.targetRequestsPerSecond(23)).isZero();
    assertThat(gate.targetRequestsPerSecond(34)).isZero();
  }

  @Test
  void targetRequestsPerSecond_replayBeforeTheGateIsFixed_isTheUpperBoundAndFixesNothing() {
    assertThat(plan.replayStartSecond()).isEqualTo(24);
    for (int i = 0; i < 10; i++) {
      assertThat(gate.targetRequestsPerSecond(24 + i)).isEqualTo(plan.upperSchedule().count(i));
    }
    assertThat(capacityAsked).hasValue(0);
  }

  @Test
  void targetRequestsPerSecond_replayOnceFixed_isTheAdmittedArrivals() {
    assertThat(gate.fraction()).isEqualTo(0.5);
    long[] admitted = gate.targetPerSecond();
    long sum = 0;
    for (int i = 0; i < 10; i++) {
      assertThat(gate.targetRequestsPerSecond(24 + i)).isEqualTo(admitted[i]);
      sum += admitted[i];
    }
    assertThat(sum).isEqualTo(plan.upperSchedule().totalArrivals() / 2);
    assertThat(capacityAsked).hasValue(1);
  }

  @Test
  void targetRequestsPerSecond_negativeSecond_isRefused() {
    assertThatThrownBy(() -> gate.targetRequestsPerSecond(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("second must be >= 0, but was -1");
  }

  @Test
  void admit_threeShardsAtAFixedFraction_admitTogetherExactlyWhatOneInjectorAdmits() {
    double q = 0.37;
    long total = plan.upperSchedule().totalArrivals();
    ReplayGate single = new ReplayGate(plan, InjectorShard.SINGLE, q);
    java.util.Set<Long> admittedBySingle = new java.util.TreeSet<>();
    for (long k = 0; k < total; k++) {
      if (single.admit()) {
        admittedBySingle.add(k);
      }
    }
    java.util.Set<Long> admittedByShards = new java.util.TreeSet<>();
    for (int i = 0; i < 3; i++) {
      InjectorShard shard = new InjectorShard(3, i);
      ReplayGate gate = new ReplayGate(plan, shard, q);
      long arrivals = java.util.Arrays.stream(shard.counts(plan.upperSchedule().counts())).sum();
      for (long j = 0; j < arrivals; j++) {
        if (gate.admit()) {
          assertThat(admittedByShards.add(shard.globalOrdinal(j))).isTrue();
        }
      }
    }

    assertThat(admittedByShards).isEqualTo(admittedBySingle);
    assertThat((long) admittedBySingle.size()).isEqualTo((long) Math.floor(total * q));
    assertThat(single.fixed()).isTrue();
    assertThat(gate.fixed()).isFalse();
  }

  @Test
  void fixedGate_fractionOutsideZeroToOne_isRefused() {
    assertThatThrownBy(() -> new ReplayGate(plan, InjectorShard.SINGLE, 0))
        .hasMessage("fraction must be in (0, 1], but was 0.0");
  }
}
