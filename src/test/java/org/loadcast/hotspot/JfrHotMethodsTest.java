package org.loadcast.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrHotMethodsTest {

  private static final String HOT = HotColdWorkload.class.getName() + ".hotLoop";
  private static final String COLD = HotColdWorkload.class.getName() + ".coldLoop";
  /** At 10 ms, 2.5 s of one busy thread gives up to 250 samples; fewer than 60 cannot judge a share. */
  private static final long MIN_SAMPLES = 60;

  @Test
  void addStack_handBuiltStacks_countSelfTotalAndFolded() {
    JfrHotMethods counts = JfrHotMethods.everySample();
    for (int i = 0; i < 3; i++) {
      counts.addStack(List.of("c", "b", "a"));
    }
    counts.addStack(List.of("d", "d", "a")); // recursion counts once in total
    MethodRanking ranking = counts.ranking(10, 90);
    assertThat(ranking.samples()).isEqualTo(4);
    assertThat(ranking.bySelf()).containsExactly(new MethodHotspot("c", 3, 75), new MethodHotspot("d", 1, 25));
    assertThat(ranking.byTotal()).containsExactly(new MethodHotspot("a", 4, 100), new MethodHotspot("b", 3, 75),
        new MethodHotspot("c", 3, 75), new MethodHotspot("d", 1, 25));
    assertThat(ranking.pareto()).isEqualTo(new ParetoLine(2, 2, 90));
    assertThat(counts.foldedStacks()).containsExactly("a;b;c 3", "a;d;d 1");
    assertThat(counts.ranking(1, 75).bySelf()).hasSize(1);
    assertThat(counts.ranking(1, 75).pareto()).isEqualTo(new ParetoLine(1, 2, 75));
  }

  @Test
  void addStack_frameFilter_keepsOnlyStacksWithAMatchingFrame() {
    JfrHotMethods counts = new JfrHotMethods(t -> true, m -> m.startsWith("org.sut."));
    counts.addStack(List.of("java.util.HashMap.get", "org.sut.Handler.handle"));
    counts.addStack(List.of("io.gatling.Engine.tick"));
    assertThat(counts.samples()).isEqualTo(1);
    assertThat(counts.ranking(5, 90).bySelf()).containsExactly(new MethodHotspot("java.util.HashMap.get", 1, 100));
  }

  @Test
  void ranking_noSamples_isEmpty() {
    MethodRanking ranking = JfrHotMethods.everySample().ranking(10, 90);
    assertThat(ranking.samples()).isZero();
    assertThat(ranking.bySelf()).isEmpty();
    assertThat(ranking.byTotal()).isEmpty();
    assertThat(ranking.paretoSentence()).isEqualTo("0 of 0 methods account for 90 % of the CPU samples");
  }

  @Test
  void ranking_topNBelowOne_isRejected() {
    assertThatThrownBy(() -> JfrHotMethods.everySample().ranking(0, 90)).hasMessage("topN must be >= 1, but was 0");
  }

  @Test
  void readFile_notARecording_throwsIOException(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not.jfr"), "hello");
    assertThatThrownBy(() -> JfrHotMethods.readFile(file, t -> true, m -> true)).isInstanceOf(IOException.class);
  }

  @Test
  void readFile_recordingOfAHotLoop_namesItFirstAtItsShare(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("workload.jfr");
    HotColdWorkload.record(file, 2500);
    JfrHotMethods counts = JfrHotMethods.readFile(file, HotColdWorkload.THREAD_NAME::equals, m -> true);
    assertHotLoopFirst(counts.ranking(5, 90));
  }

  @Test
  void jfrSampler_inProcessStream_namesTheHotLoopFirstAtItsShare() throws Exception {
    JfrHotMethods counts = new JfrHotMethods(HotColdWorkload.THREAD_NAME::equals, m -> true);
    try (JfrSampler sampler = JfrSampler.start(Duration.ofMillis(10), counts)) {
      HotColdWorkload.run(2500);
      assertThat(sampler.drain(Duration.ofSeconds(10))).isTrue();
    }
    assertHotLoopFirst(counts.ranking(5, 90));
  }

  private static void assertHotLoopFirst(MethodRanking ranking) {
    assertThat(ranking.samples()).isGreaterThanOrEqualTo(MIN_SAMPLES);
    assertThat(ranking.bySelf().get(0).method()).isEqualTo(HOT);
    assertThat(ranking.bySelf().get(0).sharePercent()).isCloseTo(80, within(10.0));
    assertThat(ranking.bySelf()).extracting(MethodHotspot::method).contains(COLD);
    // the thread's run method is on every stack
    assertThat(ranking.byTotal().get(0).sharePercent()).isEqualTo(100);
  }
}
