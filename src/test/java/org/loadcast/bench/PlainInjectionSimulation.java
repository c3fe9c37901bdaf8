package org.loadcast.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline of {@link InjectorCeilingBenchmarkTest}: Gatling's own {@code
 * constantUsersPerSec(rate).during(seconds)} with {@code dummy()} users, counting only the users and
 * the first and last start (three shared counters, no per-user record).
 */
public class PlainInjectionSimulation extends Simulation {
  /** The figures of the last run: users, first and last start in nanoseconds. */
  public static final AtomicReference<long[]> LAST_RUN = new AtomicReference<>();

  private final LongAdder users = new LongAdder();
  private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);

  public PlainInjectionSimulation() {
    setUp(scenario("plain")
        .exec(session -> {
          long now = System.nanoTime();
          users.increment();
          first.accumulate(now);
          last.accumulate(now);
          return session;
        })
        .exec(dummy("arrival", 1))
        .injectOpen(constantUsersPerSec(InjectorCeilingBenchmarkTest.RATE_PER_SECOND)
            .during(Duration.ofSeconds(InjectorCeilingBenchmarkTest.SECONDS))));
  }

  @Override
  public void after() {
    LAST_RUN.set(new long[] {users.sum(), first.get(), last.get()});
  }
}
