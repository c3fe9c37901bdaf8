package org.loadcast.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Billing rules against hand-computed bills. */
class BillingTest {

  @Test
  void billedSeconds_awsPerSecondWithAMinute_roundsUpAndRaisesToSixty() {
    Billing aws = new Billing(1, 60);
    assertThat(aws.billedSeconds(12.5)).isEqualTo(60);
    assertThat(aws.billedSeconds(59.2)).isEqualTo(60);
    assertThat(aws.billedSeconds(61.3)).isEqualTo(62);
    assertThat(aws.billedSeconds(600)).isEqualTo(600);
  }

  @Test
  void billedSeconds_hourly_roundsUpToWholeHours() {
    Billing hourly = new Billing(3600, 3600);
    assertThat(hourly.billedSeconds(0)).isEqualTo(3600);
    assertThat(hourly.billedSeconds(3600)).isEqualTo(3600);
    assertThat(hourly.billedSeconds(3601)).isEqualTo(7200);
  }

  @Test
  void billedSeconds_exact_isTheLifetime() {
    assertThat(Billing.EXACT.billedSeconds(12.345)).isEqualTo(12.345);
    assertThat(Billing.EXACT.isExact()).isTrue();
    assertThat(new Billing(0, 60).isExact()).isFalse();
  }

  @Test
  void billedSeconds_negativeLifetime_isRejected() {
    assertThatThrownBy(() -> Billing.EXACT.billedSeconds(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetimeSeconds must be a finite number >= 0, but was -1.0");
  }
}
