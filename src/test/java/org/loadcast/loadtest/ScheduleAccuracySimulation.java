package org.loadcast.loadtest;

import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.loadcast.profile.ArrivalMode;
import org.loadcast.profile.ArrivalSchedule;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.ReplaySettings;
import org.loadcast.profile.ScheduleCompiler;

/**
 * Injects a compiled deterministic schedule with {@code dummy()} actions (no network) and records
 * when each user starts, for {@link ScheduleAccuracyIT}.
 *
 * <p>The profile (a step curve, in real time): 5 per second for 3 s, 0.3 per second for 10 s, 3
 * empty seconds, one second of 100, 20 per second for 3 s, then 0.5 per second for 2 s: 22 s and
 * 179 arrivals. The high second is 100 because Gatling starts users 1 to 5 ms late (median), up to
 * 10 ms at the 99th percentile on a busy 2-core machine: at 400 per second (a user every 2.5 ms)
 * 2 to 7 of the last users of the second started in the next one.
 *
 * <p>First come {@value #WARMUP_SECONDS} s of unrecorded dummy users (4 000 in all) and 2 quiet
 * seconds: without them the JIT compiles Gatling's injection path during the measured seconds, and
 * users start 10 to 25 ms late instead of 1 to 4 ms.
 *
 * <p>Gatling creates the simulation by reflection, so the counter of the last run is handed to the
 * test through {@link #LAST_RUN}.
 */
public class ScheduleAccuracySimulation extends Simulation {
  /** The arrival counter of the last run, set when its users are all done. */
  public static final AtomicReference<ArrivalCounter> LAST_RUN = new AtomicReference<>();

  /** Seconds of unrecorded dummy users first, so that the JIT has compiled the injector's path. */
  static final int WARMUP_SECONDS = 4;

  private final ArrivalCounter counter = new ArrivalCounter(10_000, System::nanoTime);

  /** Returns the schedule this simulation injects. */
  public static ArrivalSchedule schedule() {
    RateCurve curve = RateCurve.of(new double[] {0, 3, 13, 16, 17, 20, 22}, new double[] {5, 0.3, 0, 100, 20, 0.5, 0.5},
        Interpolation.STEP, List.of());
    return ScheduleCompiler.compile(curve, new ReplaySettings(0, 22, 1, 1), new ArrivalMode.Deterministic());
  }

  public ScheduleAccuracySimulation() {
    List<OpenInjectionStep> steps = new ArrayList<>();
    steps.add(nothingFor(Duration.ofSeconds(WARMUP_SECONDS + 2)));
    steps.addAll(ScheduleInjection.steps(schedule().counts()));
    setUp(
        scenario("warmup").exec(dummy("warmup", 1)).injectOpen(rampUsers(4_000).during(Duration.ofSeconds(WARMUP_SECONDS))),
        scenario("schedule")
            .exec(session -> {
              counter.arrived();
              return session;
            })
            .exec(dummy("arrival", 1))
            .injectOpen(steps));
  }

  /** Returns when each user of the schedule is due, in milliseconds after replay second 0 starts. */
  public static long[] scheduledMillis() {
    return ScheduleInjection.scheduledMillis(ScheduleInjection.steps(schedule().counts()));
  }

  @Override
  public void after() {
    LAST_RUN.set(counter);
  }
}
