package org.loadcast.hotspot;

import java.util.List;

/**
 * The hot methods of a JVM system under test during a load test, and the stacks their flame graph
 * is drawn from.
 *
 * @param source what was profiled and how, in words, e.g. "the embedded system under test, sampled
 *     in-process every 20 ms (threads loadcast-sut-*)"
 * @param methods the methods ranked by self and total samples
 * @param foldedStacks the sampled stacks, folded ({@link JfrHotMethods#foldedStacks}); empty when no
 *     sample was kept
 */
public record CodeHotspots(String source, MethodRanking methods, List<String> foldedStacks) {

  /**
   * Checks the parts and copies the list.
   *
   * @throws IllegalArgumentException if the source is blank or the methods are missing
   */
  public CodeHotspots {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source must name what was profiled, but was '" + source + "'");
    }
    if (methods == null) {
      throw new IllegalArgumentException("methods must not be null");
    }
    foldedStacks = List.copyOf(foldedStacks);
  }

  /**
   * Ranks what a count holds.
   *
   * @param source what was profiled, in words
   * @param counts the samples
   * @param topN how many methods each list keeps, {@code >= 1}
   * @param paretoThresholdPercent the Pareto line's share, in (0, 100]
   * @return the hot methods and their folded stacks
   * @throws IllegalArgumentException as {@link JfrHotMethods#ranking} and the constructor say
   */
  public static CodeHotspots of(String source, JfrHotMethods counts, int topN, double paretoThresholdPercent) {
    return new CodeHotspots(source, counts.ranking(topN, paretoThresholdPercent), counts.foldedStacks());
  }
}
