/**
 * The {@code loadcast} command line (picocli) and the experiment pipeline it shares with the Gatling
 * simulation: load, build, run, report.
 *
 * <p>This is the only package that touches files, the console and the process exit code. User
 * errors become one line {@code file:line:column: what is wrong} and exit code 2.
 */
package org.loadcast.cli;
