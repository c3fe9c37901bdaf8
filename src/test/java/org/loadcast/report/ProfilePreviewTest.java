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
    assertThat(html).contains("\"ratePerSecond\":[1.0,null,3.0,4.0]").contains("\"missingBridgedPerSecond\":[null,2.0,3.0,null]");
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
}
