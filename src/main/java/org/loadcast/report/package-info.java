/**
 * The run report: {@code index.html} (self-contained, opens offline from {@code file://}) and
 * {@code summary.json}.
 *
 * <p>HTML is rendered with Pebble templates with auto-escaping on, so names and paths taken from
 * logs always render as text. Charts use uPlot, inlined from its webjar.
 */
package org.loadcast.report;
