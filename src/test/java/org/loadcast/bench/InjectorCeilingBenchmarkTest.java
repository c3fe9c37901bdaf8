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
 * last), their ratio (goal: at least 0.9) and the largest per-second deviation from the schedule
 * (goal: 1). Run with {@code mvn -Pbenchmark verify}; about 2 minutes.
 */
@Tag("benchmark")
class InjectorCeilingBenchmarkTest {
  static final int RATE_PER_SECOND = Integer.getInteger("loadcast.bench.ratePerSecond", 100_000);
  static final int SECONDS = 20;

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
    for (int k = 0; k < Math.max(planned.length, measured.length); k++) {
      long want = k < planned.length ? planned[k] : 0;
      long got = k < measured.length ? measured[k] : 0;
      worst = Math.max(worst, Math.abs(got - want));
    }

    System.out.printf(Locale.ROOT, "injector ceiling: %d users/s for %d s, %d cores, load average %.2f%n",
        RATE_PER_SECOND, SECONDS, Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "injector ceiling: plain Gatling    %d users in %.2f s: %.0f users/s%n",
        plain[0], (plain[2] - plain[1]) / 1e9, plainRate);
    System.out.printf(Locale.ROOT, "injector ceiling: compiled schedule %d users in %.2f s: %.0f users/s, ratio %.3f (goal >= 0.9)%n",
        counter.count(), counter.spanSeconds(), compiledRate, compiledRate / plainRate);
    System.out.printf(Locale.ROOT, "injector ceiling: compiled per second %s, largest deviation %d (goal <= 1)%n",
        Arrays.toString(measured), worst);
    assertThat(counter.count()).as("every scheduled user started").isEqualTo((long) RATE_PER_SECOND * SECONDS);
    assertThat(plain[0]).isEqualTo((long) RATE_PER_SECOND * SECONDS);
  }
}
