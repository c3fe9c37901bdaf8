package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Walking sessions: statistics against the fundamental matrix, determinism, and the guard. */
class SessionWalkerTest {
  private static final int WALKS = 100_000;

  @Test
  void walk_meanLengthOver100kWalks_matchesFundamentalMatrix() {
    // Expected length 2 requests; the sd of a walk's length is below 2.5, so the standard error of
    // the mean of 100 000 walks is below 0.008: tolerance 0.03 is about 4 standard errors.
    SessionModel model = SessionModelTest.twoStates();
    SessionWalker walker = new SessionWalker(model);
    SplittableRandom random = new SplittableRandom(1995);
    long requests = 0;
    long home = 0;
    double thinkSeconds = 0;
    for (int i = 0; i < WALKS; i++) {
      SessionWalker.Walk walk = walker.walk(random);
      assertThat(walk.truncated()).isFalse();
      assertThat(walk.steps().get(0).thinkSecondsBefore()).isZero();
      requests += walk.steps().size();
      home += walk.steps().stream().filter(s -> s.template().equals("home")).count();
      thinkSeconds += walk.steps().stream().mapToDouble(SessionWalker.Step::thinkSecondsBefore).sum();
    }
    assertThat((double) requests / WALKS).isCloseTo(model.expectedRequestsPerSession(), within(0.03));
    assertThat((double) home / WALKS).isCloseTo(model.expectedVisits().get("home"), within(0.03));
    assertThat(thinkSeconds / WALKS).isCloseTo(model.expectedThinkSecondsPerSession(),
        within(0.05 * model.expectedThinkSecondsPerSession()));
  }

  @Test
  void walk_sameSeed_sameSessions() {
    SessionWalker walker = new SessionWalker(SessionModelTest.twoStates());
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertThat(walker.walk(a)).isEqualTo(walker.walk(b));
    }
  }

  @Test
  void walk_longLoop_stopsAtTheGuard() {
    SessionModel loop = new SessionModel(Map.of("a", 1.0),
        Map.of("a", Map.of("a", SessionModelTest.step(1 - 1e-12), "exit", SessionModelTest.step(1e-12))));
    SessionWalker.Walk walk = new SessionWalker(loop, 50).walk(new SplittableRandom(3));
    assertThat(walk.truncated()).isTrue();
    assertThat(walk.steps()).hasSize(50);
  }

  @Test
  void walk_zeroProbabilityStep_isNeverTaken() {
    SessionModel model = new SessionModel(Map.of("a", 1.0),
        Map.of("a", Map.of("exit", SessionModelTest.step(1)), "b", Map.of("exit", SessionModelTest.step(1))));
    SessionWalker walker = new SessionWalker(model);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 1000; i++) {
      assertThat(walker.walk(random).steps()).extracting(SessionWalker.Step::template).containsExactly("a");
    }
  }
}
