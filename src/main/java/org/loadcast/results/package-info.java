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
 */
package org.loadcast.results;
