package org.loadcast.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Records every request of a load test, from inside the simulation: when it was sent, its name,
 * phase, status and latency, into HdrHistograms per second and per request name.
 *
 * <p>The clock is injected ({@code System::nanoTime} in a load test, a fake in tests) and read
 * under the recorder's lock, so event times are monotone and the in-flight integral exact. A
 * request's latency runs from the moment the simulation sends it (its arrival in the open workload
 * model) to the end of its response, so time spent queued in a saturated system is counted.
 *
 * <p>Thread-safe: Gatling calls it from several event-loop threads.
 */
public final class LoadTestRecorder {
  /** The highest latency a histogram tracks: one hour, in microseconds. */
  public static final long HIGHEST_LATENCY_MICROS = 3_600_000_000L;
  /** Significant decimal digits of the histograms: 3, so values are within 0.1 %. */
  public static final int SIGNIFICANT_DIGITS = 3;

  private final LongSupplier nanoClock;
  private long startNanos;
  private final TreeMap<Integer, Second> seconds = new TreeMap<>();
  private Phase currentPhase = Phase.WARMUP;
  private int inFlight;
  private long lastChangeNanos;

  /**
   * Creates a recorder whose second 0 starts now.
   *
   * @param nanoClock a monotone clock in nanoseconds
   */
  public LoadTestRecorder(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastChangeNanos = startNanos;
  }

  /**
   * Moves second 0 to another time, before anything is recorded: an injector counts its seconds
   * from the moment its first arrival is due, not from when the recorder was made, since Gatling
   * starts injecting a moment after the simulation's {@code before()}.
   *
   * @param originNanos the start of second 0 by the recorder's clock, no earlier than now
   * @throws IllegalStateException if a request was recorded already, or the origin is in the past
   */
  public synchronized void startAt(long originNanos) {
    if (!seconds.isEmpty() || inFlight != 0) {
      throw new IllegalStateException("second 0 can only move before the first request is recorded");
    }
    long now = nanoClock.getAsLong();
    if (originNanos < now) {
      throw new IllegalStateException("second 0 must start now or later, but was " + (now - originNanos) + " ns ago");
    }
    startNanos = originNanos;
    lastChangeNanos = originNanos;
  }

  /**
   * Records that a request is sent now.
   *
   * @param phase the request's phase
   * @return the send time in nanoseconds, to hand back to {@link #completed}
   */
  public synchronized long started(Phase phase) {
    long now = advance();
    currentPhase = phase;
    Second second = second(now);
    second.phase = phase;
    second.started++;
    second.open++;
    inFlight++;
    return now;
  }

  /**
   * Records that a request's response ended now, or that it failed. Only successful requests go
   * into the latency histograms: a refused connection or an error page says nothing of the service
   * time. Failures are counted per second and per status.
   *
   * @param requestName the request's name
   * @param startedNanos what {@link #started} returned for it
   * @param status the HTTP status, or 0 when there was no response
   * @param failed whether the request failed
   */
  public synchronized void completed(String requestName, long startedNanos, int status, boolean failed) {
    long now = advance();
    Second done = second(now);
    done.completed++;
    done.statusCounts.merge(status, 1L, Long::sum);
    if (failed) {
      done.failed++;
    }
    if (!failed) {
      long micros = Math.max(1, Math.min(HIGHEST_LATENCY_MICROS, (now - startedNanos) / 1000));
      second(startedNanos).latency.computeIfAbsent(requestName,
          k -> new Histogram(HIGHEST_LATENCY_MICROS, SIGNIFICANT_DIGITS)).recordValue(micros);
    }
    second(startedNanos).open--;
    inFlight--;
  }

  /** Returns the seconds since second 0 began, by the recorder's clock; 0 before it begins. */
  public synchronized double elapsedSeconds() {
    return Math.max(0, nanoClock.getAsLong() - startNanos) / 1e9;
  }

  /** Returns the requests in flight now. */
  public synchronized int inFlight() {
    return inFlight;
  }

  /**
   * Returns what was recorded so far, one entry per second from 0 to the last second with an event;
   * seconds without events are included, empty.
   */
  public synchronized List<SecondResult> snapshot() {
    advance();
    return seconds.isEmpty() ? new ArrayList<>() : results(0, seconds.lastKey() + 1);
  }

  /**
   * Returns what was recorded from a second on, as {@link #snapshot()} builds it: only those seconds'
   * histograms are copied.
   *
   * @param firstSecond the first second wanted, {@code >= 0}
   * @return one entry per second from {@code firstSecond} to the last second with an event; empty when
   *     none
   * @throws IllegalArgumentException if {@code firstSecond < 0}
   */
  public synchronized List<SecondResult> snapshotFrom(int firstSecond) {
    if (firstSecond < 0) {
      throw new IllegalArgumentException("firstSecond must be >= 0, but was " + firstSecond);
    }
    advance();
    return seconds.isEmpty() || firstSecond > seconds.lastKey() ? new ArrayList<>() : results(firstSecond, seconds.lastKey() + 1);
  }

  /**
   * Returns the closed seconds from {@code firstSecond} on: those that ended by the recorder's clock,
   * so their counts and in-flight integral are final. Their latency histograms hold the requests
   * started in them that have completed so far; a request still in flight joins later. The entries
   * are built as {@link #snapshot()} builds them, so a closed second's counts are the same in both.
   *
   * @param firstSecond the first second wanted, {@code >= 0}
   * @return one entry per closed second from {@code firstSecond}, in order, seconds without events
   *     included, empty; empty when no second from {@code firstSecond} has closed yet
   * @throws IllegalArgumentException if {@code firstSecond < 0}
   */
  public synchronized List<SecondResult> closedSecondsFrom(int firstSecond) {
    if (firstSecond < 0) {
      throw new IllegalArgumentException("firstSecond must be >= 0, but was " + firstSecond);
    }
    long now = advance();
    return results(firstSecond, indexOf(now));
  }

  /**
   * Returns the first second that may still change: every second before it has closed (it ended by
   * the recorder's clock) and every request started in it has completed, so its entry, histograms
   * included, is final. A checkpoint copies a settled second once ({@code ResultsCheckpoint}).
   *
   * @return the number of settled seconds from 0, {@code >= 0}; they are a prefix, so one request in
   *     flight holds back every second from its own
   */
  public synchronized int firstUnsettledSecond() {
    int closed = indexOf(advance());
    for (Map.Entry<Integer, Second> e : seconds.headMap(closed).entrySet()) {
      if (e.getValue().open > 0) {
        return e.getKey();
      }
    }
    return Math.max(0, closed);
  }

  /** Returns the entries of seconds {@code [from, to)}, the phase of an empty one carried over. */
  private List<SecondResult> results(int from, int to) {
    List<SecondResult> result = new ArrayList<>();
    Map.Entry<Integer, Second> before = seconds.lowerEntry(from);
    Phase phase = before == null ? Phase.WARMUP : before.getValue().phase;
    for (int s = from; s < to; s++) {
      Second sec = seconds.get(s);
      if (sec == null) {
        result.add(new SecondResult(s, phase, 0, 0, 0, 0, new TreeMap<>(), new TreeMap<>()));
        continue;
      }
      phase = sec.phase;
      result.add(new SecondResult(s, phase, sec.started, sec.completed, sec.failed,
          sec.inFlightNanos / 1e9, sec.statusCounts, sec.latency));
    }
    return result;
  }

  /** Moves the in-flight integral to now, splitting it across second boundaries. */
  private long advance() {
    // before a moved second 0 begins, nothing has happened yet: time stands at the origin
    long now = Math.max(nanoClock.getAsLong(), lastChangeNanos);
    long t = lastChangeNanos;
    while (t < now) {
      int index = indexOf(t);
      long boundary = startNanos + (index + 1) * 1_000_000_000L;
      long end = Math.min(boundary, now);
      if (inFlight > 0) {
        second(t).inFlightNanos += (double) inFlight * (end - t);
      }
      t = end;
    }
    lastChangeNanos = now;
    return now;
  }

  private int indexOf(long nanos) {
    return (int) ((nanos - startNanos) / 1_000_000_000L);
  }

  private Second second(long nanos) {
    return seconds.computeIfAbsent(indexOf(nanos), k -> new Second(currentPhase));
  }

  /** The mutable counters of one second. */
  private static final class Second {
    Phase phase;
    long started;
    long completed;
    long failed;
    /** Requests started in this second and not completed yet. */
    long open;
    double inFlightNanos;
    final SortedMap<Integer, Long> statusCounts = new TreeMap<>();
    final SortedMap<String, Histogram> latency = new TreeMap<>();

    Second(Phase phase) {
      this.phase = phase;
    }
  }
}
