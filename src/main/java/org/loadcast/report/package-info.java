/**
 * The run report: {@code index.html} (self-contained, opens offline from {@code file://}) and
 * {@code summary.json}.
 *
 * <p>Two runs' summaries are compared by {@link org.loadcast.report.RunComparison} ({@code loadcast
 * report compare}): each figure's change from run A to run B and the run it favours, with a warning
 * when the runs did not see the same demand under the same objective.
 *
 * <p>HTML is rendered with Pebble templates with auto-escaping on, so names and paths taken from
 * logs always render as text. Charts use uPlot, inlined from its webjar.
 */
package org.loadcast.report;
