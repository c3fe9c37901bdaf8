package org.loadcast.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One policy's sweep of its main knob and the Pareto frontier of cost against SLO-violation
 * minutes that the sweep traces.
 *
 * <p>A point is dominated when another costs no more and violates no more minutes, and is better
 * in one of the two; the frontier is the points no other dominates (Deb, Multi-Objective
 * Optimization Using Evolutionary Algorithms, 2001, §2.4). Sorted by cost, the frontier's
 * violation minutes fall strictly, so between two neighbours either figure is a linear function of
 * the other: {@link #costAtViolationMinutes} and {@link #violationMinutesAtCost} interpolate on
 * that piecewise-linear curve and are empty outside its range.
 *
 * @param policy the policy's name
 * @param knob the swept field, such as {@code targetUtilizationPercent}
 * @param points every run of the sweep, in increasing knob order; exactly one is the operating point
 * @param frontier the non-dominated points, in increasing cost (and falling violation minutes)
 */
public record CostFrontier(String policy, String knob, List<Point> points, List<Point> frontier) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException if there are no points or not exactly one operating point
   */
  public CostFrontier {
    points = List.copyOf(points);
    frontier = List.copyOf(frontier);
    if (points.stream().filter(Point::operatingPoint).count() != 1) {
      throw new IllegalArgumentException("points must hold exactly one operating point, but held "
          + points.stream().filter(Point::operatingPoint).count());
    }
  }

  /**
   * Returns a policy's frontier from the runs of its sweep.
   *
   * @param policy the policy's name
   * @param knob the swept field
   * @param points the runs, any order; exactly one is the operating point
   * @return the frontier, its points sorted by knob value
   * @throws IllegalArgumentException as the constructor
   */
  public static CostFrontier of(String policy, String knob, List<Point> points) {
    List<Point> sorted = points.stream().sorted(Comparator.comparingDouble(Point::knobValue)).toList();
    return new CostFrontier(policy, knob, sorted, paretoFront(sorted));
  }

  /**
   * Returns the points that no other point dominates, each distinct (cost, violation minutes) pair
   * once: the first in the given order among equals.
   *
   * @param points the candidates, any order
   * @return the non-dominated points by increasing cost, their violation minutes strictly falling;
   *     empty for no points
   */
  public static List<Point> paretoFront(List<Point> points) {
    List<Point> byCost = points.stream()
        .sorted(Comparator.comparingDouble(Point::cost).thenComparingLong(Point::sloViolationMinutes)).toList();
    List<Point> front = new ArrayList<>();
    long fewest = Long.MAX_VALUE;
    for (Point p : byCost) {
      if (p.sloViolationMinutes() < fewest) {
        front.add(p);
        fewest = p.sloViolationMinutes();
      }
    }
    return front;
  }

  /** Returns the operating point: the policy as the experiment configures it. */
  public Point operatingPoint() {
    return points.stream().filter(Point::operatingPoint).findFirst().orElseThrow();
  }

  /**
   * Returns the frontier's cost at a number of violation minutes, by linear interpolation between
   * the two frontier points around it.
   *
   * @param violationMinutes the level, in minutes
   * @return the cost; empty outside [fewest, most] violation minutes of the frontier
   */
  public OptionalDouble costAtViolationMinutes(double violationMinutes) {
    for (int i = 0; i < frontier.size(); i++) {
      Point p = frontier.get(i);
      if (violationMinutes == p.sloViolationMinutes()) {
        return OptionalDouble.of(p.cost());
      }
      if (i > 0 && violationMinutes < frontier.get(i - 1).sloViolationMinutes() && violationMinutes > p.sloViolationMinutes()) {
        Point q = frontier.get(i - 1);
        return OptionalDouble.of(interpolate(violationMinutes, q.sloViolationMinutes(), q.cost(), p.sloViolationMinutes(), p.cost()));
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Returns the frontier's violation minutes at a cost, by linear interpolation between the two
   * frontier points around it.
   *
   * @param cost the level, in the experiment's currency
   * @return the violation minutes, fractional between points; empty outside [cheapest, dearest]
   */
  public OptionalDouble violationMinutesAtCost(double cost) {
    for (int i = 0; i < frontier.size(); i++) {
      Point p = frontier.get(i);
      if (cost == p.cost()) {
        return OptionalDouble.of(p.sloViolationMinutes());
      }
      if (i > 0 && cost > frontier.get(i - 1).cost() && cost < p.cost()) {
        Point q = frontier.get(i - 1);
        return OptionalDouble.of(interpolate(cost, q.cost(), q.sloViolationMinutes(), p.cost(), p.sloViolationMinutes()));
      }
    }
    return OptionalDouble.empty();
  }

  /** Returns the range of the frontier's violation minutes as {fewest, most}. */
  double[] violationRange() {
    return new double[] {frontier.get(frontier.size() - 1).sloViolationMinutes(), frontier.get(0).sloViolationMinutes()};
  }

  /** Returns the range of the frontier's cost as {cheapest, dearest}. */
  double[] costRange() {
    return new double[] {frontier.get(0).cost(), frontier.get(frontier.size() - 1).cost()};
  }

  private static double interpolate(double x, double x0, double y0, double x1, double y1) {
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
  }

  /**
   * One run of a sweep.
   *
   * @param knobValue the knob's value in this run
   * @param cost the run's cost: instance-hours × price per hour
   * @param sloViolationMinutes minutes that violated the SLO
   * @param instanceHours the provisioned instance-hours
   * @param operatingPoint whether this is the policy as configured in the experiment
   */
  public record Point(double knobValue, double cost, long sloViolationMinutes, double instanceHours, boolean operatingPoint) {}
}
