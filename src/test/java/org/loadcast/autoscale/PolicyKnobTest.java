package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyKnobTest {
  private static final HpaPolicy HPA = HpaPolicy.withDefaults(75, 2, 50);

  private static StepScalingPolicy stepScaling() {
    StepAlarm out = new StepAlarm(true, 70, 1, AdjustmentType.CHANGE_IN_CAPACITY, null, List.of(new StepAdjustment(0.0, null, 2)));
    StepAlarm in = new StepAlarm(false, 30, 5, AdjustmentType.CHANGE_IN_CAPACITY, null, List.of(new StepAdjustment(null, 0.0, -1)));
    return new StepScalingPolicy(1, 20, null, 60, out, in, List.of());
  }

  @Test
  void withKnob_hpa_setsTheTargetAndKeepsTheRest() {
    HpaPolicy moved = HPA.withKnob(60);
    assertThat(moved.knobName()).isEqualTo("targetUtilizationPercent");
    assertThat(moved.knobValue()).isEqualTo(60);
    assertThat(moved).isEqualTo(HpaPolicy.withDefaults(60, 2, 50));
  }

  @Test
  void withKnob_hpaFraction_isRefusedWithTheField() {
    assertThatThrownBy(() -> HPA.withKnob(62.5))
        .hasMessage("targetUtilizationPercent must be a whole number in 1..100, but was 62.5");
    assertThatThrownBy(() -> HPA.withKnob(101)).hasMessageContaining("1..100, but was 101.0");
  }

  @Test
  void withKnob_predictiveAndHybrid_moveTheTargetOfTheirFloor() {
    PredictivePolicy predictive = new PredictivePolicy(HPA, 300, 288, ArrivalForecast.HOLT_WINTERS, org.loadcast.forecast.Seasonality.ADDITIVE, null, 86_400);
    assertThat(predictive.withKnob(65).reactive()).isEqualTo(HPA.withKnob(65));
    assertThat(predictive.withKnob(65).knobValue()).isEqualTo(65);
    HybridPolicy hybrid = HybridPolicy.withDefaults(HPA);
    assertThat(hybrid.withKnob(85)).isEqualTo(HybridPolicy.withDefaults(HPA.withKnob(85)));
  }

  @Test
  void withKnob_targetTracking_setsTheTarget() {
    TargetTrackingPolicy t = TargetTrackingPolicy.withDefaults(75, 1, 10);
    assertThat(t.withKnob(55.5)).isEqualTo(TargetTrackingPolicy.withDefaults(55.5, 1, 10));
  }

  @Test
  void withKnob_stepScaling_movesBothThresholdsByTheSamePoints() {
    StepScalingPolicy moved = stepScaling().withKnob(80);
    assertThat(moved.knobName()).isEqualTo("scaleOut.thresholdPercent");
    assertThat(moved.scaleOut().thresholdPercent()).isEqualTo(80);
    assertThat(moved.scaleIn().thresholdPercent()).isEqualTo(40);
    assertThat(moved.scaleIn().steps()).isEqualTo(stepScaling().scaleIn().steps());
    assertThatThrownBy(() -> stepScaling().withKnob(35))
        .hasMessage("scaleIn.thresholdPercent must be in 0..100, but moving it by -35.0 points makes -5.0");
  }

  @Test
  void withKnob_awsPredictive_setsItsTargetAndMovesTheDynamicPolicyAlike() {
    AwsPredictivePolicy overTracking = AwsPredictivePolicy.withDefaults(TargetTrackingPolicy.withDefaults(70, 1, 10), 75);
    AwsPredictivePolicy moved = overTracking.withKnob(65);
    assertThat(moved.targetUtilizationPercent()).isEqualTo(65);
    assertThat(moved.dynamic().knobValue()).isEqualTo(60);
    AwsPredictivePolicy overSteps = AwsPredictivePolicy.withDefaults(stepScaling(), 75);
    assertThat(((StepScalingPolicy) overSteps.withKnob(85).dynamic()).scaleOut().thresholdPercent()).isEqualTo(80);
  }

  @Test
  void maxInstances_isTheLargestMaximumInForce() {
    assertThat(HPA.maxInstances()).isEqualTo(50);
    assertThat(HybridPolicy.withDefaults(HPA).maxInstances()).isEqualTo(50);
    assertThat(new PredictivePolicy(HPA, 300, 288, ArrivalForecast.HOLT_WINTERS, org.loadcast.forecast.Seasonality.ADDITIVE,
        null, 86_400).maxInstances()).isEqualTo(50);
    assertThat(stepScaling().maxInstances()).isEqualTo(20);
    TargetTrackingPolicy tracking = new TargetTrackingPolicy(50, 1, 20, null, 60, 3, 15, 0.9, false, List.of(
        new ScheduledAction("0 8 * * MON-FRI", 5, 30), new ScheduledAction("0 18 * * MON-FRI", 1, 20),
        new ScheduledAction("0 19 * * MON-FRI", 2, null)));
    assertThat(tracking.maxInstances()).isEqualTo(30);
    assertThat(TargetTrackingPolicy.withDefaults(75, 2, 100).maxInstances()).isEqualTo(100);
  }
}
