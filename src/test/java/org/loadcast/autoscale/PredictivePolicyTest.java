package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.forecast.Seasonality;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ScalingAction;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

/** The predictive policy on a daily pattern: it sees no future, and it scales ahead of the ramp. */
class PredictivePolicyTest {
  private static final int DAY = 86_400;
  private static final int HISTORY_DAYS = 7;
  private static final double CAPACITY = 2.0; // one worker, 0.5 s mean service

  private static RateCurve daily(int days, double changeAfterSeconds, double factor) {
    return DailyCurves.daily(days, changeAfterSeconds, factor);
  }

  private static ArrivalHistory history(RateCurve curve, int bucketSeconds) {
    double[] counts = new double[HISTORY_DAYS * DAY / bucketSeconds];
    for (int b = 0; b < counts.length; b++) {
      counts[b] = curve.integral(b * (double) bucketSeconds, (b + 1) * (double) bucketSeconds);
    }
    return new ArrivalHistory(bucketSeconds, counts);
  }

  private static SimulationResult run(RateCurve curve, ScalingPolicy policy) {
    ClusterConfig cluster = new ClusterConfig(1, 50, new ServiceTime.Exponential(0.5), 600, 0, 1,
        LoadBalancing.LEAST_OUTSTANDING, 2);
    SimulationSpec spec = new SimulationSpec(curve, HISTORY_DAYS * DAY, 2 * DAY, cluster, new LatencySlo(95, 2_000), 11);
    return ClusterSimulation.run(spec, policy.newAutoscaler(new ScalingContext(CAPACITY, 600, history(curve, 300))));
  }

  private static final HpaPolicy HPA = HpaPolicy.withDefaults(70, 1, 50);
  private static final PredictivePolicy PREDICTIVE = new PredictivePolicy(HPA, 300, 288, ArrivalForecast.ADAPTIVE_COMBINATION, null, null, DAY);
  private static final PredictivePolicy HOLT_WINTERS =
      new PredictivePolicy(HPA, 300, 288, ArrivalForecast.HOLT_WINTERS, Seasonality.ADDITIVE, null, DAY);

  @Test
  void decisions_beforeAChangeOfTheFuture_doNotChange() {
    double horizonStart = HISTORY_DAYS * DAY;
    double change = horizonStart + DAY;
    RateCurve original = daily(HISTORY_DAYS + 2, Double.MAX_VALUE, 1);
    RateCurve alteredFuture = daily(HISTORY_DAYS + 2, change, 1.8);
    for (ScalingPolicy policy : List.<ScalingPolicy>of(HPA, PREDICTIVE, HOLT_WINTERS)) {
      List<ScalingAction> before = actionsBefore(run(original, policy), DAY);
      List<ScalingAction> beforeAltered = actionsBefore(run(alteredFuture, policy), DAY);
      assertThat(beforeAltered).isNotEmpty().isEqualTo(before);
      assertThat(run(alteredFuture, policy).actions()).isNotEqualTo(run(original, policy).actions());
    }
  }

  private static List<ScalingAction> actionsBefore(SimulationResult result, double seconds) {
    return result.actions().stream().filter(a -> a.atSeconds() < seconds).toList();
  }

  @Test
  void run_dailyRampWithLongBoot_predictiveScalesOutBeforeTheRampAndViolatesLess() {
    RateCurve curve = daily(HISTORY_DAYS + 2, Double.MAX_VALUE, 1);
    SimulationResult reactive = run(curve, HPA);
    for (PredictivePolicy policy : List.of(PREDICTIVE, HOLT_WINTERS)) {
      SimulationResult predictive = run(curve, policy);
      // the first morning scale-out above the night's 3 replicas (the ramp starts at 25 200 s); later
      // levels need not keep that order, as the HPA may double its replicas in one sync where the
      // forecast adds one at a time
      double firstReactiveMorning = firstReachingAfter(reactive, 4, 6 * 3600);
      double firstPredictiveMorning = firstReachingAfter(predictive, 4, 6 * 3600);
      assertThat(firstPredictiveMorning).isLessThan(firstReactiveMorning);
      assertThat(predictive.totals().sloViolationMinutes()).isLessThan(reactive.totals().sloViolationMinutes());
      assertThat(predictive.totals().arrivals()).isEqualTo(reactive.totals().arrivals());
    }
  }

  @Test
  void constructor_seasonalityWithTheAdaptiveCombination_throws() {
    assertThatThrownBy(() -> new PredictivePolicy(HPA, 300, 288, ArrivalForecast.ADAPTIVE_COMBINATION,
        Seasonality.ADDITIVE, null, DAY))
        .hasMessage("seasonality applies to forecastMethod holt-winters only, but was additive with forecastMethod "
            + "adaptive-combination");
  }

  @Test
  void constructor_holtWintersWithoutSeasonality_throws() {
    assertThatThrownBy(() -> new PredictivePolicy(HPA, 300, 288, ArrivalForecast.HOLT_WINTERS, null, null, DAY))
        .hasMessage("seasonality must be additive or multiplicative for forecastMethod holt-winters, but was null");
  }

  /** Returns when the replicas first reach {@code replicas} after {@code seconds}. */
  private static double firstReachingAfter(SimulationResult result, int replicas, double seconds) {
    return result.actions().stream().filter(a -> a.atSeconds() >= seconds && a.toReplicas() >= replicas)
        .mapToDouble(ScalingAction::atSeconds).min().orElse(Double.MAX_VALUE);
  }
}
