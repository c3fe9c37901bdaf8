package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks the steps against Gatling's own user stream: the start offsets Gatling's injector would
 * schedule ({@code OpenInjectionStep.chain}, as its {@code UserStream} folds the steps), counted
 * per whole second.
 */
class ScheduleInjectionTest {

  /** Returns the users Gatling schedules in each second after the population starts. */
  private static long[] scheduledPerSecond(List<OpenInjectionStep> steps, int seconds) {
    long[] perSecond = new long[seconds + 1];
    for (long millis : ScheduleInjection.scheduledMillis(steps)) {
      perSecond[(int) Math.min(seconds, millis / 1000)]++;
    }
    return perSecond;
  }

  private static long[] widened(int[] counts) {
    long[] wide = new long[counts.length + 1];
    for (int k = 0; k < counts.length; k++) {
      wide[k] = counts[k];
    }
    return wide;
  }

  @Test
  void steps_mixedSchedule_gatlingSchedulesExactlyEachSecondsCount() {
    int[] counts = {1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 250, 250, 250, 3, 999, 1000, 1001, 2500, 0, 7};
    assertThat(scheduledPerSecond(ScheduleInjection.steps(counts), counts.length)).containsExactly(widened(counts));
  }

  @Test
  void steps_randomSchedules_gatlingSchedulesExactlyEachSecondsCount() {
    SplittableRandom random = new SplittableRandom(99);
    for (int trial = 0; trial < 20; trial++) {
      int[] counts = new int[1 + random.nextInt(600)];
      for (int k = 0; k < counts.length; k++) {
        counts[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 3 : 400);
      }
      assertThat(scheduledPerSecond(ScheduleInjection.steps(counts), counts.length)).as("trial %d", trial)
          .containsExactly(widened(counts));
    }
  }

  @Test
  void steps_runsOfEqualSeconds_becomeOneStep() {
    assertThat(ScheduleInjection.steps(new int[] {5, 5, 5, 0, 0, 5})).hasSize(3);
    assertThat(ScheduleInjection.steps(new int[0])).isEmpty();
  }

  @Test
  void parts_everySecondDifferentForADay_streamsEachPartAndTogetherGiveEachSecondsCount() {
    int[] counts = new int[86_400];
    for (int k = 0; k < counts.length; k++) {
      counts[k] = 1 + k % 2;
    }
    List<List<OpenInjectionStep>> parts = ScheduleInjection.parts(3, counts);
    assertThat(parts).hasSize(22);
    long[] total = new long[3 + counts.length + 1];
    for (List<OpenInjectionStep> part : parts) {
      long[] perSecond = scheduledPerSecond(part, 3 + counts.length);
      for (int k = 0; k < total.length; k++) {
        total[k] += perSecond[k];
      }
    }
    for (int k = 0; k < counts.length; k++) {
      assertThat(total[3 + k]).as("second %d", k).isEqualTo(counts[k]);
    }
    assertThat(total[0] + total[1] + total[2] + total[3 + counts.length]).isZero();
  }

  @Test
  void parts_emptySchedule_isTheDelayAlone() {
    assertThat(ScheduleInjection.parts(5, new int[0])).hasSize(1);
    assertThatThrownBy(() -> ScheduleInjection.parts(-1, new int[0])).hasMessage("delaySeconds must be >= 0, but was -1");
  }

  @Test
  void steps_negativeCount_isRejected() {
    assertThatThrownBy(() -> ScheduleInjection.steps(new int[] {1, -2}))
        .hasMessage("arrivalsPerSecond[1] must be >= 0, but was -2");
  }
}
