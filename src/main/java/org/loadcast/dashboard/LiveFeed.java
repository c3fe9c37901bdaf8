package org.loadcast.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.loadcast.results.LoadTestRecorder;
import org.loadcast.results.SecondResult;

/**
 * Turns a load test's closed seconds into dashboard events, from the run's own recorder.
 *
 * <p>Each {@link #poll()} asks the recorder for the seconds that have ended since the last poll
 * ({@link LoadTestRecorder#closedSecondsFrom(int)}) and computes their figures ({@link
 * DashboardSecond#of}); the target comes from the load test's plan, the system under test's state is
 * sampled once per poll. {@link #finish()} adds the running second when the load test is over. The
 * last {@value #HISTORY_SECONDS} events are kept, so a browser that opens the page late still sees
 * the recent past. The in-flight count and the system under test's state are kept for every second,
 * a few bytes each, so that {@link #timeline(List)} can give the whole run for the report's static copy
 * of the dashboard.
 *
 * <p>Thread-safe.
 */
public final class LiveFeed {
  /** Events kept for browsers that connect later: the last 15 minutes. */
  public static final int HISTORY_SECONDS = 900;

  private final LoadTestRecorder recorder;
  private final IntToDoubleFunction targetRatePerSecond;
  private final Supplier<SystemUnderTestSample> systemUnderTest;
  private final IntFunction<String> phaseOfSecond;
  private int[] inFlightAt = new int[64];
  private int[] queueLengthAt = new int[64];
  private int[] busyWorkersAt = new int[64];
  private final Deque<DashboardSecond> history = new ArrayDeque<>();
  private int nextSecond;
  private boolean finished;

  /**
   * Creates the feed of a load test.
   *
   * @param recorder the recorder the load test writes every request into
   * @param targetRatePerSecond gives the plan's target for a load-test second, requests per second
   * @param systemUnderTest samples the embedded system under test, or null for an external target
   */
  public LiveFeed(LoadTestRecorder recorder, IntToDoubleFunction targetRatePerSecond,
      Supplier<SystemUnderTestSample> systemUnderTest) {
    this(recorder, targetRatePerSecond, systemUnderTest, null);
  }

  /**
   * Creates the feed of a load test whose phases are named by its plan.
   *
   * @param recorder the recorder the load test writes every request into
   * @param targetRatePerSecond gives the plan's target for a load-test second, requests per second
   * @param systemUnderTest samples the embedded system under test, or null for an external target
   * @param phaseOfSecond names the phase of a load-test second by the plan, e.g. "drain" between the
   *     probe and the replay; null to take the recorder's phase (that of the last request sent)
   */
  public LiveFeed(LoadTestRecorder recorder, IntToDoubleFunction targetRatePerSecond,
      Supplier<SystemUnderTestSample> systemUnderTest, IntFunction<String> phaseOfSecond) {
    this.recorder = recorder;
    this.targetRatePerSecond = targetRatePerSecond;
    this.systemUnderTest = systemUnderTest;
    this.phaseOfSecond = phaseOfSecond;
  }

  /**
   * Returns the events of the seconds that closed since the last call, and keeps them.
   *
   * @return one event per newly closed second, in order; empty when none closed or after {@link #finish()}
   */
  public synchronized List<DashboardSecond> poll() {
    return finished ? List.of() : keep(recorder.closedSecondsFrom(nextSecond));
  }

  /**
   * Ends the feed when the load test is over: returns the events of the seconds not yet sent,
   * the last one running when the load test ended. Later calls, and {@link #poll()}, return nothing.
   *
   * @return the remaining events, in order; empty when called again
   */
  public synchronized List<DashboardSecond> finish() {
    if (finished) {
      return List.of();
    }
    finished = true;
    return keep(recorder.snapshotFrom(nextSecond));
  }

  /** Returns whether {@link #finish()} was called. */
  public synchronized boolean finished() {
    return finished;
  }

  /**
   * Returns the kept events after a second, for a browser that connects or reconnects.
   *
   * @param afterSecond the last second the browser has, or -1 for none
   * @return the kept events of later seconds, in order; at most {@value #HISTORY_SECONDS}
   */
  public synchronized List<DashboardSecond> historyAfter(int afterSecond) {
    return history.stream().filter(e -> e.second() > afterSecond).toList();
  }

  /**
   * Returns every second of the load test as the dashboard shows it, from a snapshot of the
   * recorder's results: the counts and latencies as they are in it (requests that completed after
   * their second was sent are included), the in-flight count and the system under test's state as
   * they were sampled when the second was sent. A second not sent yet takes the latest sample. This
   * is the report's static copy of the dashboard. The caller passes the snapshot it writes the
   * results from, so that a long run's histograms are not copied twice.
   *
   * @param snapshot the recorder's {@link LoadTestRecorder#snapshot()}
   * @return one event per second of the snapshot, in order; empty for an empty snapshot
   */
  public synchronized List<DashboardSecond> timeline(List<SecondResult> snapshot) {
    List<DashboardSecond> events = new ArrayList<>();
    for (SecondResult result : snapshot) {
      int s = Math.min(result.second(), nextSecond - 1);
      SystemUnderTestSample sample = systemUnderTest == null ? null
          : s < 0 ? new SystemUnderTestSample(0, 0) : new SystemUnderTestSample(queueLengthAt[s], busyWorkersAt[s]);
      events.add(event(result, s < 0 ? 0 : inFlightAt[s], sample));
    }
    return events;
  }

  /** Returns the latest event, or empty before the first second closed. */
  public synchronized Optional<DashboardSecond> latest() {
    return Optional.ofNullable(history.peekLast());
  }

  private List<DashboardSecond> keep(List<SecondResult> closed) {
    if (closed.isEmpty()) {
      return List.of();
    }
    int inFlight = recorder.inFlight();
    SystemUnderTestSample sample = systemUnderTest == null ? null : systemUnderTest.get();
    List<DashboardSecond> events = new ArrayList<>();
    for (SecondResult result : closed) {
      DashboardSecond event = event(result, inFlight, sample);
      gauge(result.second(), inFlight, sample);
      events.add(event);
      history.addLast(event);
      if (history.size() > HISTORY_SECONDS) {
        history.removeFirst();
      }
    }
    nextSecond = closed.get(closed.size() - 1).second() + 1;
    return events;
  }

  private DashboardSecond event(SecondResult result, int inFlight, SystemUnderTestSample sample) {
    String phase = phaseOfSecond == null ? result.phase().fileName() : phaseOfSecond.apply(result.second());
    return DashboardSecond.of(result, phase, targetRatePerSecond.applyAsDouble(result.second()), inFlight, sample);
  }

  private void gauge(int second, int inFlight, SystemUnderTestSample sample) {
    if (second >= inFlightAt.length) {
      int size = Math.max(second + 1, 2 * inFlightAt.length);
      inFlightAt = Arrays.copyOf(inFlightAt, size);
      queueLengthAt = Arrays.copyOf(queueLengthAt, size);
      busyWorkersAt = Arrays.copyOf(busyWorkersAt, size);
    }
    inFlightAt[second] = inFlight;
    if (sample != null) {
      queueLengthAt[second] = sample.queueLength();
      busyWorkersAt[second] = sample.busyWorkers();
    }
  }
}
