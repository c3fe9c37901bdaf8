package org.loadcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.loadcast.report.LoadTestSummary;
import org.loadcast.results.Phase;
import org.loadcast.results.SecondResult;

class LoadTestPipelineTest {

  /** Hand-counted: two probe seconds and three replay seconds, one with a 503 and one without a response. */
  @Test
  void phaseCounts_sumEachPhaseAndNameEachStatus() {
    List<SecondResult> seconds = new ArrayList<>();
    seconds.add(second(0, Phase.PROBE, 10, 10, 0, Map.of(200, 10L)));
    seconds.add(second(1, Phase.PROBE, 20, 19, 0, Map.of(200, 19L)));
    seconds.add(second(2, Phase.REPLAY, 5, 5, 1, Map.of(200, 4L, 503, 1L)));
    seconds.add(second(3, Phase.REPLAY, 6, 6, 1, Map.of(200, 5L, 0, 1L)));
    seconds.add(second(4, Phase.REPLAY, 0, 2, 0, Map.of(200, 2L)));
    List<LoadTestSummary.PhaseCounts> phases = LoadTestPipeline.phaseCounts(seconds);
    assertThat(phases).extracting(LoadTestSummary.PhaseCounts::phase).containsExactly("probe", "replay");
    LoadTestSummary.PhaseCounts probe = phases.get(0);
    assertThat(List.of(probe.seconds(), probe.sentRequests(), probe.completed(), probe.failed())).containsExactly(2, 30L, 29L, 0L);
    assertThat(probe.byStatus()).containsExactly(Map.entry("HTTP 200", 29L));
    LoadTestSummary.PhaseCounts replay = phases.get(1);
    assertThat(List.of(replay.seconds(), replay.sentRequests(), replay.completed(), replay.failed())).containsExactly(3, 11L, 13L, 2L);
    assertThat(replay.byStatus()).containsExactly(Map.entry("no response", 1L), Map.entry("HTTP 200", 11L), Map.entry("HTTP 503", 1L));
    assertThat(replay.failedFraction()).isEqualTo(2.0 / 13);
  }

  @Test
  void phaseCounts_noSeconds_isEmpty() {
    assertThat(LoadTestPipeline.phaseCounts(List.of())).isEmpty();
  }

  private static SecondResult second(int s, Phase phase, long started, long completed, long failed, Map<Integer, Long> statuses) {
    return new SecondResult(s, phase, started, completed, failed, 1, new TreeMap<>(statuses), new TreeMap<>());
  }
}
