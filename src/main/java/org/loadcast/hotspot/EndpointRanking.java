package org.loadcast.hotspot;

import java.util.List;

/**
 * Request names ranked by their share of the total time, with the Pareto line.
 *
 * @param rows one row per request name, by total time descending, ties by name; empty when
 *     nothing was measured
 * @param totalSeconds the sum of every row's total time, in seconds; {@code 0} when empty
 * @param pareto how few names account for the threshold share of the time; {@code 0 of 0} when empty
 */
public record EndpointRanking(List<EndpointHotspot> rows, double totalSeconds, ParetoLine pareto) {

  /** Copies the rows. */
  public EndpointRanking {
    rows = List.copyOf(rows);
  }

  /** Returns the Pareto line as a sentence, e.g. "2 of 5 endpoints account for 90 % of the time". */
  public String paretoSentence() {
    return pareto.sentence("endpoints", "the time");
  }
}
