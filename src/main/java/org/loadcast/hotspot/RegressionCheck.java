package org.loadcast.hotspot;

import java.util.List;

/**
 * The outcome of comparing the replay with the probe baseline.
 *
 * @param rule the rule applied
 * @param regressions the flagged endpoints, by window then name; empty when none
 * @param windowsWithoutBaseline the replay windows no probe step matched in load ("no baseline at
 *     this load"), in time order
 * @param windowsCompared the replay windows that had a baseline step
 */
public record RegressionCheck(
    RegressionRule rule, List<EndpointRegression> regressions, List<LoadWindow> windowsWithoutBaseline,
    int windowsCompared) {

  /** Copies the lists. */
  public RegressionCheck {
    regressions = List.copyOf(regressions);
    windowsWithoutBaseline = List.copyOf(windowsWithoutBaseline);
  }
}
