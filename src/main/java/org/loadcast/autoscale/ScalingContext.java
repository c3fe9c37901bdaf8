package org.loadcast.autoscale;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.loadcast.profile.EventCalendar;

/**
 * What a policy may know before a run starts.
 *
 * @param capacityPerInstancePerSecond the calibrated throughput of one instance at full
 *     utilization, requests per second, {@code > 0}
 * @param bootSeconds the provisioning lead time of a new instance, {@code >= 0}
 * @param history the arrivals observed before the run, ending at simulation time 0
 * @param startTime the wall-clock time of simulation time 0 in the profile's timezone, for
 *     scheduled actions
 * @param warmupSeconds how long a booted instance serves before it is ready, {@code >= 0}; boot plus
 *     warmup is the provisioning lead time of the hybrid policy
 * @param events the profile's calendar of known events in simulation seconds, with fixed rates in
 *     the run's requests per second ({@link EventCalendar#rebased}); the only knowledge of the
 *     future a policy is given. {@link EventCalendar#NONE} when there is none
 */
public record ScalingContext(
    double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history, ZonedDateTime startTime,
    double warmupSeconds, EventCalendar events) {

  /** The start time used when none is given: 1970-01-01T00:00Z, a Thursday. */
  public static final ZonedDateTime EPOCH = Instant.EPOCH.atZone(ZoneOffset.UTC);

  /**
   * Validates the context.
   *
   * @throws IllegalArgumentException if the capacity is not positive, the boot or warmup time
   *     negative, or the history, start time or calendar missing
   */
  public ScalingContext {
    if (!(capacityPerInstancePerSecond > 0) || !Double.isFinite(capacityPerInstancePerSecond)) {
      throw new IllegalArgumentException(
          "capacityPerInstancePerSecond must be > 0, but was " + capacityPerInstancePerSecond);
    }
    if (!(bootSeconds >= 0)) {
      throw new IllegalArgumentException("bootSeconds must be >= 0, but was " + bootSeconds);
    }
    if (history == null) {
      throw new IllegalArgumentException("history is required");
    }
    if (startTime == null) {
      throw new IllegalArgumentException("startTime is required");
    }
    if (!(warmupSeconds >= 0) || !Double.isFinite(warmupSeconds)) {
      throw new IllegalArgumentException("warmupSeconds must be >= 0, but was " + warmupSeconds);
    }
    if (events == null) {
      throw new IllegalArgumentException("events is required: EventCalendar.NONE when there are none");
    }
  }

  /** Creates a context with no warmup and no calendar of events. */
  public ScalingContext(double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history, ZonedDateTime startTime) {
    this(capacityPerInstancePerSecond, bootSeconds, history, startTime, 0, EventCalendar.NONE);
  }

  /** Creates a context whose simulation time 0 is {@link #EPOCH}: for policies without a schedule. */
  public ScalingContext(double capacityPerInstancePerSecond, double bootSeconds, ArrivalHistory history) {
    this(capacityPerInstancePerSecond, bootSeconds, history, EPOCH);
  }

  /**
   * Returns the wall-clock time of a simulation time.
   *
   * @param atSeconds seconds since the run began
   * @return the time in the profile's timezone, to the millisecond
   */
  public ZonedDateTime wallClock(double atSeconds) {
    return startTime.plusNanos(Math.round(atSeconds * 1000) * 1_000_000L);
  }
}
