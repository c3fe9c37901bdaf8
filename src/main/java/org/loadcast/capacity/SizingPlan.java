package org.loadcast.capacity;

import java.util.Objects;

/**
 * The answer to "how many instances meet this latency SLO": both bounds of {@link LoadBalancing}, or
 * the reason why no instance count does.
 */
public sealed interface SizingPlan permits SizingPlan.Sized, SizingPlan.Infeasible {

  /** {@return {@code true} for {@link Sized}, {@code false} for {@link Infeasible}} */
  boolean isFeasible();

  /**
   * The smallest fleets meeting the SLO with a global queue and with a random split. The truth for a
   * real balancer lies between the two; headroom for failures comes on top.
   *
   * @param pooled the bound for one M/M/(k·N) queue, never null
   * @param randomSplit the bound for N independent M/M/k queues, never null; it needs at least as
   *     many instances as {@code pooled}
   */
  record Sized(FleetBound pooled, FleetBound randomSplit) implements SizingPlan {

    /**
     * Validates the plan.
     *
     * @throws NullPointerException if a bound is null
     */
    public Sized {
      Objects.requireNonNull(pooled, "pooled");
      Objects.requireNonNull(randomSplit, "randomSplit");
    }

    @Override
    public boolean isFeasible() {
      return true;
    }
  }

  /**
   * No instance count meets the SLO, or none within the search limit.
   *
   * @param reason a human-readable sentence naming the numbers, never blank
   */
  record Infeasible(String reason) implements SizingPlan {

    /**
     * Validates the plan.
     *
     * @throws IllegalArgumentException if {@code reason} is null or blank
     */
    public Infeasible {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must not be blank, but was " + reason);
      }
    }

    @Override
    public boolean isFeasible() {
      return false;
    }
  }
}
