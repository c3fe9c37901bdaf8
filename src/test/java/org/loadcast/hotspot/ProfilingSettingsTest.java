package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.loadcast.TestProperties;

class ProfilingSettingsTest {
  private static Properties properties(String... keyValues) {
    return TestProperties.of(keyValues);
  }

  @Test
  void of_nothingSet_profilesTheEmbeddedSystemOnly() {
    ProfilingSettings settings = ProfilingSettings.of(properties());
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.external()).isFalse();
    assertThat(settings.top()).isEqualTo(20);
    assertThat(settings.threadFilter(name -> name.startsWith("sut-")).test("sut-1")).isTrue();
    assertThat(settings.threadFilter(name -> name.startsWith("sut-")).test("gatling-1")).isFalse();
    assertThat(settings.frameFilter().test("anything.At.all")).isTrue();
  }

  @Test
  void of_allSet_takesThemAndMatchesWholeNames() {
    ProfilingSettings settings = ProfilingSettings.of(properties("profile.jfr", "app.jfr", "profile.threads", "http-nio-.*",
        "profile.include", "com\\.shop\\..*", "profile.top", "5"));
    assertThat(settings.recording()).isEqualTo(Path.of("app.jfr"));
    assertThat(settings.external()).isTrue();
    assertThat(settings.top()).isEqualTo(5);
    assertThat(settings.threadFilter(name -> false).test("http-nio-8080-exec-1")).isTrue();
    assertThat(settings.threadFilter(name -> true).test("main")).isFalse();
    assertThat(settings.frameFilter().test("com.shop.Cart.total")).isTrue();
    assertThat(settings.frameFilter().test("org.com.shop.X.y")).isFalse();
  }

  @Test
  void of_badValues_areRefusedNamingThePropertyAndValue() {
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile", "yes")))
        .hasMessage("profile must be true or false, but was 'yes'");
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile.top", "0")))
        .hasMessage("profile.top must be an integer from 1 to 1000, but was '0'");
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile.top", "ten")))
        .hasMessage("profile.top must be an integer from 1 to 1000, but was 'ten'");
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile.threads", "http-(")))
        .hasMessage("profile.threads must be a Java regular expression, but 'http-(' is not: Unclosed group at index 6");
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile.jfr", " ")))
        .hasMessage("profile.jfr must name a path, but was ' '");
    assertThatThrownBy(() -> ProfilingSettings.of(properties("profile.jfr", "a.jfr", "profile.jfr.repository", "repo")))
        .hasMessage("profile.jfr and profile.jfr.repository name two sources, but one system under test is profiled: "
            + "give one (profile.jfr=a.jfr, profile.jfr.repository=repo)");
  }
}
