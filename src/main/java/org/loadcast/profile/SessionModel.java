package org.loadcast.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A probabilistic session model: an absorbing Markov chain over request templates with a think time
 * on each transition, after the WESSBAS behaviour models (van Hoorn, Vögele, Schulz, Hasselbring and
 * Krcmar, "Automatic extraction of probabilistic workload specifications for load testing
 * session-based application systems", VALUETOOLS 2014; Vögele, van Hoorn, Schulz, Hasselbring and
 * Krcmar, "WESSBAS: extraction of probabilistic workload specifications for load testing and
 * performance prediction", SoSyM 17(2), 2018).
 *
 * <p>A session starts in a state drawn from {@code initial}, sends that state's request, and then
 * follows the row of that state: to another state after the transition's think time, or to {@link
 * #EXIT}, which ends the session. The states are the keys of {@code transitions}; in a {@link
 * RequestMix} each is the name of a request template. When a profile has sessions, its arrival rate
 * counts <em>session</em> arrivals; {@link #sessionsPerSecond} converts a request rate.
 *
 * <p>In YAML:
 * <pre>
 * sessions:
 *   initial: {home: 0.8, search: 0.2}
 *   transitions:
 *     home:
 *       search: {probability: 0.5, thinkTime: {logNormal: {medianSeconds: 4, sigma: 0.8}}}
 *       exit: {probability: 0.5}
 *     search:
 *       home: {probability: 0.3, thinkTime: {exponential: {meanSeconds: 10}}}
 *       exit: {probability: 0.7}
 * </pre>
 *
 * @param initial the probability that a session starts in each state; each in {@code [0, 1]},
 *     summing to 1 within {@value #TOLERANCE}; every key has a row in {@code transitions}
 * @param transitions for each state, in order, its row: the probability of each next state or
 *     {@code exit}, each in {@code [0, 1]}, summing to 1 within {@value #TOLERANCE}; from every
 *     state some path must reach {@code exit}
 */
public record SessionModel(
    @JsonProperty(required = true) Map<String, Double> initial,
    @JsonProperty(required = true) Map<String, Map<String, Transition>> transitions) {

  /** The pseudo-state that ends a session; no state may have this name. */
  public static final String EXIT = "exit";

  /** How far a row's probabilities may sum from 1. */
  public static final double TOLERANCE = 1e-9;

  /**
   * One step of a row.
   *
   * @param probability the probability of the step, in {@code [0, 1]}
   * @param thinkTime the pause before the next state's request; null means none (0 s), and must be
   *     null on the step to {@code exit}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Transition(@JsonProperty(required = true) double probability, ThinkTime thinkTime) {
    /**
     * Validates the probability.
     *
     * @throws IllegalArgumentException if it is outside {@code [0, 1]}
     */
    public Transition {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be in [0, 1], but was " + probability);
      }
    }

    /** Returns the think time's mean, 0 when there is none. */
    public double meanThinkSeconds() {
      return thinkTime == null ? 0 : thinkTime.meanSeconds();
    }
  }

  /**
   * Validates the chain and copies the maps, keeping their order.
   *
   * @throws IllegalArgumentException for the rules broken, one per line of the message (initial probabilities, then each row; within a row the first), each line naming the path such as
   *     {@code transitions.home.search}: a map is missing or empty; a probability is null or outside
   *     {@code [0, 1]}; a name is not a state (with the closest state, when one is close); a state is
   *     named {@code exit}; the step to exit has a think time; a row or {@code initial} does not sum
   *     to 1; or a state cannot reach exit
   */
  public SessionModel {
    if (transitions == null || transitions.isEmpty()) {
      throw new IllegalArgumentException("transitions must have a row for each state, but was "
          + (transitions == null ? "missing" : "empty"));
    }
    if (transitions.containsKey(EXIT)) {
      throw new IllegalArgumentException("transitions." + EXIT + " must not be a row: '" + EXIT
          + "' ends a session and is no state, but was given");
    }
    Set<String> states = transitions.keySet();
    if (initial == null || initial.isEmpty()) {
      throw new IllegalArgumentException("initial must give the probability of at least one state, but was "
          + (initial == null ? "missing" : "empty"));
    }
    // Every broken rule is reported, one per line, so that a file shows all its problems at once.
    java.util.List<String> problems = new java.util.ArrayList<>();
    double initialSum = 0;
    boolean initialReadable = true;
    for (Map.Entry<String, Double> start : initial.entrySet()) {
      String field = "initial." + start.getKey();
      Double p = start.getValue();
      try {
        if (p == null || !(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException(field + " must be in [0, 1], but was " + p);
        }
        requireState(field, start.getKey(), states, false);
        initialSum += p;
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        initialReadable = false;
      }
    }
    if (initialReadable) {
      try {
        requireSumOne("initial", initialSum);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    Map<String, Map<String, Transition>> rows = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Transition>> row : transitions.entrySet()) {
      try {
        rows.put(row.getKey(), checkedRow("transitions." + row.getKey(), row.getValue(), states));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    initial = Collections.unmodifiableMap(new LinkedHashMap<>(initial));
    transitions = Collections.unmodifiableMap(rows);
    requireExitReachable(transitions);
  }

  private static Map<String, Transition> checkedRow(String field, Map<String, Transition> row, Set<String> states) {
    if (row == null || row.isEmpty()) {
      throw new IllegalArgumentException(field + " must give the probability of each next state and of exit, but was "
          + (row == null ? "missing" : "empty"));
    }
    double sum = 0;
    for (Map.Entry<String, Transition> step : row.entrySet()) {
      String stepField = field + "." + step.getKey();
      requireState(stepField, step.getKey(), states, true);
      if (step.getValue() == null) {
        throw new IllegalArgumentException(stepField + ".probability must be in [0, 1], but was missing");
      }
      if (step.getKey().equals(EXIT) && step.getValue().thinkTime() != null) {
        throw new IllegalArgumentException(stepField + ".thinkTime must be absent, since no request follows exit, but was "
            + step.getValue().thinkTime());
      }
      sum += step.getValue().probability();
    }
    requireSumOne(field, sum);
    return Collections.unmodifiableMap(new LinkedHashMap<>(row));
  }

  private static void requireState(String field, String name, Set<String> states, boolean exitAllowed) {
    if (states.contains(name) || (exitAllowed && EXIT.equals(name))) {
      return;
    }
    List<String> known = new ArrayList<>(states);
    if (exitAllowed) {
      known.add(EXIT);
    }
    String hint = YamlFile.closestName(String.valueOf(name), known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    throw new IllegalArgumentException(field + " must be " + (exitAllowed ? "exit or " : "")
        + "a state with a row in transitions, but was '" + name + "'" + hint);
  }

  private static void requireSumOne(String field, double sum) {
    if (Math.abs(sum - 1) > TOLERANCE) {
      throw new IllegalArgumentException(field + " must have probabilities summing to 1 within 1e-9, but they sum to "
          + String.format(Locale.ROOT, "%.12g", sum));
    }
  }

  /** Checks that exit is reachable from every state, walking the chain backwards from exit. */
  private static void requireExitReachable(Map<String, Map<String, Transition>> rows) {
    Set<String> reaches = new HashSet<>();
    Deque<String> frontier = new ArrayDeque<>(List.of(EXIT));
    while (!frontier.isEmpty()) {
      String target = frontier.pop();
      rows.forEach((state, row) -> {
        Transition step = row.get(target);
        if (step != null && step.probability() > 0 && reaches.add(state)) {
          frontier.push(state);
        }
      });
    }
    for (String state : rows.keySet()) {
      if (!reaches.contains(state)) {
        throw new IllegalArgumentException("transitions." + state
            + " must lead to exit by some path of non-zero probabilities, but sessions that reach '" + state + "' never end");
      }
    }
  }

  /** Returns the states in the order of {@code transitions}. */
  public List<String> states() {
    return List.copyOf(transitions.keySet());
  }

  /**
   * Returns the fundamental matrix {@code N = (I − Q)^-1} of the absorbing chain, where {@code Q}
   * holds the transition probabilities between states (exit left out): {@code N[i][j]} is the
   * expected number of visits to state {@code j} of a session that starts in {@code i} (Kemeny and
   * Snell, <i>Finite Markov Chains</i>, 1960, ch. III; Grinstead and Snell, <i>Introduction to
   * Probability</i>, 2nd ed., 1997, §11.2). Solved by LU decomposition.
   *
   * @return an n×n matrix over {@link #states()} in order
   */
  public double[][] fundamentalMatrix() {
    List<String> states = states();
    int n = states.size();
    RealMatrix iMinusQ = MatrixUtils.createRealIdentityMatrix(n);
    for (int i = 0; i < n; i++) {
      for (Map.Entry<String, Transition> step : transitions.get(states.get(i)).entrySet()) {
        if (!step.getKey().equals(EXIT)) {
          int j = states.indexOf(step.getKey());
          iMinusQ.addToEntry(i, j, -step.getValue().probability());
        }
      }
    }
    return new LUDecomposition(iMinusQ).getSolver().getInverse().getData();
  }

  /**
   * Returns the expected number of requests of each state in one session: {@code v = πᵀ N}, with
   * {@code π} the initial probabilities (Kemeny and Snell 1960, ch. III).
   *
   * @return expected requests per session by state, in the order of {@link #states()}; each {@code >= 0}
   */
  public Map<String, Double> expectedVisits() {
    List<String> states = states();
    double[] start = new double[states.size()];
    initial.forEach((state, p) -> start[states.indexOf(state)] = p);
    double[] visits = new Array2DRowRealMatrix(fundamentalMatrix(), false).preMultiply(start);
    Map<String, Double> byState = new LinkedHashMap<>();
    for (int i = 0; i < visits.length; i++) {
      byState.put(states.get(i), visits[i]);
    }
    return Collections.unmodifiableMap(byState);
  }

  /**
   * Returns the expected number of requests in one session, {@code πᵀ N 1}: the expected number of
   * steps before absorption (Kemeny and Snell 1960, ch. III; Grinstead and Snell 1997, Theorem 11.5).
   *
   * @return requests per session, {@code >= 1}
   */
  public double expectedRequestsPerSession() {
    return expectedVisits().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * Returns the expected total think time of one session: each state's expected visits times the
   * mean think time of its row's steps to other states.
   *
   * @return seconds from a session's first request to its last, not counting response times; {@code >= 0}
   */
  public double expectedThinkSecondsPerSession() {
    double total = 0;
    for (Map.Entry<String, Double> visits : expectedVisits().entrySet()) {
      for (Transition step : transitions.get(visits.getKey()).values()) {
        total += visits.getValue() * step.probability() * step.meanThinkSeconds();
      }
    }
    return total;
  }

  /**
   * Converts a request rate to the session arrival rate that produces it on average.
   *
   * @param requestsPerSecond the request rate, finite and {@code >= 0}
   * @return sessions per second: the request rate divided by {@link #expectedRequestsPerSession()}
   * @throws IllegalArgumentException if the rate is negative or not finite
   */
  public double sessionsPerSecond(double requestsPerSecond) {
    if (!Double.isFinite(requestsPerSecond) || requestsPerSecond < 0) {
      throw new IllegalArgumentException("requestsPerSecond must be a finite number >= 0, but was " + requestsPerSecond);
    }
    return requestsPerSecond / expectedRequestsPerSession();
  }
}
