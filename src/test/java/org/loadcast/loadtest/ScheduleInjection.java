package org.loadcast.loadtest;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;

import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a compiled schedule's arrivals per replay second into Gatling open-injection steps that
 * start exactly that many users in each second.
 *
 * <p>Each run of {@code r} equal seconds of {@code n > 0} arrivals becomes {@code
 * constantUsersPerSec(n).during(r s)}, and each run of empty seconds one {@code nothingFor(r s)}.
 * Why this is exact, from Gatling 3.15's {@code OpenInjectionStep.scala}:
 * <ul>
 *   <li>a constant rate step injects {@code round(r · n) = r · n} users through a ramp of {@code r}
 *       whole seconds, and the ramp gives second {@code s} {@code Shard.shard(r·n, s, r).length}
 *       users: {@code n} each, as {@code r} divides {@code r·n};
 *   <li>within a second, users are spread over its 1 000 milliseconds ({@code Shard.shards(n,
 *       1000)}), so their offsets lie in {@code [s, s + 0.999]} seconds;
 *   <li>each step shifts the users of the steps after it by its own duration, which here is always
 *       a whole number of seconds. Gatling truncates a duration to whole seconds ({@code
 *       duration.toSeconds}), so a sub-second step would lose time; none is used.
 * </ul>
 * So the users of replay second {@code k} are scheduled in {@code [k, k + 1)} seconds after the
 * population starts. When they actually start depends on the injector keeping up.
 *
 * <p>A run is split when {@code r · n} would pass {@link Integer#MAX_VALUE}, which Gatling's ramp
 * cannot shard. A schedule whose count changes every second gives one step per second, and Gatling
 * nests one lazy iterator per step: on a 1 MiB thread stack, 10 000 steps streamed and 15 000
 * overflowed the stack. {@link #parts} therefore cuts a long schedule into populations of at most
 * {@value #MAX_SECONDS_PER_POPULATION} seconds, each delayed to its place; the populations of one
 * open-model simulation inject side by side, so the arrivals are the same.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScheduleInjection {
  /** The most replay seconds one population injects: well below the stack's limit of about 10 000 steps. */
  public static final int MAX_SECONDS_PER_POPULATION = 4_000;

  private ScheduleInjection() {}

  /**
   * Returns the injection steps of a schedule cut into parts, one per population, each short
   * enough for Gatling's user stream.
   *
   * @param delaySeconds whole seconds before replay second 0, {@code >= 0}
   * @param arrivalsPerSecond arrivals in each replay second from 0, each {@code >= 0}
   * @return one list of steps per part, in order: part {@code j} waits {@code delaySeconds + j ·}
   *     {@value #MAX_SECONDS_PER_POPULATION} seconds, then injects its seconds; one part (of the
   *     delay alone) for an empty schedule
   * @throws IllegalArgumentException if the delay or a count is negative
   */
  public static List<List<OpenInjectionStep>> parts(int delaySeconds, int[] arrivalsPerSecond) {
    if (delaySeconds < 0) {
      throw new IllegalArgumentException("delaySeconds must be >= 0, but was " + delaySeconds);
    }
    List<List<OpenInjectionStep>> parts = new ArrayList<>();
    int from = 0;
    do {
      int to = Math.min(arrivalsPerSecond.length, from + MAX_SECONDS_PER_POPULATION);
      List<OpenInjectionStep> part = new ArrayList<>();
      part.add(nothingFor(Duration.ofSeconds((long) delaySeconds + from)));
      part.addAll(steps(java.util.Arrays.copyOfRange(arrivalsPerSecond, from, to)));
      parts.add(part);
      from = to;
    } while (from < arrivalsPerSecond.length);
    return parts;
  }

  /**
   * Returns the injection steps of a schedule.
   *
   * @param arrivalsPerSecond arrivals in each replay second from 0, each {@code >= 0}
   * @return the steps, in order; lasting {@code arrivalsPerSecond.length} seconds in all; empty for
   *     an empty schedule
   * @throws IllegalArgumentException if a count is negative
   */
  public static List<OpenInjectionStep> steps(int[] arrivalsPerSecond) {
    List<OpenInjectionStep> steps = new ArrayList<>();
    int k = 0;
    while (k < arrivalsPerSecond.length) {
      int n = arrivalsPerSecond[k];
      if (n < 0) {
        throw new IllegalArgumentException("arrivalsPerSecond[" + k + "] must be >= 0, but was " + n);
      }
      int run = runLength(arrivalsPerSecond, k);
      steps.add(n == 0 ? nothingFor(Duration.ofSeconds(run)) : constantUsersPerSec(n).during(Duration.ofSeconds(run)));
      k += run;
    }
    return steps;
  }

  /**
   * Returns when Gatling schedules each user of some steps, read from Gatling's own user stream
   * ({@code OpenInjectionStep.chain}, folded as its {@code UserStream} does). It reaches into
   * Gatling's Scala internals, which are public in bytecode but not a supported API.
   *
   * @param steps open-injection steps of one population
   * @return each user's start in milliseconds after the population starts, in injection order
   */
  public static long[] scheduledMillis(List<OpenInjectionStep> steps) {
    scala.collection.Iterator<scala.concurrent.duration.FiniteDuration> users = scala.collection.Iterator.empty();
    for (int i = steps.size() - 1; i >= 0; i--) {
      users = steps.get(i).asScala().chain(users);
    }
    java.util.stream.LongStream.Builder millis = java.util.stream.LongStream.builder();
    while (users.hasNext()) {
      millis.add(users.next().toMillis());
    }
    return millis.build().toArray();
  }

  /** Returns how many seconds from {@code k} on have the count of second {@code k}, capped so the run's users fit in an int. */
  private static int runLength(int[] counts, int k) {
    int n = counts[k];
    long cap = n == 0 ? Integer.MAX_VALUE : Integer.MAX_VALUE / n;
    int end = k + 1;
    while (end < counts.length && counts[end] == n && end - k < cap) {
      end++;
    }
    return end - k;
  }
}
