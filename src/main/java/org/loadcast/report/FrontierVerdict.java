package org.loadcast.report;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;

/**
 * A policy's frontier against the reference policy's: the cost saved at equal SLO-violation minutes
 * and the violation minutes avoided at equal cost, each read off the two frontiers by linear
 * interpolation ({@link CostFrontier#costAtViolationMinutes}, {@link CostFrontier#violationMinutesAtCost}).
 *
 * <p>Each figure is compared at two levels: the reference's operating point (its violation minutes,
 * its cost), and the compared policy's own operating point, which answers "what would the reference
 * cost to match this policy's SLO, and how many minutes would it violate at this policy's cost". A
 * level outside the range the two frontiers share moves to the nearest end of that range, and the
 * level used is reported. When the two frontiers share no range of a figure, that comparison has no
 * overlap and no numbers.
 *
 * @param policy the compared policy
 * @param reference the reference policy: the reactive baseline
 * @param equalSlo the costs at the reference's operating violation minutes
 * @param equalCost the violation minutes at the reference's operating cost
 * @param equalOwnSlo the costs at the compared policy's operating violation minutes
 * @param equalOwnCost the violation minutes at the compared policy's operating cost
 */
public record FrontierVerdict(String policy, String reference, Comparison equalSlo, Comparison equalCost,
    Comparison equalOwnSlo, Comparison equalOwnCost) {

  /**
   * Compares a policy's frontier with the reference's.
   *
   * @param policy the compared policy's frontier
   * @param reference the reference's frontier
   * @return the verdict
   */
  public static FrontierVerdict of(CostFrontier policy, CostFrontier reference) {
    CostFrontier.Point operating = reference.operatingPoint();
    CostFrontier.Point own = policy.operatingPoint();
    return new FrontierVerdict(policy.policy(), reference.policy(),
        atViolationMinutes(policy, reference, operating.sloViolationMinutes()), atCost(policy, reference, operating.cost()),
        atViolationMinutes(policy, reference, own.sloViolationMinutes()), atCost(policy, reference, own.cost()));
  }

  private static Comparison atViolationMinutes(CostFrontier policy, CostFrontier reference, double minutes) {
    return compare(policy.violationRange(), reference.violationRange(), minutes,
        reference::costAtViolationMinutes, policy::costAtViolationMinutes);
  }

  private static Comparison atCost(CostFrontier policy, CostFrontier reference, double cost) {
    return compare(policy.costRange(), reference.costRange(), cost,
        reference::violationMinutesAtCost, policy::violationMinutesAtCost);
  }

  private static Comparison compare(double[] own, double[] theirs, double preferred,
      DoubleFunction<OptionalDouble> referenceAt, DoubleFunction<OptionalDouble> policyAt) {
    double low = Math.max(own[0], theirs[0]);
    double high = Math.min(own[1], theirs[1]);
    if (low > high) {
      return Comparison.NO_OVERLAP;
    }
    double level = Math.min(high, Math.max(low, preferred));
    return new Comparison(true, level, referenceAt.apply(level).orElseThrow(), policyAt.apply(level).orElseThrow(), preferred);
  }

  /**
   * Returns the verdict for people, such as "At 120 SLO-violation minutes, hybrid's frontier costs
   * 12.30 against 14.10 for hpa (1.80 less, 12.8 %); at a cost of 14.10 it has 80.0 violation
   * minutes against 120.0 (40.0 fewer). At its own operating point, 12 SLO-violation minutes cost
   * 12.90 against 15.20 for hpa (2.30 less, 15.1 %); at its cost of 12.90 it has 12.0 against
   * 150.0 (138.0 fewer)."
   *
   * @return the sentence, with {@link Locale#ROOT} numbers
   */
  public String sentence() {
    String atReference = describe(equalSlo, equalCost,
        String.format(Locale.ROOT, "%s's and %s's frontiers share no range of SLO-violation minutes (no overlap)", policy, reference),
        level -> String.format(Locale.ROOT, "At %.0f SLO-violation minutes, %s's frontier costs", level, policy), "at a cost of %.2f");
    String atOwn = describe(equalOwnSlo, equalOwnCost,
        "At its own operating point, the frontiers share no range of SLO-violation minutes (no overlap)",
        level -> String.format(Locale.ROOT, "At its own operating point, %.0f SLO-violation minutes cost", level), "at its cost of %.2f");
    return atReference + " " + atOwn;
  }

  private String describe(Comparison slo, Comparison cost, String noSloOverlap, DoubleFunction<String> sloLead, String costLead) {
    String sloText = !slo.overlap() ? noSloOverlap
        : sloLead.apply(slo.level()) + String.format(Locale.ROOT, " %.2f against %.2f for %s (%s)", slo.policyValue(),
            slo.referenceValue(), reference, change(slo.saved(), slo.referenceValue(), "less", "more", "%.2f"))
            + (slo.moved() ? String.format(Locale.ROOT, ", the nearest the frontiers share to %.0f", slo.requestedLevel()) : "");
    String costLevel = String.format(Locale.ROOT, costLead, cost.level());
    if (cost.moved()) {
      costLevel = String.format(Locale.ROOT, "at a cost of %.2f, the nearest the frontiers share to %.2f,", cost.level(),
          cost.requestedLevel());
    }
    String costText = !cost.overlap() ? "they share no range of cost (no overlap)"
        : String.format(Locale.ROOT, "%s it has %.1f violation minutes against %.1f (%s)", costLevel,
            cost.policyValue(), cost.referenceValue(), change(cost.saved(), 0, "fewer", "more", "%.1f"));
    return sloText + "; " + costText + ".";
  }

  private static String change(double saved, double base, String better, String worse, String format) {
    if (saved == 0) {
      return "the same";
    }
    String amount = String.format(Locale.ROOT, format, Math.abs(saved));
    String percent = base > 0 ? String.format(Locale.ROOT, ", %.1f %%", 100 * Math.abs(saved) / base) : "";
    return amount + " " + (saved > 0 ? better : worse) + percent;
  }

  /**
   * One comparison at a level of the other figure.
   *
   * @param overlap whether the two frontiers share a range of the level's figure; false leaves the
   *     numbers NaN
   * @param level where the frontiers are compared: violation minutes, or cost
   * @param referenceValue the reference frontier's figure at the level: its cost, or its violation minutes
   * @param policyValue the compared frontier's figure at the level
   * @param requestedLevel the operating point's figure the comparison was asked at, before it moved
   *     into the shared range
   */
  public record Comparison(boolean overlap, double level, double referenceValue, double policyValue, double requestedLevel) {
    /** No shared range. */
    public static final Comparison NO_OVERLAP = new Comparison(false, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Returns whether the level had to move into the shared range from the operating point asked for. */
    public boolean moved() {
      return overlap && level != requestedLevel;
    }

    /** Returns the reference's figure minus the policy's: cost saved, or violation minutes avoided; NaN without overlap. */
    public double saved() {
      return referenceValue - policyValue;
    }
  }
}
