package org.loadcast.report;

import java.util.Locale;

/**
 * One figure of two runs side by side: its value in run A and in run B, the change from A to B and
 * which run the change favours.
 *
 * @param metric the field's name in {@code summary.json}, such as {@code sloViolationMinutes}; it
 *     carries the unit where there is one
 * @param unit the unit for people, such as {@code minutes} or {@code ms}; empty for a pure number
 * @param direction which way is better: {@code lower}, {@code higher}, {@code closer-to-zero}, or
 *     {@code none} for a figure that is neither good nor bad, such as arrivals
 * @param a the value in run A; null when A has none (a figure the summary leaves null)
 * @param b the value in run B; null when B has none
 * @param delta b − a, in the metric's unit; an integer when both are; null when either is null
 * @param deltaPercent 100 × (b − a) / |a|; null when either is null or a = 0
 * @param better {@code "A"}, {@code "B"} or {@code "same"}; null when the direction is {@code none}
 *     or a value is missing
 */
public record MetricDelta(String metric, String unit, String direction, Number a, Number b, Number delta,
    Double deltaPercent, String better) {

  /** Which way a figure is better. */
  public enum Direction {
    /** Smaller is better: violation minutes, cost, latency, drops. */
    LOWER("lower"),
    /** Larger is better: the elastic speedup. */
    HIGHER("higher"),
    /**
     * Nearer zero is better: signed errors and the elasticity jitter (Herbst, Bauer, Kounev et al.,
     * ACM TOMPECS 3(4), 2018; see {@link org.loadcast.sim.ElasticityMetrics}).
     */
    CLOSER_TO_ZERO("closer-to-zero"),
    /** Neither: arrivals, knob values, workers. */
    NONE("none");

    private final String jsonName;

    Direction(String jsonName) {
      this.jsonName = jsonName;
    }

    /** Returns the name written in {@code compare.json} and {@code compare.csv}. */
    public String jsonName() {
      return jsonName;
    }

    /** Returns "A", "B" or "same" for two values; null for {@link #NONE}. */
    String better(double a, double b) {
      if (this == NONE) {
        return null;
      }
      double left = this == CLOSER_TO_ZERO ? Math.abs(a) : a;
      double right = this == CLOSER_TO_ZERO ? Math.abs(b) : b;
      if (left == right) {
        return "same";
      }
      return (this == HIGHER) == (right > left) ? "B" : "A";
    }
  }

  /**
   * Compares two values of a figure.
   *
   * @param metric the field's name
   * @param unit the unit for people; empty for none
   * @param direction which way is better
   * @param a run A's value, or null
   * @param b run B's value, or null
   * @return the comparison; its delta, percentage and verdict are null when a value is missing
   * @throws IllegalArgumentException if a value is not finite
   */
  public static MetricDelta of(String metric, String unit, Direction direction, Number a, Number b) {
    for (Number n : new Number[] {a, b}) {
      if (n != null && !Double.isFinite(n.doubleValue())) {
        throw new IllegalArgumentException(metric + " must be finite, but was " + n);
      }
    }
    if (a == null || b == null) {
      return new MetricDelta(metric, unit, direction.jsonName(), a, b, null, null, null);
    }
    boolean integral = isIntegral(a) && isIntegral(b);
    Number delta = integral ? (Number) (b.longValue() - a.longValue()) : (Number) (b.doubleValue() - a.doubleValue());
    Double percent = a.doubleValue() == 0 ? null : 100 * (b.doubleValue() - a.doubleValue()) / Math.abs(a.doubleValue());
    return new MetricDelta(metric, unit, direction.jsonName(), a, b, delta, percent,
        direction.better(a.doubleValue(), b.doubleValue()));
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
  }

  /**
   * Returns the change for people: {@code 95 → 80 (−15, −15.8 %)}, numbers to {@code decimals}
   * places, with a true minus sign.
   *
   * @param decimals the places after the point of a and b and of the delta, 0 or more
   * @return the text; {@code – → 80} style with a dash for a missing value
   */
  public String change(int decimals) {
    String text = number(a, decimals) + " → " + number(b, decimals);
    if (delta == null) {
      return text;
    }
    text += " (" + signed(number(delta, decimals));
    if (deltaPercent != null) {
      text += ", " + signed(String.format(Locale.ROOT, "%.1f", deltaPercent)) + " %";
    }
    return text + ")";
  }

  private static String number(Number n, int decimals) {
    if (n == null) {
      return "–";
    }
    String text = isIntegral(n) ? n.toString() : String.format(Locale.ROOT, "%." + decimals + "f", n.doubleValue());
    return text.startsWith("-") ? "−" + text.substring(1) : text;
  }

  private static String signed(String number) {
    return number.startsWith("−") ? number : number.startsWith("-") ? "−" + number.substring(1) : "+" + number;
  }
}
