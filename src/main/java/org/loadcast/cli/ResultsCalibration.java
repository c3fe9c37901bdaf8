package org.loadcast.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loadcast.capacity.ServiceCalibration;
import org.loadcast.profile.InputException;
import org.loadcast.profile.InputProblem;
import org.loadcast.results.Phase;
import org.loadcast.results.ProbeStepMeasurement;
import org.loadcast.results.ResultFiles;
import org.loadcast.results.SecondResult;

/**
 * The service model {@code loadcast capacity --results} uses: a load test's results read back
 * ({@link ResultFiles#read}), checked against the experiment's probe, and calibrated as the load
 * test itself did ({@link LoadTestPipeline#calibrate}, {@link LoadTestPipeline#calibratedModel}), so
 * that the command's capacity, sizing and plan answer with what one instance was measured to do.
 *
 * @param run the run the results belong to: the name of the directory holding {@code results}, or
 *     of the results directory itself when it has another name
 * @param calibration the probe's calibration
 * @param service the calibrated model: its workers and scaled low-load latency histogram, the
 *     experiment's queue limit
 */
record ResultsCalibration(String run, ServiceCalibration calibration, ServiceModel service) {
  /** The share of its offered rate a step's sent rate may miss by, beyond 1 request per second: 20 %. */
  static final double RATE_TOLERANCE_FRACTION = 0.2;

  /**
   * Reads, checks and calibrates a load test's results for an experiment.
   *
   * @param experiment the experiment, with a {@code loadTest} section
   * @param resultsDirectory the results directory, such as {@code reports/<run>/results}
   * @return the calibration and its model
   * @throws InputException if the files are missing or malformed ({@link ResultFiles#read}), the
   *     experiment has no load test, the results do not come from its probe ({@link #mismatches}),
   *     more than {@link LoadTestPipeline#MAX_FAILED_SHARE} of their requests failed, or the probe
   *     calibrates nothing
   */
  static ResultsCalibration of(Experiment experiment, Path resultsDirectory) {
    checkDirectory(resultsDirectory);
    List<SecondResult> seconds = ResultFiles.read(resultsDirectory);
    if (experiment.loadTest().isEmpty()) {
      throw refusal(experiment.file().toString(), "--results needs the experiment's loadTest section, to know the probe "
          + "the results come from, but it has none");
    }
    LoadTestPlan plan = LoadTestPlan.of(experiment);
    List<String> mismatches = mismatches(plan, seconds);
    if (!mismatches.isEmpty()) {
      throw refusal("loadcast capacity", "--results '" + resultsDirectory + "' does not come from the probe of "
          + experiment.file() + ": " + String.join("; ", mismatches));
    }
    String run = run(resultsDirectory);
    try {
      LoadTestPipeline.checkFailures(seconds, resultsDirectory);
      ServiceCalibration calibration = LoadTestPipeline.calibrate(plan, seconds);
      return new ResultsCalibration(run, calibration, LoadTestPipeline.calibratedModel(experiment, calibration, run));
    } catch (LoadTestPipeline.LoadTestFailedException | IllegalArgumentException e) {
      throw refusal("loadcast capacity", "--results '" + resultsDirectory + "' cannot calibrate a model: "
          + e.getMessage());
    }
  }

  private static void checkDirectory(Path resultsDirectory) {
    if (!Files.isDirectory(resultsDirectory)) {
      throw refusal("loadcast capacity", "--results must name a load test's results directory "
          + "(reports/<run>/results), but '" + resultsDirectory + "' "
          + (Files.exists(resultsDirectory) ? "is a file" : "does not exist"));
    }
  }

  /**
   * Returns how a load test's seconds differ from what a plan's probe makes, in second order; empty
   * when they match. They match when they reach the probe's end, the seconds before the probe are
   * in the warm-up, the seconds from the probe's start to the replay's (the drain sends nothing, so
   * it keeps the probe's phase) are in the probe, and each step sent its offered rate within {@link
   * #RATE_TOLERANCE_FRACTION} plus 1 request per second, over the part of the step the calibration
   * measures ({@link ProbeStepMeasurement#measure}).
   *
   * @param plan the experiment's load-test plan
   * @param seconds the results, from second 0
   * @return one sentence per kind of difference: the first second out of phase, each step off its rate
   */
  static List<String> mismatches(LoadTestPlan plan, List<SecondResult> seconds) {
    List<String> found = new ArrayList<>();
    int probeEnd = plan.probeStartSecond() + plan.probeSeconds();
    String shape = String.format(Locale.ROOT, "a %d s warm-up, %d steps of %d s and a %d s drain",
        plan.warmupSeconds(), plan.probeRatesPerSecond().size(), plan.probeStepSeconds(), plan.drainSeconds());
    if (seconds.size() < probeEnd) {
      found.add(String.format(Locale.ROOT, "they hold %d seconds, but the probe (%s) ends at second %d",
          seconds.size(), shape, probeEnd));
      return found;
    }
    for (SecondResult s : seconds.subList(0, Math.min(seconds.size(), plan.replayStartSecond()))) {
      Phase expected = s.second() < plan.probeStartSecond() ? Phase.WARMUP : Phase.PROBE;
      if (s.phase() != expected) {
        found.add(String.format(Locale.ROOT, "second %d is in the %s, but the probe (%s) puts it in the %s",
            s.second(), s.phase().fileName(), shape, expected.fileName()));
        break;
      }
    }
    List<ProbeStepMeasurement> steps = ProbeStepMeasurement.measure(seconds, plan.probeStartSecond(),
        plan.probeRatesPerSecond(), plan.probeStepSeconds());
    for (int i = 0; i < steps.size(); i++) {
      ProbeStepMeasurement step = steps.get(i);
      double offered = step.offeredRatePerSecond();
      if (Math.abs(step.arrivalRatePerSecond() - offered) > RATE_TOLERANCE_FRACTION * offered + 1) {
        found.add(String.format(Locale.ROOT, "step %d (seconds %d-%d) sent %.1f requests per second, but the "
            + "experiment offers %s", i + 1, plan.probeStartSecond() + i * plan.probeStepSeconds(),
            plan.probeStartSecond() + (i + 1) * plan.probeStepSeconds() - 1, step.arrivalRatePerSecond(),
            CapacityAnalysis.number(offered)));
      }
    }
    return found;
  }

  /** Returns the run a results directory belongs to: {@code reports/<run>/results} gives {@code <run>}. */
  static String run(Path resultsDirectory) {
    Path absolute = resultsDirectory.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    return absolute.getFileName().toString().equals("results") && parent != null && parent.getFileName() != null
        ? parent.getFileName().toString() : absolute.getFileName().toString();
  }

  private static InputException refusal(String where, String message) {
    return new InputException(new InputProblem(where, 0, 0, message));
  }
}
