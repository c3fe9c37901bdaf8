package org.loadcast.autoscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.CalendarEvent;
import org.loadcast.profile.EventCalendar;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.InstanceState;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.PodMetrics;
import org.loadcast.sim.ScalingAction;
import org.loadcast.sim.ScalingView;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationResult;
import org.loadcast.sim.SimulationSpec;

/**
 * The hybrid policy: each term of its formula by hand, the calendar ahead of time, and no future.
 *
 * <p>Sizing throughout: 1 request per second per instance at the HPA's 70 % target, so replicas =
 * ⌈rate / 0.7⌉. Lead 300 s (boot 200 + warmup 100) unless stated.
 */
class HybridPolicyTest {
  private static final int DAY = 86_400;
  private static final HpaPolicy HPA = HpaPolicy.withDefaults(70, 1, 100);

  private static HybridPolicy hybrid(double derivativeWeight, boolean useCalendar) {
    return new HybridPolicy(HPA, 300, 288, ArrivalForecast.ADAPTIVE_COMBINATION, null, null, DAY, derivativeWeight, 0.2,
        60, useCalendar, 300);
  }

  /** Three days of 600 arrivals per 300 s bucket: 2 requests per second, flat. */
  private static ArrivalHistory flatHistory() {
    double[] counts = new double[3 * 288];
    Arrays.fill(counts, 600);
    return new ArrivalHistory(300, counts);
  }

  private static ScalingContext context(ArrivalHistory history, CalendarEvent... events) {
    return new ScalingContext(1.0, 200, history, ScalingContext.EPOCH, 100, new EventCalendar(List.of(events)));
  }

  private static CalendarEvent times(double from, double to, double factor) {
    return new CalendarEvent("sale", CalendarEvent.Kind.CAMPAIGN, from, to, new CalendarEvent.Multiplier(factor));
  }

  private static HybridAutoscaler autoscaler(HybridPolicy policy, ScalingContext context) {
    return (HybridAutoscaler) policy.newAutoscaler(context);
  }

  @Test
  void forecastReplicas_seasonalTermAlone_sizesTheForecast() {
    HybridAutoscaler a = autoscaler(hybrid(0, true), context(flatHistory()));
    assertThat(a.seasonalRatePerSecond(0)).isCloseTo(2, within(1e-6));
    assertThat(a.derivativeRatePerSecond()).isZero();
    assertThat(a.forecastReplicas(0)).isEqualTo(3); // ⌈2 / 0.7⌉ = ⌈2.86⌉
  }

  @Test
  void forecastReplicas_multiplierAtTheLead_scalesTheForecast() {
    HybridAutoscaler a = autoscaler(hybrid(0, true), context(flatHistory(), times(400, 5_000, 3)));
    assertThat(a.forecastReplicas(0)).isEqualTo(3); // 0 + 300 s is before the event
    assertThat(a.seasonalRatePerSecond(100)).isCloseTo(6, within(1e-6));
    assertThat(a.forecastReplicas(100)).isEqualTo(9); // ⌈2 × 3 / 0.7⌉ = ⌈8.57⌉
  }

  @Test
  void forecastReplicas_fixedRateAtTheLead_usesThatRate() {
    CalendarEvent fixed = new CalendarEvent("flash", CalendarEvent.Kind.OTHER, 0, 1_000, new CalendarEvent.AbsoluteRate(5));
    HybridAutoscaler a = autoscaler(hybrid(0, true), context(ArrivalHistory.none(300), fixed));
    assertThat(a.seasonalRatePerSecond(0)).isEqualTo(5); // no forecaster yet: the event alone
    assertThat(a.forecastReplicas(0)).isEqualTo(8); // ⌈5 / 0.7⌉ = ⌈7.14⌉
  }

  @Test
  void forecastReplicas_historyUnderAMultiplier_isDividedByIt() {
    double[] counts = flatHistory().arrivals();
    Arrays.fill(counts, 576, 864, 300); // the last day at half the rate, declared as a × 0.5 event
    ArrivalHistory history = new ArrivalHistory(300, counts);
    CalendarEvent holiday = times(-1.0 * DAY, 0, 0.5);
    assertThat(autoscaler(hybrid(0, true), context(history, holiday)).seasonalRatePerSecond(0)).isCloseTo(2, within(1e-6));
    assertThat(autoscaler(hybrid(0, false), context(history, holiday)).seasonalRatePerSecond(0)).isCloseTo(1, within(0.1)); // measured 0.94
  }

  @Test
  void forecastReplicas_derivativeTermAlone_extrapolatesTheSlopeOverTheLead() {
    HybridAutoscaler a = autoscaler(hybrid(0.5, true), context(ArrivalHistory.none(300)));
    a.observe(new FakeView(120, 1, List.of(), 1.3, 1.9));
    // λ = 1.9, λ' = (1.9 − 1.3) / 60 = 0.01 per s²; D = 1.9 + 0.5 × 0.01 × 300 = 3.4
    assertThat(a.derivativeRatePerSecond()).isCloseTo(3.4, within(1e-12));
    assertThat(a.seasonalRatePerSecond(120)).isZero();
    assertThat(a.forecastReplicas(120)).isEqualTo(5); // ⌈3.4 / 0.7⌉ = ⌈4.86⌉
  }

  @Test
  void forecastReplicas_slopes_areExponentiallySmoothed() {
    HybridAutoscaler a = autoscaler(hybrid(1, true), context(ArrivalHistory.none(300)));
    a.observe(new FakeView(180, 1, List.of(), 1, 2, 2));
    // slopes 1/60 then 0: λ' = 0.2 × 0 + 0.8 × 1/60; D = 2 + 1 × (0.8 / 60) × 300 = 6
    assertThat(a.derivativeRatePerSecond()).isCloseTo(6, within(1e-12));
    assertThat(a.forecastReplicas(180)).isEqualTo(9); // ⌈6 / 0.7⌉ = ⌈8.57⌉
  }

  @Test
  void forecastReplicas_bothTerms_takesTheLarger() {
    HybridAutoscaler a = autoscaler(hybrid(1, true), context(flatHistory()));
    a.observe(new FakeView(180, 1, List.of(), 1, 2, 2));
    assertThat(a.forecastReplicas(180)).isEqualTo(9); // max(S = 2, D = 6)
  }

  @Test
  void desiredReplicas_hpaAskingMore_isTheFloor() {
    // two ready pods at 100 % against a 70 % target: the HPA asks for ⌈2 × 100 / 70⌉ = 3; the forecast for 0
    PodMetrics busy = new PodMetrics(InstanceState.READY, -1_000, -900, 1.0, -15, 0);
    HybridAutoscaler a = autoscaler(hybrid(0, true), context(ArrivalHistory.none(300)));
    assertThat(a.desiredReplicas(new FakeView(0, 2, List.of(busy, busy)))).isEqualTo(3);
  }

  @Test
  void desiredReplicas_afterAnEvent_holdsTheMaxForTheStabilizationWindow() {
    // lead 0; a × 3 event until 180 s, seen by a world at 2 per second times the event
    HybridPolicy policy = new HybridPolicy(HPA, 300, 288, ArrivalForecast.ADAPTIVE_COMBINATION, null, 0.0, DAY, 0, 0.2,
        60, true, 300);
    HybridAutoscaler a = autoscaler(policy, context(flatHistory(), times(0, 180, 3)));
    double[] rates = {6, 6, 6, 2};
    assertThat(a.desiredReplicas(new FakeView(0, 9, List.of(), rates))).isEqualTo(9);
    assertThat(a.desiredReplicas(new FakeView(270, 9, List.of(), rates))).isEqualTo(9); // wants 3, holds 9
    assertThat(a.desiredReplicas(new FakeView(315, 9, List.of(), rates))).isEqualTo(3); // the 9 left the window
  }

  @Test
  void constructor_negativeDerivativeWeight_namesIt() {
    assertThatThrownBy(() -> hybrid(-1, true)).hasMessage("derivativeWeight must be a finite number >= 0, but was -1.0");
  }

  // ----- in the simulator -----

  private static final int HISTORY_DAYS = 3;
  private static final double CAPACITY = 2.0; // one worker, 0.5 s mean service
  private static final double EVENT_START = HISTORY_DAYS * DAY + 12 * 3600.0;

  private static RateCurve daily(int days, double changeAfterSeconds, double factor) {
    return DailyCurves.daily(days, changeAfterSeconds, factor);
  }

  /** A declared × 3 sale from noon to 14:00 on the first simulated day, in profile seconds. */
  private static final EventCalendar SALE = new EventCalendar(List.of(times(EVENT_START, EVENT_START + 7_200, 3)));

  private static SimulationResult run(RateCurve curve, HybridPolicy policy) {
    double from = HISTORY_DAYS * DAY;
    double[] counts = new double[HISTORY_DAYS * 288];
    for (int b = 0; b < counts.length; b++) {
      counts[b] = curve.integral(b * 300.0, (b + 1) * 300.0);
    }
    ClusterConfig cluster = new ClusterConfig(1, 50, new ServiceTime.Exponential(0.5), 600, 0, 1,
        LoadBalancing.LEAST_OUTSTANDING, 2);
    SimulationSpec spec = new SimulationSpec(curve, from, 2 * DAY, cluster, new LatencySlo(95, 2_000), 11);
    ScalingContext context = new ScalingContext(CAPACITY, 600, new ArrivalHistory(300, counts), ScalingContext.EPOCH, 0,
        SALE.rebased(from, 1));
    return ClusterSimulation.run(spec, policy.newAutoscaler(context));
  }

  private static int mostReplicasBetween(SimulationResult result, double fromSeconds, double toSeconds) {
    return result.actions().stream().filter(a -> a.atSeconds() >= fromSeconds && a.atSeconds() < toSeconds)
        .mapToInt(ScalingAction::toReplicas).max().orElse(0);
  }

  @Test
  void run_declaredSaleAfterTheLead_scalesOutBeforeItOnlyWithTheCalendar() {
    RateCurve curve = SALE.applyTo(daily(HISTORY_DAYS + 2, Double.MAX_VALUE, 1));
    double start = EVENT_START - HISTORY_DAYS * DAY;
    SimulationResult withCalendar = run(curve, hybrid(1, true));
    SimulationResult blind = run(curve, hybrid(1, false));
    // at noon 20 per second needs ⌈20 / 1.4⌉ = 15; the sale's 60 per second needs 43
    assertThat(mostReplicasBetween(withCalendar, start - 600, start)).isGreaterThanOrEqualTo(43);
    assertThat(mostReplicasBetween(blind, start - 3_600, start)).isLessThanOrEqualTo(20);
    assertThat(mostReplicasBetween(blind, start, start + 600)).isGreaterThan(20); // it reacts, late
  }

  @Test
  void decisions_beforeAChangeOfTheFuture_doNotChange() {
    double change = HISTORY_DAYS * DAY + DAY;
    RateCurve original = SALE.applyTo(daily(HISTORY_DAYS + 2, Double.MAX_VALUE, 1));
    RateCurve alteredFuture = SALE.applyTo(daily(HISTORY_DAYS + 2, change, 1.8));
    SimulationResult before = run(original, hybrid(1, true));
    SimulationResult after = run(alteredFuture, hybrid(1, true));
    assertThat(actionsBefore(after, DAY)).isNotEmpty().isEqualTo(actionsBefore(before, DAY));
    assertThat(after.actions()).isNotEqualTo(before.actions());
  }

  private static List<ScalingAction> actionsBefore(SimulationResult result, double seconds) {
    return result.actions().stream().filter(a -> a.atSeconds() < seconds).toList();
  }

  /** A view whose arrival rate is constant over each 60 s window from time 0; no pods unless given. */
  private record FakeView(double nowSeconds, int currentReplicas, List<PodMetrics> pods, double... windowRates)
      implements ScalingView {

    @Override
    public long arrivalsBetween(double fromSeconds, double toSeconds) {
      if (toSeconds > nowSeconds) {
        throw new IllegalArgumentException("the future");
      }
      double count = 0;
      for (int w = 0; w < windowRates.length; w++) {
        double overlap = Math.min(toSeconds, (w + 1) * 60.0) - Math.max(fromSeconds, w * 60.0);
        count += Math.max(0, overlap) * windowRates[w];
      }
      double last = windowRates.length == 0 ? 0 : windowRates[windowRates.length - 1];
      count += Math.max(0, toSeconds - Math.max(fromSeconds, windowRates.length * 60.0)) * last;
      return Math.round(count);
    }
  }
}
