package org.loadcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loadcast.loadtest.ArrivalCounter;
import org.loadcast.loadtest.InProcessGatling;
import org.loadcast.loadtest.ScheduleInjection;

/**
 * How fast one JVM injects: {@value #RATE_PER_SECOND} {@code dummy()} users per second for
 * {@value #SECONDS} s, once through plain Gatling and once through Loadcast's compiled schedule with
 * every start recorded. Prints each achieved rate (users over the time from the first start to the
 * last), their ratio (goal: at least 0.9), the largest per-second deviation of Gatling's own
 * injection plan from the schedule (goal: 1), and how the measured start times spread around it:
 * Gatling starts users late by milliseconds, and at this rate a millisecond holds 100 users. Run with {@code mvn -Pbenchmark verify}; about 2 minutes.
 */
@Tag("benchmark")
class InjectorCeilingBenchmarkTest {
  static final int RATE_PER_SECOND = Integer.getInteger("loadcast.bench.ratePerSecond", 100_000);
  static final int SECONDS = 20;
  /** Seconds at the start in which the JIT compiles the injection path; reported apart. */
  static final int WARMUP_SECONDS = 3;

  private static double quantile(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  @Test
  void injectorCeiling_plainAgainstCompiled() {
    assertThat(InProcessGatling.run(PlainInjectionSimulation.class)).as("plain run's status").isZero();
    long[] plain = PlainInjectionSimulation.LAST_RUN.get();
    double plainRate = plain[0] / ((plain[2] - plain[1]) / 1e9);

    assertThat(InProcessGatling.run(CompiledScheduleSimulation.class)).as("compiled run's status").isZero();
    ArrivalCounter counter = CompiledScheduleSimulation.LAST_RUN.get();
    int[] planned = CompiledScheduleSimulation.schedule().counts();
    long[] measured = counter.perSecond(ScheduleInjection.scheduledMillis(ScheduleInjection.steps(planned)));
    double compiledRate = counter.count() / counter.spanSeconds();
    long worst = 0;
    long worstAfterWarmup = 0;
    for (int k = 0; k < Math.max(planned.length, measured.length); k++) {
      long want = k < planned.length ? planned[k] : 0;
      long got = k < measured.length ? measured[k] : 0;
      worst = Math.max(worst, Math.abs(got - want));
      if (k >= WARMUP_SECONDS && k < planned.length - 1) {
        worstAfterWarmup = Math.max(worstAfterWarmup, Math.abs(got - want));
      }
    }
    long[] scheduledMillis = ScheduleInjection.scheduledMillis(ScheduleInjection.steps(planned));
    long[] scheduledPerSecond = new long[planned.length];
    for (long millis : scheduledMillis) {
      scheduledPerSecond[(int) (millis / 1000)]++;
    }
    long worstScheduled = 0;
    for (int k = 0; k < planned.length; k++) {
      worstScheduled = Math.max(worstScheduled, Math.abs(scheduledPerSecond[k] - planned[k]));
    }
    double[] lateness = counter.latenessMillis(scheduledMillis);
    Arrays.sort(lateness);

    System.out.printf(Locale.ROOT, "injector ceiling: %d users/s for %d s, %d cores, load average %.2f%n",
        RATE_PER_SECOND, SECONDS, Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "injector ceiling: plain Gatling    %d users in %.2f s: %.0f users/s%n",
        plain[0], (plain[2] - plain[1]) / 1e9, plainRate);
    System.out.printf(Locale.ROOT, "injector ceiling: compiled schedule %d users in %.2f s: %.0f users/s, ratio %.3f (goal >= 0.9)%n",
        counter.count(), counter.spanSeconds(), compiledRate, compiledRate / plainRate);
    System.out.printf(Locale.ROOT, "injector ceiling: Gatling's own injection plan, per second, deviates from the schedule "
        + "by at most %d (goal <= 1)%n", worstScheduled);
    System.out.printf(Locale.ROOT, "injector ceiling: measured starts per second %s, largest deviation %d%n",
        Arrays.toString(measured), worst);
    System.out.printf(Locale.ROOT, "injector ceiling: from second %d to the last but one, largest deviation %d; users started "
        + "late by p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (at %d users/s one millisecond holds %d users)%n",
        WARMUP_SECONDS, worstAfterWarmup, quantile(lateness, 0.5), quantile(lateness, 0.99), quantile(lateness, 0.999),
        lateness[lateness.length - 1], RATE_PER_SECOND, RATE_PER_SECOND / 1000);
    assertThat(counter.count()).as("every scheduled user started").isEqualTo((long) RATE_PER_SECOND * SECONDS);
    assertThat(worstScheduled).as("Gatling's plan holds the schedule's counts").isLessThanOrEqualTo(1);
    assertThat(plain[0]).isEqualTo((long) RATE_PER_SECOND * SECONDS);
  }
}
