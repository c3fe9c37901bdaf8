package org.loadcast.report;

import java.util.Locale;

/**
 * How far an interrupted load test got, for a partial report: the banner at the top of {@code
 * index.html} and {@code "partial": true} in {@code summary.json}.
 *
 * @param state {@code interrupted} when the load test's JVM was asked to stop (Ctrl-C, SIGTERM) and
 *     wrote its last checkpoint, {@code running} when it was killed and its last periodic checkpoint
 *     stands
 * @param completedSeconds the whole seconds the results hold, {@code 0 <= completedSeconds}
 * @param plannedSeconds the seconds the schedule has arrivals in, {@code >= 1}
 * @param phase the planned phase of the last completed second: {@code warmup}, {@code probe},
 *     {@code drain} or {@code replay}
 * @param replaySecondsRun how many of the replay's seconds ran, {@code 0 <= replaySecondsRun <=
 *     replaySeconds}
 * @param replaySeconds the replay's planned seconds, {@code >= 0}
 */
public record LoadTestInterruption(
    String state, int completedSeconds, int plannedSeconds, String phase, int replaySecondsRun, int replaySeconds) {

  /**
   * Validates the counts.
   *
   * @throws IllegalArgumentException naming the field, the rule and the value, if a count is out of range
   */
  public LoadTestInterruption {
    if (!"interrupted".equals(state) && !"running".equals(state)) {
      throw new IllegalArgumentException("state must be interrupted or running, but was '" + state + "'");
    }
    if (plannedSeconds < 1 || completedSeconds < 0) {
      throw new IllegalArgumentException("plannedSeconds must be >= 1 and completedSeconds >= 0, but were "
          + plannedSeconds + " and " + completedSeconds);
    }
    if (replaySeconds < 0 || replaySecondsRun < 0 || replaySecondsRun > replaySeconds) {
      throw new IllegalArgumentException("replaySecondsRun must be 0 to replaySeconds (" + replaySeconds + "), but was "
          + replaySecondsRun);
    }
  }

  /** Returns the banner's text: what stopped where, and what the report holds because of it. */
  public String banner() {
    String how = "interrupted".equals(state)
        ? String.format(Locale.ROOT, "was interrupted at second %d of %d, in phase %s", completedSeconds, plannedSeconds, phase)
        : String.format(Locale.ROOT, "was killed, and its results end at second %d of %d, in phase %s (its last "
            + "checkpoint: what ran after it is lost)", completedSeconds, plannedSeconds, phase);
    String replay = replaySecondsRun == 0
        ? "no replay second ran, so the replay's figures and the fidelity check are empty"
        : replaySecondsRun < replaySeconds
            ? String.format(Locale.ROOT, "the replay's figures and the fidelity check cover its first %d of %d seconds",
                replaySecondsRun, replaySeconds)
            : "the replay ran whole";
    return String.format(Locale.ROOT, "Partial report: the load test %s; the probe completed, so the calibration and "
        + "the simulation are whole; %s.", how, replay);
  }
}
