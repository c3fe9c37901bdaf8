package org.loadcast.report;

/**
 * The service model the simulation ran.
 *
 * @param workersPerInstance requests one instance serves at once
 * @param maxQueueLength requests one instance holds waiting
 * @param serviceTime the distribution, for people, such as "log-normal, median 40.0 ms, σ 0.50"
 * @param meanServiceMillis the mean service time
 * @param capacityPerInstancePerSecond workers over mean service time
 * @param origin where the model came from
 */
public record ServiceSummary(
    int workersPerInstance, int maxQueueLength, String serviceTime, double meanServiceMillis,
    double capacityPerInstancePerSecond, String origin) {}
