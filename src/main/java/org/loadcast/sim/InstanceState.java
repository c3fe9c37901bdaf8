package org.loadcast.sim;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a simulated instance: booting, warming up, ready, draining, terminated.
 *
 * <p>An instance costs money from the moment it is requested until it terminates. It takes
 * requests only while {@link #WARMING} or {@link #READY}.
 */
public enum InstanceState {
  /** Requested and starting: the provisioning lead time. Takes no requests. */
  BOOTING,
  /** Serving, but not yet counted as ready by a readiness probe. */
  WARMING,
  /** Serving and ready. */
  READY,
  /** Removed by a scale-in: takes no new requests, finishes its queue, then terminates. */
  DRAINING,
  /** Gone; costs nothing more. */
  TERMINATED;

  /** Returns the states this state may move to. */
  public Set<InstanceState> next() {
    return switch (this) {
      case BOOTING -> EnumSet.of(WARMING, READY, TERMINATED);
      case WARMING -> EnumSet.of(READY, DRAINING, TERMINATED);
      case READY -> EnumSet.of(DRAINING, TERMINATED);
      case DRAINING -> EnumSet.of(TERMINATED);
      case TERMINATED -> EnumSet.noneOf(InstanceState.class);
    };
  }

  /**
   * Returns {@code to} if this state may move there.
   *
   * @throws IllegalStateException if the move is not in {@link #next()}
   */
  public InstanceState moveTo(InstanceState to) {
    if (!next().contains(to)) {
      throw new IllegalStateException("an instance cannot move from " + this + " to " + to);
    }
    return to;
  }

  /** Returns whether an instance in this state takes new requests. */
  public boolean serves() {
    return this == WARMING || this == READY;
  }
}
