package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrafficSeriesTest {
  private static final OffsetDateTime START = OffsetDateTime.parse("2020-01-01T00:00:00Z");
  private static final DataQuality CLEAN = new DataQuality(2, 3, 0, List.of(), 0, 0, List.of(), List.of(), Optional.empty());

  @Test
  void constructor_negativeCount_namesTheIndexAndValue() {
    assertThatThrownBy(() -> new TrafficSeries(START, 1, new long[] {1, -2}, new boolean[2], CLEAN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("counts[1] must be >= 0, but was -2");
  }

  @Test
  void constructor_lengthsDiffer_isRejected() {
    assertThatThrownBy(() -> new TrafficSeries(START, 1, new long[] {1}, new boolean[2], CLEAN))
        .hasMessage("counts and missing must have the same length >= 1, but had 1 and 2");
  }

  @Test
  void constructor_zeroStep_isRejected() {
    assertThatThrownBy(() -> new TrafficSeries(START, 0, new long[] {1}, new boolean[1], CLEAN))
        .hasMessage("stepSeconds must be >= 1, but was 0");
  }

  @Test
  void counts_areCopiedInAndOut() {
    long[] counts = {1, 2};
    TrafficSeries series = new TrafficSeries(START, 60, counts, new boolean[] {false, true}, CLEAN);
    counts[0] = 99;
    series.counts()[1] = 99;

    assertThat(series.counts()).containsExactly(1, 2);
    assertThat(series.missingRanges()).containsExactly(new TimeRange(60, 120));
    assertThat(series.spanSeconds()).isEqualTo(120);
  }

  @Test
  void dataQuality_moreLineNumbersThanMalformedLines_isRejected() {
    assertThatThrownBy(() -> new DataQuality(2, 3, 1, List.of(1L, 2L), 0, 0, List.of(), List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstMalformedLines");
  }

  @Test
  void toFields_sampledLog_writesPlainJson() throws Exception {
    DataQuality quality = new DataQuality(10, 9, 1, List.of(7L), 2, 120, List.of(new TimeRange(60, 180)),
        List.of(java.time.ZoneOffset.ofHours(-4)), Optional.of(new PeriodicCoverage(3_600, 60, List.of(5), 1 / 60.0)));

    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(quality.toFields())).isEqualTo(
        "{\"totalLines\":10,\"totalRequests\":9,\"malformedLines\":1,\"firstMalformedLines\":[7],\"outOfOrderLines\":2,"
            + "\"missingSeconds\":120,\"missingRanges\":[{\"fromSeconds\":60.0,\"toSeconds\":180.0}],\"offsetsSeen\":[\"-04:00\"],"
            + "\"sampled\":true,\"sampling\":{\"periodSeconds\":3600,\"windowSeconds\":60,\"coveredWindows\":[5],"
            + "\"coverageFraction\":0.016666666666666666,\"pattern\":\"minute(s) :05 of each hour\"}}");
  }

  @Test
  void periodicCoverage_fractionNotMatchingTheWindows_isRejected() {
    assertThatThrownBy(() -> new PeriodicCoverage(3_600, 60, List.of(5), 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("coverageFraction must be 1/60, but was 0.5");
  }
}
