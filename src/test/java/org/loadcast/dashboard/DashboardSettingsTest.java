package org.loadcast.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.loadcast.TestProperties;

class DashboardSettingsTest {
  private static Properties properties(String... keyValues) {
    return TestProperties.of(keyValues);
  }

  @Test
  void of_nothingSet_isOnLoopbackAnyFreePort() {
    assertThat(DashboardSettings.of(properties())).isEqualTo(new DashboardSettings(true, "127.0.0.1", 0));
  }

  @Test
  void of_allSet_takesThem() {
    assertThat(DashboardSettings.of(properties("dashboard", "false", "dashboard.host", "0.0.0.0", "dashboard.port", "8123")))
        .isEqualTo(new DashboardSettings(false, "0.0.0.0", 8123));
  }

  @Test
  void of_dashboardNeitherTrueNorFalse_isRefused() {
    assertThatThrownBy(() -> DashboardSettings.of(properties("dashboard", "off")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("dashboard must be true or false, but was 'off'");
  }

  @Test
  void of_portNotANumber_isRefused() {
    assertThatThrownBy(() -> DashboardSettings.of(properties("dashboard.port", "80a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard.port must be from 0 to 65535 (0: any free port), but was '80a'");
  }

  @Test
  void of_portAbove65535_isRefused() {
    assertThatThrownBy(() -> DashboardSettings.of(properties("dashboard.port", "65536")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard.port must be from 0 to 65535 (0: any free port), but was 65536");
  }

  @Test
  void of_blankHost_isRefused() {
    assertThatThrownBy(() -> DashboardSettings.of(properties("dashboard.host", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dashboard.host must be an address such as 127.0.0.1, but was ''");
  }
}
