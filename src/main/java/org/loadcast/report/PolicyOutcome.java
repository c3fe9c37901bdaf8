package org.loadcast.report;

import org.loadcast.sim.SimulationResult;

/**
 * One policy's run.
 *
 * @param name the policy's name in the experiment
 * @param description the policy's configuration, for people
 * @param result what the simulation produced
 */
public record PolicyOutcome(String name, String description, SimulationResult result) {}
