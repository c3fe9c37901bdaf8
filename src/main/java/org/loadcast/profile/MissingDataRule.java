package org.loadcast.profile;

/**
 * When a run of zero-count seconds in a measured series means "not observed" rather than "no
 * traffic".
 *
 * <p>Under a Poisson arrival process of rate λ, a given run of {@code L} empty seconds has
 * probability {@code e^(−λL)}. A run is declared missing when it is at least {@code
 * minimumRunSeconds} long and {@code λL >= surpriseThreshold}, with λ the mean rate of the observed
 * seconds in the {@code neighbourhoodSeconds} before and after the run. The default threshold 20.7
 * is {@code −ln(1e-9)}: such a run happens by chance less than once in a billion.
 *
 * @param minimumRunSeconds shortest run considered, {@code >= 1}
 * @param neighbourhoodSeconds width of each window around a run that gives λ, {@code >= 1}
 * @param surpriseThreshold the {@code λL} above which the run is missing, {@code > 0}
 */
public record MissingDataRule(int minimumRunSeconds, int neighbourhoodSeconds, double surpriseThreshold) {
  /** The rule used when none is given: runs of 60 s or more, one-hour neighbourhoods, 1e-9. */
  public static final MissingDataRule DEFAULT = new MissingDataRule(60, 3600, -Math.log(1e-9));

  /**
   * Validates the rule.
   *
   * @throws IllegalArgumentException if a field is out of its range
   */
  public MissingDataRule {
    if (minimumRunSeconds < 1) {
      throw new IllegalArgumentException("minimumRunSeconds must be >= 1, but was " + minimumRunSeconds);
    }
    if (neighbourhoodSeconds < 1) {
      throw new IllegalArgumentException("neighbourhoodSeconds must be >= 1, but was " + neighbourhoodSeconds);
    }
    if (!(surpriseThreshold > 0) || !Double.isFinite(surpriseThreshold)) {
      throw new IllegalArgumentException("surpriseThreshold must be > 0, but was " + surpriseThreshold);
    }
  }

  /** Returns whether a run of {@code runSeconds} empty seconds at a local rate is missing data. */
  public boolean isMissing(int runSeconds, double localRatePerSecond) {
    return runSeconds >= minimumRunSeconds && localRatePerSecond * runSeconds >= surpriseThreshold;
  }
}
