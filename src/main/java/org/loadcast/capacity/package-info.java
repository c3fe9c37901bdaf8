/**
 * The capacity model: queueing theory (Erlang C, M/M/c), Little's law, and calibration of the
 * service model from a load test's probe phase.
 *
 * <p>It answers "how many instances for this SLO at this load" and "what can one instance really
 * do". Every formula cites its source; the tests check published values in
 * {@code ../shared/reference/REFERENCE.md}.
 *
 * <p>This package is pure: no I/O, no clock.
 */
package org.loadcast.capacity;
