package org.loadcast.dbadvisor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why a recommendation is made: one sentence and the figures behind it.
 *
 * @param text the reason, in one sentence
 * @param figures named figures, each name carrying its unit ({@code totalMillis}, {@code executions},
 *     {@code hitRatioFraction}); sorted by name so that the JSON is stable; finite values
 */
public record Evidence(String text, Map<String, Double> figures) {

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if text is blank, or a figure's name is blank or its value null
   *     or not finite
   */
  public Evidence {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("text must not be blank");
    }
    if (figures == null) {
      throw new IllegalArgumentException("figures is required (empty when there are none)");
    }
    TreeMap<String, Double> sorted = new TreeMap<>();
    figures.forEach((name, value) -> {
      if (name == null || name.isBlank() || value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("figure " + name + " must have a name and a finite value, but was " + value);
      }
      sorted.put(name, value);
    });
    figures = Collections.unmodifiableSortedMap(sorted);
  }
}
