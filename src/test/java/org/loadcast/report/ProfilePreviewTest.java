package org.loadcast.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.RequestMix;
import org.loadcast.profile.RequestTemplate;
import org.loadcast.profile.TimeRange;
import org.loadcast.profile.TrafficProfile;
import org.loadcast.profile.TrafficProfiles;

class ProfilePreviewTest {

  private static TrafficProfile small(String path) {
    RateCurve curve = RateCurve.of(new double[] {0, 60, 120, 180}, new double[] {1, 2, 3, 4}, Interpolation.LINEAR,
        List.of(new TimeRange(60, 120)));
    RequestMix mix = new RequestMix(List.of(new RequestTemplate("home", "GET", "/", 3),
        new RequestTemplate("evil", "GET", path, 1)));
    return new TrafficProfile("tiny", "a <b>tiny</b> profile", 5, ZoneId.of("UTC"),
        OffsetDateTime.parse("2026-01-01T00:00:00Z"), curve, mix);
  }

  @Test
  void html_smallProfile_showsTheMixSharesAndTheMissingRange() throws IOException {
    String html = ProfilePreview.html(small("/a"));
    assertThat(html).contains("<td>home</td>").contains("<td>75.0</td>").contains("<td>25.0</td>")
        .contains("2026-01-01T00:01Z").contains("2026-01-01T00:02Z").contains("id=\"chart-data\"").contains("uPlot");
    assertThat(html).contains("\"ratePerSecond\":[1.0,null,3.0,4.0]").contains("\"missingBridgedPerSecond\":[1.0,2.0,3.0,null]");
  }

  @Test
  void html_markupInNamesAndPaths_isEscaped() throws IOException {
    String html = ProfilePreview.html(small("/x?<script>alert(1)</script>"));
    assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<b>tiny</b>").contains("&lt;b&gt;tiny&lt;/b&gt;");
  }

  @Test
  void html_nasa_opensOfflineWithNothingFetched() throws IOException {
    String html = ProfilePreview.html(TrafficProfiles.read(Path.of("traffic-profiles/nasa-kennedy-1995.yaml")));
    assertThat(html).contains("nasa-kennedy-1995").contains("America/New_York");
    assertThat(html).doesNotContainPattern("(src|href)=\"https?:").doesNotContainPattern("url\\(https?:").doesNotContain("@import");
  }

  @Test
  void html_blackFriday_showsTheEventsAsATableAndAsBands() throws IOException {
    String html = ProfilePreview.html(TrafficProfiles.read(Path.of("traffic-profiles/webshop-black-friday.yaml")));
    assertThat(html).contains("<section id=\"events\">").contains("<td>Black Friday sale</td>")
        .contains("2026-11-27T00:00-05:00").contains("rate × 3").contains("rate × 0.6<").contains("rate fixed at 0 per second")
        .contains("15 min");
    // 2026-11-27T00:00-05:00 is epoch second 1795755600
    assertThat(html).contains("{\"name\":\"Black Friday sale\",\"kind\":\"campaign\",\"from\":1795755600,\"to\":1795842000}");
    assertThat(html).doesNotContain("<section id=\"sessions\">");
  }

  @Test
  void html_sessionMixWithoutWeights_showsVisitSharesAndTheSessionModel() throws IOException {
    String html = ProfilePreview.html(TrafficProfiles.read(Path.of("src/test/resources/replay/shop-sessions.yaml")));
    assertThat(html).contains("visit share %").contains("<section id=\"sessions\">").contains("<strong>2.448</strong>")
        .contains("log-normal, median 15 s, σ 0.50 (mean 17.0 s)").contains("exponential, mean 40 s").contains("constant 5 s")
        .contains("sessions expected").contains("\"sessions\":true");
    assertThat(html).doesNotContain("<section id=\"events\">");
  }

  @Test
  void describe_thinkTimes_readForPeople() {
    assertThat(ProfilePreview.describe((org.loadcast.profile.ThinkTime) null)).isEqualTo("none");
    assertThat(ProfilePreview.describe(new org.loadcast.profile.ThinkTime.Empirical(List.of(1.0, 2.5, 4.0))))
        .isEqualTo("empirical, 3 quantiles from 1 to 4 s (mean 2.5 s)");
  }
}
