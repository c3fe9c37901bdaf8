package org.loadcast.sim;

import java.util.Arrays;

/**
 * The future event list: a binary heap on primitive arrays, with no allocation per event once it
 * has grown to the run's largest size.
 *
 * <p>Events are ordered by time, then priority (lower first), then insertion order, so that runs
 * are reproducible whatever the ties (the order SSJ's event lists use). Priority and insertion
 * sequence share one {@code long} key per event, the priority in bits 55–62 above a 55-bit
 * sequence number, so a tie costs one primitive comparison and no allocation. Each event carries an
 * int type and an int payload.
 *
 * <p>Besides the heap there is one lane for a source that never has more than one pending event,
 * such as arrivals drawn one at a time ({@link #scheduleInLane}). Its event is ordered with the same
 * key, so the order of events is the same as if it were in the heap, but it costs no sift.
 *
 * <p>Mutable and not thread-safe: it belongs to one running simulation.
 */
final class EventList {
  private double[] times = new double[1024];
  private long[] orders = new long[1024];
  private int[] types = new int[1024];
  private int[] payloads = new int[1024];
  private int size;
  /** Whether the root is an event already popped, still in place until the next call. */
  private boolean rootPopped;
  private long sequence;
  private boolean laneFull;
  private double laneTime;
  private long laneOrder;
  private int laneType;
  private int lanePayload;
  private double poppedTime;
  private int poppedType;
  private int poppedPayload;

  /**
   * Adds an event.
   *
   * @param atSeconds when it happens; not NaN
   * @param priority ties at the same time go to the lower priority first; 0 to 255
   * @param type what happens
   * @param payload data for the handler
   * @throws IllegalArgumentException if the priority is outside 0 to 255
   */
  void schedule(double atSeconds, int priority, int type, int payload) {
    long order = order(priority);
    if (size == times.length) {
      grow();
    }
    if (rootPopped) {
      rootPopped = false;
      siftDown(atSeconds, order, type, payload);
      return;
    }
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(atSeconds, order, times[parent], orders[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, atSeconds, order, type, payload);
  }

  /**
   * Adds the lane's one pending event, ordered among all events as {@link #schedule} orders them.
   *
   * @param atSeconds when it happens; not NaN
   * @param priority ties at the same time go to the lower priority first; 0 to 255
   * @param type what happens
   * @param payload data for the handler
   * @throws IllegalArgumentException if the priority is outside 0 to 255
   * @throws IllegalStateException if the lane already holds a pending event
   */
  void scheduleInLane(double atSeconds, int priority, int type, int payload) {
    if (laneFull) {
      throw new IllegalStateException("the lane already holds an event at " + laneTime + " s");
    }
    laneOrder = order(priority);
    laneTime = atSeconds;
    laneType = type;
    lanePayload = payload;
    laneFull = true;
  }

  private long order(int priority) {
    if ((priority & ~0xFF) != 0) {
      throw new IllegalArgumentException("priority must be in 0..255, but was " + priority);
    }
    return ((long) priority << 55) | sequence++;
  }

  /** Returns whether no event is pending. */
  boolean isEmpty() {
    return size() == 0;
  }

  /** Returns the number of pending events. */
  int size() {
    return (rootPopped ? size - 1 : size) + (laneFull ? 1 : 0);
  }

  /**
   * Removes the first event; read it with {@link #time()}, {@link #type()}, {@link #payload()}.
   *
   * <p>The popped event stays at the root until the next call: if that call schedules an event,
   * the new event takes the root's place with one sift down instead of a sift down to remove and a
   * sift up to insert (the "replace top" of a heap). Keys are unique, so the order of events is the
   * same either way.
   */
  void pop() {
    if (rootPopped) {
      removeRoot();
    }
    if (laneFull && (size == 0 || before(laneTime, laneOrder, times[0], orders[0]))) {
      laneFull = false;
      poppedTime = laneTime;
      poppedType = laneType;
      poppedPayload = lanePayload;
      return;
    }
    poppedTime = times[0];
    poppedType = types[0];
    poppedPayload = payloads[0];
    rootPopped = true;
  }

  private void removeRoot() {
    rootPopped = false;
    size--;
    if (size > 0) {
      siftDown(times[size], orders[size], types[size], payloads[size]);
    }
  }

  double time() {
    return poppedTime;
  }

  int type() {
    return poppedType;
  }

  int payload() {
    return poppedPayload;
  }

  private void siftDown(double t, long order, int type, int payload) {
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && before(times[right], orders[right], times[child], orders[child])) {
        child = right;
      }
      if (!before(times[child], orders[child], t, order)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, t, order, type, payload);
  }

  private static boolean before(double t1, long o1, double t2, long o2) {
    return t1 < t2 || (t1 == t2 && o1 < o2);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    orders[to] = orders[from];
    types[to] = types[from];
    payloads[to] = payloads[from];
  }

  private void set(int i, double t, long order, int type, int payload) {
    times[i] = t;
    orders[i] = order;
    types[i] = type;
    payloads[i] = payload;
  }

  private void grow() {
    int capacity = times.length * 2;
    times = Arrays.copyOf(times, capacity);
    orders = Arrays.copyOf(orders, capacity);
    types = Arrays.copyOf(types, capacity);
    payloads = Arrays.copyOf(payloads, capacity);
  }
}
