package org.loadcast.dashboard;

/**
 * What the dashboard page names in its header: the run it follows.
 *
 * @param experiment the experiment's name
 * @param runId the run's id, as its report directory is named
 * @param target the target's base URL, with " (embedded system under test)" when it is
 */
public record DashboardRun(String experiment, String runId, String target) {}
