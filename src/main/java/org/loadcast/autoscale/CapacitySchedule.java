package org.loadcast.autoscale;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A group's minimum and maximum capacity over time: the policy's own bounds, overridden by the
 * latest-fired {@link ScheduledAction} that sets each (AUTOSCALING.md §2.3, "Events").
 *
 * @param minCapacity the minimum before any action fires, {@code >= 1}
 * @param maxCapacity the maximum before any action fires, {@code >= minCapacity}
 * @param actions the scheduled actions, in file order; copied
 */
record CapacitySchedule(int minCapacity, int maxCapacity, List<ScheduledAction> actions) {

  /**
   * Validates the bounds.
   *
   * @throws IllegalArgumentException if the minimum is below 1 or the maximum below the minimum
   */
  CapacitySchedule {
    if (minCapacity < 1) {
      throw new IllegalArgumentException("minCapacity must be >= 1, but was " + minCapacity);
    }
    if (maxCapacity < minCapacity) {
      throw new IllegalArgumentException("maxCapacity must be >= minCapacity (" + minCapacity + "), but was " + maxCapacity);
    }
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /**
   * Returns {@code desired} held within the bounds in force at {@code at}. Actions that fired at the
   * same minute apply in file order, the later winning. Should the minimum in force exceed the
   * maximum, the maximum wins.
   *
   * @param desired the capacity a policy asks for
   * @param at the decision time in the profile's timezone
   * @return the capacity, {@code >= 1}
   */
  int clamp(int desired, ZonedDateTime at) {
    LocalDateTime local = at.toLocalDateTime();
    int min = minCapacity;
    int max = maxCapacity;
    LocalDateTime minSetAt = LocalDateTime.MIN;
    LocalDateTime maxSetAt = LocalDateTime.MIN;
    for (ScheduledAction action : actions) {
      LocalDateTime fired = action.lastFiringAtOrBefore(local);
      if (fired == null) {
        continue;
      }
      if (action.minCapacity() != null && !fired.isBefore(minSetAt)) {
        min = action.minCapacity();
        minSetAt = fired;
      }
      if (action.maxCapacity() != null && !fired.isBefore(maxSetAt)) {
        max = action.maxCapacity();
        maxSetAt = fired;
      }
    }
    return Math.min(Math.max(desired, min), max);
  }
}
