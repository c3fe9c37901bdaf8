package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/** The HPA against AUTOSCALING.md §1 and REFERENCE.md Q21. */
class HorizontalPodAutoscalerTest {

  /** A fixed view of pods at a time. */
  private record View(double nowSeconds, int currentReplicas, List<PodMetrics> pods) implements ScalingView {
    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      return 0;
    }
  }

  private static PodMetrics ready(double utilization) {
    return new PodMetrics(InstanceState.READY, -1000, -900, utilization, -15, 0);
  }

  private static PodMetrics booting() {
    return new PodMetrics(InstanceState.BOOTING, -30, Double.NaN, Double.NaN, Double.NaN, 0);
  }

  private static View view(double now, List<PodMetrics> pods) {
    return new View(now, pods.size(), pods);
  }

  private static HorizontalPodAutoscaler hpa(int target, int max) {
    return new HorizontalPodAutoscaler(HpaPolicy.withDefaults(target, 1, max));
  }

  @Test
  void replicasForMetrics_q21_fiftyPodsAt90AgainstTarget75_asksFor60() {
    View v = view(0, Collections.nCopies(50, ready(0.90)));
    assertThat(hpa(75, 1000).replicasForMetrics(v)).isEqualTo(60);
  }

  @Test
  void replicasForMetrics_q21_fiftyPodsAt80_staysWithinTolerance() {
    View v = view(0, Collections.nCopies(50, ready(0.80)));
    assertThat(hpa(75, 1000).replicasForMetrics(v)).isEqualTo(50);
  }

  @Test
  void replicasForMetrics_utilizationIsTruncatedToWholePercent() {
    // 82.99 % reads as 82 %, ratio 82/75 = 1.093 <= 1.1: no change
    View v = view(0, Collections.nCopies(10, ready(0.8299)));
    assertThat(hpa(75, 1000).replicasForMetrics(v)).isEqualTo(10);
  }

  @Test
  void replicasForMetrics_scaleUpWithBootingPods_countsThemAtZero() {
    // 3 ready at 100 % and 2 booting, target 50: ratio 2 → unready count as 0 → 300/5 = 60 % → ceil(1.2 × 5) = 6
    List<PodMetrics> pods = new ArrayList<>(Collections.nCopies(3, ready(1.0)));
    pods.add(booting());
    pods.add(booting());
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, pods))).isEqualTo(6);
  }

  @Test
  void replicasForMetrics_scaleDownWithMissingMetrics_countsThemAtFullRequest() {
    // 4 ready at 20 %, 1 ready without a sample, target 50: missing count as 100 % → 180/5 = 36 % → ceil(0.72 × 5) = 4
    List<PodMetrics> pods = new ArrayList<>(Collections.nCopies(4, ready(0.20)));
    pods.add(new PodMetrics(InstanceState.READY, -1000, -900, Double.NaN, Double.NaN, 0));
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, pods))).isEqualTo(4);
  }

  @Test
  void replicasForMetrics_noReadyPodWithAMetric_makesNoDecision() {
    assertThat(hpa(50, 10).replicasForMetrics(view(0, List.of(booting())))).isEqualTo(HorizontalPodAutoscaler.NO_METRICS);
  }

  @Test
  void replicasForMetrics_sampleFromBeforeReadiness_isIgnoredDuringCpuInitialization() {
    // started 60 s ago, ready 10 s ago, sample window began 15 s ago: within the 300 s initialization period
    PodMetrics young = new PodMetrics(InstanceState.READY, -60, -10, 1.0, -15, 0);
    List<PodMetrics> pods = List.of(ready(0.5), young);
    // the young pod is unready; ratio 50/50 = 1 with one valid pod → no change
    assertThat(hpa(50, 10).replicasForMetrics(view(0, pods))).isEqualTo(2);
  }

  @Test
  void reconcile_scaleUp_isLimitedToFourPodsOrDoublePerPeriod() {
    HorizontalPodAutoscaler hpa = hpa(50, 1000);
    View v = view(0, Collections.nCopies(10, ready(1.0)));
    // ratio 2: 20 desired; limit max(10 + 4, 2 × 10) = 20
    assertThat(hpa.reconcile(v, 30)).isEqualTo(20);
    // 15 s later from 20: the 10 added within the period count against the limit
    View later = new View(15, 20, Collections.nCopies(20, ready(1.0)));
    assertThat(hpa.reconcile(later, 100)).isEqualTo(40);
  }

  @Test
  void reconcile_scaleDown_waitsForTheStabilizationWindow() {
    HorizontalPodAutoscaler hpa = hpa(50, 100);
    int replicas = 10;
    List<Integer> decisions = new ArrayList<>();
    for (int t = 0; t <= 330; t += 15) {
      View v = new View(t, replicas, Collections.nCopies(replicas, ready(0.1)));
      replicas = hpa.reconcile(v, 2);
      decisions.add(replicas);
    }
    // the window holds the initial 10 for 300 s, then the recommendation of 2 wins
    assertThat(decisions.subList(0, 20)).containsOnly(10);
    assertThat(decisions.get(decisions.size() - 1)).isEqualTo(2);
  }

  @Test
  void reconcile_clampsToMinAndMax() {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HpaPolicy.withDefaults(50, 3, 8));
    assertThat(hpa.reconcile(new View(0, 2, Collections.nCopies(2, ready(0.5))), 2)).isEqualTo(3);
    assertThat(hpa.reconcile(new View(15, 9, Collections.nCopies(9, ready(0.5))), 9)).isEqualTo(8);
    assertThat(hpa.reconcile(new View(30, 8, Collections.nCopies(8, ready(1.0))), 16)).isEqualTo(8);
  }

  @Test
  void reconcile_docsExample_80To10_removes8AtFirst() {
    // AUTOSCALING.md §1.3: Pods 4/60 s and Percent 10/60 s, selectPolicy Max: the first step removes 8
    ScalingRules down = new ScalingRules(0, ScalingRules.SelectPolicy.MAX, List.of(
        new ScalingRules.RatePolicy(ScalingRules.RatePolicy.Type.PODS, 4, 60),
        new ScalingRules.RatePolicy(ScalingRules.RatePolicy.Type.PERCENT, 10, 60)));
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(
        new HpaPolicy(50, 0.1, 15, 1, 100, ScalingRules.DEFAULT_SCALE_UP, down, 300));
    assertThat(hpa.reconcile(new View(0, 80, Collections.nCopies(80, ready(0.05))), 10)).isEqualTo(72);
    // within the same 60 s period nothing more may go
    assertThat(hpa.reconcile(new View(15, 72, Collections.nCopies(72, ready(0.05))), 10)).isEqualTo(72);
    // after the period: 72 → 72 - ceil... int(72 × 0.9) = 64 (Max picks the larger change: 8 > 4)
    assertThat(hpa.reconcile(new View(61, 72, Collections.nCopies(72, ready(0.05))), 10)).isEqualTo(64);
  }
}
