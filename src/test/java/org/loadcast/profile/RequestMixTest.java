package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request shares and requests per arrival, with and without sessions. */
class RequestMixTest {
  private static final RequestMix WEIGHTED = new RequestMix(List.of(
      new RequestTemplate("home", "GET", "/", 3), new RequestTemplate("search", "GET", "/search", 1)));

  /** {@link SessionModelTest#twoStates()} over templates without weights: visits (0.70, 0.60) / 0.65, 2 per session. */
  private static RequestMix sessions() {
    return new RequestMix(List.of(new RequestTemplate("home", "GET", "/", Map.of(), null, null, null),
        new RequestTemplate("search", "GET", "/search", Map.of(), null, null, null)), SessionModelTest.twoStates());
  }

  @Test
  void requestsPerArrival_weightedMix_isOne() {
    assertThat(WEIGHTED.requestsPerArrival()).isEqualTo(1.0);
  }

  @Test
  void requestsPerArrival_sessions_isTheExpectedRequestsPerSession() {
    assertThat(sessions().requestsPerArrival()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void requestShares_weightedMix_areTheNormalisedWeights() {
    assertThat(WEIGHTED.requestShares()).containsExactly(Map.entry("home", 0.75), Map.entry("search", 0.25));
  }

  @Test
  void requestShares_sessionsWithoutWeights_areTheExpectedVisitShares() {
    Map<String, Double> shares = sessions().requestShares();
    assertThat(shares.keySet()).containsExactly("home", "search");
    assertThat(shares.get("home")).isCloseTo(0.70 / 1.3, within(1e-12));
    assertThat(shares.get("search")).isCloseTo(0.60 / 1.3, within(1e-12));
  }

  @Test
  void pickByShare_sessions_splitsTheUnitIntervalByVisitShare() {
    RequestMix mix = sessions();
    assertThat(mix.pickByShare(0).name()).isEqualTo("home");
    assertThat(mix.pickByShare(0.538).name()).isEqualTo("home");
    assertThat(mix.pickByShare(0.539).name()).isEqualTo("search");
    assertThat(mix.pickByShare(0.999999).name()).isEqualTo("search");
  }

  @Test
  void pickByShare_outsideTheUnitInterval_isRefused() {
    assertThatThrownBy(() -> WEIGHTED.pickByShare(1)).hasMessage("uniform must be in [0, 1), but was 1.0");
  }
}
