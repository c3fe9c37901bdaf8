package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A traffic profile as it is written in YAML, before its curve file is read and its values are
 * checked against each other. {@link TrafficProfiles} turns it into a {@link TrafficProfile}.
 *
 * @param name see {@link TrafficProfile#name()}
 * @param description free text
 * @param source where the profile came from, when it was derived; may be null
 * @param seed see {@link TrafficProfile#seed()}
 * @param timezone a region id such as {@code America/New_York}
 * @param startTime ISO-8601 date-time with offset of profile second 0
 * @param rate the arrival rate
 * @param events the calendar of known events; null or empty when none
 * @param mix the request mix
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "source", "seed", "timezone", "startTime", "rate", "events", "mix"})
public record ProfileDocument(
    @JsonProperty(required = true) String name,
    String description,
    Source source,
    @JsonProperty(required = true) long seed,
    @JsonProperty(required = true) String timezone,
    @JsonProperty(required = true) String startTime,
    @JsonProperty(required = true) Rate rate,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Event> events,
    @JsonProperty(required = true) RequestMix mix) {

  /** Copies the events; absent means none. */
  public ProfileDocument {
    events = events == null ? List.of() : List.copyOf(events);
  }

  /**
   * A calendar event as written: times are ISO-8601 date-times, read in the profile's timezone when
   * they have no offset. Exactly one of {@code multiplier} and {@code ratePerSecond} is given.
   *
   * @param name the event's name
   * @param kind campaign, release, holiday or other; other when absent
   * @param start when it starts
   * @param end when it ends (exclusive)
   * @param multiplier multiplies the rate during the event; null when {@code ratePerSecond} is given
   * @param ratePerSecond replaces the rate during the event; null when {@code multiplier} is given
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "kind", "start", "end", "multiplier", "ratePerSecond"})
  public record Event(
      @JsonProperty(required = true) String name, CalendarEvent.Kind kind,
      @JsonProperty(required = true) String start, @JsonProperty(required = true) String end,
      Double multiplier, Double ratePerSecond) {}

  /**
   * The arrival rate: a curve and the stretches of it that were not observed, or a model.
   *
   * @param curve the curve; null when a model is given
   * @param model the model of seasonality, trend, bursts and noise; null when a curve is given
   * @param missing unobserved ranges of the curve in profile seconds, sorted; null or empty when complete
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"curve", "model", "missing"})
  public record Rate(Curve curve, RateModel model, List<TimeRange> missing) {
    /** Copies the list; absent means none. */
    public Rate {
      missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** A rate given by a curve. */
    public Rate(Curve curve, List<TimeRange> missing) {
      this(curve, null, missing);
    }
  }

  /**
   * A rate curve, inline or in a CSV file beside the YAML.
   *
   * @param file a CSV file with header {@code atSeconds,ratePerSecond}, relative to the YAML file;
   *     null when the points are inline
   * @param points inline points; null when a file is given
   * @param interpolation how the rate fills the time between points; linear when absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Curve(String file, List<RatePoint> points, Interpolation interpolation) {
    /** Applies the default interpolation and checks that exactly one of file and points is given. */
    public Curve {
      interpolation = interpolation == null ? Interpolation.LINEAR : interpolation;
      if ((file == null) == (points == null)) {
        throw new IllegalArgumentException("file must be given, or else points, but not both: found "
            + (file == null ? "neither" : "both"));
      }
      points = points == null ? null : List.copyOf(points);
    }
  }

  /**
   * One point of an inline curve.
   *
   * @param atSeconds seconds since the profile starts
   * @param ratePerSecond requests per second
   */
  public record RatePoint(
      @JsonProperty(required = true) double atSeconds,
      @JsonProperty(required = true) double ratePerSecond) {}

  /**
   * Provenance of a derived profile.
   *
   * @param command the command that derived it, with paths relative to the repository
   * @param files the input files and their SHA-256 digests
   * @param note what the derivation did that a reader should know, such as missing data found
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Source(String command, List<SourceFile> files, String note) {
    /** Copies the list; absent means none. */
    public Source {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * An input file of a derivation.
   *
   * @param path the path, relative to the repository
   * @param sha256 the lower-case hex SHA-256 of its bytes
   */
  public record SourceFile(@JsonProperty(required = true) String path, @JsonProperty(required = true) String sha256) {}
}
