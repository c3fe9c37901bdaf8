package org.loadcast.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The service model the simulation ran.
 *
 * <p>The last four components are the optional refinements of the cluster model; each is null when
 * the experiment leaves it out, and then absent from {@code summary.json}.
 *
 * @param workersPerInstance requests one instance serves at once
 * @param maxQueueLength requests one instance holds waiting
 * @param serviceTime the distribution, for people, such as "log-normal, median 40.0 ms, σ 0.50"
 * @param meanServiceMillis the mean service time
 * @param capacityPerInstancePerSecond workers over mean service time
 * @param origin where the model came from
 * @param requestTimeoutSeconds the clients' timeout; null for none
 * @param warmupInitialCapacityFraction a warming instance's initial speed; null for no ramp
 * @param billingGranularitySeconds the billing unit; null for exact lifetimes
 * @param minimumBilledSeconds the least billed per instance; null for none
 */
public record ServiceSummary(
    int workersPerInstance, int maxQueueLength, String serviceTime, double meanServiceMillis,
    double capacityPerInstancePerSecond, String origin,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double requestTimeoutSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double warmupInitialCapacityFraction,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double billingGranularitySeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double minimumBilledSeconds) {

  /** Returns a summary without the optional refinements. */
  public ServiceSummary(
      int workersPerInstance, int maxQueueLength, String serviceTime, double meanServiceMillis,
      double capacityPerInstancePerSecond, String origin) {
    this(workersPerInstance, maxQueueLength, serviceTime, meanServiceMillis, capacityPerInstancePerSecond, origin,
        null, null, null, null);
  }
}
