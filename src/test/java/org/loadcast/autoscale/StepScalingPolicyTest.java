package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/** AWS step scaling against AUTOSCALING.md §2.2: the worked example and hand-computed tables. */
class StepScalingPolicyTest {

  /** A fixed view of pods at a time. */
  private record View(double nowSeconds, int currentReplicas, List<PodMetrics> pods) implements ScalingView {
    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      return 0;
    }
  }

  private static List<PodMetrics> pods(int readyCount, double utilization, int bootingCount) {
    List<PodMetrics> pods = new ArrayList<>(Collections.nCopies(readyCount,
        new PodMetrics(InstanceState.READY, -1000, -900, utilization, -60, 0)));
    pods.addAll(Collections.nCopies(bootingCount, new PodMetrics(InstanceState.BOOTING, -30, Double.NaN, Double.NaN, Double.NaN, 0)));
    return pods;
  }

  private static View view(int minute, List<PodMetrics> pods) {
    return new View(60.0 * minute, pods.size(), pods);
  }

  /** §2.2's example: threshold 50 %, +0 % in [50, 60), +10 % in [60, 70), +30 % from 70. */
  private static StepAlarm docsScaleOut(int evaluationPeriods) {
    return new StepAlarm(true, 50, evaluationPeriods, AdjustmentType.PERCENT_CHANGE_IN_CAPACITY, null, List.of(
        new StepAdjustment(0.0, 10.0, 0), new StepAdjustment(10.0, 20.0, 10), new StepAdjustment(20.0, null, 30)));
  }

  /** Scale in below 30 %: −1 in (20, 30], −2 at 20 and below. */
  private static StepAlarm scaleIn(int evaluationPeriods) {
    return new StepAlarm(false, 30, evaluationPeriods, AdjustmentType.CHANGE_IN_CAPACITY, null, List.of(
        new StepAdjustment(null, -10.0, -2), new StepAdjustment(-10.0, null, -1)));
  }

  private static Autoscaler steps(StepAlarm out, StepAlarm in, int min, int max) {
    return new StepScalingPolicy(min, max, null, 60, out, in, List.of())
        .newAutoscaler(new ScalingContext(10, 180, ArrivalHistory.none(300)));
  }

  @Test
  void desiredReplicas_docsExample_addsOnlyTheDifferenceWhileWarming() {
    Autoscaler a = steps(docsScaleOut(1), null, 1, 100);
    // 10 at 60 %: +10 % of 10 = 1 → 11
    assertThat(a.desiredReplicas(view(0, pods(10, 0.60, 0)))).isEqualTo(11);
    // 70 % while the new instance warms up: 30 % of the 10 warm = 3 → 13, so 2 more, not 3
    assertThat(a.desiredReplicas(view(1, pods(10, 0.70, 1)))).isEqualTo(13);
    // another breach in the same step while they warm up: a single activity, no change
    assertThat(a.desiredReplicas(view(2, pods(10, 0.75, 3)))).isEqualTo(13);
  }

  @Test
  void desiredReplicas_firstStepOfZero_makesNoChange() {
    assertThat(steps(docsScaleOut(1), null, 1, 100).desiredReplicas(view(0, pods(10, 0.55, 0)))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_alarmNeedsEveryEvaluationPeriodInBreach() {
    Autoscaler a = steps(docsScaleOut(3), null, 1, 100);
    List<Integer> out = new ArrayList<>();
    int m = 0;
    for (double u : new double[] {0.80, 0.80, 0.40, 0.80, 0.80, 0.80}) {
      out.add(a.desiredReplicas(view(m++, pods(10, u, 0))));
    }
    // the 40 % datapoint breaks the run: breach from the 6th datapoint, +30 % of 10 = 13
    assertThat(out).containsExactly(10, 10, 10, 10, 10, 13);
  }

  @Test
  void desiredReplicas_scaleIn_upperBoundInclusiveBelowTheThreshold() {
    // 25 %: difference −5 in (−10, +∞) → −1; 20 %: difference −10, the upper bound of (−∞, −10] → −2
    assertThat(steps(null, scaleIn(1), 1, 100).desiredReplicas(view(0, pods(10, 0.25, 0)))).isEqualTo(9);
    assertThat(steps(null, scaleIn(1), 1, 100).desiredReplicas(view(0, pods(10, 0.20, 0)))).isEqualTo(8);
  }

  @Test
  void desiredReplicas_scaleIn_isBlockedWhileAnInstanceWarmsUp() {
    Autoscaler a = steps(null, scaleIn(1), 1, 100);
    assertThat(a.desiredReplicas(view(0, pods(10, 0.10, 1)))).isEqualTo(11);
    assertThat(a.desiredReplicas(view(1, pods(11, 0.10, 0)))).isEqualTo(9);
  }

  @Test
  void desiredReplicas_bothAlarms_holdToMinAndMax() {
    Autoscaler a = steps(docsScaleOut(1), scaleIn(1), 9, 12);
    assertThat(a.desiredReplicas(view(0, pods(10, 0.95, 0)))).isEqualTo(12);
    assertThat(a.desiredReplicas(view(1, pods(10, 0.05, 0)))).isEqualTo(9);
    assertThat(a.desiredReplicas(view(2, pods(10, 0.40, 0)))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_exactCapacity_setsTheCapacity() {
    StepAlarm out = new StepAlarm(true, 70, 1, AdjustmentType.EXACT_CAPACITY, null, List.of(new StepAdjustment(0.0, null, 15)));
    assertThat(steps(out, null, 1, 100).desiredReplicas(view(0, pods(4, 0.90, 0)))).isEqualTo(15);
  }

  @Test
  void apply_percentChange_roundsTowardZeroButAtLeastOne() {
    AdjustmentType p = AdjustmentType.PERCENT_CHANGE_IN_CAPACITY;
    assertThat(p.apply(10, 15, 0)).as("1.5 rounds down").isEqualTo(11);
    assertThat(p.apply(4, 10, 0)).as("0.4 becomes 1").isEqualTo(5);
    assertThat(p.apply(4, -10, 0)).as("-0.4 becomes -1").isEqualTo(3);
    assertThat(p.apply(10, -15, 0)).as("-1.5 rounds up").isEqualTo(9);
    assertThat(p.apply(10, 10, 3)).as("MinAdjustmentMagnitude 3").isEqualTo(13);
    assertThat(p.apply(10, -10, 3)).isEqualTo(7);
    assertThat(AdjustmentType.CHANGE_IN_CAPACITY.apply(10, -3, 0)).isEqualTo(7);
  }

  @Test
  void ofAwsName_unknownName_listsTheNames() {
    assertThat(AdjustmentType.ofAwsName("ExactCapacity")).isEqualTo(AdjustmentType.EXACT_CAPACITY);
    assertThatThrownBy(() -> AdjustmentType.ofAwsName("PercentChange")).hasMessage(
        "adjustmentType must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, but was 'PercentChange'");
  }

  @Test
  void constructor_badSteps_namesTheRule() {
    assertThatThrownBy(() -> new StepAlarm(true, 50, 1, AdjustmentType.CHANGE_IN_CAPACITY, null,
        List.of(new StepAdjustment(0.0, 10.0, 1), new StepAdjustment(15.0, null, 2))))
        .hasMessage("steps[1].lowerBound must equal steps[0].upperBound (10.0): no gaps or overlaps, but was 15.0");
    assertThatThrownBy(() -> new StepAlarm(true, 50, 1, AdjustmentType.CHANGE_IN_CAPACITY, null,
        List.of(new StepAdjustment(5.0, null, 1))))
        .hasMessage("steps must cover every breach above the threshold, from a lowerBound of 0 or less (or none) to no "
            + "upperBound, but cover [5.0, +∞)");
    assertThatThrownBy(() -> new StepAlarm(false, 30, 1, AdjustmentType.CHANGE_IN_CAPACITY, null,
        List.of(new StepAdjustment(null, -5.0, -1))))
        .hasMessageStartingWith("steps must cover every breach below the threshold");
    assertThatThrownBy(() -> new StepAlarm(true, 50, 1, AdjustmentType.CHANGE_IN_CAPACITY, 2,
        List.of(new StepAdjustment(0.0, null, 1))))
        .hasMessage("minAdjustmentMagnitude must be absent unless adjustmentType is PercentChangeInCapacity, but was 2");
    assertThatThrownBy(() -> new StepAdjustment(10.0, 10.0, 1)).hasMessage("upperBound must be > lowerBound (10.0), but was 10.0");
  }

  @Test
  void constructor_scaleInThresholdAboveScaleOut_isRejected() {
    StepAlarm in = new StepAlarm(false, 60, 1, AdjustmentType.CHANGE_IN_CAPACITY, null, List.of(new StepAdjustment(null, null, -1)));
    assertThatThrownBy(() -> new StepScalingPolicy(1, 5, null, 60, docsScaleOut(1), in, List.of()))
        .hasMessage("scaleIn.thresholdPercent must be < scaleOut.thresholdPercent (50.0), but was 60.0");
    assertThatThrownBy(() -> new StepScalingPolicy(1, 5, null, 60, null, null, List.of()))
        .hasMessage("scaleOut or scaleIn is required: a step-scaling policy needs an alarm");
  }
}
