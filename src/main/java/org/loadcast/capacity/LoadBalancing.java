package org.loadcast.capacity;

/**
 * How a fleet of N instances with k workers each shares its arrivals, which bounds the latency from
 * both sides ({@code REFERENCE.md} §5.1): one global queue is the best case, a random split the worst
 * of the usual balancers.
 */
public enum LoadBalancing {

  /** One global queue for all workers, M/M/(k·N) at λ; join-shortest-queue comes close to it. */
  POOLED {
    @Override
    double arrivalRatePerQueue(double arrivalRatePerSecond, int instances) {
      return arrivalRatePerSecond;
    }

    @Override
    int serversPerQueue(int workersPerInstance, int instances) {
      return workersPerInstance * instances;
    }
  },

  /** A random split into N independent M/M/k queues at λ/N each; round-robin does a bit better. */
  RANDOM_SPLIT {
    @Override
    double arrivalRatePerQueue(double arrivalRatePerSecond, int instances) {
      return arrivalRatePerSecond / instances;
    }

    @Override
    int serversPerQueue(int workersPerInstance, int instances) {
      return workersPerInstance;
    }
  };

  abstract double arrivalRatePerQueue(double arrivalRatePerSecond, int instances);

  abstract int serversPerQueue(int workersPerInstance, int instances);

  /**
   * Returns whether the queue one instance sees is stable, the condition of {@link #queueFor}.
   *
   * @param arrivalRatePerSecond the fleet's arrival rate λ, in requests per second, &gt; 0
   * @param meanServiceTimeSeconds the mean service time, in seconds, &gt; 0
   * @param workersPerInstance the workers k of one instance, &gt;= 1
   * @param instances the instances N, &gt;= 1, with {@code k·N} within {@code int}
   * @return {@code true} if the offered load per queue is below its servers
   */
  public boolean isStable(double arrivalRatePerSecond, double meanServiceTimeSeconds,
      int workersPerInstance, int instances) {
    double offeredLoad = arrivalRatePerQueue(arrivalRatePerSecond, instances) * meanServiceTimeSeconds;
    return offeredLoad < serversPerQueue(workersPerInstance, instances);
  }

  /**
   * Returns the queue that one request joins.
   *
   * @param arrivalRatePerSecond the fleet's arrival rate λ, in requests per second, &gt; 0
   * @param meanServiceTimeSeconds the mean service time, in seconds, &gt; 0
   * @param workersPerInstance the workers k of one instance, &gt;= 1
   * @param instances the instances N, &gt;= 1, with {@code k·N} within {@code int}
   * @return the pooled M/M/(k·N) queue or one of the split M/M/k queues
   * @throws IllegalArgumentException if that queue is not stable (see {@link #isStable})
   */
  public MmcQueue queueFor(double arrivalRatePerSecond, double meanServiceTimeSeconds,
      int workersPerInstance, int instances) {
    return new MmcQueue(arrivalRatePerQueue(arrivalRatePerSecond, instances), meanServiceTimeSeconds,
        serversPerQueue(workersPerInstance, instances));
  }
}
