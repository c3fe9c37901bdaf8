package org.loadcast.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.profile.ArrivalSchedule;

/**
 * The injection is exact in practice, not only on paper: a real Gatling run in this JVM starts
 * each second's users within one of the compiled schedule, and exactly the scheduled total. About
 * 35 s: 6 s of warm-up, 22 s of schedule and Gatling's start and stop.
 *
 * <p>Seconds are counted from replay second 0's start, estimated from the least delayed user (see
 * {@link ArrivalCounter#perSecond(long[])}).
 */
@Tag("slow")
class ScheduleAccuracyIT {

  @Test
  void gatlingRun_startsEachSecondsScheduledArrivalsWithinOne() {
    ArrivalSchedule schedule = ScheduleAccuracySimulation.schedule();
    assertThat(schedule.counts()).as("the schedule has sub-1/s seconds, empty seconds and a high second")
        .startsWith(5, 5, 5, 0, 1, 0).contains(100);

    int status = InProcessGatling.run(ScheduleAccuracySimulation.class);

    assertThat(status).as("Gatling's exit status").isZero();
    ArrivalCounter counter = ScheduleAccuracySimulation.LAST_RUN.get();
    int[] planned = schedule.counts();
    long[] scheduledMillis = ScheduleAccuracySimulation.scheduledMillis();
    long[] measured = counter.perSecond(scheduledMillis);
    double[] lateness = counter.latenessMillis(scheduledMillis);
    System.out.printf(Locale.ROOT, "schedule accuracy: planned  %s%nschedule accuracy: measured %s%n"
            + "schedule accuracy: from the first arrival %s%nschedule accuracy: lateness ms p10 %.2f, median %.2f, p90 %.2f, p99 %.2f, max %.2f%n",
        Arrays.toString(planned), Arrays.toString(measured), Arrays.toString(counter.perSecondFromFirstArrival()),
        lateness[lateness.length / 10], lateness[lateness.length / 2], lateness[9 * lateness.length / 10], lateness[(int) (0.99 * (lateness.length - 1))], lateness[lateness.length - 1]);
    assertThat(counter.count()).as("total arrivals").isEqualTo(schedule.totalArrivals()).isEqualTo(179);
    int lastPlanned = planned.length - 1;
    while (planned[lastPlanned] == 0) {
      lastPlanned--;
    }
    assertThat(measured.length).as("seconds from the first to the last arrival").isBetween(lastPlanned, lastPlanned + 2);
    for (int k = 0; k < Math.max(planned.length, measured.length); k++) {
      long want = k < planned.length ? planned[k] : 0;
      long got = k < measured.length ? measured[k] : 0;
      assertThat(got).as("arrivals in second %d", k).isBetween(want - 1, want + 1);
    }
  }
}
