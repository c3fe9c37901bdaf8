package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * What arrives, and when: a rate curve, the request mix and the seed.
 *
 * @param name a short name, used in run ids; letters, digits, '-', '_' and '.'
 * @param description free text for people; may be empty
 * @param seed the seed for everything random that the profile drives
 * @param timezone the zone in which the profile's days and hours are read
 * @param startTime the wall-clock time of profile second 0
 * @param rate the arrival rate against seconds since {@code startTime}, with the calendar's events
 *     applied
 * @param events the calendar of known events, already applied to {@code rate}; kept for policies
 *     that plan ahead and for previews
 * @param mix the request mix
 */
public record TrafficProfile(
    String name, String description, long seed, ZoneId timezone, OffsetDateTime startTime,
    RateCurve rate, EventCalendar events, RequestMix mix) {

  /** A profile without calendar events. */
  public TrafficProfile(
      String name, String description, long seed, ZoneId timezone, OffsetDateTime startTime,
      RateCurve rate, RequestMix mix) {
    this(name, description, seed, timezone, startTime, rate, EventCalendar.NONE, mix);
  }

  /**
   * Validates the profile.
   *
   * @throws IllegalArgumentException if a field is missing or the name has other characters
   */
  public TrafficProfile {
    if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "name must use only letters, digits, '.', '-' and '_', but was " + (name == null ? "missing" : "'" + name + "'"));
    }
    description = description == null ? "" : description;
    if (timezone == null) {
      throw new IllegalArgumentException("timezone is required");
    }
    if (startTime == null) {
      throw new IllegalArgumentException("startTime is required");
    }
    if (rate == null) {
      throw new IllegalArgumentException("rate is required");
    }
    events = events == null ? EventCalendar.NONE : events;
    if (mix == null) {
      throw new IllegalArgumentException("mix is required");
    }
  }

  /** Returns the wall-clock time of a profile second, in the profile's zone. */
  public java.time.ZonedDateTime wallClock(double atSeconds) {
    long whole = (long) Math.floor(atSeconds);
    long nanos = Math.round((atSeconds - whole) * 1e9);
    return startTime.plusSeconds(whole).plusNanos(nanos).atZoneSameInstant(timezone);
  }
}
