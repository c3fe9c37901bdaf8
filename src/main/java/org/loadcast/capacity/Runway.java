package org.loadcast.capacity;

import java.time.LocalDate;
import java.util.Objects;
import org.loadcast.forecast.PredictionInterval;

/**
 * How long the fleet lasts: the first day on which the upper bound of the projected peak needs more
 * instances than the fleet may have, or that no such day comes within the horizon, or that no fleet
 * meets the SLO at all.
 */
public sealed interface Runway permits Runway.Reached, Runway.NotReached, Runway.Infeasible {

  /**
   * The fleet runs out on a day.
   *
   * @param date the first day whose upper-interval peak needs more than maxInstances
   * @param peak the projected peak of that day, in requests per second
   * @param sizing the sizing at the upper bound: {@link SizingPlan.Sized}, or {@link
   *     SizingPlan.Infeasible} when even the search limit of {@link InstanceSizing} is not enough
   * @param maxInstances the limit passed
   */
  record Reached(LocalDate date, PredictionInterval peak, SizingPlan sizing, int maxInstances) implements Runway {
    /** @throws NullPointerException if a component is null */
    public Reached {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(peak, "peak");
      Objects.requireNonNull(sizing, "sizing");
    }
  }

  /**
   * maxInstances suffice for every day of the horizon.
   *
   * @param horizonEnd the last day projected
   * @param maxInstances the limit
   */
  record NotReached(LocalDate horizonEnd, int maxInstances) implements Runway {
    /** @throws NullPointerException if horizonEnd is null */
    public NotReached {
      Objects.requireNonNull(horizonEnd, "horizonEnd");
    }
  }

  /**
   * No instance count meets the SLO, whatever the load ({@link LatencySlo#infeasibility}).
   *
   * @param reason the sentence naming the numbers
   */
  record Infeasible(String reason) implements Runway {
    /** @throws NullPointerException if reason is null */
    public Infeasible {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
