package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A known event in a profile's calendar, such as a campaign, a release or a holiday: a stretch of
 * profile time in which the rate is multiplied, or replaced by a fixed rate. Events are known ahead
 * of time, so a predictive policy may read them.
 *
 * @param name the event's name, shown in previews and reports; not blank
 * @param kind what sort of event it is
 * @param fromSeconds where it starts, in seconds since the profile starts; finite
 * @param toSeconds where it ends (exclusive), in seconds since the profile starts; {@code > fromSeconds}
 * @param effect what it does to the rate
 */
public record CalendarEvent(String name, Kind kind, double fromSeconds, double toSeconds, Effect effect) {

  /**
   * Validates the event.
   *
   * @throws IllegalArgumentException if a rule above is broken; the message names the field and value
   */
  public CalendarEvent {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, but was " + (name == null ? "missing" : "'" + name + "'"));
    }
    if (kind == null) {
      throw new IllegalArgumentException("kind is required");
    }
    if (!Double.isFinite(fromSeconds)) {
      throw new IllegalArgumentException("start must be a finite time, but was " + fromSeconds);
    }
    if (!(toSeconds > fromSeconds) || !Double.isFinite(toSeconds)) {
      throw new IllegalArgumentException("end must be after start (" + fromSeconds + " s), but was " + toSeconds + " s");
    }
    if (effect == null) {
      throw new IllegalArgumentException("effect is required: a multiplier or a ratePerSecond");
    }
  }

  /** Returns whether profile second {@code atSeconds} lies in {@code [fromSeconds, toSeconds)}. */
  public boolean covers(double atSeconds) {
    return atSeconds >= fromSeconds && atSeconds < toSeconds;
  }

  /** The sorts of event a calendar knows. */
  public enum Kind {
    /** A marketing campaign, sale or launch that draws traffic. */
    CAMPAIGN,
    /** A software release, which may change the traffic or the service. */
    RELEASE,
    /** A public holiday, which usually lowers business traffic. */
    HOLIDAY,
    /** Anything else. */
    OTHER;

    /** Returns the YAML name: the constant in lower case. */
    @JsonValue
    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What an event does to the rate while it lasts. */
  public sealed interface Effect permits Multiplier, AbsoluteRate {
    /**
     * Returns the rate during the event.
     *
     * @param ratePerSecond the rate without this event, {@code >= 0}
     * @return the rate with it, {@code >= 0}
     */
    double apply(double ratePerSecond);
  }

  /**
   * Multiplies the rate.
   *
   * @param factor the multiplier; finite and {@code >= 0} (0 shuts the traffic off)
   */
  public record Multiplier(double factor) implements Effect {
    /** @throws IllegalArgumentException if the factor is negative or not finite */
    public Multiplier {
      if (!(factor >= 0) || !Double.isFinite(factor)) {
        throw new IllegalArgumentException("multiplier must be a finite number >= 0, but was " + factor);
      }
    }

    @Override
    public double apply(double ratePerSecond) {
      return ratePerSecond * factor;
    }
  }

  /**
   * Replaces the rate by a fixed one.
   *
   * @param ratePerSecond the rate during the event, in requests per second; finite and {@code >= 0}
   */
  public record AbsoluteRate(double ratePerSecond) implements Effect {
    /** @throws IllegalArgumentException if the rate is negative or not finite */
    public AbsoluteRate {
      if (!(ratePerSecond >= 0) || !Double.isFinite(ratePerSecond)) {
        throw new IllegalArgumentException("ratePerSecond must be a finite number >= 0, but was " + ratePerSecond);
      }
    }

    @Override
    public double apply(double rate) {
      return ratePerSecond;
    }
  }
}
