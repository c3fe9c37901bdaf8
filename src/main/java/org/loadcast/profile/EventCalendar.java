package org.loadcast.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A profile's calendar of known events, and how it changes the rate.
 *
 * <p>During an event with a {@link CalendarEvent.Multiplier} the rate is multiplied; overlapping
 * multipliers multiply each other. During an event with a {@link CalendarEvent.AbsoluteRate} the
 * rate is that fixed rate, and multipliers do not apply on top of it: a fixed rate is fixed. Two
 * fixed-rate events may not overlap.
 *
 * @param events the events in the order the profile lists them; may be empty
 */
public record EventCalendar(List<CalendarEvent> events) {
  /** An empty calendar. */
  public static final EventCalendar NONE = new EventCalendar(List.of());

  /**
   * On a linear curve, an event's edge is a ramp this long, in seconds: a linear curve has no jumps.
   * The integral changes by at most half the jump times this, a millisecond's worth of requests.
   */
  public static final double EDGE_RAMP_SECONDS = 1e-3;

  /**
   * Validates and copies the events.
   *
   * @throws IllegalArgumentException if two fixed-rate events overlap; the message names both by index
   */
  public EventCalendar {
    events = events == null ? List.of() : List.copyOf(events);
    for (int i = 0; i < events.size(); i++) {
      for (int j = 0; j < i; j++) {
        CalendarEvent a = events.get(j);
        CalendarEvent b = events.get(i);
        if (a.effect() instanceof CalendarEvent.AbsoluteRate && b.effect() instanceof CalendarEvent.AbsoluteRate
            && a.fromSeconds() < b.toSeconds() && b.fromSeconds() < a.toSeconds()) {
          throw new IllegalArgumentException("events[" + i + "] must not overlap events[" + j + "] ('" + a.name()
              + "'): both fix the rate, but '" + b.name() + "' starts before the other ends");
        }
      }
    }
  }

  /** Returns whether the calendar has no events. */
  public boolean isEmpty() {
    return events.isEmpty();
  }

  /**
   * Returns the rate at a profile second with the events applied.
   *
   * @param ratePerSecond the rate without events, {@code >= 0}
   * @param atSeconds the profile second
   * @return the rate with the events that cover {@code atSeconds}
   */
  public double apply(double ratePerSecond, double atSeconds) {
    double multiplied = ratePerSecond;
    for (CalendarEvent event : events) {
      if (event.covers(atSeconds)) {
        if (event.effect() instanceof CalendarEvent.AbsoluteRate fixed) {
          return fixed.ratePerSecond();
        }
        multiplied = event.effect().apply(multiplied);
      }
    }
    return multiplied;
  }

  /**
   * Returns the mean factor by which the events multiply the rate over a range: the time-weighted
   * mean of {@link #apply apply(1, t)}, for dividing an observed count by the events in force.
   *
   * @param fromSeconds where the range starts, in this calendar's seconds
   * @param toSeconds where it ends, {@code > fromSeconds}
   * @return the mean multiplier, {@code >= 0}; 1 when no event overlaps the range; NaN when a
   *     fixed-rate event overlaps it, since the count then says nothing of the rate without events
   * @throws IllegalArgumentException if the range is empty
   */
  public double meanMultiplier(double fromSeconds, double toSeconds) {
    if (!(toSeconds > fromSeconds)) {
      throw new IllegalArgumentException("toSeconds must be > fromSeconds (" + fromSeconds + "), but was " + toSeconds);
    }
    TreeSet<Double> cuts = new TreeSet<>(List.of(fromSeconds, toSeconds));
    for (CalendarEvent event : events) {
      if (event.fromSeconds() < toSeconds && event.toSeconds() > fromSeconds) {
        if (event.effect() instanceof CalendarEvent.AbsoluteRate) {
          return Double.NaN;
        }
        cuts.add(Math.max(fromSeconds, event.fromSeconds()));
        cuts.add(Math.min(toSeconds, event.toSeconds()));
      }
    }
    double weighted = 0;
    Double previous = null;
    for (double cut : cuts) {
      if (previous != null) {
        weighted += (cut - previous) * apply(1, (previous + cut) / 2);
      }
      previous = cut;
    }
    return weighted / (toSeconds - fromSeconds);
  }

  /**
   * Returns this calendar moved to another origin and rate unit: for a run whose time 0 is profile
   * second {@code originSeconds} and whose rate is the profile's times {@code rateScale}.
   *
   * @param originSeconds the profile second that becomes 0; finite
   * @param rateScale the factor applied to fixed rates, finite and {@code > 0}; multipliers keep their value
   * @return the calendar, in the same order
   * @throws IllegalArgumentException if a value is out of range
   */
  public EventCalendar rebased(double originSeconds, double rateScale) {
    if (!Double.isFinite(originSeconds)) {
      throw new IllegalArgumentException("originSeconds must be finite, but was " + originSeconds);
    }
    if (!(rateScale > 0) || !Double.isFinite(rateScale)) {
      throw new IllegalArgumentException("rateScale must be a finite number > 0, but was " + rateScale);
    }
    List<CalendarEvent> moved = new ArrayList<>();
    for (CalendarEvent e : events) {
      CalendarEvent.Effect effect = e.effect() instanceof CalendarEvent.AbsoluteRate fixed
          ? new CalendarEvent.AbsoluteRate(fixed.ratePerSecond() * rateScale) : e.effect();
      moved.add(new CalendarEvent(e.name(), e.kind(), e.fromSeconds() - originSeconds, e.toSeconds() - originSeconds, effect));
    }
    return new EventCalendar(moved);
  }

  /** Returns the rate just before a profile second: the events whose range ends at or after it. */
  private double applyJustBefore(double ratePerSecond, double atSeconds) {
    double multiplied = ratePerSecond;
    for (CalendarEvent event : events) {
      if (event.fromSeconds() < atSeconds && event.toSeconds() >= atSeconds) {
        if (event.effect() instanceof CalendarEvent.AbsoluteRate fixed) {
          return fixed.ratePerSecond();
        }
        multiplied = event.effect().apply(multiplied);
      }
    }
    return multiplied;
  }

  /**
   * Returns a curve with the events applied. A step curve gains a point at each event edge inside it,
   * so the result is exact. A linear curve gains a point just before each edge and one
   * {@link #EDGE_RAMP_SECONDS} after it. Missing ranges are kept.
   *
   * @param curve the rate without events
   * @return the rate with them; the same curve when no event overlaps it
   */
  public RateCurve applyTo(RateCurve curve) {
    double start = curve.startSeconds();
    double end = curve.endSeconds();
    TreeSet<Double> edges = new TreeSet<>();
    for (CalendarEvent event : events) {
      if (event.toSeconds() > start && event.fromSeconds() < end) {
        edges.add(event.fromSeconds());
        edges.add(event.toSeconds());
      }
    }
    if (edges.isEmpty()) {
      return curve;
    }
    boolean step = curve.interpolation() == Interpolation.STEP;
    TreeSet<Double> times = new TreeSet<>();
    for (int i = 0; i < curve.pointCount(); i++) {
      times.add(curve.atSeconds(i));
    }
    for (double edge : edges) {
      if (edge > start && edge < end) {
        times.add(edge);
        double after = edge + EDGE_RAMP_SECONDS;
        Double next = times.higher(edge);
        if (!step && after < end && (next == null || next > after)) {
          times.add(after);
        }
      }
    }
    List<Double> at = new ArrayList<>(times);
    double[] atSeconds = new double[at.size()];
    double[] rate = new double[at.size()];
    for (int i = 0; i < at.size(); i++) {
      double t = at.get(i);
      atSeconds[i] = t;
      double base = curve.rateAt(t);
      boolean leftLimit = !step && i > 0 && (edges.contains(t) || i == at.size() - 1);
      rate[i] = leftLimit ? applyJustBefore(base, t) : apply(base, t);
    }
    return RateCurve.of(atSeconds, rate, curve.interpolation(), curve.missing());
  }
}
