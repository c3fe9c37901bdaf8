package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.sim.Autoscaler;
import org.loadcast.sim.ClusterConfig;
import org.loadcast.sim.ClusterSimulation;
import org.loadcast.sim.LatencySlo;
import org.loadcast.sim.LoadBalancing;
import org.loadcast.sim.ServiceTime;
import org.loadcast.sim.SimulationSpec;
import org.loadcast.sim.SimulationTotals;
import org.loadcast.sim.TestAutoscalers;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.stat.Tally;

/**
 * Our discrete-event engine ({@link ClusterSimulation}) against SSJ 3.3.2's event-driven API on the
 * same M/M/4 queue at ρ = 0.9 (λ = 3.6/s, μ = 1/s), 1e7 customers per run, in the same JVM and run.
 *
 * <p>Events counted the same way for both: one arrival and one departure per customer, i.e.
 * arrivals + completed departures. Our engine's housekeeping events (a per-minute statistics close
 * and an autoscaler decision every 60 simulated seconds, about 9e4 per run) are run but not
 * counted; SSJ's run has none.
 *
 * <p>Hand-written harness rather than JMH: one operation is a 1–2 s macro run, so JMH's
 * per-invocation machinery adds nothing; rounds alternate the engines, with {@value #WARMUPS}
 * unmeasured warm-up rounds and the median of {@value #ROUNDS} measured rounds reported. Each round
 * uses a new seed, so the rounds are also independent replications for the mean-wait gate.
 *
 * <p>Correctness gate: each run's mean wait in queue agrees with Erlang C, Wq = C(4, 3.6)/(4μ − λ)
 * = 1.969383 s, within 5σ. σ² = σ²∞/N with σ²∞ ≈ 2.2e3 s², from the heavy-traffic approximation
 * of the waiting queue by an M/M/1 at ρ = 0.9 with service rate cμ = 4 (Whitt's M/M/1 constant
 * ρ(2 + 5ρ − 4ρ² + ρ³)/(1 − ρ)⁴ divided by 4²); so σ ≈ 0.0148 s and the band ±0.074 s (±3.8 %) at
 * 1e7 customers. Not tuned to the seeds: at 1e6 customers it predicts σ ≈ 0.047 s, and ten runs
 * of the two engines gave a spread of 0.04–0.06 s.
 *
 * <p>{@code -Dloadcast.bench.customers=N} changes the customers per run (default 1e7).
 */
@Tag("benchmark")
class EngineVsSsjBenchmarkTest {
  private static final int SERVERS = 4;
  private static final double LAMBDA = 3.6;
  private static final double MU = 1.0;
  private static final int WARMUPS = 2;
  private static final int ROUNDS = 5;
  /** Asymptotic variance of the mean wait per customer, s², heavy-traffic M/M/1 approximation (see above). */
  private static final double WAIT_VARIANCE_CONSTANT = 2.2e3;
  private static final double BAND_SIGMAS = 5;

  /** Keeps the one instance it starts with: a fixed M/M/4. */
  private static final Autoscaler ONE_INSTANCE = TestAutoscalers.fixed(1);

  /** Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ. */
  static double erlangC(int c, double a) {
    double term = 1;
    double sum = 0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double waiting = term * c / (c - a);
    return waiting / (sum + waiting);
  }

  @Test
  void mm4AtRho09_eventsPerSecond_againstSsj() {
    long customers = Long.getLong("loadcast.bench.customers", 10_000_000L);
    double theory = erlangC(SERVERS, LAMBDA / MU) / (SERVERS * MU - LAMBDA);
    assertThat(theory).isCloseTo(1.969383, within(1e-6));
    double band = BAND_SIGMAS * Math.sqrt(WAIT_VARIANCE_CONSTANT / customers);

    double[] engineRates = new double[ROUNDS];
    double[] ssjRates = new double[ROUNDS];
    double[] engineWaits = new double[ROUNDS];
    double[] ssjWaits = new double[ROUNDS];
    for (int round = -WARMUPS; round < ROUNDS; round++) {
      long seed = 1_000 + round + WARMUPS;
      Run engine = runEngine(customers, seed);
      Run ssj = runSsj(customers, seed);
      System.out.printf(Locale.ROOT, "  %s engine %,d events in %.3f s (%,.0f/s), Wq %.5f | ssj %,d events in %.3f s (%,.0f/s), Wq %.5f%n",
          round < 0 ? "warm-up " : "round " + round + "  ", engine.events, engine.seconds, engine.eventsPerSecond(), engine.meanWait,
          ssj.events, ssj.seconds, ssj.eventsPerSecond(), ssj.meanWait);
      if (round >= 0) {
        engineRates[round] = engine.eventsPerSecond();
        ssjRates[round] = ssj.eventsPerSecond();
        engineWaits[round] = engine.meanWait;
        ssjWaits[round] = ssj.meanWait;
      }
    }
    double engineRate = median(engineRates);
    double ssjRate = median(ssjRates);
    System.out.printf(Locale.ROOT, "benchmark mm4-engine-vs-ssj: M/M/4, rho 0.9, %,d customers per run, median of %d rounds after %d warm-ups%n",
        customers, ROUNDS, WARMUPS);
    System.out.printf(Locale.ROOT, "  Erlang C Wq = %.5f s; engine mean %.5f (sd %.5f over rounds), ssj mean %.5f (sd %.5f); band +-%.4f s (%.1f %%, 5 sigma)%n",
        theory, mean(engineWaits), sd(engineWaits), mean(ssjWaits), sd(ssjWaits), band, 100 * band / theory);
    System.out.printf(Locale.ROOT, "engine_events_per_second=%.0f%n", engineRate);
    System.out.printf(Locale.ROOT, "ssj_events_per_second=%.0f%n", ssjRate);
    System.out.printf(Locale.ROOT, "ratio=%.2f%n", engineRate / ssjRate);

    for (int r = 0; r < ROUNDS; r++) {
      assertThat(engineWaits[r]).as("engine Wq, round %d", r).isCloseTo(theory, within(band));
      assertThat(ssjWaits[r]).as("SSJ Wq, round %d", r).isCloseTo(theory, within(band));
    }
  }

  private record Run(long events, double seconds, double meanWait) {
    double eventsPerSecond() {
      return events / seconds;
    }
  }

  /** Our engine: one instance of 4 workers, unbounded queue, flat Poisson demand λ for N/λ seconds. */
  private static Run runEngine(long customers, long seed) {
    double duration = Math.rint(customers / LAMBDA);
    RateCurve flat = RateCurve.of(new double[] {0, duration}, new double[] {LAMBDA, LAMBDA}, Interpolation.LINEAR, List.of());
    ClusterConfig cluster = new ClusterConfig(SERVERS, Integer.MAX_VALUE, new ServiceTime.Exponential(1 / MU), 0, 0, 1,
        LoadBalancing.ROUND_ROBIN, 1);
    SimulationSpec spec = new SimulationSpec(flat, 0, duration, cluster, new LatencySlo(95, 10_000), seed);
    long start = System.nanoTime();
    SimulationTotals totals = ClusterSimulation.run(spec, ONE_INSTANCE).totals();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(totals.arrivals()).isBetween(customers - customers / 100, customers + customers / 100);
    assertThat(totals.dropped()).isZero();
    return new Run(totals.arrivals() + totals.completed(), seconds, totals.meanWaitSeconds());
  }

  /** SSJ: the textbook event-driven M/M/c, one simulator, exactly N arrivals, run until empty. */
  private static Run runSsj(long customers, long seed) {
    SsjMmc model = new SsjMmc(SERVERS, LAMBDA, MU, customers, seed);
    long start = System.nanoTime();
    model.simulate();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(model.waits.numberObs()).isEqualTo((int) customers);
    return new Run(model.arrivals + model.departures, seconds, model.waits.average());
  }

  /** M/M/c with SSJ's Simulator, Event and Tally: an arrival event and a departure event per customer. */
  static final class SsjMmc {
    final Simulator sim = new Simulator();
    final int servers;
    final long customers;
    final ExponentialGen interArrival;
    final ExponentialGen service;
    final ArrayDeque<Customer> queue = new ArrayDeque<>();
    final Tally waits = new Tally("waiting times");
    int busy;
    long arrivals;
    long departures;

    SsjMmc(int servers, double lambda, double mu, long customers, long seed) {
      this.servers = servers;
      this.customers = customers;
      MRG32k3a arrivalStream = new MRG32k3a();
      arrivalStream.setSeed(seedOf(seed, 1));
      MRG32k3a serviceStream = new MRG32k3a();
      serviceStream.setSeed(seedOf(seed, 2));
      interArrival = new ExponentialGen(arrivalStream, lambda);
      service = new ExponentialGen(serviceStream, mu);
    }

    private static long[] seedOf(long seed, int stream) {
      long s = 12345 + seed * 7 + stream;
      return new long[] {s, s + 1, s + 2, s + 3, s + 4, s + 5};
    }

    void simulate() {
      sim.init();
      waits.init();
      new Arrival().schedule(interArrival.nextDouble());
      sim.start();
    }

    record Customer(double arrivalTime, double serviceTime) {}

    final class Arrival extends Event {
      Arrival() {
        super(SsjMmc.this.sim);
      }

      @Override
      public void actions() {
        arrivals++;
        if (arrivals < customers) {
          schedule(interArrival.nextDouble());
        }
        Customer c = new Customer(sim.time(), service.nextDouble());
        if (busy < servers) {
          busy++;
          waits.add(0.0);
          new Departure().schedule(c.serviceTime());
        } else {
          queue.addLast(c);
        }
      }
    }

    final class Departure extends Event {
      Departure() {
        super(SsjMmc.this.sim);
      }

      @Override
      public void actions() {
        departures++;
        Customer next = queue.pollFirst();
        if (next == null) {
          busy--;
        } else {
          waits.add(sim.time() - next.arrivalTime());
          new Departure().schedule(next.serviceTime());
        }
      }
    }
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(Double.NaN);
  }

  private static double sd(double[] xs) {
    double m = mean(xs);
    return Math.sqrt(Arrays.stream(xs).map(x -> (x - m) * (x - m)).sum() / (xs.length - 1));
  }
}
