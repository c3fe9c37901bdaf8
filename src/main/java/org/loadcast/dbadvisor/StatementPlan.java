package org.loadcast.dbadvisor;

import java.util.List;

/**
 * A statement's plan and what {@link PlanChecks} found in it.
 *
 * @param statement the statement as explained, with {@code $n} markers
 * @param root the plan's root node
 * @param generic {@code true} when the plan is the generic plan of a parameterised statement
 * @param findings the findings in plan order; empty when none
 */
public record StatementPlan(SqlText statement, PlanNode root, boolean generic, List<PlanFinding> findings) {

  /**
   * Copies the findings.
   *
   * @throws IllegalArgumentException if statement or root is missing
   */
  public StatementPlan {
    if (statement == null || root == null) {
      throw new IllegalArgumentException("a statement plan needs a statement and a root node");
    }
    findings = List.copyOf(findings);
  }

  /** Returns the plan's total cost, the root's, in the planner's units. */
  public double totalCost() {
    return root.totalCost();
  }
}
