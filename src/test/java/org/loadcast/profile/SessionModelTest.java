package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The session model: hand-computed absorbing-chain values, and one invalid model per rule. */
class SessionModelTest {

  static SessionModel.Transition step(double p) {
    return new SessionModel.Transition(p, null);
  }

  static SessionModel.Transition step(double p, ThinkTime think) {
    return new SessionModel.Transition(p, think);
  }

  /** home → search 0.5 / exit 0.5; search → home 0.3, search 0.2, exit 0.5; start home 0.8, search 0.2. */
  static SessionModel twoStates() {
    Map<String, Map<String, SessionModel.Transition>> rows = new LinkedHashMap<>();
    Map<String, SessionModel.Transition> home = new LinkedHashMap<>();
    home.put("search", step(0.5, new ThinkTime.Constant(4)));
    home.put("exit", step(0.5));
    Map<String, SessionModel.Transition> search = new LinkedHashMap<>();
    search.put("home", step(0.3, new ThinkTime.Exponential(10)));
    search.put("search", step(0.2, new ThinkTime.Constant(2)));
    search.put("exit", step(0.5));
    rows.put("home", home);
    rows.put("search", search);
    Map<String, Double> initial = new LinkedHashMap<>();
    initial.put("home", 0.8);
    initial.put("search", 0.2);
    return new SessionModel(initial, rows);
  }

  @Test
  void fundamentalMatrix_twoStates_matchesHandInverse() {
    // I − Q = [[1, −0.5], [−0.3, 0.8]]; det = 0.8 − 0.15 = 0.65; N = (1/0.65)[[0.8, 0.5], [0.3, 1]].
    double[][] n = twoStates().fundamentalMatrix();
    assertThat(n[0][0]).isCloseTo(0.8 / 0.65, within(1e-12));
    assertThat(n[0][1]).isCloseTo(0.5 / 0.65, within(1e-12));
    assertThat(n[1][0]).isCloseTo(0.3 / 0.65, within(1e-12));
    assertThat(n[1][1]).isCloseTo(1 / 0.65, within(1e-12));
  }

  @Test
  void expectedRequestsPerSession_twoStates_matchesHandValue() {
    // πᵀN = (0.8·0.8 + 0.2·0.3, 0.8·0.5 + 0.2·1) / 0.65 = (0.70, 0.60) / 0.65; total 1.3 / 0.65 = 2.
    SessionModel model = twoStates();
    assertThat(model.expectedVisits().get("home")).isCloseTo(0.70 / 0.65, within(1e-12));
    assertThat(model.expectedVisits().get("search")).isCloseTo(0.60 / 0.65, within(1e-12));
    assertThat(model.expectedRequestsPerSession()).isCloseTo(2.0, within(1e-12));
    assertThat(model.sessionsPerSecond(10)).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void expectedThinkSecondsPerSession_twoStates_matchesHandValue() {
    // home: 0.5·4 = 2 s per visit; search: 0.3·10 + 0.2·2 = 3.4 s per visit.
    double expected = 0.70 / 0.65 * 2 + 0.60 / 0.65 * 3.4;
    assertThat(twoStates().expectedThinkSecondsPerSession()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void expectedRequestsPerSession_geometricLoop_isOneOverExitProbability() {
    SessionModel model = new SessionModel(Map.of("a", 1.0),
        Map.of("a", Map.of("a", step(0.9), "exit", step(0.1))));
    assertThat(model.expectedRequestsPerSession()).isCloseTo(10.0, within(1e-9));
  }

  @Test
  void constructor_keepsRowOrder() {
    assertThat(twoStates().states()).containsExactly("home", "search");
    assertThat(twoStates().transitions().get("search").keySet()).containsExactly("home", "search", "exit");
  }

  @Test
  void transition_probabilityAboveOne_isRejected() {
    assertThatThrownBy(() -> step(1.2)).hasMessage("probability must be in [0, 1], but was 1.2");
  }

  @Test
  void constructor_rowNotSummingToOne_namesTheRowAndTheSum() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), Map.of("a", Map.of("a", step(0.5), "exit", step(0.4)))))
        .hasMessage("transitions.a must have probabilities summing to 1 within 1e-9, but they sum to 0.900000000000");
  }

  @Test
  void constructor_initialNotSummingToOne_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 0.5), Map.of("a", Map.of("exit", step(1)))))
        .hasMessage("initial must have probabilities summing to 1 within 1e-9, but they sum to 0.500000000000");
  }

  @Test
  void constructor_unknownTarget_suggestsTheClosestState() {
    Map<String, Map<String, SessionModel.Transition>> rows = new LinkedHashMap<>();
    rows.put("home", Map.of("serch", step(1)));
    rows.put("search", Map.of("exit", step(1)));
    assertThatThrownBy(() -> new SessionModel(Map.of("home", 1.0), rows))
        .hasMessage("transitions.home.serch must be exit or a state with a row in transitions, but was 'serch' (did you mean 'search'?)");
  }

  @Test
  void constructor_unknownInitialState_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("hme", 1.0), Map.of("home", Map.of("exit", step(1)))))
        .hasMessage("initial.hme must be a state with a row in transitions, but was 'hme' (did you mean 'home'?)");
  }

  @Test
  void constructor_initialOutOfRange_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", -0.5), Map.of("a", Map.of("exit", step(1)))))
        .hasMessage("initial.a must be in [0, 1], but was -0.5");
  }

  @Test
  void constructor_exitRow_isRejected() {
    Map<String, Map<String, SessionModel.Transition>> rows = new LinkedHashMap<>();
    rows.put("a", Map.of("exit", step(1)));
    rows.put("exit", Map.of("exit", step(1)));
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), rows))
        .hasMessage("transitions.exit must not be a row: 'exit' ends a session and is no state, but was given");
  }

  @Test
  void constructor_thinkTimeOnExit_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0),
            Map.of("a", Map.of("exit", step(1, new ThinkTime.Constant(1))))))
        .hasMessage("transitions.a.exit.thinkTime must be absent, since no request follows exit, but was Constant[seconds=1.0]");
  }

  @Test
  void constructor_loopWithoutExit_isRejected() {
    Map<String, Map<String, SessionModel.Transition>> rows = new LinkedHashMap<>();
    rows.put("a", Map.of("b", step(0.5), "exit", step(0.5)));
    rows.put("b", Map.of("c", step(1)));
    rows.put("c", Map.of("b", step(1), "exit", step(0)));
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), rows))
        .hasMessage("transitions.b must lead to exit by some path of non-zero probabilities, but sessions that reach 'b' never end");
  }

  @Test
  void constructor_emptyRow_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), Map.of("a", Map.of())))
        .hasMessage("transitions.a must give the probability of each next state and of exit, but was empty");
  }

  @Test
  void constructor_noRows_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), Map.of()))
        .hasMessage("transitions must have a row for each state, but was empty");
  }

  @Test
  void requestMix_stateWithoutTemplate_suggestsTheClosestName() {
    SessionModel model = twoStates();
    List<RequestTemplate> templates = List.of(new RequestTemplate("home", "GET", "/", 1),
        new RequestTemplate("serch", "GET", "/search", 1));
    assertThatThrownBy(() -> new RequestMix(templates, model))
        .hasMessage("sessions.transitions.search must be the name of a request template, but was 'search' (did you mean 'serch'?)");
  }

  @Test
  void requestMix_withSessions_weightsAreOptional() {
    RequestTemplate home = new RequestTemplate("home", "GET", "/", Map.of(), null, null, null);
    RequestTemplate search = new RequestTemplate("search", "GET", "/search", Map.of(), null, null, null);
    RequestMix mix = new RequestMix(List.of(home, search), twoStates());
    assertThat(mix.sessions()).isNotNull();
    assertThatThrownBy(() -> mix.pick(0.5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void requestMix_withoutSessions_weightIsRequired() {
    RequestTemplate home = new RequestTemplate("home", "GET", "/", Map.of(), null, null, null);
    assertThatThrownBy(() -> new RequestMix(List.of(home)))
        .hasMessage("requests[0].weight must be a finite number > 0 when the mix has no sessions, but was missing");
  }

  @Test
  void constructor_emptyInitial_isRejected() {
    assertThatThrownBy(() -> new SessionModel(Map.of(), Map.of("a", Map.of("exit", step(1)))))
        .hasMessage("initial must give the probability of at least one state, but was empty");
  }

  @Test
  void constructor_missingStep_isRejected() {
    Map<String, SessionModel.Transition> row = new LinkedHashMap<>();
    row.put("exit", null);
    assertThatThrownBy(() -> new SessionModel(Map.of("a", 1.0), Map.of("a", row)))
        .hasMessage("transitions.a.exit.probability must be in [0, 1], but was missing");
  }

  @Test
  void requestMix_templateNamedExit_isRejectedWithSessions() {
    List<RequestTemplate> templates = List.of(new RequestTemplate("home", "GET", "/", 1),
        new RequestTemplate("search", "GET", "/search", 1), new RequestTemplate("exit", "GET", "/bye", 1));
    assertThatThrownBy(() -> new RequestMix(templates, twoStates()))
        .hasMessage("requests[2].name must not be 'exit' in a mix with sessions, where it ends a session, but was 'exit'");
    assertThat(new RequestMix(templates).requests()).hasSize(3);
  }
}
