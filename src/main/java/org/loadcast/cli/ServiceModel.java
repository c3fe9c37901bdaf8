package org.loadcast.cli;

import org.loadcast.sim.ServiceTime;

/**
 * The model of one instance that the simulator runs: its workers, its queue limit and its service
 * times, and where the model came from.
 *
 * @param workersPerInstance requests served at once, {@code >= 1}
 * @param maxQueueLength requests waiting beyond the workers, {@code >= 0}
 * @param serviceTime the service-time distribution
 * @param origin where the model came from, for the report: the experiment file, or the probe
 */
public record ServiceModel(int workersPerInstance, int maxQueueLength, ServiceTime serviceTime, String origin) {

  /**
   * Validates the model.
   *
   * @throws IllegalArgumentException if a field is out of range
   */
  public ServiceModel {
    if (workersPerInstance < 1) {
      throw new IllegalArgumentException("workersPerInstance must be >= 1, but was " + workersPerInstance);
    }
    if (maxQueueLength < 0) {
      throw new IllegalArgumentException("maxQueueLength must be >= 0, but was " + maxQueueLength);
    }
    if (serviceTime == null || origin == null) {
      throw new IllegalArgumentException("serviceTime and origin are required");
    }
  }

  /** Returns the throughput of one instance at full utilization, workers / mean service time. */
  public double capacityPerSecond() {
    return workersPerInstance / serviceTime.meanSeconds();
  }
}
