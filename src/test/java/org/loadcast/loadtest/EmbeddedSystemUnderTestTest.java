package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.RequestTemplate;

/** The embedded system under test serves the paths that templates render. */
class EmbeddedSystemUnderTestTest {

  @Test
  void pathPattern_placeholder_matchesEveryRenderedSegmentButNoSlash() {
    RequestTemplate t = new RequestTemplate("product", "GET", "/products/{sku}/reviews", Map.of(), null, "skus.csv", 1.0);
    String pattern = EmbeddedSystemUnderTest.pathPattern(t.path());
    assertThat(t.render(Map.of("sku", "café 3")).path()).isEqualTo("/products/caf%C3%A9%203/reviews").matches(pattern);
    assertThat(t.render(Map.of("sku", "a/b")).path()).isEqualTo("/products/a%2Fb/reviews").matches(pattern);
    assertThat("/products/a/b/reviews").doesNotMatch(pattern);
    assertThat("/products//reviews").doesNotMatch(pattern);
  }

  @Test
  void pathPattern_literalPath_isQuoted() {
    assertThat("/search").matches(EmbeddedSystemUnderTest.pathPattern("/search"));
    assertThat("/a.b").matches(EmbeddedSystemUnderTest.pathPattern("/a.b"));
    assertThat("/axb").doesNotMatch(EmbeddedSystemUnderTest.pathPattern("/a.b"));
  }
}
