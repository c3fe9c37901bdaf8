package org.loadcast.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cost-versus-SLO frontiers of a run: every policy's sweep and frontier, and the verdict of each
 * policy's frontier against the reference policy's.
 *
 * @param reference the reactive policy the others are compared with; empty when there is none
 * @param policies one frontier per policy, in the experiment's order
 * @param verdicts one verdict per policy other than the reference, in the experiment's order; empty
 *     without a reference
 */
public record Frontiers(Optional<String> reference, List<CostFrontier> policies, List<FrontierVerdict> verdicts) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if the reference names no frontier
   */
  public Frontiers {
    policies = List.copyOf(policies);
    verdicts = List.copyOf(verdicts);
    if (reference.isPresent() && policies.stream().noneMatch(f -> f.policy().equals(reference.get()))) {
      throw new IllegalArgumentException("reference must name a policy's frontier, but was " + reference.get());
    }
  }

  /**
   * Returns the frontiers with the verdicts against the reference.
   *
   * @param reference the reference policy's name, or empty
   * @param policies one frontier per policy, in the experiment's order
   * @return the frontiers
   * @throws IllegalArgumentException if the reference names no frontier
   */
  public static Frontiers of(Optional<String> reference, List<CostFrontier> policies) {
    List<FrontierVerdict> verdicts = new ArrayList<>();
    Optional<CostFrontier> base = reference.flatMap(name -> policies.stream().filter(f -> f.policy().equals(name)).findFirst());
    if (reference.isPresent() && base.isEmpty()) {
      throw new IllegalArgumentException("reference must name a policy's frontier, but was " + reference.get());
    }
    base.ifPresent(b -> policies.stream().filter(f -> f != b).forEach(f -> verdicts.add(FrontierVerdict.of(f, b))));
    return new Frontiers(reference, policies, verdicts);
  }
}
