package org.loadcast.hotspot;

import java.util.List;
import java.util.Locale;

/**
 * How few items account for a given share of a total: "k of n endpoints account for 90 % of the
 * time", after the Pareto principle (J. M. Juran, <i>Quality Control Handbook</i>, 1951, the "vital
 * few and trivial many").
 *
 * @param covering k, the smallest number of the largest items whose sum reaches the threshold;
 *     {@code 0} when there are no items
 * @param items n, the number of items, {@code >= covering}
 * @param thresholdPercent the share of the total to reach, in (0, 100]
 */
public record ParetoLine(int covering, int items, double thresholdPercent) {

  /** The threshold of the usual Pareto line, 90 % of the total. */
  public static final double DEFAULT_THRESHOLD_PERCENT = 90;

  /** Checks the ranges. */
  public ParetoLine {
    requireThreshold(thresholdPercent);
    if (items < 0 || covering < 0 || covering > items || (items > 0 && covering == 0)) {
      throw new IllegalArgumentException(
          "covering (" + covering + ") must be in [1, items] for items (" + items + ") > 0, or 0 for no items");
    }
  }

  /**
   * Finds the smallest k whose k largest weights sum to at least {@code thresholdPercent} % of all.
   *
   * @param weightsDescending the weights, each {@code >= 0}, largest first
   * @param thresholdPercent the share to reach, in (0, 100]
   * @return the line; {@code 0 of 0} for no weights; {@code n of n} when every weight is 0
   * @throws IllegalArgumentException if the threshold is outside (0, 100], or a weight is negative,
   *     not finite, or larger than the one before it
   */
  public static ParetoLine of(List<Double> weightsDescending, double thresholdPercent) {
    requireThreshold(thresholdPercent);
    double total = 0;
    for (int i = 0; i < weightsDescending.size(); i++) {
      double w = weightsDescending.get(i);
      if (!(w >= 0) || Double.isInfinite(w) || (i > 0 && w > weightsDescending.get(i - 1))) {
        throw new IllegalArgumentException("weightsDescending[" + i + "] must be finite, >= 0 and <= the one before, but was " + w);
      }
      total += w;
    }
    int n = weightsDescending.size();
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += weightsDescending.get(k - 1);
      if (total > 0 && sum * 100 >= thresholdPercent * total) {
        return new ParetoLine(k, n, thresholdPercent);
      }
    }
    return new ParetoLine(n, n, thresholdPercent);
  }

  /**
   * Returns the line as a sentence, e.g. {@code "2 of 5 endpoints account for 90 % of the time"}.
   *
   * @param noun the plural noun for the items, e.g. {@code "endpoints"}
   * @param whatOf what the share is of, e.g. {@code "the time"}
   * @return the sentence, with the threshold formatted without trailing zeros in {@link Locale#ROOT}
   */
  public String sentence(String noun, String whatOf) {
    String threshold = thresholdPercent == Math.rint(thresholdPercent)
        ? String.format(Locale.ROOT, "%.0f", thresholdPercent)
        : String.format(Locale.ROOT, "%s", thresholdPercent);
    return covering + " of " + items + " " + noun + " account for " + threshold + " % of " + whatOf;
  }

  private static void requireThreshold(double thresholdPercent) {
    if (!(thresholdPercent > 0 && thresholdPercent <= 100)) {
      throw new IllegalArgumentException("thresholdPercent must be in (0, 100], but was " + thresholdPercent);
    }
  }
}
