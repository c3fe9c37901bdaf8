package org.loadcast.bench;

import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.loadcast.loadtest.ArrivalCounter;
import org.loadcast.loadtest.ScheduleInjection;
import org.loadcast.profile.ArrivalMode;
import org.loadcast.profile.ArrivalSchedule;
import org.loadcast.profile.Interpolation;
import org.loadcast.profile.RateCurve;
import org.loadcast.profile.ReplaySettings;
import org.loadcast.profile.ScheduleCompiler;

/**
 * Loadcast's side of {@link InjectorCeilingBenchmarkTest}: the same rate compiled by {@link
 * ScheduleCompiler} from a constant profile, injected by {@link ScheduleInjection}, and every user's
 * start recorded in an {@link ArrivalCounter}.
 */
public class CompiledScheduleSimulation extends Simulation {
  /** The counter of the last run. */
  public static final AtomicReference<ArrivalCounter> LAST_RUN = new AtomicReference<>();

  private final ArrivalCounter counter =
      new ArrivalCounter((int) (1.1 * InjectorCeilingBenchmarkTest.RATE_PER_SECOND * InjectorCeilingBenchmarkTest.SECONDS), System::nanoTime);

  /** Returns the compiled schedule: the constant rate for the benchmark's seconds. */
  public static ArrivalSchedule schedule() {
    double rate = InjectorCeilingBenchmarkTest.RATE_PER_SECOND;
    double seconds = InjectorCeilingBenchmarkTest.SECONDS;
    RateCurve curve = RateCurve.of(new double[] {0, seconds}, new double[] {rate, rate}, Interpolation.LINEAR, List.of());
    return ScheduleCompiler.compile(curve, new ReplaySettings(0, seconds, 1, 1), new ArrivalMode.Deterministic());
  }

  public CompiledScheduleSimulation() {
    setUp(scenario("compiled")
        .exec(session -> {
          counter.arrived();
          return session;
        })
        .exec(dummy("arrival", 1))
        .injectOpen(ScheduleInjection.steps(schedule().counts())));
  }

  @Override
  public void after() {
    LAST_RUN.set(counter);
  }
}
