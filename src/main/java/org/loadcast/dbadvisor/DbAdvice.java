package org.loadcast.dbadvisor;

import java.util.List;

/**
 * The content of {@code dbadvice.json}: every recommendation of one advisor run.
 *
 * @param formatVersion the file format's version; 1
 * @param recommendations the recommendations, in the order the report shows them
 */
public record DbAdvice(int formatVersion, List<Recommendation> recommendations) {
  /** The current format version. */
  public static final int FORMAT_VERSION = 1;

  /**
   * Validates and copies the record.
   *
   * @throws IllegalArgumentException if formatVersion is not 1 or recommendations is null
   */
  public DbAdvice {
    if (formatVersion != FORMAT_VERSION) {
      throw new IllegalArgumentException("formatVersion must be " + FORMAT_VERSION + ", but was " + formatVersion);
    }
    if (recommendations == null) {
      throw new IllegalArgumentException("recommendations is required (empty when there are none)");
    }
    recommendations = List.copyOf(recommendations);
  }
}
