package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingView;

/** AWS predictive scaling against AUTOSCALING.md §2.3 and §8, with hand-computed capacities. */
class AwsPredictivePolicyTest {
  /** 10 requests per second per instance at full utilization; at the 50 % target, 5 per instance. */
  private static final double CAPACITY = 10;

  /**
   * Pods at the target, so the dynamic policy holds; arrivals at a constant rate, and asking for any
   * after {@code now} fails the test.
   */
  private record View(double nowSeconds, int currentReplicas, double ratePerSecond) implements ScalingView {
    @Override
    public List<PodMetrics> pods() {
      return Collections.nCopies(currentReplicas, new PodMetrics(InstanceState.READY, -1e6, -1e6, 0.5, nowSeconds - 60, 0));
    }

    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      if (toSeconds > nowSeconds) {
        throw new AssertionError("read arrivals up to " + toSeconds + " at " + nowSeconds);
      }
      return Math.round(ratePerSecond * (toSeconds - fromSeconds));
    }
  }

  private static Autoscaler predictive(double[] hourlyHistory) {
    AwsPredictivePolicy p = AwsPredictivePolicy.withDefaults(TargetTrackingPolicy.withDefaults(50, 1, 30), 50);
    return p.newAutoscaler(new ScalingContext(CAPACITY, 180, new ArrivalHistory(3600, hourlyHistory)));
  }

  private static double[] hours(int count, double requestsPerHour) {
    double[] h = new double[count];
    Arrays.fill(h, requestsPerHour);
    return h;
  }

  @Test
  void desiredReplicas_dayOfHistory_launchesTheBufferBeforeTheHour() {
    // seasonal naive on 24 h: hour 2 of the run repeats history hour 1, 180 000 requests = 50/s → 50 / 5 = 10
    double[] history = hours(24, 72_000);
    history[1] = 180_000;
    Autoscaler a = predictive(history);
    // hour 1 (72 000 = 20/s → 4) from time 0; hour 2's 10 from 3600 − 300 = 3300 s
    assertThat(a.desiredReplicas(new View(0, 2, 20))).isEqualTo(4);
    assertThat(a.desiredReplicas(new View(3240, 4, 20))).isEqualTo(4);
    assertThat(a.desiredReplicas(new View(3300, 4, 20))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_forecastBelowCurrent_neverScalesIn() {
    double[] history = hours(24, 72_000);
    history[1] = 180_000;
    Autoscaler a = predictive(history);
    // hour 3 forecasts 4, but predictive scaling does not scale in, and the dynamic policy holds at 10
    assertThat(a.desiredReplicas(new View(6900, 10, 20))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_lessThanADayOfHistory_waitsForTheNextRefresh() {
    // 23 h of history at 50/s: no forecast at 0; the dynamic policy alone until the 6 h refresh,
    // which sees 29 h and forecasts 50/s → 10
    Autoscaler a = predictive(hours(23, 180_000));
    for (int t = 0; t < 21_600; t += 60) {
      assertThat(a.desiredReplicas(new View(t, 2, 50))).as("at %d s", t).isEqualTo(2);
    }
    assertThat(a.desiredReplicas(new View(21_600, 2, 50))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_missingHour_shortensTheHistory() {
    // a missing hour 2 h before the end leaves 1 h: no forecast, the dynamic policy alone
    double[] history = hours(72, 180_000);
    history[70] = Double.NaN;
    assertThat(predictive(history).desiredReplicas(new View(0, 2, 50))).isEqualTo(2);
  }

  @Test
  void desiredReplicas_threeDaysOfOneShape_holtWintersRepeatsIt() {
    // three identical days: 20/s, and 50/s in hour 1 of each day → Holt-Winters forecasts 4 then 10 (within rounding)
    double[] history = hours(72, 72_000);
    for (int d = 0; d < 3; d++) {
      history[24 * d + 1] = 180_000;
    }
    Autoscaler a = predictive(history);
    assertThat(a.desiredReplicas(new View(0, 1, 20))).isEqualTo(4);
    assertThat(a.desiredReplicas(new View(3300, 4, 20))).isEqualTo(10);
  }

  @Test
  void desiredReplicas_holdsToTheDynamicPolicysMaximum() {
    AwsPredictivePolicy p = AwsPredictivePolicy.withDefaults(TargetTrackingPolicy.withDefaults(50, 1, 6), 50);
    Autoscaler a = p.newAutoscaler(new ScalingContext(CAPACITY, 180, new ArrivalHistory(3600, hours(24, 180_000))));
    assertThat(a.desiredReplicas(new View(0, 2, 50))).isEqualTo(6);
  }

  @Test
  void constructor_outOfRange_namesTheField() {
    TargetTrackingPolicy tt = TargetTrackingPolicy.withDefaults(50, 1, 6);
    assertThatThrownBy(() -> new AwsPredictivePolicy(tt, 50, 3600))
        .hasMessage("schedulingBufferSeconds must be in [0, 3600), but was 3600.0");
    assertThatThrownBy(() -> AwsPredictivePolicy.withDefaults(HpaPolicy.withDefaults(50, 1, 5), 50))
        .hasMessage("dynamic must be a target-tracking or step-scaling policy, but was HpaPolicy");
    assertThatThrownBy(() -> AwsPredictivePolicy.withDefaults(tt, 50).newAutoscaler(
        new ScalingContext(CAPACITY, 0, ArrivalHistory.none(300))))
        .hasMessage("the history's buckets (300 s) must be hours (3600 s)");
  }
}
