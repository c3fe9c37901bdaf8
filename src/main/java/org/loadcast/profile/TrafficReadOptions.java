package org.loadcast.profile;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How to read a traffic input: what its content does not say.
 *
 * @param start the wall-clock time of the first value of a {@code counts} series (required there,
 *     ignored elsewhere)
 * @param stepSeconds the step of the series in seconds, {@code >= 1}; 0 for the format's default
 *     (1 s for logs and counts, the most common difference between timestamps for CSV and
 *     Prometheus)
 * @param inputTimezone the zone of CSV timestamps written without an offset ({@code YYYY-MM-DD
 *     HH:MM:SS})
 * @param prometheusValues whether Prometheus values are rates per second or counts per step
 * @param missingDataRule when a run of empty seconds in a per-second series is missing data
 */
public record TrafficReadOptions(
    Optional<OffsetDateTime> start, int stepSeconds, ZoneId inputTimezone, PrometheusValues prometheusValues,
    MissingDataRule missingDataRule) {

  /**
   * Validates the options.
   *
   * @throws IllegalArgumentException if a field is null or the step is negative
   */
  public TrafficReadOptions {
    if (start == null || inputTimezone == null || prometheusValues == null || missingDataRule == null) {
      throw new IllegalArgumentException("start, inputTimezone, prometheusValues and missingDataRule are required");
    }
    if (stepSeconds < 0) {
      throw new IllegalArgumentException("stepSeconds must be >= 1 (or 0 for the format's default), but was " + stepSeconds);
    }
  }

  /** Returns the defaults: no start, the format's step, UTC, rates, {@link MissingDataRule#DEFAULT}. */
  public static TrafficReadOptions defaults() {
    return new TrafficReadOptions(Optional.empty(), 0, ZoneOffset.UTC, PrometheusValues.RATE, MissingDataRule.DEFAULT);
  }

  /** Returns these options with a start time. */
  public TrafficReadOptions withStart(OffsetDateTime time) {
    return new TrafficReadOptions(Optional.of(time), stepSeconds, inputTimezone, prometheusValues, missingDataRule);
  }

  /** Returns these options with a step, {@code >= 1}, or 0 for the format's default. */
  public TrafficReadOptions withStepSeconds(int seconds) {
    return new TrafficReadOptions(start, seconds, inputTimezone, prometheusValues, missingDataRule);
  }

  /** Returns these options with the zone of CSV timestamps that have no offset. */
  public TrafficReadOptions withInputTimezone(ZoneId zone) {
    return new TrafficReadOptions(start, stepSeconds, zone, prometheusValues, missingDataRule);
  }

  /** Returns these options with the meaning of Prometheus values. */
  public TrafficReadOptions withPrometheusValues(PrometheusValues values) {
    return new TrafficReadOptions(start, stepSeconds, inputTimezone, values, missingDataRule);
  }
}
