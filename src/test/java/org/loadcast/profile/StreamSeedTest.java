package org.loadcast.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The one derivation of a named stream's seed; the values are pinned so that seeded runs never change. */
class StreamSeedTest {
  @Test
  void of_knownSeedsAndNames_giveThePinnedValues() {
    assertThat(StreamSeed.of(1995, "schedule")).isEqualTo(8019837677948101413L);
    assertThat(StreamSeed.of(-7, "schedule")).isEqualTo(4852219898924881870L);
    assertThat(StreamSeed.of(7, "noise")).isEqualTo(1428812887663484606L);
    assertThat(new SplittableRandom(StreamSeed.of(42, "arrivals")).nextLong()).isEqualTo(-892091143288210864L);
    assertThat(new SplittableRandom(StreamSeed.of(0, "système")).nextLong()).as("UTF-8 bytes of the name")
        .isEqualTo(-2005738999434542904L);
  }

  @Test
  void of_poissonMode_isTheScheduleStream() {
    assertThat(new ArrivalMode.Poisson(1995).streamSeed()).isEqualTo(StreamSeed.of(1995, ArrivalMode.Poisson.STREAM));
  }

  @Test
  void of_emptyName_isRejected() {
    assertThatThrownBy(() -> StreamSeed.of(1, "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a random stream needs a name");
  }
}
