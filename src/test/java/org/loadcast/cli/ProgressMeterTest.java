package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {
  private long nanos;

  @Test
  void update_beforeTwoSeconds_drawsNothing() {
    StringWriter err = new StringWriter();
    ProgressMeter meter = new ProgressMeter("big.log", 1_000, () -> nanos, new PrintWriter(err));
    nanos = 1_999_999_999L;
    meter.update(500);
    meter.finish();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void update_afterTwoSeconds_drawsThrottledAndEndsTheLine() {
    StringWriter err = new StringWriter();
    ProgressMeter meter = new ProgressMeter("big.log", 1_000, () -> nanos, new PrintWriter(err));
    nanos = 2_000_000_000L;
    meter.update(500);
    nanos += 100_000_000L;
    meter.update(600);
    nanos += 200_000_000L;
    meter.update(1_000);
    meter.finish();
    assertThat(err.toString()).isEqualTo("\rreading big.log [###############               ]  50 % 0 MB 2 s"
        + "\rreading big.log [##############################] 100 % 0 MB 2 s"
        + "\rreading big.log [##############################] 100 % 0 MB 2 s" + System.lineSeparator());
  }

  @Test
  void update_otherUnits_drawTheirAmountWithTheLabel() {
    StringWriter err = new StringWriter();
    ProgressMeter meter = new ProgressMeter("simulating 2 runs", 172_800,
        done -> String.format(java.util.Locale.ROOT, "%.1f of 2.0 simulated days", done / 86400.0), () -> nanos, new PrintWriter(err));
    nanos = 3_000_000_000L;
    meter.update(86_400);
    assertThat(err.toString()).isEqualTo("\rsimulating 2 runs [###############               ]  50 % 1.0 of 2.0 simulated days 3 s");
  }
}
