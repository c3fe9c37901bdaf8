package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Path normalisation: one case per rule. */
class PathTemplateTest {

  @Test
  void of_numericSegments_becomeNumberedIds() {
    PathTemplate p = PathTemplate.of("/users/42/orders/7");
    assertThat(p.path()).isEqualTo("/users/{id}/orders/{id2}");
    assertThat(p.values()).containsExactly(entry("id", "42"), entry("id2", "7"));
  }

  @Test
  void of_uuid_becomesUuid() {
    assertThat(PathTemplate.of("/a/123e4567-E89B-12d3-a456-426614174000").path()).isEqualTo("/a/{uuid}");
  }

  @Test
  void of_longHex_becomesHash_butShortHexStays() {
    assertThat(PathTemplate.of("/blob/0123456789abcdef0123").path()).isEqualTo("/blob/{hash}");
    assertThat(PathTemplate.of("/blob/cafe12").path()).isEqualTo("/blob/cafe12");
  }

  @Test
  void of_isoDate_becomesDate() {
    assertThat(PathTemplate.of("/news/2015-05-17/x").path()).isEqualTo("/news/{date}/x");
  }

  @Test
  void of_numericStemWithExtension_keepsTheExtension() {
    PathTemplate p = PathTemplate.of("/files/20101209.html");
    assertThat(p.path()).isEqualTo("/files/{id}.html");
    assertThat(p.values()).containsExactly(entry("id", "20101209"));
  }

  @Test
  void of_queryAndFragment_areStripped() {
    assertThat(PathTemplate.of("/search?q=1&page=2")).isEqualTo(new PathTemplate("/search", java.util.Map.of(), true));
    assertThat(PathTemplate.of("/a#top").path()).isEqualTo("/a");
    assertThat(PathTemplate.of("/a").queryStripped()).isFalse();
  }

  @Test
  void of_wordsWithDigits_stay() {
    assertThat(PathTemplate.of("/shuttle/missions/sts-68/sts-68-mcc-05.txt").path())
        .isEqualTo("/shuttle/missions/sts-68/sts-68-mcc-05.txt");
    assertThat(PathTemplate.of("/").path()).isEqualTo("/");
    assertThat(PathTemplate.of("/a/").path()).isEqualTo("/a/");
  }

  @Test
  void of_literalBraces_arePercentEncoded() {
    assertThat(PathTemplate.of("/a{b}").path()).isEqualTo("/a%7Bb%7D");
  }

  @Test
  void isStaticAsset_byExtension() {
    assertThat(PathTemplate.isStaticAsset("/images/KSC-logosmall.GIF")).isTrue();
    assertThat(PathTemplate.isStaticAsset("/style.css")).isTrue();
    assertThat(PathTemplate.isStaticAsset("/index.html")).isFalse();
    assertThat(PathTemplate.isStaticAsset("/gif")).isFalse();
  }
}
