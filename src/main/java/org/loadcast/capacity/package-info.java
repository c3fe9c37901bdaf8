/**
 * The capacity model: queueing theory, fleet sizing for a latency SLO, Little's law, and the
 * Universal Scalability Law.
 *
 * <p>It answers "how many instances for this SLO at this load" and "what can one instance really
 * do":
 * <ul>
 *   <li>{@link org.loadcast.capacity.ErlangTraffic} (Erlang B and C by the stable recursion),
 *       {@link org.loadcast.capacity.MmcQueue} (M/M/c and M/M/1 means, waiting- and sojourn-time
 *       tails and percentiles) and {@link org.loadcast.capacity.Mg1Queue} (M/G/1,
 *       Pollaczek–Khinchine) and {@link org.loadcast.capacity.MmckQueue} (M/M/c/K, finite room:
 *       blocking probability and mean number in system);</li>
 *   <li>{@link org.loadcast.capacity.InstanceSizing} finds the fewest instances that meet a
 *       {@link org.loadcast.capacity.LatencySlo}, both for one pooled queue and for a random split
 *       ({@link org.loadcast.capacity.LoadBalancing}), or says why no count can;</li>
 *   <li>{@link org.loadcast.capacity.LittlesLawCheck} flags load-test steps whose concurrency
 *       disagrees with throughput × mean latency;</li>
 *   <li>{@link org.loadcast.capacity.UslModel} and {@link org.loadcast.capacity.UslFit} describe and
 *       fit how throughput scales with concurrency;</li>
 *   <li>{@link org.loadcast.capacity.ServiceCalibration} calibrates one instance from a load test's
 *       probe: the capacity, the low-load service time ({@link org.loadcast.capacity.ServiceTimeFit}),
 *       the USL on the probe's steps ({@link org.loadcast.capacity.UslCalibration}) and the capacity
 *       measured within an SLO ({@link org.loadcast.capacity.MeasuredSloCapacity}). Sizing with the
 *       simulator instead of Erlang C lives in {@code cli.SimulatedSizing}, since this package may
 *       not depend on {@code sim}.</li>
 *   <li>growth and runway: {@link org.loadcast.capacity.DailyPeaks} takes the busiest window of each
 *       calendar day of a rate series, {@link org.loadcast.capacity.GrowthProjection} fits an ETS
 *       method to those peaks and projects them with prediction intervals and the user's stated
 *       growth ({@link org.loadcast.capacity.GrowthAssumptions}), and {@link
 *       org.loadcast.capacity.CapacityPlan} sizes each month at the upper bound and finds the
 *       {@link org.loadcast.capacity.Runway}, the first day that needs more instances than allowed.</li>
 * </ul>
 *
 * <p>Every formula cites its source; the tests check published values in
 * {@code ../shared/reference/REFERENCE.md}. Times are seconds, rates per second, utilisations
 * fractions in [0, 1].
 *
 * <p>This package is pure: no I/O, no clock and no randomness. It depends on no other Loadcast
 * package except {@code results}, whose probe-step measurements {@link
 * org.loadcast.capacity.ServiceCalibration} fits, with their HdrHistograms, and {@code forecast},
 * whose ETS fits project growth. All its types are immutable records or enums, safe to share
 * between threads; {@link org.loadcast.capacity.ServiceTimeFit} copies its histogram in and out.
 */
package org.loadcast.capacity;
