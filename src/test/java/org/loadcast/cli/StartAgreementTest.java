package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartAgreementTest {
  @TempDir
  Path dir;

  @Test
  void agree_firstArrivalSetsItsClockPlusTheLead_laterOnesReadIt() {
    Path file = dir.resolve("start-at");

    assertThat(StartAgreement.agree(file, () -> 1_000_000L, 10)).isEqualTo(1_010_000L);
    assertThat(StartAgreement.agree(file, () -> 1_004_000L, 10)).isEqualTo(1_010_000L);
    assertThat(file).hasContent("1010000");
  }

  @Test
  void agree_eightInjectorsRacing_allGetTheSameStart() throws Exception {
    Path file = dir.resolve("start-at");
    AtomicLong clock = new AtomicLong(5_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Long>> injectors = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        injectors.add(() -> StartAgreement.agree(file, clock::incrementAndGet, 3));
      }
      List<Long> starts = new ArrayList<>();
      for (Future<Long> start : pool.invokeAll(injectors)) {
        starts.add(start.get());
      }

      assertThat(starts).hasSize(8).containsOnly(starts.get(0));
      assertThat(starts.get(0)).isBetween(8_001L, 8_008L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void agree_fileWithSomethingElse_saysWhatItHolds() throws Exception {
    Path file = Files.writeString(dir.resolve("start-at"), "soon\n");

    assertThatThrownBy(() -> StartAgreement.agree(file, () -> 0L, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the start file " + file + " must hold a time in epoch milliseconds, but holds 'soon'");
  }
}
