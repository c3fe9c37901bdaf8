package org.loadcast.profile;

/**
 * How {@link SessionExtractor} turns an access log into a session model.
 *
 * @param topTemplates how many templates (method and normalised path) to keep, the most requested;
 *     {@code >= 1}; the requests of the others are dropped and reported
 * @param sessionTimeoutSeconds a client's session ends after this much inactivity; {@code >= 1};
 *     1800 (30 minutes) is the usual web-analytics timeout (Catledge and Pitkow, "Characterizing
 *     browsing strategies in the World-Wide Web", Computer Networks and ISDN Systems 27(6), 1995, who
 *     found 25.5 min; Google Analytics uses 30)
 * @param reorderToleranceSeconds how far a request may lag behind the latest time already seen and
 *     still be placed in order; {@code >= 0}; later ones are dropped and reported
 * @param minTransitionCount transitions between two templates seen fewer times than this are folded
 *     away (the row is renormalised over the rest) and reported; {@code >= 1}; 1 keeps all
 * @param minThinkSamples a transition with at least this many think-time samples gets a fitted
 *     log-normal, fewer get an empirical distribution; {@code >= 2}
 * @param foldStaticAssets whether requests for static assets (images, style sheets, scripts, fonts,
 *     icons, by extension) are folded into the page before them instead of being states of their own
 * @param feederRows how many distinct placeholder value rows to keep per template, for its feeder;
 *     {@code >= 0}
 */
public record ExtractionSettings(
    int topTemplates, long sessionTimeoutSeconds, long reorderToleranceSeconds, int minTransitionCount,
    int minThinkSamples, boolean foldStaticAssets, int feederRows) {

  /**
   * Validates the settings.
   *
   * @throws IllegalArgumentException if a value is outside its range above
   */
  public ExtractionSettings {
    atLeast("topTemplates", topTemplates, 1);
    atLeast("sessionTimeoutSeconds", sessionTimeoutSeconds, 1);
    atLeast("reorderToleranceSeconds", reorderToleranceSeconds, 0);
    atLeast("minTransitionCount", minTransitionCount, 1);
    atLeast("minThinkSamples", minThinkSamples, 2);
    atLeast("feederRows", feederRows, 0);
  }

  /**
   * Returns the defaults: the 20 most requested templates, a 30-minute timeout, 60 s reorder
   * tolerance, transitions seen at least 5 times, log-normal fits from 10 samples, static assets
   * folded into their page, 100 feeder rows per template.
   */
  public static ExtractionSettings defaults() {
    return new ExtractionSettings(20, 1800, 60, 5, 10, true, 100);
  }

  private static void atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be >= " + min + ", but was " + value);
    }
  }
}
