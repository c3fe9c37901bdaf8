package org.loadcast.cli;

import java.util.List;
import org.loadcast.profile.ArrivalSchedule;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestMix;

/**
 * The injection plan of a load test: the probe's steps and the replay's whole-second schedule.
 *
 * <p>Gatling fixes its injection profile before the run starts, but the replay's rate depends on
 * the capacity the probe measures. So the replay is compiled at an upper bound, with its peak at
 * {@code peakUtilizationFraction} of the probe's top rate (capacity cannot exceed what was
 * offered), and a {@link ReplayGate} thins it once the probe is over, to the measured capacity.
 * Compressing {@code d} profile seconds into {@code r} replay seconds multiplies the rate by
 * {@code d / r}; the rate scale applies to the profile's rate before that.
 *
 * @param warmupSeconds unmeasured time at the first rate before the probe
 * @param probeRatesPerSecond the probe's step rates, increasing
 * @param probeStepSeconds each step's length
 * @param drainSeconds pause between probe and replay, for queues to empty
 * @param upperSchedule the replay compiled at the upper-bound rate scale, one step per second
 * @param upperRateScale the factor applied to the profile's rate in {@code upperSchedule}, before
 *     the compression multiplies it again
 * @param replayFromSeconds where the replay starts in the profile, in profile seconds
 * @param replayProfileSeconds profile seconds replayed
 * @param replayMissingSeconds seconds of missing data in the replayed stretch, bridged
 * @param mix the request mix
 * @param seed the seed of the mix's random stream
 */
public record LoadTestPlan(
    int warmupSeconds, List<Double> probeRatesPerSecond, int probeStepSeconds, int drainSeconds, ArrivalSchedule upperSchedule,
    double upperRateScale, double replayFromSeconds, double replayProfileSeconds, double replayMissingSeconds,
    RequestMix mix, long seed) {

  /** Copies the list. */
  public LoadTestPlan {
    probeRatesPerSecond = List.copyOf(probeRatesPerSecond);
  }

  /**
   * Plans the load test of an experiment.
   *
   * @param experiment an experiment with a load test
   * @return the plan
   * @throws IllegalStateException if the experiment has no load test
   * @throws IllegalArgumentException if the profile's mix uses what the load test cannot replay yet
   */
  public static LoadTestPlan of(Experiment experiment) {
    ExperimentDocument.LoadTest loadTest = experiment.loadTest()
        .orElseThrow(() -> new IllegalStateException(experiment.file() + " has no loadTest section"));
    requireReplayable(experiment.profile().mix());
    ExperimentDocument.Probe probe = loadTest.probe();
    ExperimentDocument.Replay replay = loadTest.replay();
    RateCurve curve = experiment.profile().rate();
    double from = experiment.replayStartSeconds();
    double to = from + replay.durationSeconds();
    RateCurve bridged = curve.bridgedOverMissing();
    double topProbeRate = probe.ratesPerSecond().get(probe.ratesPerSecond().size() - 1);
    double replayPeak = bridged.peakRatePerSecond(from, to);
    double compression = replay.durationSeconds() / replay.replaySeconds();
    double upperScale = replay.peakUtilizationFraction() * topProbeRate / (replayPeak * compression);
    ArrivalSchedule schedule = ArrivalSchedule.compile(bridged, from, to, replay.replaySeconds(), 1, upperScale);
    return new LoadTestPlan(probe.warmupSeconds(), probe.ratesPerSecond(), probe.stepSeconds(), probe.drainSeconds(), schedule, upperScale,
        from, replay.durationSeconds(), curve.missingSeconds(from, to), experiment.profile().mix(), experiment.seed());
  }

  /** Returns the probe's length in seconds. */
  public int probeSeconds() {
    return probeRatesPerSecond.size() * probeStepSeconds;
  }

  /** Returns the load-test second at which the probe's first step starts: after the warm-up. */
  public int probeStartSecond() {
    return warmupSeconds;
  }

  /** Returns the load-test second at which the replay starts: after the warm-up, the probe and the drain. */
  public int replayStartSecond() {
    return warmupSeconds + probeSeconds() + drainSeconds;
  }

  /** Returns the probe's top rate, the upper bound of any capacity it can measure. */
  public double topProbeRatePerSecond() {
    return probeRatesPerSecond.get(probeRatesPerSecond.size() - 1);
  }

  /**
   * Checks that the load test can replay a mix: it sends one weighted request per arrival, with
   * the template's method and path only, so sessions, placeholders, headers and bodies would be
   * lost, or sent as literal text, without a word.
   *
   * @param mix the profile's mix
   * @throws IllegalArgumentException naming the first template or the sessions that cannot be replayed
   */
  static void requireReplayable(RequestMix mix) {
    if (mix.sessions() != null) {
      throw new IllegalArgumentException("mix.sessions cannot be replayed by the load test yet, which sends one "
          + "request per arrival; remove sessions to replay the weighted mix");
    }
    for (int i = 0; i < mix.requests().size(); i++) {
      org.loadcast.profile.RequestTemplate t = mix.requests().get(i);
      if (!t.placeholders().isEmpty() || !t.headers().isEmpty() || t.body() != null) {
        throw new IllegalArgumentException("mix.requests[" + i + "] ('" + t.name() + "') cannot be replayed by the load "
            + "test yet, which sends the method and path only, but it has "
            + (!t.placeholders().isEmpty() ? "placeholders" : !t.headers().isEmpty() ? "headers" : "a body"));
      }
    }
  }
}
