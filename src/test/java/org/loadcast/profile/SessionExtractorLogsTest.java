package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Session extraction on real logs: NASA Kennedy Space Center (Common Log Format, August 1995) and
 * the Elastic sample log (Combined Log Format, May 2015, out of order within a minute).
 *
 * <p>Lines are parsed here with a small regex, only for this test: log parsing proper belongs to
 * {@link TrafficSources}.
 */
class SessionExtractorLogsTest {
  private static final Path LOGS = Path.of("../shared/data/access_logs");
  private static final Pattern LINE = Pattern.compile("^(\\S+) \\S+ \\S+ \\[([^\\]]+)] \"(\\S+) (\\S+)[^\"]*\" (\\d{3}) ");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH);

  private static List<LoggedRequest> read(String file) throws IOException {
    List<LoggedRequest> requests = new ArrayList<>();
    for (String line : Files.readAllLines(LOGS.resolve(file), StandardCharsets.ISO_8859_1)) {
      Matcher m = LINE.matcher(line);
      if (m.find()) {
        long second = OffsetDateTime.parse(m.group(2), TIME).toEpochSecond();
        requests.add(new LoggedRequest(second, m.group(1), m.group(3), m.group(4), Integer.parseInt(m.group(5))));
      }
    }
    return requests;
  }

  private static void assertSane(SessionExtraction x, List<LoggedRequest> log) {
    SessionModel model = x.mix().sessions();
    assertThat(x.sessionCount()).isPositive();
    assertThat(x.requestsRead()).isEqualTo(log.size());
    long omitted = x.omittedRequests().values().stream().mapToLong(Long::longValue).sum();
    assertThat(x.requestsInSessions() + omitted).as("every request is accounted for").isEqualTo(x.requestsRead());
    assertThat(model.initial().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
    for (Map.Entry<String, Map<String, SessionModel.Transition>> row : model.transitions().entrySet()) {
      assertThat(row.getValue()).as(row.getKey()).containsKey(SessionModel.EXIT);
      assertThat(row.getValue().values().stream().mapToDouble(SessionModel.Transition::probability).sum())
          .as(row.getKey()).isCloseTo(1, within(1e-9));
    }
    double weights = x.mix().requests().stream().mapToDouble(RequestTemplate::weight).sum();
    assertThat(weights).isEqualTo(x.requestsInSessions());
    assertThat(x.meanRequestsPerSession()).isCloseTo((double) x.requestsInSessions() / x.sessionCount(), within(1e-9));
    // Folding rare transitions renormalises rows, which moves the expected length off the observed
    // mean; 25 % bounds that on these logs (see the no-folding test for the exact identity).
    assertThat(model.expectedRequestsPerSession()).isCloseTo(x.meanRequestsPerSession(),
        within(0.25 * x.meanRequestsPerSession()));
    SessionWalker walker = new SessionWalker(model);
    SplittableRandom random = new SplittableRandom(1995);
    long steps = 0;
    for (int i = 0; i < 20_000; i++) {
      SessionWalker.Walk walk = walker.walk(random);
      steps += walk.steps().size();
      assertThat(walk.steps()).allSatisfy(s -> assertThat(x.mix().template(s.template())).isNotNull());
    }
    assertThat((double) steps / 20_000).isCloseTo(model.expectedRequestsPerSession(),
        within(0.05 * model.expectedRequestsPerSession()));
  }

  @Test
  void extract_nasaLog_isSane() throws IOException {
    List<LoggedRequest> log = read("nasa_ksc_1995-08-01_first20000.log");
    assertThat(log).hasSizeGreaterThan(19_900);
    SessionExtraction x = SessionExtractor.extract(log, ExtractionSettings.defaults());
    assertSane(x, log);
    assertThat(x.mix().requests()).hasSize(20);
    assertThat(x.omittedRequests()).containsKeys(SessionExtraction.Omission.ASSET_FOLDED_INTO_PAGE,
        SessionExtraction.Omission.OUTSIDE_TOP_TEMPLATES, SessionExtraction.Omission.ERROR_STATUS);
    assertThat(x.omittedRequests()).doesNotContainKey(SessionExtraction.Omission.OUT_OF_ORDER);
  }

  @Test
  void extract_nasaLogWithoutFolding_assetsAreStatesAndTheNumbersAddUp() throws IOException {
    List<LoggedRequest> log = read("nasa_ksc_1995-08-01_first20000.log");
    SessionExtraction x = SessionExtractor.extract(log, new ExtractionSettings(20, 1800, 60, 1, 10, false, 100));
    assertSane(x, log);
    assertThat(x.transitionsFolded()).isZero();
    // Without folding, the ML chain's expected requests per session equals the observed mean exactly:
    // visits n_j = starts_j + Σ_i c_ij and c_ij = n_i P_ij, so n / sessions solves v = π + vQ.
    assertThat(x.mix().sessions().expectedRequestsPerSession()).isCloseTo(x.meanRequestsPerSession(), within(1e-9));
    assertThat(x.mix().requests()).extracting(RequestTemplate::path).anyMatch(PathTemplate::isStaticAsset);
  }

  @Test
  void templates_nasaLog_yearsBecomePlaceholders() throws IOException {
    TemplateCounter counter = new TemplateCounter(new ExtractionSettings(100_000, 1800, 60, 5, 10, true, 100));
    read("nasa_ksc_1995-08-01_first20000.log").forEach(counter::accept);
    TemplateCounter.TemplateCatalog catalog = counter.catalog();
    RequestTemplate statistics = catalog.templates().stream()
        .filter(t -> t.path().equals("/statistics/{id}/Jul/Jul95.html")).findFirst().orElseThrow();
    assertThat(statistics.placeholders()).containsExactly("id");
    assertThat(catalog.feeders()).anySatisfy(f -> {
      assertThat(f.feeder()).isEqualTo(statistics.feeder());
      assertThat(f.rows()).containsExactly(List.of("1995"));
    });
  }

  @Test
  void extract_elasticLog_outOfOrderWithinAMinute_isPlacedNotDropped() throws IOException {
    List<LoggedRequest> log = read("elastic_apache_logs_2015-05-17_to_20.log");
    assertThat(log).hasSizeGreaterThan(9_900);
    boolean outOfOrder = false;
    for (int i = 1; i < log.size(); i++) {
      outOfOrder |= log.get(i).epochSecond() < log.get(i - 1).epochSecond();
    }
    assertThat(outOfOrder).as("the sample log is out of order").isTrue();
    SessionExtraction x = SessionExtractor.extract(log, ExtractionSettings.defaults());
    assertSane(x, log);
    assertThat(x.omittedRequests()).doesNotContainKey(SessionExtraction.Omission.OUT_OF_ORDER);
    assertThat(x.queryStringsStripped()).isPositive();
  }

  @Test
  void templates_elasticLog_datesAndIdsBecomePlaceholders() throws IOException {
    TemplateCounter counter = new TemplateCounter(new ExtractionSettings(100_000, 1800, 60, 5, 10, true, 100));
    read("elastic_apache_logs_2015-05-17_to_20.log").forEach(counter::accept);
    List<String> paths = counter.catalog().templates().stream().map(RequestTemplate::path).toList();
    assertThat(paths).contains("/blog/{id}/Jan/{id2}", "/files/blogposts/{id}/fullheight.html");
    assertThat(paths).noneMatch(p -> p.matches(".*/\\d+(/.*|$)"));
  }

  @Test
  void extract_elasticLog_sameInputSameModel() throws IOException {
    List<LoggedRequest> log = read("elastic_apache_logs_2015-05-17_to_20.log");
    assertThat(SessionExtractor.extract(log, ExtractionSettings.defaults()))
        .isEqualTo(SessionExtractor.extract(log, ExtractionSettings.defaults()));
  }
}
