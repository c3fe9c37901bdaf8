/**
 * Hotspots: which request names and which JVM methods take most of the time.
 *
 * <p>Most latency comes from a few code paths, so measure first and optimise what matters. Two
 * rankings answer "where does the time go", both with a Pareto line, "k of n account for 90 % of
 * the time" (the smallest k whose cumulative share reaches the threshold):
 *
 * <ul>
 *   <li>{@link EndpointHotspots} ranks request names by their share of the total time spent in
 *       requests (count × mean latency) from the load test's per-second HdrHistograms, and flags
 *       regressions: an endpoint whose p95 in a replay window rose beyond a threshold over its p95
 *       in the probe step run at the same throughput.
 *   <li>{@link JfrHotMethods} ranks JVM methods by self and total samples from JDK Flight Recorder
 *       {@code jdk.ExecutionSample} events, read from a recording file, streamed in-process or
 *       from another JVM's disk repository ({@link JfrSampler}), and folds their stacks for a
 *       flame graph ({@link FlameGraphPage}, drawn by async-profiler's converter).
 * </ul>
 *
 * <p>{@link CodeProfiler} runs the code side during a load test as {@link ProfilingSettings} say
 * and returns {@link CodeHotspots}; {@link HotspotReport} gathers both sides for the HTML report
 * fragment {@code hotspots.peb}.
 */
package org.loadcast.hotspot;
