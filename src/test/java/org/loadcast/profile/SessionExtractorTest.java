package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session extraction on small logs whose sessions, chains and think times are computed by hand. */
class SessionExtractorTest {
  private static final ExtractionSettings KEEP_ALL = new ExtractionSettings(10, 1800, 60, 1, 10, true, 100);

  private static LoggedRequest get(long second, String client, String path) {
    return new LoggedRequest(second, client, "GET", path, 200);
  }

  /**
   * Three clients. a: home(0) logo.gif(1) search(10) home(20). b: home(5) items/42(35).
   * c: search(100), then after 2900 s (over the 30-minute timeout) search(3000): two sessions.
   * Plus one 404, which is omitted.
   */
  static List<LoggedRequest> threeClients() {
    return List.of(
        get(0, "a", "/home"),
        get(1, "a", "/logo.gif"),
        get(5, "b", "/home"),
        get(10, "a", "/search?q=x"),
        get(20, "a", "/home"),
        get(35, "b", "/items/42"),
        new LoggedRequest(40, "b", "GET", "/missing", 404),
        get(100, "c", "/search"),
        get(3000, "c", "/search"));
  }

  @Test
  void extract_threeClients_exactChainAndExitRates() {
    SessionExtraction x = SessionExtractor.extract(threeClients(), KEEP_ALL);
    SessionModel model = x.mix().sessions();
    assertThat(x.sessionCount()).isEqualTo(4);
    assertThat(model.initial()).containsExactly(entry("GET /home", 0.5), entry("GET /search", 0.5));
    Map<String, SessionModel.Transition> home = model.transitions().get("GET /home");
    assertThat(home.keySet()).containsExactly("GET /search", "GET /items/{id}", "exit");
    assertThat(home.get("GET /search").probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(home.get("GET /items/{id}").probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(home.get("exit").probability()).isCloseTo(1.0 / 3, within(1e-15));
    Map<String, SessionModel.Transition> search = model.transitions().get("GET /search");
    assertThat(search.get("GET /home").probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(search.get("exit").probability()).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(model.transitions().get("GET /items/{id}")).containsOnlyKeys("exit");
    assertThat(home.get("GET /search").thinkTime()).isEqualTo(new ThinkTime.Constant(10));
    assertThat(home.get("GET /items/{id}").thinkTime()).isEqualTo(new ThinkTime.Constant(30));
    assertThat(search.get("GET /home").thinkTime()).isEqualTo(new ThinkTime.Constant(10));
  }

  @Test
  void extract_threeClients_templatesCountsAndReport() {
    SessionExtraction x = SessionExtractor.extract(threeClients(), KEEP_ALL);
    assertThat(x.mix().requests()).extracting(RequestTemplate::name, RequestTemplate::weight).containsExactly(
        org.assertj.core.groups.Tuple.tuple("GET /home", 3.0), org.assertj.core.groups.Tuple.tuple("GET /search", 3.0),
        org.assertj.core.groups.Tuple.tuple("GET /items/{id}", 1.0));
    assertThat(x.mix().template("GET /items/{id}").feeder()).isEqualTo("feeders/get-items-id.csv");
    assertThat(x.feeders()).containsExactly(new SessionExtraction.FeederRows("feeders/get-items-id.csv", List.of("id"), List.of(List.of("42"))));
    assertThat(x.meanRequestsPerSession()).isEqualTo(7.0 / 4);
    assertThat(x.meanSessionSeconds()).isEqualTo((20 + 30 + 0 + 0) / 4.0);
    assertThat(x.requestsRead()).isEqualTo(9);
    assertThat(x.requestsInSessions()).isEqualTo(7);
    assertThat(x.omittedRequests()).containsExactly(
        entry(SessionExtraction.Omission.ERROR_STATUS, 1L), entry(SessionExtraction.Omission.ASSET_FOLDED_INTO_PAGE, 1L));
    assertThat(x.queryStringsStripped()).isEqualTo(1);
    assertThat(x.transitionsKept()).isEqualTo(3);
    assertThat(x.transitionsFolded()).isZero();
    assertThat(x.summary()).startsWith("4 sessions of 1.75 requests (12.5 s) on average, over 3 templates kept of 3 seen");
  }

  @Test
  void extract_outOfOrderWithinTolerance_sameAsInOrder() {
    List<LoggedRequest> shuffled = new ArrayList<>(threeClients());
    // a's search (10) logged after a's home (20) and b's item (35): 25 s late, within 60 s.
    LoggedRequest search = shuffled.remove(3);
    shuffled.add(5, search);
    assertThat(shuffled.get(4).epochSecond()).isEqualTo(35);
    SessionExtraction inOrder = SessionExtractor.extract(threeClients(), KEEP_ALL);
    SessionExtraction late = SessionExtractor.extract(shuffled, KEEP_ALL);
    assertThat(late.mix()).isEqualTo(inOrder.mix());
    assertThat(late.omittedRequests()).isEqualTo(inOrder.omittedRequests());
  }

  @Test
  void extract_lateRequestInsideAGap_joinsTheEarlierSession() {
    // a@0, a@1850 (a gap of 1850 s > 1800), then a@1795 logged 55 s late (within the 60 s tolerance):
    // sorted, the gaps are 1795 and 55 s, so all three are one session.
    List<LoggedRequest> log = List.of(get(0, "a", "/p"), get(1850, "a", "/p"), get(1795, "a", "/p"));
    SessionExtraction x = SessionExtractor.extract(log, KEEP_ALL);
    assertThat(x.sessionCount()).isEqualTo(1);
    assertThat(x.meanRequestsPerSession()).isEqualTo(3);
  }

  @Test
  void extract_beyondTolerance_isOmittedAndReported() {
    List<LoggedRequest> log = List.of(get(0, "a", "/home"), get(500, "b", "/home"), get(100, "a", "/search"));
    SessionExtraction x = SessionExtractor.extract(log, KEEP_ALL);
    assertThat(x.omittedRequests()).containsExactly(entry(SessionExtraction.Omission.OUT_OF_ORDER, 1L));
    assertThat(x.sessionCount()).isEqualTo(2);
  }

  @Test
  void extract_gapOfExactlyTheTimeout_staysInOneSession() {
    List<LoggedRequest> log = List.of(get(0, "a", "/p"), get(1800, "a", "/p"), get(3601, "a", "/p"));
    SessionExtraction x = SessionExtractor.extract(log, KEEP_ALL);
    // 0 → 1800 is exactly 30 minutes: same session; 1800 → 3601 is 1801 s: cut.
    assertThat(x.sessionCount()).isEqualTo(2);
    SessionModel.Transition loop = x.mix().sessions().transitions().get("GET /p").get("GET /p");
    assertThat(loop.probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(loop.thinkTime()).isEqualTo(new ThinkTime.Constant(1800));
  }

  @Test
  void extract_configurableTimeout_cutsEarlier() {
    List<LoggedRequest> log = List.of(get(0, "a", "/p"), get(301, "a", "/p"));
    assertThat(SessionExtractor.extract(log, new ExtractionSettings(10, 300, 60, 1, 10, true, 100)).sessionCount()).isEqualTo(2);
    assertThat(SessionExtractor.extract(log, KEEP_ALL).sessionCount()).isEqualTo(1);
  }

  @Test
  void extract_rareTransitions_areFoldedAndReported() {
    SessionExtraction x = SessionExtractor.extract(threeClients(), new ExtractionSettings(10, 1800, 60, 2, 10, true, 100));
    SessionModel model = x.mix().sessions();
    assertThat(x.transitionsFolded()).isEqualTo(3);
    assertThat(x.transitionsKept()).isZero();
    assertThat(model.transitions().get("GET /home")).containsOnlyKeys("exit");
    assertThat(model.expectedRequestsPerSession()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void extract_foldingThatWouldTrapSessions_keepsTheWholeRow() {
    // One session x y x y x y z: y → z is seen once (rare at minTransitionCount 2) but it is the only
    // way out; folding it would leave x ⇄ y with no path to exit, so y's row is kept whole.
    List<LoggedRequest> log = new ArrayList<>();
    String[] pages = {"/x", "/y", "/x", "/y", "/x", "/y", "/z"};
    for (int i = 0; i < pages.length; i++) {
      log.add(get(i, "a", pages[i]));
    }
    SessionExtraction x = SessionExtractor.extract(log, new ExtractionSettings(10, 1800, 60, 2, 10, true, 100));
    Map<String, SessionModel.Transition> y = x.mix().sessions().transitions().get("GET /y");
    assertThat(y.get("GET /z").probability()).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(x.transitionsFolded()).isZero();
    assertThat(x.mix().sessions().expectedRequestsPerSession()).isCloseTo(7.0, within(1e-9));
  }

  @Test
  void extract_topTemplates_skipsTheRestAndReportsThem() {
    List<LoggedRequest> log = List.of(get(0, "a", "/home"), get(5, "a", "/rare"), get(9, "a", "/home"),
        get(20, "b", "/home"));
    SessionExtraction x = SessionExtractor.extract(log, new ExtractionSettings(1, 1800, 60, 1, 10, true, 100));
    assertThat(x.mix().requests()).extracting(RequestTemplate::name).containsExactly("GET /home");
    assertThat(x.omittedRequests()).containsExactly(entry(SessionExtraction.Omission.OUTSIDE_TOP_TEMPLATES, 1L));
    // the think time spans the skipped request: 0 → 9.
    assertThat(x.mix().sessions().transitions().get("GET /home").get("GET /home").thinkTime())
        .isEqualTo(new ThinkTime.Constant(9));
    assertThat(x.templatesSeen()).isEqualTo(2);
  }

  @Test
  void extract_assetsAsStates_whenNotFolded() {
    List<LoggedRequest> log = List.of(get(0, "a", "/logo.gif"), get(0, "a", "/home"));
    SessionExtraction folded = SessionExtractor.extract(log, KEEP_ALL);
    assertThat(folded.omittedRequests()).containsExactly(entry(SessionExtraction.Omission.ASSET_WITHOUT_PAGE, 1L));
    SessionExtraction states = SessionExtractor.extract(log, new ExtractionSettings(10, 1800, 60, 1, 10, false, 100));
    assertThat(states.mix().sessions().initial()).containsOnlyKeys("GET /logo.gif");
    // a gap of 0 s is below the log's 1-second resolution: taken as 0.5 s.
    assertThat(states.mix().sessions().transitions().get("GET /logo.gif").get("GET /home").thinkTime())
        .isEqualTo(new ThinkTime.Constant(0.5));
  }

  @Test
  void extract_manyGaps_fitsLogNormalByMaximumLikelihood() {
    // gaps 1, e, e², ..., e^9 s: ln gaps 0..9, μ = 4.5, σ² = mean of (k − 4.5)² = 8.25.
    List<LoggedRequest> log = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      long gap = Math.round(Math.exp(k));
      log.add(get(k * 100_000L, "c" + k, "/a"));
      log.add(get(k * 100_000L + gap, "c" + k, "/b"));
    }
    SessionExtraction x = SessionExtractor.extract(log, new ExtractionSettings(10, 100_000, 60, 1, 10, true, 100));
    ThinkTime.LogNormal fit = (ThinkTime.LogNormal) x.mix().sessions().transitions().get("GET /a").get("GET /b").thinkTime();
    double mu = 0;
    double m2 = 0;
    for (int k = 0; k < 10; k++) {
      double ln = Math.log(Math.round(Math.exp(k)));
      mu += ln / 10;
      m2 += ln * ln / 10;
    }
    assertThat(fit.medianSeconds()).isCloseTo(Math.exp(mu), within(1e-9));
    assertThat(fit.sigma()).isCloseTo(Math.sqrt(m2 - mu * mu), within(1e-9));
  }

  @Test
  void extract_fewGaps_givesEmpirical() {
    List<LoggedRequest> log = List.of(get(0, "a", "/a"), get(7, "a", "/b"), get(0, "b", "/a"), get(3, "b", "/b"));
    SessionExtraction x = SessionExtractor.extract(log, KEEP_ALL);
    assertThat(x.mix().sessions().transitions().get("GET /a").get("GET /b").thinkTime())
        .isEqualTo(new ThinkTime.Empirical(List.of(3.0, 7.0)));
  }

  @Test
  void extract_streaming_releasesIdleClients() {
    TemplateCounter counter = new TemplateCounter(KEEP_ALL);
    List<LoggedRequest> log = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      log.add(get(i * 100L, "client" + i, "/p"));
    }
    log.forEach(counter::accept);
    SessionExtractor extractor = new SessionExtractor(KEEP_ALL, counter.catalog());
    int most = 0;
    for (LoggedRequest r : log) {
      extractor.accept(r);
      most = Math.max(most, extractor.activeClients());
    }
    // a client is released once 1800 + 60 s have passed without its requests: at most ~20 open.
    assertThat(most).isLessThanOrEqualTo(21);
    assertThat(extractor.finish().sessionCount()).isEqualTo(1000);
  }

  @Test
  void extract_onlyOmittedRequests_isRejected() {
    assertThatThrownBy(() -> SessionExtractor.extract(List.of(new LoggedRequest(0, "a", "GET", "/", 500)), KEEP_ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the log must have at least one session with a kept request, but had none of 1 requests");
  }

  @Test
  void finish_twice_isRejected() {
    TemplateCounter counter = new TemplateCounter(KEEP_ALL);
    threeClients().forEach(counter::accept);
    SessionExtractor extractor = new SessionExtractor(KEEP_ALL, counter.catalog());
    threeClients().forEach(extractor::accept);
    extractor.finish();
    assertThatThrownBy(extractor::finish).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> extractor.accept(get(0, "a", "/"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void settings_outOfRange_areRejected() {
    assertThatThrownBy(() -> new ExtractionSettings(0, 1800, 60, 1, 10, true, 100)).hasMessage("topTemplates must be >= 1, but was 0");
    assertThatThrownBy(() -> new ExtractionSettings(1, 0, 60, 1, 10, true, 100)).hasMessage("sessionTimeoutSeconds must be >= 1, but was 0");
    assertThatThrownBy(() -> new ExtractionSettings(1, 1, -1, 1, 10, true, 100)).hasMessage("reorderToleranceSeconds must be >= 0, but was -1");
    assertThatThrownBy(() -> new ExtractionSettings(1, 1, 1, 0, 10, true, 100)).hasMessage("minTransitionCount must be >= 1, but was 0");
    assertThatThrownBy(() -> new ExtractionSettings(1, 1, 1, 1, 1, true, 100)).hasMessage("minThinkSamples must be >= 2, but was 1");
    assertThatThrownBy(() -> new ExtractionSettings(1, 1, 1, 1, 2, true, -1)).hasMessage("feederRows must be >= 0, but was -1");
  }

  @Test
  void loggedRequest_invalid_isRejected() {
    assertThatThrownBy(() -> new LoggedRequest(0, " ", "GET", "/", 200)).hasMessage("clientHost must not be blank, but was ' '");
    assertThatThrownBy(() -> new LoggedRequest(0, "a", "GET", "/", 99)).hasMessage("status must be in [100, 599], but was 99");
    assertThatThrownBy(() -> new LoggedRequest(0, "a", null, "/", 200)).hasMessage("method must be given, but was missing");
    assertThatThrownBy(() -> new LoggedRequest(0, "a", "GET", null, 200)).hasMessage("rawPath must be given, but was missing");
  }
}
