/**
 * Load-test results: per-second counts and latency histograms recorded from inside the Gatling
 * simulation.
 *
 * <p>Gatling 3.15's own {@code simulation.log} is binary and private, so Loadcast records every
 * request itself: its start second, phase, request name, status and latency go into an
 * HdrHistogram per second and per request name. Latency is recorded from the moment the request is
 * scheduled to start (its arrival in the open workload model), so a slow system under test cannot
 * hide queueing delay from the histogram (coordinated omission).
 *
 * <p>The results are written as a CSV of per-second counts and as an HdrHistogram interval log with
 * one tag per request name, which the HdrHistogram tools read as they are.
 *
 * <p>A load test too large for one machine runs on several injectors, each with its shard of the
 * arrival schedule. Each writes its results and an {@code injector.json} ({@link InjectorInfo}):
 * which shard it ran, of how many, of which schedule, from which agreed start. {@link ResultsMerge}
 * checks that the shards belong together and adds them exactly, counts to counts and histogram to
 * histogram, into the files of a single run.
 *
 * <p>A load test can be interrupted (Ctrl-C) or killed. So that what it recorded is not lost, {@link
 * ResultsCheckpoint} writes the whole seconds so far every few seconds, with {@code run-state.json}
 * ({@link RunState}) saying how far it got, as one staged set that a crash leaves whole; a shutdown
 * hook writes the last one. {@code loadcast report RUN_DIR} builds a report from them, marked partial.
 */
package org.loadcast.results;
