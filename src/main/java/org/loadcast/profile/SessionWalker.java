package org.loadcast.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws sessions from a {@link SessionModel}: the start state from {@code initial}, then one step of
 * the current state's row after another until a step reaches exit.
 *
 * <p>Each session draws, in order: one uniform for the start state; then for each request after the
 * first one uniform for the step and, when the step has a think time, that think time's draws. The
 * sequence therefore depends only on the generator given, which the caller takes from a named stream
 * (such as {@code "sessions"}), so that other sources of randomness never shift it.
 *
 * <p>Guard: a walk stops after {@code maxRequests} requests even if it has not reached exit, and says
 * so. The model guarantees that exit is reachable, so a walk ends with probability 1, but a chain
 * with a loop of probability close to 1 can give rare walks of any length.
 *
 * <p>Immutable and thread-safe; the generators given are not.
 */
public final class SessionWalker {
  /** The guard used by {@link #SessionWalker(SessionModel)}: 10 000 requests per session. */
  public static final int DEFAULT_MAX_REQUESTS = 10_000;

  private final String[] states;
  private final double[] initialCumulative;
  private final int[][] targets;
  private final double[][] cumulative;
  private final ThinkTime[][] thinkTimes;
  private final int maxRequests;

  /**
   * Returns a walker with the default guard of {@value #DEFAULT_MAX_REQUESTS} requests.
   *
   * @param model the session model
   */
  public SessionWalker(SessionModel model) {
    this(model, DEFAULT_MAX_REQUESTS);
  }

  /**
   * Returns a walker.
   *
   * @param model the session model
   * @param maxRequests the most requests in one walk, {@code >= 1}
   * @throws IllegalArgumentException if {@code maxRequests < 1}
   */
  public SessionWalker(SessionModel model, int maxRequests) {
    if (maxRequests < 1) {
      throw new IllegalArgumentException("maxRequests must be >= 1, but was " + maxRequests);
    }
    this.maxRequests = maxRequests;
    List<String> names = model.states();
    states = names.toArray(String[]::new);
    initialCumulative = new double[states.length];
    double sum = 0;
    for (int i = 0; i < states.length; i++) {
      sum += model.initial().getOrDefault(states[i], 0.0);
      initialCumulative[i] = sum;
    }
    targets = new int[states.length][];
    cumulative = new double[states.length][];
    thinkTimes = new ThinkTime[states.length][];
    for (int i = 0; i < states.length; i++) {
      Map<String, SessionModel.Transition> row = model.transitions().get(states[i]);
      targets[i] = new int[row.size()];
      cumulative[i] = new double[row.size()];
      thinkTimes[i] = new ThinkTime[row.size()];
      int k = 0;
      double rowSum = 0;
      for (Map.Entry<String, SessionModel.Transition> step : row.entrySet()) {
        targets[i][k] = step.getKey().equals(SessionModel.EXIT) ? -1 : names.indexOf(step.getKey());
        rowSum += step.getValue().probability();
        cumulative[i][k] = rowSum;
        thinkTimes[i][k] = step.getValue().thinkTime();
        k++;
      }
    }
  }

  /**
   * One request of a session.
   *
   * @param template the template name, a state of the model
   * @param thinkSecondsBefore the pause before this request since the previous one was sent; 0 for
   *     the first request of a session
   */
  public record Step(String template, double thinkSecondsBefore) {}

  /**
   * One drawn session.
   *
   * @param steps the requests in order; at least one
   * @param truncated whether the walk stopped at the guard instead of at exit
   */
  public record Walk(List<Step> steps, boolean truncated) {
    /** Copies the steps. */
    public Walk {
      steps = List.copyOf(steps);
    }
  }

  /**
   * Draws one session.
   *
   * @param random the generator of the caller's named stream; advanced by the draws
   * @return the session's requests, at most {@code maxRequests} of them
   */
  public Walk walk(SplittableRandom random) {
    List<Step> steps = new ArrayList<>();
    int state = draw(initialCumulative, random.nextDouble());
    steps.add(new Step(states[state], 0));
    while (steps.size() < maxRequests) {
      int k = draw(cumulative[state], random.nextDouble());
      if (targets[state][k] < 0) {
        return new Walk(steps, false);
      }
      ThinkTime think = thinkTimes[state][k];
      double seconds = think == null ? 0 : think.sampleSeconds(random);
      state = targets[state][k];
      steps.add(new Step(states[state], seconds));
    }
    return new Walk(steps, true);
  }

  /** Returns the first index whose cumulative probability exceeds the draw, skipping zero-probability entries. */
  private static int draw(double[] cumulative, double uniform) {
    double target = uniform * cumulative[cumulative.length - 1];
    int last = 0;
    for (int i = 0; i < cumulative.length; i++) {
      double previous = i == 0 ? 0 : cumulative[i - 1];
      if (cumulative[i] > previous) {
        last = i;
        if (target < cumulative[i]) {
          return i;
        }
      }
    }
    return last;
  }
}
