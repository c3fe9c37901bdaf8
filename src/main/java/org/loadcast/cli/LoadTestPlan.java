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
 * <p>Requests against arrivals: the probe, the gate and the calibration all count requests per
 * second. A weighted mix sends one request per arrival. With sessions, an arrival of the profile's
 * rate is a session, worth {@code R = }{@link RequestMix#requestsPerArrival()} requests on average,
 * so the upper bound's peak in requests per second is {@code upperRateScale × peak × R × d / r},
 * set to {@code peakUtilizationFraction × top probe rate}. The gate admits a fraction of the
 * session arrivals, which thins their requests by the same fraction.
 *
 * <p>Time compression of sessions: the replay plays {@code C = d / r} profile seconds per replay
 * second ({@link #compressionFactor()}), and divides every think time by {@code C} ({@link
 * #replayThinkMillis(double)}), so that a session's shape is compressed like the arrivals: a
 * session that spans 60 profile seconds spans {@code 60 / C} replay seconds, plus response times,
 * which are not compressed.
 *
 * @param warmupSeconds unmeasured time at the first rate before the probe
 * @param probeRatesPerSecond the probe's step rates, increasing
 * @param probeStepSeconds each step's length
 * @param drainSeconds pause between probe and replay, for queues to empty
 * @param upperSchedule the replay compiled at the upper-bound rate scale, one step per second; its
 *     counts are the profile's arrivals: requests, or sessions when the mix has sessions
 * @param upperRateScale the factor applied to the profile's rate in {@code upperSchedule}, before
 *     the compression multiplies it again
 * @param replayFromSeconds where the replay starts in the profile, in profile seconds
 * @param replayProfileSeconds profile seconds replayed
 * @param replayMissingSeconds seconds of missing data in the replayed stretch, bridged
 * @param mix the request mix
 * @param seed the run seed, from which the {@code "mix"} and {@code "sessions"} streams derive
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
   */
  public static LoadTestPlan of(Experiment experiment) {
    ExperimentDocument.LoadTest loadTest = experiment.loadTest()
        .orElseThrow(() -> new IllegalStateException(experiment.file() + " has no loadTest section"));
    ExperimentDocument.Probe probe = loadTest.probe();
    ExperimentDocument.Replay replay = loadTest.replay();
    RateCurve curve = experiment.profile().rate();
    double from = experiment.replayStartSeconds();
    double to = from + replay.durationSeconds();
    RateCurve bridged = curve.bridgedOverMissing();
    double topProbeRate = probe.ratesPerSecond().get(probe.ratesPerSecond().size() - 1);
    double replayPeak = bridged.peakRatePerSecond(from, to);
    double compression = replay.durationSeconds() / replay.replaySeconds();
    double upperScale = upperRateScale(replay.peakUtilizationFraction(), topProbeRate, replayPeak,
        experiment.profile().mix().requestsPerArrival(), compression);
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

  /** Returns the seconds the schedule has arrivals in: the warm-up, the probe, the drain and the replay. */
  public int plannedSeconds() {
    return replayStartSecond() + upperSchedule.stepCount();
  }

  /**
   * Names the phase a load-test second belongs to by the plan: {@code warmup}, {@code probe}, {@code
   * drain} (the pause between the probe and the replay, and the seconds after the replay while its
   * last requests complete) or {@code replay}.
   *
   * @param second seconds since the load test began
   * @return the phase's name
   * @throws IllegalArgumentException if {@code second < 0}
   */
  public String phaseAt(int second) {
    if (second < 0) {
      throw new IllegalArgumentException("second must be >= 0, but was " + second);
    }
    if (second < probeStartSecond()) {
      return "warmup";
    }
    if (second < probeStartSecond() + probeSeconds()) {
      return "probe";
    }
    if (second >= replayStartSecond() && second < replayStartSecond() + upperSchedule.stepCount()) {
      return "replay";
    }
    return "drain";
  }

  /**
   * Returns the warm-up's arrivals per second: the first probe rate, as whole arrivals (see {@link
   * #constantRateCounts}).
   *
   * @return one count per warm-up second; empty without a warm-up
   */
  public int[] warmupCounts() {
    return constantRateCounts(probeRatesPerSecond.get(0), warmupSeconds);
  }

  /**
   * Returns the probe's arrivals per second, from its first second: each step's rate as whole
   * arrivals (see {@link #constantRateCounts}), step after step.
   *
   * @return {@link #probeSeconds()} counts
   */
  public int[] probeCounts() {
    int[] counts = new int[probeSeconds()];
    for (int step = 0; step < probeRatesPerSecond.size(); step++) {
      int[] stepCounts = constantRateCounts(probeRatesPerSecond.get(step), probeStepSeconds);
      System.arraycopy(stepCounts, 0, counts, step * probeStepSeconds, probeStepSeconds);
    }
    return counts;
  }

  /**
   * Returns a constant rate as whole arrivals per second: second {@code s} gets {@code floor((s + 1)
   * r) - floor(s r)}, so that any {@code t} first seconds hold {@code floor(t r)} arrivals and a
   * whole rate {@code r} gives {@code r} every second.
   *
   * @param ratePerSecond the rate, {@code > 0}
   * @param seconds how many seconds, {@code >= 0}
   * @return the counts; empty for 0 seconds
   */
  static int[] constantRateCounts(double ratePerSecond, int seconds) {
    int[] counts = new int[seconds];
    for (int s = 0; s < seconds; s++) {
      counts[s] = (int) (Math.floor((s + 1) * ratePerSecond) - Math.floor(s * ratePerSecond));
    }
    return counts;
  }

  /**
   * Returns the digest of the whole load test's schedule, which every injector of one run shares:
   * {@link InjectorShard#scheduleSha256} of the warm-up's, the probe's and the replay's upper-bound
   * counts.
   *
   * @return 64 lowercase hex digits
   */
  public String scheduleSha256() {
    return InjectorShard.scheduleSha256(warmupCounts(), probeCounts(), upperSchedule.counts());
  }

  /** Returns the probe's top rate, the upper bound of any capacity it can measure. */
  public double topProbeRatePerSecond() {
    return probeRatesPerSecond.get(probeRatesPerSecond.size() - 1);
  }

  /**
   * Returns the rate scale that puts the replay's peak request rate at a fraction of the probe's top
   * rate: {@code fraction × topProbeRate / (peak × requestsPerArrival × compression)}.
   *
   * @param peakUtilizationFraction the replay's peak as a fraction of the top probe rate, in {@code (0, 1]}
   * @param topProbeRatePerSecond the probe's top rate, requests per second, {@code > 0}
   * @param replayPeakPerSecond the profile's peak arrival rate over the replayed stretch, arrivals
   *     (requests or sessions) per profile second, {@code > 0}
   * @param requestsPerArrival requests per arrival: 1, or the expected requests per session
   * @param compression profile seconds per replay second, {@code > 0}
   * @return the factor applied to the profile's arrival rate before compression
   */
  static double upperRateScale(double peakUtilizationFraction, double topProbeRatePerSecond, double replayPeakPerSecond,
      double requestsPerArrival, double compression) {
    return peakUtilizationFraction * topProbeRatePerSecond / (replayPeakPerSecond * requestsPerArrival * compression);
  }

  /** Returns the replay's compression factor: profile seconds per replay second, {@code > 0}. */
  public double compressionFactor() {
    return replayProfileSeconds / upperSchedule.stepCount();
  }

  /**
   * Returns a think time as the replay pauses it: divided by the compression factor, in whole
   * milliseconds (rounded half up), since the replay compresses a session's time like its arrivals.
   *
   * @param profileThinkSeconds a think time drawn from the profile, in profile seconds, finite and {@code >= 0}
   * @return the replay's pause in milliseconds, {@code >= 0}
   * @throws IllegalArgumentException if the think time is negative or not finite
   */
  public long replayThinkMillis(double profileThinkSeconds) {
    if (!Double.isFinite(profileThinkSeconds) || profileThinkSeconds < 0) {
      throw new IllegalArgumentException("profileThinkSeconds must be a finite number >= 0, but was " + profileThinkSeconds);
    }
    return Math.round(profileThinkSeconds * 1000 / compressionFactor());
  }

  /**
   * Returns the requests the replay's admitted arrivals stand for: the arrivals times {@link
   * RequestMix#requestsPerArrival()}. With sessions, a session's requests follow its arrival over
   * its compressed think times, so per second this is an expectation, not a count of that second.
   *
   * @param arrivals admitted arrivals, {@code >= 0}
   * @return expected requests, {@code >= 0}
   */
  public double expectedRequests(double arrivals) {
    return arrivals * mix.requestsPerArrival();
  }
}
