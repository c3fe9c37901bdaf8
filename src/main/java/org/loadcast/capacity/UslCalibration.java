package org.loadcast.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The Universal Scalability Law fitted to a probe's steps, or the reason why it was not.
 *
 * <p>Each step gives one point: its mean in-flight concurrency N against its throughput X of
 * successful requests. A step is used when it is {@link ProbeStepCheck#usable() usable} (it
 * completed requests and at most 1 % failed) and not a {@link ProbeStepCheck#measurementProblem()
 * measurement problem} (Little's law held within 5 %). Saturated steps are used: an open-loop probe
 * past capacity queues its surplus at the target, so its in-flight concurrency rises while the
 * throughput stays at the ceiling, and those points are what tells the fit where the curve flattens
 * or turns back ({@code REFERENCE.md} §5.2). Without them the low steps lie on the linear part and
 * any σ and κ fit them. The fit itself is {@link UslFit#of} (BOBYQA; κ refitted at 0 when negative).
 */
public sealed interface UslCalibration permits UslCalibration.Fitted, UslCalibration.NotFitted {

  /** {@return the steps that gave a point, at least 0} */
  int points();

  /**
   * The fitted law.
   *
   * @param fit the least-squares fit, never null
   * @param points the steps used, at least {@link UslFit#MIN_MEASUREMENTS}
   */
  record Fitted(UslFit fit, int points) implements UslCalibration {

    /**
     * Validates the result.
     *
     * @throws NullPointerException if {@code fit} is null
     */
    public Fitted {
      Objects.requireNonNull(fit, "fit");
    }

    /**
     * {@return N_max, the concurrency of peak throughput {@code √((1−σ)/κ)} (Schwartz 2015, eq. 4);
     *     positive infinity when κ is 0}
     */
    public double peakConcurrency() {
      return fit.model().peakConcurrency();
    }

    /**
     * {@return X(N_max), the peak throughput in requests per second; the Amdahl limit λ/σ when κ is
     *     0, positive infinity when σ and κ are both 0}
     */
    public double peakThroughputPerSecond() {
      return fit.model().peakThroughputPerSecond();
    }
  }

  /**
   * No fit: too few steps could be used.
   *
   * @param reason a sentence naming the counts, never blank
   * @param points the steps that could be used, fewer than {@link UslFit#MIN_MEASUREMENTS}
   */
  record NotFitted(String reason, int points) implements UslCalibration {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if {@code reason} is null or blank
     */
    public NotFitted {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank, but was " + reason);
      }
    }
  }

  /**
   * Fits the law to a probe's steps.
   *
   * @param steps the probe's steps as calibration checked them, in any order; may be empty
   * @return {@link Fitted} with at least {@link UslFit#MIN_MEASUREMENTS} points, otherwise
   *     {@link NotFitted} with the counts of steps, failing steps and flagged steps
   * @throws NullPointerException if {@code steps} or one of them is null
   */
  static UslCalibration fromSteps(List<ProbeStepCheck> steps) {
    List<ScalabilityMeasurement> points = points(steps);
    if (points.size() < UslFit.MIN_MEASUREMENTS) {
      long failing = steps.stream().filter(s -> !s.usable()).count();
      long flagged = steps.stream().filter(s -> s.usable() && s.measurementProblem()).count();
      return new NotFitted(String.format(Locale.ROOT, "the USL needs at least %d probe steps, but only %d of the %d "
          + "could be used (%d completed nothing or failed, %d broke Little's law by more than 5 %%)",
          UslFit.MIN_MEASUREMENTS, points.size(), steps.size(), failing, flagged), points.size());
    }
    return new Fitted(UslFit.of(points), points.size());
  }

  /**
   * Returns the (concurrency, throughput) points of the steps the fit uses, as the class comment
   * says which.
   *
   * @param steps the probe's steps, in any order
   * @return one point per used step, in the steps' order; empty when none
   */
  static List<ScalabilityMeasurement> points(List<ProbeStepCheck> steps) {
    List<ScalabilityMeasurement> points = new ArrayList<>();
    for (ProbeStepCheck s : steps) {
      if (s.usable() && !s.measurementProblem() && s.meanConcurrency() > 0) {
        points.add(new ScalabilityMeasurement(s.meanConcurrency(), s.throughputPerSecond()));
      }
    }
    return points;
  }
}
