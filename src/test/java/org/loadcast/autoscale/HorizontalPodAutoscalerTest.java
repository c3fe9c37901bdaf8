package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.autoscale.ScalingRules.RatePolicy;
import org.loadcast.autoscale.ScalingRules.SelectPolicy;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/**
 * The HPA against AUTOSCALING.md §1 and REFERENCE.md Q21: decision tables computed by hand from the
 * controller's code, one rule per test.
 */
class HorizontalPodAutoscalerTest {

  /** A fixed view of pods at a time. */
  private record View(double nowSeconds, int currentReplicas, List<PodMetrics> pods) implements ScalingView {
    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      return 0;
    }
  }

  /** A pod started long ago, ready long ago, with a 15 s sample. */
  private static PodMetrics ready(double utilization) {
    return new PodMetrics(InstanceState.READY, -1000, -900, utilization, -15, 0);
  }

  private static PodMetrics readyWithoutSample() {
    return new PodMetrics(InstanceState.READY, -1000, -900, Double.NaN, Double.NaN, 0);
  }

  private static PodMetrics booting() {
    return new PodMetrics(InstanceState.BOOTING, -30, Double.NaN, Double.NaN, Double.NaN, 0);
  }

  private static View view(double now, List<PodMetrics> pods) {
    return new View(now, pods.size(), pods);
  }

  private static View at(double now, int current) {
    return new View(now, current, Collections.nCopies(current, ready(0.5)));
  }

  private static List<PodMetrics> pods(List<PodMetrics> first, PodMetrics... more) {
    List<PodMetrics> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  /** An HPA without behavior: the controller's legacy normalization. */
  private static HorizontalPodAutoscaler hpa(int target, int max) {
    return new HorizontalPodAutoscaler(HpaPolicy.withDefaults(target, 1, max));
  }

  private static HorizontalPodAutoscaler hpa(int target, int min, int max, HpaBehavior behavior, HpaController controller) {
    return new HorizontalPodAutoscaler(new HpaPolicy(target, min, max, behavior, controller, HpaPolicy.METRICS_SERVER));
  }

  private static HorizontalPodAutoscaler withBehavior(ScalingRules up, ScalingRules down) {
    return hpa(50, 1, 1000, new HpaBehavior(up, down), HpaController.DEFAULTS);
  }

  private static HpaController readinessDelay(double seconds) {
    return new HpaController(15, 0.1, 300, 300, seconds);
  }

  private static ScalingRules rules(int windowSeconds, SelectPolicy select, RatePolicy... policies) {
    return new ScalingRules(windowSeconds, select, List.of(policies));
  }

  private static RatePolicy pods(int value, int periodSeconds) {
    return new RatePolicy(RatePolicy.Type.PODS, value, periodSeconds);
  }

  private static RatePolicy percent(int value, int periodSeconds) {
    return new RatePolicy(RatePolicy.Type.PERCENT, value, periodSeconds);
  }

  /** Returns the replicas set at each 15 s sync from 0 to {@code untilSeconds}, starting from {@code replicas}. */
  private static List<Integer> decisionsEvery15s(HorizontalPodAutoscaler hpa, int replicas, int recommendation,
      int untilSeconds) {
    List<Integer> decisions = new ArrayList<>();
    for (int t = 0; t <= untilSeconds; t += 15) {
      replicas = hpa.reconcile(at(t, replicas), recommendation);
      decisions.add(replicas);
    }
    return decisions;
  }

  // ---- §1.1 the core formula and the tolerance

  @Test
  void replicasForMetrics_q21_fiftyPodsAt90AgainstTarget75_asksFor60() {
    // ratio 90/75 = 1.2: ceil(1.2 × 50) = 60
    assertThat(hpa(75, 1000).replicasForMetrics(view(0, Collections.nCopies(50, ready(0.90))))).isEqualTo(60);
  }

  @Test
  void replicasForMetrics_q21_fiftyPodsAt80_staysWithinTolerance() {
    // ratio 80/75 = 1.067 <= 1.1
    assertThat(hpa(75, 1000).replicasForMetrics(view(0, Collections.nCopies(50, ready(0.80))))).isEqualTo(50);
  }

  @Test
  void replicasForMetrics_utilizationIsTruncatedToWholePercent() {
    // 82.99 % reads as 82 %, ratio 82/75 = 1.093 <= 1.1: no change
    assertThat(hpa(75, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.8299))))).isEqualTo(10);
  }

  @Test
  void replicasForMetrics_ratioExactlyAtTheToleranceEdge_isWithin() {
    // 55/50 = 1.1 and 45/50 = 0.9: Tolerances.isWithin is 0.9 <= ratio <= 1.1, edges included
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.55))))).isEqualTo(10);
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.45))))).isEqualTo(10);
    // just outside: 56/50 = 1.12 → ceil(11.2) = 12; 44/50 = 0.88 → ceil(8.8) = 9
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.56))))).isEqualTo(12);
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.44))))).isEqualTo(9);
  }

  @Test
  void replicasForMetrics_perDirectionTolerance_replacesTheControllersInItsDirection() {
    // §1.4: scale-up tolerance 0.05, scale-down 0.2, controller 0.1
    ScalingRules up = new ScalingRules(0, SelectPolicy.MAX, ScalingRules.DEFAULT_SCALE_UP.policies(), 0.05);
    ScalingRules down = new ScalingRules(300, SelectPolicy.MAX, ScalingRules.DEFAULT_SCALE_DOWN.policies(), 0.2);
    HorizontalPodAutoscaler own = withBehavior(up, down);
    // 53/50 = 1.06 > 1.05: ceil(10.6) = 11; the controller's 0.1 would keep 10
    assertThat(own.replicasForMetrics(view(0, Collections.nCopies(10, ready(0.53))))).isEqualTo(11);
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.53))))).isEqualTo(10);
    // 42/50 = 0.84 >= 0.8: 10; the controller's 0.1 would give ceil(8.4) = 9
    assertThat(own.replicasForMetrics(view(0, Collections.nCopies(10, ready(0.42))))).isEqualTo(10);
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, Collections.nCopies(10, ready(0.42))))).isEqualTo(9);
  }

  // ---- §1.2 not-ready pods and missing metrics

  @Test
  void replicasForMetrics_scaleUpWithBootingPods_countsThemAtZero() {
    // 3 ready at 100 % and 2 booting, target 50: ratio 2 → unready count as 0 → 300/5 = 60 % → ceil(1.2 × 5) = 6
    List<PodMetrics> p = pods(Collections.nCopies(3, ready(1.0)), booting(), booting());
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, p))).isEqualTo(6);
  }

  @Test
  void replicasForMetrics_scaleDownWithBootingPods_leavesThemOut() {
    // 4 ready at 20 %, 2 booting, target 50: ratio 0.4 < 1, unready pods are not counted and nothing
    // is missing: ceil(0.4 × 4) = 2, against 6 replicas
    List<PodMetrics> p = pods(Collections.nCopies(4, ready(0.2)), booting(), booting());
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, p))).isEqualTo(2);
  }

  @Test
  void replicasForMetrics_scaleDownWithMissingMetrics_countsThemAtFullRequest() {
    // 4 ready at 20 %, 1 without a sample, target 50: missing count as 100 % → 180/5 = 36 % → ceil(0.72 × 5) = 4
    List<PodMetrics> p = pods(Collections.nCopies(4, ready(0.20)), readyWithoutSample());
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, p))).isEqualTo(4);
  }

  @Test
  void replicasForMetrics_scaleUpWithMissingMetrics_countsThemAtZero() {
    // 4 ready at 100 %, 1 without a sample, target 50: ratio 2, missing count as 0 → 400/5 = 80 % → ceil(1.6 × 5) = 8
    List<PodMetrics> p = pods(Collections.nCopies(4, ready(1.0)), readyWithoutSample());
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, p))).isEqualTo(8);
  }

  @Test
  void replicasForMetrics_fallbacksThatReverseTheDirection_keepTheReplicas() {
    // 1 ready at 60 %, 3 booting, target 50: ratio 1.2, but with the unready at 0: 60/4 = 15 % → 0.3, a reversal
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, pods(List.of(ready(0.6)), booting(), booting(), booting()))))
        .isEqualTo(4);
    // 2 ready at 40 %, 2 without samples, target 50: ratio 0.8, but with the missing at 100 %: 280/4 = 70 % → 1.4
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, pods(Collections.nCopies(2, ready(0.4)), readyWithoutSample(),
        readyWithoutSample())))).isEqualTo(4);
  }

  @Test
  void replicasForMetrics_fallbacksWithinTolerance_keepTheReplicas() {
    // 3 ready at 60 %, 1 without a sample, target 50: ratio 1.2; missing at 0 → 180/4 = 45 % → 0.9: within 0.1
    assertThat(hpa(50, 1000).replicasForMetrics(view(0, pods(Collections.nCopies(3, ready(0.6)), readyWithoutSample()))))
        .isEqualTo(4);
  }

  @Test
  void replicasForMetrics_noPodWithAMetric_makesNoDecision() {
    assertThat(hpa(50, 10).replicasForMetrics(view(0, List.of(booting())))).isEqualTo(HorizontalPodAutoscaler.NO_METRICS);
  }

  @Test
  void replicasForMetrics_sampleFromBeforeReadiness_isIgnoredDuringCpuInitialization() {
    // started 60 s ago, ready 10 s ago, sample window began 15 s ago: within the 300 s initialization period
    PodMetrics young = new PodMetrics(InstanceState.READY, -60, -10, 1.0, -15, 0);
    // the young pod is unready; ratio 50/50 = 1 over the one valid pod → no change
    assertThat(hpa(50, 10).replicasForMetrics(view(0, List.of(ready(0.5), young)))).isEqualTo(2);
  }

  @Test
  void replicasForMetrics_sampleWhollyWhileReady_countsDuringCpuInitialization() {
    // started 60 s ago, ready 40 s ago, sample window began 15 s ago: usable; (50 + 100)/2 = 75 % → ceil(1.5 × 2) = 3
    PodMetrics young = new PodMetrics(InstanceState.READY, -60, -40, 1.0, -15, 0);
    assertThat(hpa(50, 10).replicasForMetrics(view(0, List.of(ready(0.5), young)))).isEqualTo(3);
  }

  @Test
  void replicasForMetrics_unreadyPodPastCpuInitialization_dependsOnTheReadinessDelay() {
    // serving but not ready, started 400 s ago (past the 300 s period), at 100 %; one ready pod at 50 %
    PodMetrics unready = new PodMetrics(InstanceState.WARMING, -400, Double.NaN, 1.0, -15, 0);
    View v = view(0, List.of(ready(0.5), unready));
    // delay 30 s: its readiness last changed at its start, within 30 s of it: never ready, set aside;
    // ratio 50/50 = 1 → 2
    assertThat(hpa(50, 1, 10, null, readinessDelay(30)).replicasForMetrics(v)).isEqualTo(2);
    // delay 0: start + 0 is not after the change, so its sample counts: 75 % → ceil(1.5 × 2) = 3
    assertThat(hpa(50, 1, 10, null, readinessDelay(0)).replicasForMetrics(v)).isEqualTo(3);
  }

  // ---- §1.3 without behavior: the legacy normalization

  @Test
  void reconcile_withoutBehavior_limitsScaleUpToDoubleOrFour() {
    HorizontalPodAutoscaler hpa = hpa(50, 1000);
    // from 10: max(2 × 10, 4) = 20
    assertThat(hpa.reconcile(at(0, 10), 30)).isEqualTo(20);
    // 15 s later from 20: max(40, 4) = 40; no memory of the last step
    assertThat(hpa.reconcile(at(15, 20), 100)).isEqualTo(40);
    // from 1: max(2, 4) = 4
    assertThat(hpa(50, 1000).reconcile(at(0, 1), 10)).isEqualTo(4);
  }

  @Test
  void reconcile_withoutBehavior_holdsTheHighestRecommendationOfTheWindowIncludingItsEdge() {
    HorizontalPodAutoscaler hpa = hpa(50, 100);
    List<Integer> decisions = decisionsEvery15s(hpa, 10, 2, 330);
    // the initial 10, recorded at t = 0, is not before the cutoff at t = 300 (stabilizeRecommendation
    // drops only samples Before the cutoff), so it holds through t = 300; at 315 the 2s win, unlimited
    assertThat(decisions.subList(0, 21)).containsOnly(10);
    assertThat(decisions.subList(21, 23)).containsOnly(2);
  }

  // ---- §1.3 behavior: stabilization

  @Test
  void reconcile_defaultBehavior_scaleDownWindowExcludesItsEdge() {
    HorizontalPodAutoscaler hpa = hpa(50, 1, 100, HpaBehavior.DEFAULTS, HpaController.DEFAULTS);
    List<Integer> decisions = decisionsEvery15s(hpa, 10, 2, 315);
    // a recommendation counts only After the cutoff: at t = 300 the initial 10 is out, and the
    // default Percent 100/15 s lets 10 fall to 2 at once
    assertThat(decisions.subList(0, 20)).containsOnly(10);
    assertThat(decisions.subList(20, 22)).containsOnly(2);
  }

  @Test
  void reconcile_scaleUpStabilizationWindow_takesTheLowestRecentRecommendation() {
    HorizontalPodAutoscaler hpa = withBehavior(rules(60, SelectPolicy.MAX, percent(100, 15)), ScalingRules.DEFAULT_SCALE_DOWN);
    List<Integer> decisions = decisionsEvery15s(hpa, 10, 20, 75);
    // the initial 10 at t = 0 bounds the rise until it leaves the 60 s window (t = 60)
    assertThat(decisions).containsExactly(10, 10, 10, 10, 20, 20);
  }

  @Test
  void reconcile_scaleDownStabilization_takesTheHighestRecentRecommendation() {
    HorizontalPodAutoscaler hpa = withBehavior(ScalingRules.DEFAULT_SCALE_UP, rules(30, SelectPolicy.MAX, percent(100, 15)));
    // recommendations 8, 6, 4, 4 at t = 0, 15, 30, 45 after the initial 10 at t = 0; window 30 s,
    // a recommendation counts when it is After now − 30:
    //   t = 0: max(10, 8) = 10;  t = 15: max(10, 8, 6) = 10;  t = 30: those of t = 0 are out, max(6, 4) = 6;
    //   t = 45: that of t = 15 is out, max(4, 4) = 4
    assertThat(hpa.reconcile(at(0, 10), 8)).isEqualTo(10);
    assertThat(hpa.reconcile(at(15, 10), 6)).isEqualTo(10);
    assertThat(hpa.reconcile(at(30, 10), 4)).isEqualTo(6);
    assertThat(hpa.reconcile(at(45, 6), 4)).isEqualTo(4);
  }

  // ---- §1.3 behavior: rate limits and selectPolicy

  @Test
  void reconcile_defaultBehavior_scaleUpFromOneAddsFourPods() {
    // Pods 4/15 s → 5, Percent 100/15 s → 2; Max → 5 (without behavior it would be 4)
    assertThat(hpa(50, 1, 1000, HpaBehavior.DEFAULTS, HpaController.DEFAULTS).reconcile(at(0, 1), 10)).isEqualTo(5);
  }

  @Test
  void reconcile_scaleUpSelectPolicy_picksTheLargestOrSmallestChangeOrNone() {
    // from 10 towards 100 with Pods 4/60 s (→ 14) and Percent 50/60 s (→ 15)
    for (Object[] row : new Object[][] {{SelectPolicy.MAX, 15}, {SelectPolicy.MIN, 14}, {SelectPolicy.DISABLED, 10}}) {
      ScalingRules up = rules(0, (SelectPolicy) row[0], pods(4, 60), percent(50, 60));
      assertThat(withBehavior(up, ScalingRules.DEFAULT_SCALE_DOWN).reconcile(at(0, 10), 100)).as("%s", row[0])
          .isEqualTo(row[1]);
    }
  }

  @Test
  void reconcile_scaleDownSelectPolicy_picksTheLargestOrSmallestChangeOrNone() {
    // from 10 towards 1 with Pods 4/60 s (→ 6) and Percent 50/60 s (→ int(5.0) = 5), no window
    for (Object[] row : new Object[][] {{SelectPolicy.MAX, 5}, {SelectPolicy.MIN, 6}, {SelectPolicy.DISABLED, 10}}) {
      ScalingRules down = rules(0, (SelectPolicy) row[0], pods(4, 60), percent(50, 60));
      assertThat(withBehavior(ScalingRules.DEFAULT_SCALE_UP, down).reconcile(at(0, 10), 1)).as("%s", row[0])
          .isEqualTo(row[1]);
    }
  }

  @Test
  void reconcile_rateLimit_countsTheChangesWithinThePeriod() {
    HorizontalPodAutoscaler hpa = withBehavior(rules(0, SelectPolicy.MAX, pods(4, 60)), ScalingRules.DEFAULT_SCALE_DOWN);
    assertThat(hpa.reconcile(at(0, 10), 100)).isEqualTo(14);
    // at 15 and 45 the period began at 10: 10 + 4 = 14, no more
    assertThat(hpa.reconcile(at(15, 14), 100)).isEqualTo(14);
    assertThat(hpa.reconcile(at(45, 14), 100)).isEqualTo(14);
    // at 60 the event of t = 0 is not After the cutoff: the period starts at 14 → 18
    assertThat(hpa.reconcile(at(60, 14), 100)).isEqualTo(18);
  }

  @Test
  void reconcile_scaleUpAfterAScaleDownInThePeriod_startsFromTheReplicasBeforeIt() {
    ScalingRules up = rules(0, SelectPolicy.MAX, percent(100, 60));
    ScalingRules down = rules(0, SelectPolicy.MAX, pods(4, 60));
    HorizontalPodAutoscaler hpa = withBehavior(up, down);
    // 10 → 6 (Pods 4), then up: periodStart = 6 − 0 + 4 = 10, Percent 100 → 20
    assertThat(hpa.reconcile(at(0, 10), 1)).isEqualTo(6);
    assertThat(hpa.reconcile(at(15, 6), 100)).isEqualTo(20);
  }

  @Test
  void reconcile_docsExample_80To10_removes8AtFirst() {
    // AUTOSCALING.md §1.3: Pods 4/60 s and Percent 10/60 s, selectPolicy Max: the first step removes 8
    HorizontalPodAutoscaler hpa = withBehavior(ScalingRules.DEFAULT_SCALE_UP,
        rules(0, SelectPolicy.MAX, pods(4, 60), percent(10, 60)));
    assertThat(hpa.reconcile(at(0, 80), 10)).isEqualTo(72);
    // within the same 60 s period nothing more may go: periodStart 80, proposals 76 and 72, min(76, 72) = 72
    assertThat(hpa.reconcile(at(15, 72), 10)).isEqualTo(72);
    // after the period: int(72 × 0.9) = 64 (Max picks the larger change: 8 > 4)
    assertThat(hpa.reconcile(at(61, 72), 10)).isEqualTo(64);
  }

  // ---- §1.3 clamps

  @Test
  void reconcile_clampsToMinAndMax() {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HpaPolicy.withDefaults(50, 3, 8));
    assertThat(hpa.reconcile(at(0, 2), 2)).isEqualTo(3);
    assertThat(hpa.reconcile(at(15, 9), 9)).isEqualTo(8);
    assertThat(hpa.reconcile(at(30, 8), 16)).isEqualTo(8);
  }

  @Test
  void reconcile_belowMinWithoutMetrics_stillGoesToMin() {
    HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(HpaPolicy.withDefaults(50, 3, 8));
    assertThat(hpa.reconcile(at(0, 2), HorizontalPodAutoscaler.NO_METRICS)).isEqualTo(3);
    assertThat(hpa.reconcile(at(15, 3), HorizontalPodAutoscaler.NO_METRICS)).isEqualTo(3);
  }

  // ---- configuration

  @Test
  void hpaPolicy_minReplicasZero_isRefusedForACpuMetric() {
    assertThatThrownBy(() -> HpaPolicy.withDefaults(50, 0, 8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("minReplicas must be >= 1: scaling to zero needs an Object or External metric");
  }

  @Test
  void ratePolicy_periodAbove1800_isRefused() {
    assertThatThrownBy(() -> pods(4, 1801))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("periodSeconds must be in 1..1800, but was 1801");
  }

  @Test
  void withScaleDownStabilizationSeconds_setsTheWindowThatApplies() {
    HpaPolicy legacy = HpaPolicy.withDefaults(50, 1, 8);
    assertThat(legacy.withScaleDownStabilizationSeconds(60).scaleDownStabilizationSeconds()).isEqualTo(60);
    assertThat(legacy.withScaleDownStabilizationSeconds(60).controller().downscaleStabilizationSeconds()).isEqualTo(60);
    HpaPolicy withBehavior = new HpaPolicy(50, 1, 8, HpaBehavior.DEFAULTS, HpaController.DEFAULTS, HpaPolicy.METRICS_SERVER);
    assertThat(withBehavior.withScaleDownStabilizationSeconds(60).behavior().scaleDown().stabilizationWindowSeconds())
        .isEqualTo(60);
  }
}
