/**
 * The live dashboard of a load test: a page on the JDK's HTTP server that follows the run second by
 * second over server-sent events.
 *
 * <p>There is no second measurement path: each second's figures ({@link
 * org.loadcast.dashboard.DashboardSecond}) are computed from the {@link
 * org.loadcast.results.SecondResult} the run's {@link org.loadcast.results.LoadTestRecorder} builds
 * for that second, the same objects the results files are written from. {@link
 * org.loadcast.dashboard.LiveFeed} turns the closed seconds into events, {@link
 * org.loadcast.dashboard.LiveDashboard} serves them to browsers.
 */
package org.loadcast.dashboard;
