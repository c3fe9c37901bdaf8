package org.loadcast.profile;

/**
 * How a {@link RateCurve} fills the time between two of its points.
 */
public enum Interpolation {
  /** The rate moves in a straight line from one point to the next. */
  LINEAR,
  /** The rate of a point holds until the next point: buckets of a measured series. */
  STEP;

  /** Returns the YAML name: the constant in lower case. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
