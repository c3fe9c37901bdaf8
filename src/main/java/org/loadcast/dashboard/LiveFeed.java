package org.loadcast.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
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
 * the recent past.
 *
 * <p>Thread-safe.
 */
public final class LiveFeed {
  /** Events kept for browsers that connect later: the last 15 minutes. */
  public static final int HISTORY_SECONDS = 900;

  private final LoadTestRecorder recorder;
  private final IntToDoubleFunction targetRatePerSecond;
  private final Supplier<SystemUnderTestSample> systemUnderTest;
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
    this.recorder = recorder;
    this.targetRatePerSecond = targetRatePerSecond;
    this.systemUnderTest = systemUnderTest;
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
    List<SecondResult> all = recorder.snapshot();
    return keep(nextSecond < all.size() ? all.subList(nextSecond, all.size()) : List.of());
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
      DashboardSecond event = DashboardSecond.of(result, targetRatePerSecond.applyAsDouble(result.second()), inFlight, sample);
      events.add(event);
      history.addLast(event);
      if (history.size() > HISTORY_SECONDS) {
        history.removeFirst();
      }
    }
    nextSecond = closed.get(closed.size() - 1).second() + 1;
    return events;
  }
}
