package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/** AWS target tracking against AUTOSCALING.md §2.1 and §8: hand-computed decision tables. */
class TargetTrackingPolicyTest {

  /** A fixed view of pods at a time. */
  private record View(double nowSeconds, int currentReplicas, List<PodMetrics> pods) implements ScalingView {
    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      return 0;
    }
  }

  private static PodMetrics ready(double utilization) {
    return new PodMetrics(InstanceState.READY, -1000, -900, utilization, -60, 0);
  }

  private static PodMetrics booting() {
    return new PodMetrics(InstanceState.BOOTING, -30, Double.NaN, Double.NaN, Double.NaN, 0);
  }

  private static List<PodMetrics> pods(int readyCount, double utilization, int bootingCount) {
    List<PodMetrics> pods = new ArrayList<>(Collections.nCopies(readyCount, ready(utilization)));
    pods.addAll(Collections.nCopies(bootingCount, booting()));
    return pods;
  }

  private static Autoscaler tt(TargetTrackingPolicy policy) {
    return policy.newAutoscaler(new ScalingContext(10, 180, ArrivalHistory.none(300)));
  }

  /** Runs one decision per minute on the same pods; returns the decisions. */
  private static List<Integer> decide(Autoscaler a, int minutes, List<PodMetrics> pods) {
    List<Integer> out = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      out.add(a.desiredReplicas(new View(60.0 * m, pods.size(), pods)));
    }
    return out;
  }

  @Test
  void desiredReplicas_threeDatapointsAboveTarget_scalesOutToCeilOfRatio() {
    // target 50 %, 4 instances at 75 %: 4 × 75 / 50 = 6, on the third datapoint
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 3, pods(4, 0.75, 0))).containsExactly(4, 4, 6);
  }

  @Test
  void desiredReplicas_needingHalfAnInstance_addsAWholeOne() {
    // 4 × 55 / 50 = 4.4 → 5 (§2.1: 1.5 needed adds 2)
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 3, pods(4, 0.55, 0))).containsExactly(4, 4, 5);
  }

  @Test
  void desiredReplicas_metricAtTheTarget_isNoBreach() {
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 20, pods(4, 0.50, 0))).containsOnly(4);
  }

  @Test
  void desiredReplicas_missingDatapoint_restartsTheCount() {
    Autoscaler a = tt(TargetTrackingPolicy.withDefaults(50, 1, 20));
    List<PodMetrics> hot = pods(4, 0.75, 0);
    List<PodMetrics> noSample = Collections.nCopies(4, new PodMetrics(InstanceState.READY, -1000, -900, Double.NaN, Double.NaN, 0));
    List<Integer> out = new ArrayList<>();
    // datapoints: 75, missing, 75, 75, 75 → the alarm needs three in a row: minute 4
    int m = 0;
    for (List<PodMetrics> p : List.of(hot, noSample, hot, hot, hot)) {
      out.add(a.desiredReplicas(new View(60.0 * m++, 4, p)));
    }
    assertThat(out).containsExactly(4, 4, 4, 4, 6);
  }

  @Test
  void desiredReplicas_warmingInstances_countNeitherInTheMetricNorInCapacity() {
    // 4 warm at 90 % and 2 booting (6 desired): ⌈4 × 90 / 50⌉ = ⌈7.2⌉ = 8
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 3, pods(4, 0.90, 2))).containsExactly(6, 6, 8);
    // 4 warm at 70 %: ⌈5.6⌉ = 6, already asked for: the scale-out under way is not repeated
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 3, pods(4, 0.70, 2))).containsExactly(6, 6, 6);
  }

  @Test
  void desiredReplicas_fifteenDatapointsBelowNinetyPercentOfTarget_scalesIn() {
    // target 50, threshold 45; 10 at 30 %: ⌈10 × 30 / 50⌉ = 6 on the 15th datapoint
    List<Integer> out = decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 15, pods(10, 0.30, 0));
    assertThat(out.subList(0, 14)).containsOnly(10);
    assertThat(out.get(14)).isEqualTo(6);
  }

  @Test
  void desiredReplicas_betweenThresholdAndTarget_neverScalesIn() {
    // 46 % is below the target 50 but not below 0.9 × 50 = 45
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 30, pods(10, 0.46, 0))).containsOnly(10);
  }

  @Test
  void desiredReplicas_scaleIn_removesOnlyWholeInstances() {
    // 10 at 33 %: 10 × 33 / 50 = 6.6 → 7: removing 3.4 removes 3 (§2.1)
    List<Integer> out = decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 15, pods(10, 0.33, 0));
    assertThat(out.get(14)).isEqualTo(7);
  }

  @Test
  void desiredReplicas_instanceWarmingUp_blocksScaleIn() {
    // 10 warm at 30 % and one booting: 15 datapoints below the threshold, but no scale-in
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 1, 20)), 20, pods(10, 0.30, 1))).containsOnly(11);
  }

  @Test
  void desiredReplicas_instanceWarmup_countsFromTheLaunchRequest() {
    // warm-up 300 s: a ready instance launched 100 s ago still warms up, so it blocks scale-in
    TargetTrackingPolicy p = new TargetTrackingPolicy(50, 1, 20, 300.0, 60, 3, 15, 0.9, false, List.of());
    Autoscaler a = tt(p);
    List<Integer> out = new ArrayList<>();
    for (int m = 0; m < 16; m++) {
      double now = 60.0 * m;
      List<PodMetrics> pods = new ArrayList<>(pods(3, 0.20, 0));
      pods.add(new PodMetrics(InstanceState.READY, 700, 760, 0.20, now - 60, 0));
      out.add(a.desiredReplicas(new View(now, 4, pods)));
    }
    // the young instance warms up until 700 + 300 = 1000 s; the 15th datapoint is at 840 s: blocked;
    // at 900 s still warming; scale-in only after 1000 s, beyond this table
    assertThat(out).containsOnly(4);
  }

  @Test
  void desiredReplicas_scaleInDisabled_neverScalesIn() {
    TargetTrackingPolicy p = new TargetTrackingPolicy(50, 1, 20, null, 60, 3, 15, 0.9, true, List.of());
    assertThat(decide(tt(p), 20, pods(10, 0.10, 0))).containsOnly(10);
  }

  @Test
  void desiredReplicas_holdsToMinAndMax() {
    // 4 × 100 / 20 = 20 → max 8; 10 × 1 / 50 = 0.2 → 1 → min 3; 2 below min → 3 at once
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(20, 3, 8)), 3, pods(4, 1.0, 0))).containsExactly(4, 4, 8);
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 3, 8)), 15, pods(8, 0.01, 0)).get(14)).isEqualTo(3);
    assertThat(decide(tt(TargetTrackingPolicy.withDefaults(50, 3, 8)), 1, pods(2, 0.50, 0))).containsExactly(3);
  }

  @Test
  void desiredReplicas_scheduledMinimum_raisesTheFloorAtItsLocalTime() {
    // time 0 is Monday 1995-07-24 07:58 in New York; the floor of 5 starts at 08:00 and ends at 08:03
    ZonedDateTime start = ZonedDateTime.of(1995, 7, 24, 7, 58, 0, 0, ZoneId.of("America/New_York"));
    TargetTrackingPolicy p = new TargetTrackingPolicy(50, 1, 20, null, 60, 3, 15, 0.9, false, List.of(
        new ScheduledAction("0 8 * * MON-FRI", 5, null), new ScheduledAction("3 8 * * MON-FRI", 1, null)));
    Autoscaler a = p.newAutoscaler(new ScalingContext(10, 180, ArrivalHistory.none(300), start));
    List<Integer> out = new ArrayList<>();
    int replicas = 2;
    for (int m = 0; m < 6; m++) {
      replicas = a.desiredReplicas(new View(60.0 * m, replicas, pods(replicas, 0.50, 0)));
      out.add(replicas);
    }
    // 07:58 07:59 → 2; 08:00 08:01 08:02 → 5; 08:03 → the floor is 1 again, and 50 % is no breach: 5 stays
    assertThat(out).containsExactly(2, 2, 5, 5, 5, 5);
  }

  @Test
  void constructor_outOfRange_namesTheField() {
    assertThatThrownBy(() -> TargetTrackingPolicy.withDefaults(0, 1, 5))
        .hasMessage("targetUtilizationPercent must be in (0, 100], but was 0.0");
    assertThatThrownBy(() -> TargetTrackingPolicy.withDefaults(50, 4, 3))
        .hasMessage("maxCapacity must be >= minCapacity (4), but was 3");
    assertThatThrownBy(() -> new TargetTrackingPolicy(50, 1, 5, 4000.0, 60, 3, 15, 0.9, false, List.of()))
        .hasMessage("instanceWarmupSeconds must be in 0..3600, but was 4000.0");
    assertThatThrownBy(() -> new TargetTrackingPolicy(50, 1, 5, null, 60, 3, 15, 1.5, false, List.of()))
        .hasMessage("scaleInThresholdFraction must be in (0, 1], but was 1.5");
  }
}
