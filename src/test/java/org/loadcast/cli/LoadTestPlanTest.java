package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.SessionModel;

/** The load test refuses, by name, what it cannot replay yet. */
class LoadTestPlanTest {

  @Test
  void requireReplayable_plainWeightedMix_passes() {
    assertThatCode(() -> LoadTestPlan.requireReplayable(new RequestMix(List.of(new RequestTemplate("home", "GET", "/", 1)))))
        .doesNotThrowAnyException();
  }

  @Test
  void requireReplayable_sessions_areRefused() {
    SessionModel sessions = new SessionModel(Map.of("home", 1.0), Map.of("home", Map.of("exit", new SessionModel.Transition(1, null))));
    RequestMix mix = new RequestMix(List.of(new RequestTemplate("home", "GET", "/", 1)), sessions);
    assertThatThrownBy(() -> LoadTestPlan.requireReplayable(mix)).hasMessageStartingWith("mix.sessions cannot be replayed");
  }

  @Test
  void requireReplayable_placeholders_areRefused() {
    RequestMix mix = new RequestMix(List.of(new RequestTemplate("item", "GET", "/items/{id}", Map.of(), null, "items.csv", 1.0)));
    assertThatThrownBy(() -> LoadTestPlan.requireReplayable(mix))
        .hasMessage("mix.requests[0] ('item') cannot be replayed by the load test yet, which sends the method and path only, "
            + "but it has placeholders");
  }
}
